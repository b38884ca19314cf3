#include "syncclient/rowapplier.h"

#include "store/database.h"
#include "store/outbox.h"
#include "sync/entitycatalog.h"
#include "sync/row.h"
#include "syncclient/syncclienttr_p.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

namespace {

/// The value to bind for a validated wire value: SQL NULL for JSON null, never a null QString
/// (the SQLite driver would bind that as NULL too).
QVariant bindValue(const Sync::FieldSpec &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    const QVariant stored = Sync::EntityCatalog::toStored(field, value);
    if (stored.metaType() == QMetaType::fromType<QString>() && stored.toString().isNull())
        return QVariant(u""_s);
    return stored;
}

QString failure(const QSqlQuery &query, const Sync::Row &row)
{
    return Internal::Tr::tr(
               "Could not store the %1 row %2 received from the server: the database reported “%3”.")
        .arg(row.entity, row.id, query.lastError().text());
}

} // namespace

RowApplier::RowApplier(Store::Database &db)
    : m_db(db)
{}

RowApplier::Outcome RowApplier::apply(const Sync::Row &row, QString *errorMessage, const QString &exceptOpId)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(row.entity);
    if (!spec)
        return Outcome::Unknown;
    auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return Outcome::Failed;
    };
    if (!row.deleted || !row.fields.isEmpty()) {
        QString error;
        if (!Sync::EntityCatalog::validateFields(*spec, row.fields, row.entity + u".fields"_s, &error))
            return fail(error);
    }

    // Locate the local copy.
    QString where;
    QVariantList keyValues;
    if (!spec->naturalKey.isEmpty()) {
        QStringList parts;
        for (const QString &name : spec->naturalKey) {
            if (!row.fields.contains(name)) {
                // A tombstone may come without fields; monthly rows are then found by id (a scan).
                parts.clear();
                break;
            }
            parts.append(name + u" = ?"_s);
            keyValues.append(bindValue(*spec->field(name), row.fields.value(name)));
        }
        where = parts.join(u" AND "_s);
    }
    if (where.isEmpty()) {
        where = u"id = ?"_s;
        keyValues = {row.id};
    }
    QSqlQuery *select
        = statement(u"SELECT id, version FROM "_s + row.entity + u" WHERE "_s + where, errorMessage);
    if (!select)
        return Outcome::Failed;
    for (qsizetype i = 0; i < keyValues.size(); ++i)
        select->bindValue(int(i), keyValues.at(i));
    if (!select->exec())
        return fail(failure(*select, row));
    const bool exists = select->next();
    const QString localId = exists ? select->value(0).toString() : row.id;
    const qint64 localVersion = exists ? select->value(1).toLongLong() : 0;
    select->finish();
    if (exists && localVersion >= row.version)
        return Outcome::Skipped;
    if (!exists && row.deleted)
        return Outcome::Skipped;

    QSet<QString> pending;
    if (!m_outboxEmpty)
        m_outboxEmpty = Store::Outbox(m_db).count() == 0;
    if (exists && !*m_outboxEmpty) {
        for (const Store::Outbox::Operation &op : Store::Outbox(m_db).pendingFor(row.entity, localId)) {
            if (op.opId == exceptOpId)
                continue;
            if (op.kind == u"delete"_s)
                pending.insert(u"deleted"_s);
            for (auto it = op.payload.begin(); it != op.payload.end(); ++it)
                pending.insert(it.key());
        }
    }

    QStringList columns{u"id"_s, u"version"_s, u"updated_at"_s};
    QVariantList values{row.id, row.version,
                        row.updatedAt.isValid() ? QVariant(row.updatedAt.toUTC().toString(Qt::ISODateWithMs))
                                                : QVariant()};
    if (!pending.contains(u"deleted"_s)) {
        columns.append(u"deleted"_s);
        values.append(row.deleted ? 1 : 0);
    }
    if (!row.deleted || !row.fields.isEmpty()) {
        for (auto it = row.fields.begin(); it != row.fields.end(); ++it) {
            if (exists && pending.contains(it.key()))
                continue;
            columns.append(it.key());
            values.append(bindValue(*spec->field(it.key()), it.value()));
        }
    }

    QString sql;
    if (exists) {
        QStringList sets;
        for (const QString &c : columns)
            sets.append(c + u" = ?"_s);
        sql = u"UPDATE "_s + row.entity + u" SET "_s + sets.join(u", "_s) + u" WHERE "_s + where;
        values += keyValues;
    } else {
        sql = u"INSERT INTO "_s + row.entity + u" ("_s + columns.join(u", "_s) + u") VALUES ("_s
              + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s;
    }
    QSqlQuery *write = statement(sql, errorMessage);
    if (!write)
        return Outcome::Failed;
    for (qsizetype i = 0; i < values.size(); ++i)
        write->bindValue(int(i), values.at(i));
    if (!write->exec())
        return fail(failure(*write, row));
    return Outcome::Written;
}

QSqlQuery *RowApplier::statement(const QString &sql, QString *errorMessage)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db.sql());
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            if (errorMessage)
                *errorMessage = query.lastError().text();
            return nullptr;
        }
        it = m_statements.insert(sql, std::move(query));
    }
    return &it.value();
}

} // namespace XinDai::SyncClient
