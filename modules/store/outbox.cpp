#include "store/outbox.h"

#include "store/database.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QString operationColumns
    = QStringLiteral("op_id, entity, row_id, kind, payload, created_at, attempts, base_version, last_error");

Outbox::Operation readOperation(const QSqlQuery &q)
{
    Outbox::Operation op;
    op.opId = q.value(0).toString();
    op.entity = q.value(1).toString();
    op.rowId = q.value(2).toString();
    op.kind = q.value(3).toString();
    op.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    op.createdAt = toDateTime(q.value(5));
    op.attempts = q.value(6).toInt();
    op.baseVersion = q.value(7).toLongLong();
    op.lastError = q.value(8).toString();
    return op;
}

QString payloadText(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

} // namespace

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
                 "INSERT INTO outbox (op_id, seq, entity, row_id, kind, payload, created_at, "
                 "attempts, base_version, last_error) "
                 "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?, ?, ?, ?)"),
             {row.opId, row.entity, row.rowId, row.kind, payloadText(row.payload),
              dateTimeValue(row.createdAt), row.attempts, row.baseVersion, row.lastError})) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return false;
    }
    op = row;
    return true;
}

QVector<Outbox::Operation> Outbox::pending(int limit) const
{
    return readAll<Operation>(m_db.sql(),
                              QLatin1String("SELECT ") + operationColumns
                                  + QLatin1String(" FROM outbox ORDER BY seq LIMIT ?"),
                              {limit}, readOperation);
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

bool Outbox::record(const QString &entity, const QString &rowId, const QString &kind,
                    const QJsonObject &fields, qint64 baseVersion, QString *errorMessage)
{
    const QVector<Operation> queued = pendingFor(entity, rowId);
    // A refused operation (last_error: the server answered it alone with 400, 403, 404 or 413 and
    // applied nothing) takes the edit too, which may be the user's correction, so that it does not
    // wait behind the refusal forever.
    const bool refused = !queued.isEmpty() && queued.last().attempts > 0 && !queued.last().lastError.isEmpty();
    if (!queued.isEmpty() && (queued.last().attempts == 0 || refused)) {
        const Operation &last = queued.last();
        QSqlQuery query(m_db.sql());
        bool ok = true;
        // … under a new opId and without its error, so that the next push sends it: should an earlier
        // push whose answer was lost have applied it after all, the server merges the new id instead
        // of answering it as a replay.
        auto renew = [&] {
            return !refused
                   || run(query,
                          QStringLiteral(
                              "UPDATE outbox SET op_id = ?, attempts = 0, last_error = '' WHERE op_id = ?"),
                          {Core::newId(), last.opId});
        };
        if (last.kind == QLatin1String("upsert") && kind == QLatin1String("upsert")) {
            QJsonObject merged = last.payload;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                merged.insert(it.key(), it.value());
            ok = run(query, QStringLiteral("UPDATE outbox SET payload = ? WHERE op_id = ?"),
                     {payloadText(merged), last.opId})
                 && renew();
        } else if (last.kind == QLatin1String("upsert") && kind == QLatin1String("delete")) {
            // A row created here and deleted before the server saw it: nothing to send at all.
            if (queued.size() == 1 && last.baseVersion == 0)
                ok = run(query, QStringLiteral("DELETE FROM outbox WHERE op_id = ?"), {last.opId});
            else
                ok = run(query,
                         QStringLiteral("UPDATE outbox SET kind = 'delete', payload = '{}' WHERE op_id = ?"),
                         {last.opId})
                     && renew();
        } else if (last.kind == QLatin1String("delete") && kind == QLatin1String("delete")) {
            ok = renew(); // already queued (a refused one is tried again)
        } else {
            Operation op;
            op.entity = entity;
            op.rowId = rowId;
            op.kind = kind;
            op.payload = fields;
            op.baseVersion = baseVersion;
            return enqueue(op, errorMessage);
        }
        if (!ok)
            setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return ok;
    }
    Operation op;
    op.entity = entity;
    op.rowId = rowId;
    op.kind = kind;
    if (kind == QLatin1String("upsert"))
        op.payload = fields;
    op.baseVersion = baseVersion;
    return enqueue(op, errorMessage);
}

QVector<Outbox::Operation> Outbox::pendingFor(const QString &entity, const QString &rowId) const
{
    return readAll<Operation>(
        m_db.sql(),
        QLatin1String("SELECT ") + operationColumns
            + QLatin1String(" FROM outbox WHERE entity = ? AND row_id = ? ORDER BY seq"),
        {entity, rowId}, readOperation);
}

QSet<QString> Outbox::pendingFields(const QString &entity, const QString &rowId) const
{
    QSet<QString> names;
    for (const Operation &op : pendingFor(entity, rowId)) {
        if (op.kind == QLatin1String("delete"))
            names.insert(QStringLiteral("deleted"));
        for (auto it = op.payload.begin(); it != op.payload.end(); ++it)
            names.insert(it.key());
    }
    return names;
}

bool Outbox::markSent(const QStringList &opIds)
{
    // Outside a transaction each statement is a commit of its own: one per chunk of ids, not per id.
    // Chunks stay small because QtSql's SQLite driver looks each bound value up by its index.
    constexpr qsizetype chunk = 128;
    QSqlQuery query(m_db.sql());
    for (qsizetype start = 0; start < opIds.size(); start += chunk) {
        const qsizetype n = std::min(chunk, opIds.size() - start);
        QString sql = QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE op_id IN (?");
        QVariantList values{opIds.at(start)};
        for (qsizetype i = 1; i < n; ++i) {
            sql += QLatin1String(", ?");
            values.append(opIds.at(start + i));
        }
        sql += QLatin1Char(')');
        if (!run(query, sql, values))
            return false;
    }
    return true;
}

bool Outbox::setLastError(const QStringList &opIds, const QString &error)
{
    QSqlQuery query(m_db.sql());
    for (const QString &opId : opIds) {
        if (!run(query, QStringLiteral("UPDATE outbox SET last_error = ? WHERE op_id = ?"), {error, opId}))
            return false;
    }
    return true;
}

bool Outbox::clearLastErrors()
{
    QSqlQuery query(m_db.sql());
    return run(query, QStringLiteral("UPDATE outbox SET last_error = '' WHERE last_error <> ''"));
}

bool Outbox::rebase(const QString &entity, const QString &rowId, qint64 newVersion)
{
    QSqlQuery *query = statement(QStringLiteral("UPDATE outbox SET base_version = ? "
                                                "WHERE entity = ? AND row_id = ? AND base_version < ?"));
    if (!query)
        return false;
    query->bindValue(0, newVersion);
    query->bindValue(1, entity);
    query->bindValue(2, rowId);
    query->bindValue(3, newVersion);
    const bool ok = query->exec();
    query->finish();
    return ok;
}

QSqlQuery *Outbox::statement(const QString &sql) const
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db.sql());
    if (!query->prepare(sql))
        return nullptr;
    m_statements.insert(sql, query);
    return query.get();
}

int Outbox::failedCount() const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE last_error <> ''")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace XinDai::Store
