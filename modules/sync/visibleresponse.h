#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace XinDai::Sync {

/// Answer to a VisibleRequest: the requested ids the caller may NOT see now, including ids that do
/// not exist or are deleted on the server, in the request's order. The client drops those rows and
/// the rows that depend on them.
struct VisibleResponse
{
    QStringList hidden; ///< distinct lower-case UUIDs, at most VisibleRequest::MaxIds

    QJsonObject toJson() const;
    /// Strict parse; on failure nullopt and a translated message naming the field's path in *error.
    static std::optional<VisibleResponse> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const VisibleResponse &, const VisibleResponse &) = default;
};

} // namespace XinDai::Sync
