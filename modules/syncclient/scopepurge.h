#pragma once

#include <QString>
#include <QStringList>

namespace XinDai::Store {
class Database;
}

namespace XinDai::SyncClient {

/// Drops from the local store the firms the signed-in user may no longer see (docs/sync-protocol.md,
/// "Scope changes"): a bank officer's scope shrinks when an authorization is revoked or expires, a
/// window's when a firm moves to another park, and a pull sends nothing about rows the caller can no
/// longer see. The engine asks the server which of
/// its firms are hidden (POST /sync/visible, ids from firmIds()) and passes the answer to purge().
///
/// purge() deletes, in ONE transaction, each hidden firm's `enterprise` row and the rows of every
/// entity of scope Sync::EntitySpec::Scope::FirmRecord (monthly_value, credit_record, authorization,
/// document …) with that enterprise_id. Applications stay: the bank still sees those. The rows are
/// removed, not tombstoned (a tombstone would keep the data); the search index follows through the
/// store's delete trigger. Foreign keys are not enforced around the transaction (PRAGMA foreign_keys
/// off on this connection), as in PullApplier: the applications keep referring to the firm. Should the
/// firm become visible again, the server re-stamps its rows and the next pull brings them back.
class ScopePurge
{
public:
    explicit ScopePurge(Store::Database &db);

    /// The ids of the local enterprise rows that are not deleted, came from the server (version > 0) and
    /// have no operation queued in the outbox, sorted: the firms whose visibility the server can judge.
    QStringList firmIds() const;
    /// \a ids in consecutive batches of at most \a batchSize (>= 1) ids, in order.
    static QList<QStringList> batches(const QStringList &ids, qsizetype batchSize);

    /// Deletes the firms \a firmIds and their FirmRecord rows in one transaction; ids not in the store
    /// are ignored. On failure nothing is deleted, false and a translated message in *errorMessage.
    bool purge(const QStringList &firmIds, QString *errorMessage);

    /// Entities with at least one row deleted by the last purge() (catalog names, enterprise first).
    QStringList changedEntities() const { return m_changed; }
    /// Rows deleted by the last purge(), all entities together.
    int removedRows() const { return m_removed; }

private:
    Store::Database &m_db;
    QStringList m_changed;
    int m_removed = 0;
};

} // namespace XinDai::SyncClient
