#include "syncclient/syncstate.h"

#include "core/domain/syncmeta.h"
#include "store/database.h"
#include "syncclient/syncclienttr_p.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

SyncState::SyncState(Store::Database &db)
    : m_db(db)
{}

qint64 SyncState::cursor() const
{
    return value(u"sync_cursor"_s).toLongLong();
}

bool SyncState::setCursor(qint64 cursor, QString *errorMessage)
{
    return setValue(u"sync_cursor"_s, QString::number(cursor), errorMessage);
}

QString SyncState::clientId()
{
    QString id = value(u"sync_client_id"_s);
    if (id.isEmpty()) {
        id = Core::newId();
        if (!setValue(u"sync_client_id"_s, id, nullptr))
            return {};
    }
    return id;
}

int SyncState::pendingOperations() const
{
    return count(u"SELECT count(*) FROM outbox"_s);
}

int SyncState::openConflicts() const
{
    return count(u"SELECT count(*) FROM conflict WHERE resolved = 0"_s);
}

int SyncState::rejections() const
{
    return count(u"SELECT count(*) FROM sync_rejection WHERE dismissed = 0"_s);
}

QString SyncState::value(const QString &key) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"SELECT value FROM store_state WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

bool SyncState::setValue(const QString &key, const QString &value, QString *errorMessage)
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"INSERT INTO store_state (key, value) VALUES (?, ?) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        if (errorMessage)
            *errorMessage
                = Internal::Tr::tr("Could not save the synchronisation state: the database reported “%1”.")
                      .arg(query.lastError().text());
        return false;
    }
    return true;
}

int SyncState::count(const QString &sql) const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(sql) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace XinDai::SyncClient
