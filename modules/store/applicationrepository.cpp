#include "store/applicationrepository.h"

#include "store/changerecorder_p.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QSqlQuery>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QStringList &applicationColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("number"),
                                                     QStringLiteral("enterprise_id"),
                                                     QStringLiteral("product_id"),
                                                     QStringLiteral("institution_id"),
                                                     QStringLiteral("park_id"),
                                                     QStringLiteral("amount"),
                                                     QStringLiteral("term_months"),
                                                     QStringLiteral("purpose"),
                                                     QStringLiteral("collateral"),
                                                     QStringLiteral("state"),
                                                     QStringLiteral("created_at"),
                                                     QStringLiteral("submitted_at"),
                                                     QStringLiteral("accepted_at"),
                                                     QStringLiteral("decided_at"),
                                                     QStringLiteral("disbursed_at"),
                                                     QStringLiteral("settled_at"),
                                                     QStringLiteral("approved_amount"),
                                                     QStringLiteral("approved_rate_bp"),
                                                     QStringLiteral("approved_term_months"),
                                                     QStringLiteral("reject_reason"),
                                                     QStringLiteral("created_by")};
    return columns;
}

const QStringList &authorizationColumns()
{
    static const QStringList columns
        = metaColumns() + QStringList{QStringLiteral("enterprise_id"), QStringLiteral("institution_ids"),
                                      QStringLiteral("purpose"),       QStringLiteral("valid_from"),
                                      QStringLiteral("valid_to"),      QStringLiteral("revoked"),
                                      QStringLiteral("revoked_at"),    QStringLiteral("scan_sha256"),
                                      QStringLiteral("recorded_by")};
    return columns;
}

const QStringList &documentColumns()
{
    static const QStringList columns
        = metaColumns() + QStringList{QStringLiteral("enterprise_id"), QStringLiteral("application_id"),
                                      QStringLiteral("doc_type"),      QStringLiteral("file_name"),
                                      QStringLiteral("mime_type"),     QStringLiteral("size_bytes"),
                                      QStringLiteral("sha256"),        QStringLiteral("added_at")};
    return columns;
}

Core::Application readApplication(const QSqlQuery &q)
{
    Core::Application a;
    a.meta = readMeta(q);
    a.number = q.value(4).toString();
    a.enterpriseId = q.value(5).toString();
    a.productId = toText(q.value(6));
    a.institutionId = toText(q.value(7));
    a.parkId = toText(q.value(8));
    a.amount = Core::Money::fromFen(q.value(9).toLongLong());
    a.termMonths = q.value(10).toInt();
    a.purpose = q.value(11).toString();
    a.collateral = q.value(12).toString();
    fromCode(q.value(13).toString(), &a.state);
    a.createdAt = toDateTime(q.value(14));
    a.submittedAt = toDateTime(q.value(15));
    a.acceptedAt = toDateTime(q.value(16));
    a.decidedAt = toDateTime(q.value(17));
    a.disbursedAt = toDateTime(q.value(18));
    a.settledAt = toDateTime(q.value(19));
    a.approvedAmount = Core::Money::fromFen(q.value(20).toLongLong());
    a.approvedRateBp = q.value(21).toInt();
    a.approvedTermMonths = q.value(22).toInt();
    a.rejectReason = q.value(23).toString();
    a.createdBy = toText(q.value(24));
    return a;
}

Core::Authorization readAuthorization(const QSqlQuery &q)
{
    Core::Authorization a;
    a.meta = readMeta(q);
    a.enterpriseId = q.value(4).toString();
    a.institutionIds = jsonToList(q.value(5));
    a.purpose = q.value(6).toString();
    a.validFrom = toDate(q.value(7));
    a.validTo = toDate(q.value(8));
    a.revoked = q.value(9).toInt() != 0;
    a.revokedAt = toDateTime(q.value(10));
    a.scanSha256 = q.value(11).toString();
    a.recordedBy = toText(q.value(12));
    return a;
}

