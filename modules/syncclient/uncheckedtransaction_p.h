#pragma once

#include <QSqlQuery>
#include <QString>

namespace XinDai::Store {
class Database;
}

namespace XinDai::SyncClient::Internal {

/// A transaction on the local store during which foreign keys are not enforced, for writes of rows as
/// the server sends them (pulled pages, push answers, purges): a child can arrive before its parent,
/// and a caller may see a row whose parent is outside its scope. PRAGMA foreign_keys is switched off on
/// the connection before BEGIN (SQLite ignores it inside a transaction) and on again when this object
/// goes out of scope; a transaction still open then is rolled back.
class UncheckedTransaction
{
public:
    explicit UncheckedTransaction(Store::Database &db);
    ~UncheckedTransaction();
    UncheckedTransaction(const UncheckedTransaction &) = delete;
    UncheckedTransaction &operator=(const UncheckedTransaction &) = delete;

    /// BEGIN; false and a translated message when the store refuses.
    bool begin(QString *errorMessage);
    bool commit();
    void rollback();

private:
    Store::Database &m_db;
    QSqlQuery m_pragma;
    bool m_open = false;
};

} // namespace XinDai::SyncClient::Internal
