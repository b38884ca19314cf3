#include "store/database.h"
#include "sync/compactpage.h"
#include "sync/entitycatalog.h"
#include "syncclient/firmadoption_p.h"
#include "syncclient/syncclienttr_p.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient::Internal {

namespace {

/// The statements that move the rows of firm :old to firm :new.
QStringList rekeyStatements()
{
    QStringList sql;
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (e.field(u"enterprise_id"_s))
            sql.append(u"UPDATE "_s + e.name + u" SET enterprise_id = :new WHERE enterprise_id = :old"_s);
    }
    sql.append(
        u"UPDATE outbox SET row_id = :new, last_error = '' WHERE entity = 'enterprise' AND row_id = :old"_s);
    // Operations of other rows that name the firm (an application's enterprise_id): ids are UUIDs, so a
    // textual replacement in the JSON payload touches nothing else.
    sql.append(u"UPDATE outbox SET payload = replace(payload, :old, :new), last_error = '' "
               "WHERE instr(payload, :old) > 0"_s);
    sql.append(u"UPDATE conflict SET row_id = :new WHERE entity = 'enterprise' AND row_id = :old"_s);
    sql.append(u"UPDATE sync_rejection SET row_id = :new WHERE entity = 'enterprise' AND row_id = :old"_s);
    sql.append(u"DELETE FROM enterprise WHERE id = :old"_s);
    return sql;
}

} // namespace

int adoptServerFirms(Store::Database &db, const Sync::CompactPage &page, QString *errorMessage)
{
    static const Sync::EntitySpec *const enterprise = Sync::EntityCatalog::find(u"enterprise"_s);
    static const qsizetype usccField = [] {
        for (qsizetype i = 0; i < enterprise->fields.size(); ++i) {
            if (enterprise->fields.at(i).name == u"uscc"_s)
                return i;
        }
        return qsizetype(-1);
    }();
    // Nothing registered locally and not yet accepted: nothing to adopt (a first sync stops here; the
    // partial index enterprise_unsynced_idx answers without reading the firms).
    QSqlQuery any(db.sql());
    if (!any.exec(u"SELECT 1 FROM enterprise WHERE version = 0 LIMIT 1"_s) || !any.next())
        return 0;

    QSqlQuery find(db.sql());
    find.setForwardOnly(true);
    if (!find.prepare(u"SELECT id FROM enterprise WHERE uscc = ? AND id <> ? AND version = 0"_s))
        return -1;
    int adopted = 0;
    for (const Sync::CompactPage::Row &row : page.rows) {
        if (row.spec != enterprise || row.deleted)
            continue;
        const Sync::CompactPage::Value &uscc = page.value(row, usccField);
        if (uscc.kind != Sync::CompactPage::Value::Kind::Text)
            continue;
        const QString serverId = page.string(row.id);
        find.bindValue(0, page.string(uscc.text));
        find.bindValue(1, serverId);
        if (!find.exec())
            return -1;
        const QString localId = find.next() ? find.value(0).toString() : QString();
        find.finish();
        if (localId.isEmpty())
            continue;
        for (const QString &sql : rekeyStatements()) {
            QSqlQuery q(db.sql());
            q.prepare(sql);
            q.bindValue(u":new"_s, serverId);
            q.bindValue(u":old"_s, localId);
            if (!q.exec()) {
                if (errorMessage)
                    *errorMessage
                        = Tr::tr("Could not join the firm registered here with the server's firm of "
                                 "the same USCC: %1")
                              .arg(q.lastError().text());
                return -1;
            }
        }
        ++adopted;
    }
    return adopted;
}

} // namespace XinDai::SyncClient::Internal
