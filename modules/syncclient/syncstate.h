#pragma once

#include <QString>

namespace XinDai::Store {
class Database;
}

namespace XinDai::SyncClient {

/// The sync bookkeeping of one local store: the pull cursor and the installation id (both in
/// store_state), and the counts the status bar shows. Plain reads and writes on the caller's
/// connection; callers that need atomicity (the cursor with a page) hold the transaction.
class SyncState
{
public:
    explicit SyncState(Store::Database &db);

    /// The last server sequence whose page was committed locally (store_state 'sync_cursor'; 0 = never).
    qint64 cursor() const;
    bool setCursor(qint64 cursor, QString *errorMessage);
    /// This installation's UUID sent as PushRequest::clientId (store_state 'sync_client_id'), made
    /// on first use.
    QString clientId();

    int pendingOperations() const; ///< rows of the outbox
    int openConflicts() const;     ///< conflict rows with resolved = 0
    int rejections() const;        ///< sync_rejection rows with dismissed = 0

private:
    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value, QString *errorMessage);
    int count(const QString &sql) const;

    Store::Database &m_db;
};

} // namespace XinDai::SyncClient
