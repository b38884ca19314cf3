#include "syncclient/scopepurge.h"

#include "store/database.h"
#include "sync/entitycatalog.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/uncheckedtransaction_p.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

namespace {

/// Ids bound per DELETE: QtSql's SQLite driver binds positional parameters in time linear in their number.
constexpr qsizetype IdsPerStatement = 500;

QString quoted(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

} // namespace

ScopePurge::ScopePurge(Store::Database &db)
    : m_db(db)
{}

QStringList ScopePurge::firmIds() const
{
    QStringList ids;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    // Only copies of server rows (version > 0) with nothing queued: a firm registered here and not yet
    // accepted by the server is unknown there, not hidden, and must not be purged.
    if (q.exec(
            u"SELECT e.id FROM enterprise e WHERE e.deleted = 0 AND e.version > 0 AND NOT EXISTS "
            "(SELECT 1 FROM outbox o WHERE o.entity = 'enterprise' AND o.row_id = e.id) ORDER BY e.id"_s)) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

QList<QStringList> ScopePurge::batches(const QStringList &ids, qsizetype batchSize)
{
    QList<QStringList> out;
    const qsizetype size = std::max<qsizetype>(1, batchSize);
    for (qsizetype from = 0; from < ids.size(); from += size)
        out.append(ids.mid(from, size));
    return out;
}

bool ScopePurge::purge(const QStringList &firmIds, QString *errorMessage)
{
    m_changed.clear();
    m_removed = 0;
    if (firmIds.isEmpty())
        return true;

    // The firm's own row and the rows that name it in enterprise_id (foreign keys are off, so the order
    // does not matter to SQLite; the firm first keeps changedEntities() in the order views reload).
    QList<QPair<const Sync::EntitySpec *, QString>> targets;
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (e.scope == Sync::EntitySpec::Scope::Firm)
            targets.append({&e, u"id"_s});
    }
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (e.scope == Sync::EntitySpec::Scope::FirmRecord)
            targets.append({&e, u"enterprise_id"_s});
    }

    Internal::UncheckedTransaction transaction(m_db);
    if (!transaction.begin(errorMessage))
        return false;
    auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        transaction.rollback();
        return false;
    };
    QStringList changed;
    int removed = 0;
    for (const auto &[spec, column] : std::as_const(targets)) {
        int rows = 0;
        for (qsizetype from = 0; from < firmIds.size(); from += IdsPerStatement) {
            const QStringList ids = firmIds.mid(from, IdsPerStatement);
            QString marks = u"?"_s;
            for (qsizetype i = 1; i < ids.size(); ++i)
                marks += u", ?"_s;
            QSqlQuery q(m_db.sql());
            const bool ok = q.prepare(u"DELETE FROM "_s + quoted(spec->name) + u" WHERE "_s + column
                                      + u" IN ("_s + marks + u')');
            for (const QString &id : ids)
                q.addBindValue(id);
            if (!ok || !q.exec())
                return fail(
                    Internal::Tr::tr("Could not remove the %1 rows of firms you may no longer see: %2")
                        .arg(spec->name, q.lastError().text()));
            rows += q.numRowsAffected();
        }
        if (rows > 0) {
            changed.append(spec->name);
            removed += rows;
        }
    }
    if (!transaction.commit())
        return fail(Internal::Tr::tr("Could not commit the removal of firms you may no longer see: %1")
                        .arg(m_db.sql().lastError().text()));
    m_changed = changed;
    m_removed = removed;
    return true;
}

} // namespace XinDai::SyncClient
