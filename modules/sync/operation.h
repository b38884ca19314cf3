#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace XinDai::Sync {

/// One local mutation sent in a PushRequest (one row of the store's outbox).
struct Operation
{
    enum class Kind { Upsert, Delete };

    QString opId;   ///< client-generated UUID (lower case, no braces); the server applies it once
    QString entity; ///< table/entity name, e.g. "application"
    QString rowId;  ///< UUID of the row (SyncMeta::id)
    Kind kind = Kind::Upsert;
    qint64 baseVersion = 0; ///< server version the client edited from; 0 = the row is new, >= 0
    QJsonObject fields;     ///< changed fields only; non-empty for Upsert, empty for Delete
    QDateTime createdAt;    ///< UTC, when the client recorded the mutation

    /// Wire form; "fields" is omitted for Delete.
    QJsonObject toJson() const;
    /// Strict parse of \a json found at \a path ("" at a message root). On failure returns
    /// nullopt and writes a translated message naming the field's path into *error (when not null).
    static std::optional<Operation> fromJson(const QJsonObject &json, const QString &path, QString *error);

    /// "upsert" / "delete".
    static QString kindName(Kind kind);

    friend bool operator==(const Operation &, const Operation &) = default;
};

} // namespace XinDai::Sync
