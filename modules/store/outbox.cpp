#include "store/outbox.h"

#include "store/database.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace XinDai::Store {

using namespace Internal;

Outbox::Outbox(Database &db)
    : m_db(db)
{}

bool Outbox::enqueue(Operation &op, QString *errorMessage)
{
    Operation row = op;
    if (row.opId.isEmpty())
        row.opId = Core::newId();
    if (!row.createdAt.isValid())
        row.createdAt = QDateTime::currentDateTimeUtc();
    if (row.kind != QLatin1String("upsert") && row.kind != QLatin1String("delete")) {
        setError(errorMessage,
                 Tr::tr("Could not queue the change: the field “kind” must be upsert or delete."));
        return false;
    }
    if (row.entity.isEmpty() || row.rowId.isEmpty()) {
        setError(errorMessage,
                 Tr::tr("Could not queue the change: the fields “entity” and “row id” are required."));
        return false;
    }
    QSqlQuery query(m_db.sql());
    // seq keeps the order of enqueueing even when two operations share a millisecond.
    if (!run(query,
             QStringLiteral(
                 "INSERT INTO outbox (op_id, seq, entity, row_id, kind, payload, created_at, attempts) "
                 "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?, ?)"),
             {row.opId, row.entity, row.rowId, row.kind,
              QString::fromUtf8(QJsonDocument(row.payload).toJson(QJsonDocument::Compact)),
              dateTimeValue(row.createdAt), row.attempts})) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return false;
    }
    op = row;
    return true;
}

QVector<Outbox::Operation> Outbox::pending(int limit) const
{
    return readAll<Operation>(
        m_db.sql(),
        QStringLiteral("SELECT op_id, entity, row_id, kind, payload, created_at, attempts "
                       "FROM outbox ORDER BY seq LIMIT ?"),
        {limit}, [](const QSqlQuery &q) {
            Operation op;
            op.opId = q.value(0).toString();
            op.entity = q.value(1).toString();
            op.rowId = q.value(2).toString();
            op.kind = q.value(3).toString();
            op.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
            op.createdAt = toDateTime(q.value(5));
            op.attempts = q.value(6).toInt();
            return op;
        });
}

bool Outbox::remove(const QString &opId)
{
    QSqlQuery query(m_db.sql());
    return run(query, QStringLiteral("DELETE FROM outbox WHERE op_id = ?"), {opId})
           && query.numRowsAffected() == 1;
}

int Outbox::count() const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace XinDai::Store
