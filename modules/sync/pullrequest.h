#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace XinDai::Sync {

/// Body of a pull: "send me the rows with version > cursor that I may see, at most pageSize of them".
struct PullRequest
{
    static constexpr qint64 MinPageSize = 1;
    static constexpr qint64 MaxPageSize = 5000;

    qint64 cursor = 0;     ///< last server sequence the client has committed locally; >= 0, 0 = first sync
    qint64 pageSize = 500; ///< rows per page, MinPageSize..MaxPageSize
    QStringList entities;  ///< restrict to these entity names (distinct); empty = every entity

    /// Wire form; "entities" omitted when empty.
    QJsonObject toJson() const;
    /// Strict parse; on failure nullopt and a translated message naming the field's path in *error.
    static std::optional<PullRequest> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const PullRequest &, const PullRequest &) = default;
};

} // namespace XinDai::Sync
