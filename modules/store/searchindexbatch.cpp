#include "store/searchindexbatch.h"

#include "store/database.h"
#include "store/searchindex_p.h"
#include "store/storetr_p.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::Store {

SearchIndexBatch::SearchIndexBatch(Database &db)
    : m_db(db)
{}

bool SearchIndexBatch::begin(QString *errorMessage)
{
    m_active = false;
    const QSqlDatabase sql = m_db.sql();
    if (Internal::SearchIndex::isDeferred(sql))
        return true;
    QSqlQuery query(sql);
    // Firms are never removed (deleted = 1 marks them), so new rows get rowids above today's maximum.
    if (!query.exec(u"SELECT coalesce(max(rowid), 0) FROM enterprise"_s) || !query.next()) {
        if (errorMessage)
            *errorMessage = Internal::Tr::tr("The firm search index could not be switched: %1")
                                .arg(query.lastError().text());
        return false;
    }
    m_lastRowid = query.value(0).toLongLong();
    query.finish();
    if (!Internal::SearchIndex::setDeferred(sql, true, errorMessage))
        return false;
    m_active = true;
    return true;
}

bool SearchIndexBatch::finish(QString *errorMessage)
{
    if (!m_active)
        return true;
    m_active = false;
    // What the enterprise_search_ai trigger does per row, for all the new rows at once.
    QSqlQuery query(m_db.sql());
    const QString statements[] = {
        u"INSERT INTO enterprise_fts(rowid, name, uscc) SELECT rowid, name, uscc FROM enterprise "
        "WHERE rowid > ? ORDER BY rowid"_s,
        u"INSERT OR IGNORE INTO enterprise_gram(gram, ent) "
        "SELECT substr(e.name, p.n + 1, 2) AS g, e.rowid FROM enterprise e "
        "JOIN gram_pos p ON p.n < length(e.name) WHERE e.rowid > ? ORDER BY g, e.rowid"_s,
    };
    for (const QString &statement : statements) {
        if (!query.prepare(statement)) {
            if (errorMessage)
                *errorMessage = Internal::Tr::tr("The firm search index could not be rebuilt: %1")
                                    .arg(query.lastError().text());
            return false;
        }
        query.addBindValue(m_lastRowid);
        if (!query.exec()) {
            if (errorMessage)
                *errorMessage = Internal::Tr::tr("The firm search index could not be rebuilt: %1")
                                    .arg(query.lastError().text());
            return false;
        }
    }
    query.finish();
    return Internal::SearchIndex::setDeferred(m_db.sql(), false, errorMessage);
}

} // namespace XinDai::Store
