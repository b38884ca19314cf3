#include "store/firmdatarepository.h"

#include "store/changerecorder_p.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QSqlQuery>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QStringList &seriesColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("enterprise_id"), QStringLiteral("kind"),
                                                     QStringLiteral("month"), QStringLiteral("value")};
    return columns;
}

const QStringList &recordColumns()
{
    static const QStringList columns
        = metaColumns() + QStringList{QStringLiteral("enterprise_id"), QStringLiteral("kind"),
                                      QStringLiteral("date"),          QStringLiteral("valid_to"),
                                      QStringLiteral("title"),         QStringLiteral("authority"),
                                      QStringLiteral("amount"),        QStringLiteral("detail")};
    return columns;
}

Core::MonthlyValue readValue(const QSqlQuery &q)
{
    Core::MonthlyValue v;
    v.meta = readMeta(q);
    v.enterpriseId = q.value(4).toString();
    fromCode(q.value(5).toString(), &v.kind);
    v.month = toDate(q.value(6));
    v.value = q.value(7).toLongLong();
    return v;
}

Core::CreditRecord readRecord(const QSqlQuery &q)
{
    Core::CreditRecord r;
    r.meta = readMeta(q);
    r.enterpriseId = q.value(4).toString();
    fromCode(q.value(5).toString(), &r.kind);
    r.date = toDate(q.value(6));
    r.validTo = toDate(q.value(7));
    r.title = q.value(8).toString();
    r.authority = q.value(9).toString();
    r.amount = Core::Money::fromFen(q.value(10).toLongLong());
    r.detail = q.value(11).toString();
    return r;
}

/// Kinds in declaration order, as stored: "ordered by kind" means this order, not the text order.
QString kindOrder()
{
    QString sql = QStringLiteral("CASE kind");
    for (int i = 0; i <= int(Core::MonthlyValue::Kind::BankOutflow); ++i)
        sql += QStringLiteral(" WHEN '%1' THEN %2").arg(toCode(Core::MonthlyValue::Kind(i))).arg(i);
    return sql + QStringLiteral(" END");
}

} // namespace

FirmDataRepository::FirmDataRepository(Database &db)
    : m_db(db)
{}

QVector<Core::MonthlyValue> FirmDataRepository::series(const QString &enterpriseId,
                                                       Core::MonthlyValue::Kind kind) const
{
    return readAll<Core::MonthlyValue>(
        m_db.sql(),
        selectSql(seriesColumns(), QStringLiteral("monthly_value"),
                  QStringLiteral("enterprise_id = ? AND kind = ? AND deleted = 0"), QStringLiteral("month")),
        {enterpriseId, toCode(kind)}, readValue);
}

QVector<Core::MonthlyValue> FirmDataRepository::allSeries(const QString &enterpriseId) const
{
    return readAll<Core::MonthlyValue>(m_db.sql(),
                                       selectSql(seriesColumns(), QStringLiteral("monthly_value"),
                                                 QStringLiteral("enterprise_id = ? AND deleted = 0"),
                                                 kindOrder() + QStringLiteral(", month")),
                                       {enterpriseId}, readValue);
}

QVector<Core::CreditRecord> FirmDataRepository::records(const QString &enterpriseId) const
{
    return readAll<Core::CreditRecord>(m_db.sql(),
                                       selectSql(recordColumns(), QStringLiteral("credit_record"),
                                                 QStringLiteral("enterprise_id = ? AND deleted = 0"),
                                                 QStringLiteral("date DESC, id")),
                                       {enterpriseId}, readRecord);
}

bool FirmDataRepository::save(Core::MonthlyValue &value, QString *errorMessage)
{
    // Schema 3: a series row is identified by its natural key (firm, kind, month), the table's
    // primary key; the id is not indexed. A value without an id keeps the stored row's id.
    Core::MonthlyValue row = value;
    const bool keepStoredId = row.meta.id.isEmpty();
    ChangeRecorder recorder(m_db, QStringLiteral("monthly_value"), seriesColumns(),
                            QStringLiteral("enterprise_id = ? AND kind = ? AND month = ?"),
                            {row.enterpriseId, toCode(row.kind), dateValue(row.month)});
    if (!recorder.begin(errorMessage))
        return false;
    stampForSave(row.meta);
    recorder.keepStoredVersion(row.meta);
    const QVariantList values
        = metaValues(row.meta)
          + QVariantList{row.enterpriseId, toCode(row.kind), dateValue(row.month), row.value};
    const QString sql
        = QStringLiteral(
              "INSERT INTO monthly_value (id, version, updated_at, deleted, enterprise_id, kind, "
              "month, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(enterprise_id, kind, month) DO UPDATE SET %1version = excluded.version, "
              "updated_at = excluded.updated_at, deleted = excluded.deleted, value = excluded.value "
              "RETURNING id")
              .arg(keepStoredId ? QString() : QStringLiteral("id = excluded.id, "));
    QSqlQuery query(m_db.sql());
    if (!run(query, sql, values) || !query.next()) {
        setError(errorMessage, saveErrorMessage(query, Tr::tr("monthly value")));
        return false;
    }
    row.meta.id = query.value(0).toString();
    query.finish();
    if (!recorder.finish(row.meta.id, values, errorMessage))
        return false;
    value = row;
    return true;
}

bool FirmDataRepository::save(Core::CreditRecord &record, QString *errorMessage)
{
    Core::CreditRecord row = record;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("credit_record"), recordColumns(), row.meta,
                                  QVariantList{row.enterpriseId, toCode(row.kind), dateValue(row.date),
                                               dateValue(row.validTo), row.title, row.authority,
                                               row.amount.fen(), row.detail},
                                  Tr::tr("credit record"), errorMessage))
        return false;
    record = row;
    return true;
}

} // namespace XinDai::Store
