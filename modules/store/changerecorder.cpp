#include "store/changerecorder_p.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"
#include "sync/entitycatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace XinDai::Store::Internal {

namespace {

const QString savepointName = QStringLiteral("store_change");

/// The wire value of a stored column, in one textual form per value: a time stamp stored as
/// "…:00Z" by one writer and "…:00.000Z" by another, or a JSON document with other spacing, is the
/// same value and must not count as a change.
QJsonValue wireValue(const Sync::FieldSpec &field, const QVariant &stored)
{
    QJsonValue value = Sync::EntityCatalog::toJson(field, stored);
    if (!value.isString() || value.toString().isEmpty())
        return value;
    if (field.type == Sync::FieldSpec::Type::DateTime) {
        const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (t.isValid())
            value = t.toUTC().toString(Qt::ISODateWithMs);
    } else if (field.type == Sync::FieldSpec::Type::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!doc.isNull())
            value = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    return value;
}

bool exec(Database &db, const QString &sql)
{
    QSqlQuery query(db.sql());
    return query.exec(sql);
}

} // namespace

ChangeRecorder::ChangeRecorder(Database &db, const QString &entity, const QStringList &columns,
                               const QString &where, const QVariantList &whereValues)
    : m_db(db)
    , m_entity(entity)
    , m_columns(columns)
    , m_where(where)
    , m_whereValues(whereValues)
{}

ChangeRecorder::~ChangeRecorder()
{
    if (m_open) {
        exec(m_db, QLatin1String("ROLLBACK TO ") + savepointName);
        exec(m_db, QLatin1String("RELEASE ") + savepointName);
    }
}

bool ChangeRecorder::begin(QString *errorMessage)
{
    if (!m_db.recordsChanges())
        return true;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QLatin1String("SAVEPOINT ") + savepointName)) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return false;
    }
    m_open = true;
    query.setForwardOnly(true);
    if (!run(query,
             QLatin1String("SELECT ") + m_columns.join(QLatin1String(", ")) + QLatin1String(" FROM ")
                 + m_entity + QLatin1String(" WHERE ") + m_where,
             m_whereValues)) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return false;
    }
    if (query.next()) {
        QVariantList values;
        values.reserve(m_columns.size());
        for (int i = 0; i < m_columns.size(); ++i)
            values.append(query.value(i));
        m_stored = values;
    }
    query.finish();
    return true;
}

void ChangeRecorder::keepStoredVersion(Core::SyncMeta &meta) const
{
    if (m_stored)
        meta.version = m_stored->at(1).toLongLong();
}

bool ChangeRecorder::finish(const QString &rowId, const QVariantList &written, QString *errorMessage)
{
    if (!m_db.recordsChanges())
        return true;
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(m_entity);
    Q_ASSERT(spec);
    Q_ASSERT(written.size() == m_columns.size());
    const int deletedColumn = m_columns.indexOf(QStringLiteral("deleted"));
    const bool wasDeleted = m_stored && m_stored->at(deletedColumn).toInt() != 0;
    const bool isDeleted = written.at(deletedColumn).toInt() != 0;
    const qint64 baseVersion = m_stored ? m_stored->at(1).toLongLong() : 0;

    bool ok = true;
    if (isDeleted) {
        // Deleting a row that exists (not yet deleted) is a delete; saving a deleted row again is
        // not a change the server needs.
        if (m_stored && !wasDeleted)
            ok = Outbox(m_db).record(m_entity, rowId, QStringLiteral("delete"), {}, baseVersion,
                                     errorMessage);
    } else {
        QJsonObject fields;
        for (int i = 0; i < m_columns.size(); ++i) {
            const Sync::FieldSpec *field = spec->field(m_columns.at(i));
            if (!field || field->serverOnly)
                continue; // meta columns travel outside "fields"
            const QJsonValue after = wireValue(*field, written.at(i));
            const bool always = spec->naturalKey.contains(field->name);
            if (!m_stored || wasDeleted || always || wireValue(*field, m_stored->at(i)) != after)
                fields.insert(field->name, after);
        }
        const bool onlyKey = m_stored && !wasDeleted && fields.size() == spec->naturalKey.size();
        if (!fields.isEmpty() && !onlyKey)
            ok = Outbox(m_db).record(m_entity, rowId, QStringLiteral("upsert"), fields, baseVersion,
                                     errorMessage);
    }
    if (!ok)
        return false;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QLatin1String("RELEASE ") + savepointName)) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("queued change")));
        return false;
    }
    m_open = false;
    return true;
}

bool ChangeRecorder::saveById(Database &db, const QString &entity, const QStringList &columns,
                              Core::SyncMeta &meta, const QVariantList &fieldValues, const QString &label,
                              QString *errorMessage)
{
    Core::SyncMeta stamped = meta;
    ChangeRecorder recorder(db, entity, columns, QStringLiteral("id = ?"), {stamped.id});
    if (!recorder.begin(errorMessage))
        return false;
    stampForSave(stamped);
    recorder.keepStoredVersion(stamped);
    const QVariantList values = metaValues(stamped) + fieldValues;
    if (!upsert(db.sql(), entity, columns, values, label, errorMessage)
        || !recorder.finish(stamped.id, values, errorMessage))
        return false;
    meta = stamped;
    return true;
}

} // namespace XinDai::Store::Internal