Core::Document readDocument(const QSqlQuery &q)
{
    Core::Document d;
    d.meta = readMeta(q);
    d.enterpriseId = q.value(4).toString();
    d.applicationId = toText(q.value(5));
    d.docType = q.value(6).toString();
    d.fileName = q.value(7).toString();
    d.mimeType = q.value(8).toString();
    d.sizeBytes = q.value(9).toLongLong();
    d.sha256 = q.value(10).toString();
    d.addedAt = toDateTime(q.value(11));
    return d;
}

QString stateLabel(Core::Application::State state)
{
    using S = Core::Application::State;
    switch (state) {
    case S::Draft:
        return Tr::tr("draft");
    case S::Submitted:
        return Tr::tr("submitted");
    case S::Accepted:
        return Tr::tr("accepted");
    case S::Approved:
        return Tr::tr("approved");
    case S::Rejected:
        return Tr::tr("rejected");
    case S::Disbursed:
        return Tr::tr("disbursed");
    case S::Settled:
        return Tr::tr("settled");
    case S::Withdrawn:
        return Tr::tr("withdrawn");
    }
    return {};
}

/// WHERE clause and values for a filter (always starts with "deleted = 0").
QString filterWhere(const ApplicationRepository::Filter &filter, QVariantList *values)
{
    QString where = QStringLiteral("deleted = 0");
    if (!filter.parkId.isEmpty()) {
        where += QStringLiteral(" AND park_id = ?");
        values->append(filter.parkId);
    }
    if (!filter.institutionId.isEmpty()) {
        where += QStringLiteral(" AND institution_id = ?");
        values->append(filter.institutionId);
    }
    if (!filter.enterpriseId.isEmpty()) {
        where += QStringLiteral(" AND enterprise_id = ?");
        values->append(filter.enterpriseId);
    }
    if (filter.state) {
        where += QStringLiteral(" AND state = ?");
        values->append(toCode(*filter.state));
    }
    return where;
}

} // namespace

ApplicationRepository::ApplicationRepository(Database &db)
    : m_db(db)
{}

QVector<Core::Application> ApplicationRepository::applications(const Filter &filter) const
{
    QVariantList values;
    const QString where = filterWhere(filter, &values);
    return readAll<Core::Application>(m_db.sql(),
                                      selectSql(applicationColumns(), QStringLiteral("application"), where,
                                                QStringLiteral("created_at DESC, number")),
                                      values, readApplication);
}

std::optional<Core::Application> ApplicationRepository::application(const QString &id) const
{
    return readOne<Core::Application>(m_db.sql(),
                                      selectSql(applicationColumns(), QStringLiteral("application"),
                                                QStringLiteral("id = ?"), QStringLiteral("id")),
                                      {id}, readApplication);
}

QHash<Core::Application::State, int> ApplicationRepository::countByState(const Filter &filter) const
{
    QHash<Core::Application::State, int> counts;
    QVariantList values;
    const QString where = filterWhere(filter, &values);
    QSqlQuery query(m_db.sql());
    if (!run(query,
             QLatin1String("SELECT state, count(*) FROM application WHERE ") + where
                 + QLatin1String(" GROUP BY state"),
             values))
        return counts;
    while (query.next()) {
        Core::Application::State state;
        if (fromCode(query.value(0).toString(), &state))
            counts.insert(state, query.value(1).toInt());
    }
    return counts;
}

