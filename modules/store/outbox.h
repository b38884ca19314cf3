#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QSqlQuery;

namespace XinDai::Store {

class Database;

/// Local mutations waiting to be pushed to the server (docs/sync-protocol.md, "Client").
///
/// The repositories' save() calls record() in the transaction of the change. Coalescing rule: an
/// edit of a row whose newest queued operation has never been sent (attempts = 0) is merged into it
/// (fields of the later edit win; the base version stays the one the first edit started from). An
/// operation that has been sent at least once is frozen (the server may already have applied it under
/// its opId), so a later edit of that row gets a new operation behind it; the sync engine sends at
/// most one operation per row per push, and rebase() moves the later ones onto the version the
/// server answered. An operation the server refused as malformed (last_error set) applied nothing:
/// a later edit of its row is merged into it as well, under a new opId and with the error cleared, so
/// that a correction goes out with the next push instead of waiting behind the refusal.
class Outbox
{
public:
    struct Operation
    {
        QString opId;   ///< UUID, the server's idempotency key
        QString entity; ///< table name, e.g. "application"
        QString rowId;
        QString kind;        ///< upsert | delete
        QJsonObject payload; ///< the changed fields in wire form (Sync::EntityCatalog::toJson)
        QDateTime createdAt;
        int attempts = 0;       ///< pushes sent with this operation (0 = never sent, may be merged)
        qint64 baseVersion = 0; ///< the row's server version before the edit (0 = a new row)
        QString lastError;      ///< why the last push of this operation failed ("" = none)
    };

    explicit Outbox(Database &db);
    bool enqueue(Operation &op, QString *errorMessage); ///< fills opId and createdAt when empty
    QVector<Operation> pending(int limit = 100) const;  ///< oldest first
    bool remove(const QString &opId);
    int count() const;

    /// Records a local change per the coalescing rule above. \a kind upsert with the changed
    /// \a fields, or delete. A delete of a row that only exists locally (its only operation is a
    /// never-sent upsert with base version 0) removes that operation instead. Call inside the
    /// transaction of the change.
    bool record(const QString &entity, const QString &rowId, const QString &kind, const QJsonObject &fields,
                qint64 baseVersion, QString *errorMessage);
    /// Operations of one row, oldest first.
    QVector<Operation> pendingFor(const QString &entity, const QString &rowId) const;
    /// Names of the fields that queued operations of the row change; contains "deleted" when one
    /// of them deletes the row.
    QSet<QString> pendingFields(const QString &entity, const QString &rowId) const;
    /// attempts + 1 for each of \a opIds (distinct; called before a push is sent). A few statements for
    /// the whole batch, not one per operation.
    bool markSent(const QStringList &opIds);
    /// Stores \a error as last_error of each of \a opIds ("" clears it).
    bool setLastError(const QStringList &opIds, const QString &error);
    /// Clears last_error of every operation that has one ("Sync now": they get another chance).
    bool clearLastErrors();
    /// Moves the queued operations of the row onto \a newVersion (after the server answered an
    /// earlier operation of the row): base_version = newVersion where it was lower.
    bool rebase(const QString &entity, const QString &rowId, qint64 newVersion);
    /// Operations whose last push failed with an error that a retry will not fix (last_error set).
    int failedCount() const;

private:
    /// \a sql prepared once per Outbox object (rebase() runs once per answered operation).
    QSqlQuery *statement(const QString &sql) const;

    Database &m_db;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
};

} // namespace XinDai::Store
