#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace XinDai::Sync {

/// One row as the server sends it in a PullPage (and as OpResult::serverRow): the SyncMeta columns
/// plus the entity's other columns in "fields".
struct Row
{
    QString entity;       ///< entity name, e.g. "enterprise"
    QString id;           ///< UUID (SyncMeta::id)
    qint64 version = 0;   ///< server sequence of this state of the row, >= 1
    QDateTime updatedAt;  ///< UTC, millisecond precision on the wire
    bool deleted = false; ///< tombstone: the client deletes its copy
    QJsonObject fields;   ///< every non-meta column (may be empty for a tombstone)

    QJsonObject toJson() const;
    /// Strict parse of \a json at \a path; on failure nullopt and a translated message in *error.
    static std::optional<Row> fromJson(const QJsonObject &json, const QString &path, QString *error);

    friend bool operator==(const Row &, const Row &) = default;
};

} // namespace XinDai::Sync
