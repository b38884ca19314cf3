#include "store/searchindex_p.h"
#include "store/storetr_p.h"

#include <QSqlError>
#include <QSqlQuery>

namespace XinDai::Store::Internal {

bool SearchIndex::isDeferred(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1 FROM store_state WHERE key = 'search_index_deferred'"))
           && query.next();
}

bool SearchIndex::setDeferred(const QSqlDatabase &db, bool deferred, QString *errorMessage)
{
    QSqlQuery query(db);
    const QString sql
        = deferred ? QStringLiteral(
              "INSERT OR IGNORE INTO store_state(key, value) VALUES ('search_index_deferred', '1')")
                   : QStringLiteral("DELETE FROM store_state WHERE key = 'search_index_deferred'");
    if (!query.exec(sql)) {
        if (errorMessage)
            *errorMessage
                = Tr::tr("The firm search index could not be switched: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool SearchIndex::rebuild(const QSqlDatabase &db, QString *errorMessage)
{
    QSqlDatabase connection = db;
    if (!connection.transaction()) {
        if (errorMessage)
            *errorMessage
                = Tr::tr("The firm search index could not be rebuilt: %1").arg(connection.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    const QString statements[] = {
        QStringLiteral("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')"),
        QStringLiteral("DELETE FROM enterprise_gram"),
        QStringLiteral("INSERT OR IGNORE INTO enterprise_gram(gram, ent) "
                       "SELECT substr(e.name, p.n + 1, 2) AS g, e.rowid FROM enterprise e "
                       "JOIN gram_pos p ON p.n < length(e.name) ORDER BY g, e.rowid"),
        QStringLiteral("DELETE FROM store_state WHERE key = 'search_index_deferred'"),
    };
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            const QString reason = query.lastError().text();
            query.finish();
            connection.rollback();
            if (errorMessage)
                *errorMessage = Tr::tr("The firm search index could not be rebuilt: %1").arg(reason);
            return false;
        }
    }
    query.finish();
    if (!connection.commit()) {
        connection.rollback();
        if (errorMessage)
            *errorMessage
                = Tr::tr("The firm search index could not be rebuilt: %1").arg(connection.lastError().text());
        return false;
    }
    return true;
}

} // namespace XinDai::Store::Internal
