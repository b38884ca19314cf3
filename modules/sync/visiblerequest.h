#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace XinDai::Sync {

/// Body of POST /sync/visible: "which of these rows of mine may I no longer see?" A client that
/// holds rows of a firm-scoped entity asks after a pull, because a shrinking scope (an authorization
/// revoked or expired) sends nothing on pull (docs/sync-protocol.md, "Scope changes").
struct VisibleRequest
{
    static constexpr qsizetype MaxIds = 5000;

    QString entity;  ///< a synced entity of scope EntitySpec::Scope::Firm ("enterprise")
    QStringList ids; ///< distinct lower-case UUIDs, at most MaxIds (may be empty)

    QJsonObject toJson() const;
    /// Strict parse: unknown keys, wrong types, an entity that is not firm-scoped, malformed or repeated
    /// ids and more than MaxIds ids are refused; nullopt and a translated message naming the field's
    /// path in *error.
    static std::optional<VisibleRequest> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const VisibleRequest &, const VisibleRequest &) = default;
};

} // namespace XinDai::Sync