bool ApplicationRepository::save(Core::Application &application, QString *errorMessage)
{
    Core::Application row = application;
    if (!row.meta.id.isEmpty()) {
        QSqlQuery query(m_db.sql());
        if (run(query, QStringLiteral("SELECT state FROM application WHERE id = ?"), {row.meta.id})
            && query.next()) {
            Core::Application::State stored;
            if (fromCode(query.value(0).toString(), &stored) && stored != row.state
                && !Core::isLegalTransition(stored, row.state)) {
                setError(errorMessage,
                         Tr::tr("Application %1 cannot go from the state “%2” to the state “%3”.")
                             .arg(row.number, stateLabel(stored), stateLabel(row.state)));
                return false;
            }
        }
    }
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("application"), applicationColumns(), row.meta,
                                  QVariantList{row.number,
                                               row.enterpriseId,
                                               textOrNull(row.productId),
                                               textOrNull(row.institutionId),
                                               textOrNull(row.parkId),
                                               row.amount.fen(),
                                               row.termMonths,
                                               row.purpose,
                                               row.collateral,
                                               toCode(row.state),
                                               dateTimeValue(row.createdAt),
                                               dateTimeValue(row.submittedAt),
                                               dateTimeValue(row.acceptedAt),
                                               dateTimeValue(row.decidedAt),
                                               dateTimeValue(row.disbursedAt),
                                               dateTimeValue(row.settledAt),
                                               row.approvedAmount.fen(),
                                               row.approvedRateBp,
                                               row.approvedTermMonths,
                                               row.rejectReason,
                                               textOrNull(row.createdBy)},
                                  Tr::tr("application"), errorMessage))
        return false;
    application = row;
    return true;
}

QString ApplicationRepository::nextNumber(int year, const QString &series) const
{
    // Numbers of one series sort as text (fixed width), so the highest is the last one.
    QString prefix = QStringLiteral("XD-%1-").arg(year, 4, 10, QLatin1Char('0'));
    if (!series.isEmpty())
        prefix += series + QLatin1Char('-');
    QSqlQuery query(m_db.sql());
    qint64 next = 1;
    if (run(query,
            QStringLiteral(
                "SELECT max(number) FROM application WHERE substr(number, 1, ?) = ? AND length(number) = ?"),
            {prefix.size(), prefix, prefix.size() + 7})
        && query.next() && !query.value(0).isNull())
        next = query.value(0).toString().mid(prefix.size()).toLongLong() + 1;
    return prefix + QStringLiteral("%1").arg(next, 7, 10, QLatin1Char('0'));
}

QVector<Core::Authorization> ApplicationRepository::authorizations(const QString &enterpriseId) const
{
    return readAll<Core::Authorization>(m_db.sql(),
                                        selectSql(authorizationColumns(), QStringLiteral("authorization"),
                                                  QStringLiteral("enterprise_id = ? AND deleted = 0"),
                                                  QStringLiteral("valid_from DESC, id")),
                                        {enterpriseId}, readAuthorization);
}

bool ApplicationRepository::save(Core::Authorization &authorization, QString *errorMessage)
{
    Core::Authorization row = authorization;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("authorization"), authorizationColumns(), row.meta,
                                  QVariantList{row.enterpriseId, listToJson(row.institutionIds), row.purpose,
                                               dateValue(row.validFrom), dateValue(row.validTo),
                                               row.revoked ? 1 : 0, dateTimeValue(row.revokedAt),
                                               row.scanSha256, textOrNull(row.recordedBy)},
                                  Tr::tr("authorization"), errorMessage))
        return false;
    authorization = row;
    return true;
}

QVector<Core::Document> ApplicationRepository::documents(const QString &enterpriseId) const
{
    return readAll<Core::Document>(m_db.sql(),
                                   selectSql(documentColumns(), QStringLiteral("document"),
                                             QStringLiteral("enterprise_id = ? AND deleted = 0"),
                                             QStringLiteral("added_at, id")),
                                   {enterpriseId}, readDocument);
}

bool ApplicationRepository::save(Core::Document &document, QString *errorMessage)
{
    Core::Document row = document;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("document"), documentColumns(), row.meta,
                                  QVariantList{row.enterpriseId, textOrNull(row.applicationId), row.docType,
                                               row.fileName, row.mimeType, row.sizeBytes, row.sha256,
                                               dateTimeValue(row.addedAt)},
                                  Tr::tr("document"), errorMessage))
        return false;
    document = row;
    return true;
}

} // namespace XinDai::Store
