#include "conflictresolver.h"

#include "common/syncrecordlabels.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/enumcodes.h"
#include "store/firmdatarepository.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

namespace {

// Wire values (docs/sync-protocol.md) to domain values. Each returns false for a value of the wrong
// type, which the caller reports; null and "absent" mean empty.

bool toText(const QJsonValue &v, QString *out)
{
    if (v.isString())
        *out = v.toString();
    else if (v.isNull() || v.isUndefined())
        out->clear();
    else if (v.isDouble())
        *out = QString::number(qint64(v.toDouble()));
    else
        return false;
    return true;
}

bool toInteger(const QJsonValue &v, qint64 *out)
{
    if (v.isDouble()) {
        *out = qint64(v.toDouble());
        return true;
    }
    bool ok = false;
    const qint64 parsed = v.toString().toLongLong(&ok);
    if (ok)
        *out = parsed;
    return ok;
}

bool toMoney(const QJsonValue &v, Core::Money *out)
{
    qint64 fen = 0;
    if (!toInteger(v, &fen))
        return false;
    *out = Core::Money::fromFen(fen);
    return true;
}

bool toInt(const QJsonValue &v, int *out)
{
    qint64 value = 0;
    if (!toInteger(v, &value) || value < std::numeric_limits<int>::min()
        || value > std::numeric_limits<int>::max())
        return false;
    *out = int(value);
    return true;
}

bool toDate(const QJsonValue &v, QDate *out)
{
    if (v.isNull() || v.isUndefined()) {
        *out = QDate();
        return true;
    }
    const QDate date = QDate::fromString(v.toString(), Qt::ISODate);
    if (!date.isValid())
        return false;
    *out = date;
    return true;
}

bool toDateTime(const QJsonValue &v, QDateTime *out)
{
    if (v.isNull() || v.isUndefined()) {
        *out = QDateTime();
        return true;
    }
    const QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return false;
    *out = at.toUTC();
    return true;
}

template<typename Enum>
bool toEnum(const QJsonValue &v, Enum *out)
{
    return v.isString() && Store::fromCode(v.toString(), out);
}

template<typename Row>
using Setter = std::function<bool(Row &, const QJsonValue &)>;

/// The columns of enterprise a user edits here, as setters on Core::Enterprise (the repository's
/// column names, migrations/0001_core_tables.sql).
const QHash<QString, Setter<Core::Enterprise>> &enterpriseSetters()
{
    using E = Core::Enterprise;
    static const QHash<QString, Setter<E>> setters{
        {u"uscc"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.uscc);
         }},
        {u"name"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.name);
         }},
        {u"kind"_s,
         [](E &e, const QJsonValue &v) {
             return toEnum(v, &e.kind);
         }},
        {u"legal_rep"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.legalRep);
         }},
        {u"legal_rep_id"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.legalRepId);
         }},
        {u"established"_s,
         [](E &e, const QJsonValue &v) {
             return toDate(v, &e.established);
         }},
        {u"registered_capital"_s,
         [](E &e, const QJsonValue &v) {
             return toMoney(v, &e.registeredCapital);
         }},
        {u"industry_code"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.industryCode);
         }},
        {u"region_code"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.regionCode);
         }},
        {u"park_id"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.parkId);
         }},
        {u"employees"_s,
         [](E &e, const QJsonValue &v) {
             return toInt(v, &e.employees);
         }},
        {u"annual_revenue"_s,
         [](E &e, const QJsonValue &v) {
             return toMoney(v, &e.annualRevenue);
         }},
        {u"total_assets"_s,
         [](E &e, const QJsonValue &v) {
             return toMoney(v, &e.totalAssets);
         }},
        {u"address"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.address);
         }},
        {u"phone"_s,
         [](E &e, const QJsonValue &v) {
             return toText(v, &e.phone);
         }},
    };
    return setters;
}

/// The same for application.
const QHash<QString, Setter<Core::Application>> &applicationSetters()
{
    using A = Core::Application;
    static const QHash<QString, Setter<A>> setters{
        {u"number"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.number);
         }},
        {u"enterprise_id"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.enterpriseId);
         }},
        {u"product_id"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.productId);
         }},
        {u"institution_id"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.institutionId);
         }},
        {u"park_id"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.parkId);
         }},
        {u"amount"_s,
         [](A &a, const QJsonValue &v) {
             return toMoney(v, &a.amount);
         }},
        {u"term_months"_s,
         [](A &a, const QJsonValue &v) {
             return toInt(v, &a.termMonths);
         }},
        {u"purpose"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.purpose);
         }},
        {u"collateral"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.collateral);
         }},
        {u"state"_s,
         [](A &a, const QJsonValue &v) {
             return toEnum(v, &a.state);
         }},
        {u"created_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.createdAt);
         }},
        {u"submitted_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.submittedAt);
         }},
        {u"accepted_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.acceptedAt);
         }},
        {u"decided_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.decidedAt);
         }},
        {u"disbursed_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.disbursedAt);
         }},
        {u"settled_at"_s,
         [](A &a, const QJsonValue &v) {
             return toDateTime(v, &a.settledAt);
         }},
        {u"approved_amount"_s,
         [](A &a, const QJsonValue &v) {
             return toMoney(v, &a.approvedAmount);
         }},
        {u"approved_rate_bp"_s,
         [](A &a, const QJsonValue &v) {
             return toInt(v, &a.approvedRateBp);
         }},
        {u"approved_term_months"_s,
         [](A &a, const QJsonValue &v) {
             return toInt(v, &a.approvedTermMonths);
         }},
        {u"reject_reason"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.rejectReason);
         }},
        {u"created_by"_s,
         [](A &a, const QJsonValue &v) {
             return toText(v, &a.createdBy);
         }},
    };
    return setters;
}

} // namespace

ConflictResolver::ConflictResolver(Store::Database &db)
    : m_db(db)
{}

bool ConflictResolver::canUseLocalValue(const QString &entity, const QString &field)
{
    if (entity == u"enterprise"_s)
        return enterpriseSetters().contains(field);
    if (entity == u"application"_s)
        return applicationSetters().contains(field) && !isRenumbering(entity, field);
    return entity == u"monthly_value"_s && field == u"value"_s;
}

bool ConflictResolver::keepServerValue(qint64 conflictId, QString *errorMessage)
{
    return markResolved(conflictId, errorMessage);
}

bool ConflictResolver::useLocalValue(qint64 conflictId, QString *errorMessage)
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"SELECT entity, row_id, field, local_value FROM conflict WHERE id = ? AND resolved = 0"_s);
    query.addBindValue(conflictId);
    if (!query.exec() || !query.next()) {
        *errorMessage = tr("The conflict is no longer open: it was resolved already.");
        return false;
    }
    const QString entity = query.value(0).toString();
    const QString rowId = query.value(1).toString();
    const QString field = query.value(2).toString();
    const QJsonValue local = SyncRecordLabels::parseStored(query.value(3));
    query.finish();
    if (!canUseLocalValue(entity, field)) {
        *errorMessage
            = tr("The field \"%1\" of a %2 cannot be changed in this client: the server's value stays.")
                  .arg(SyncRecordLabels::field(entity, field), SyncRecordLabels::entity(entity).toLower());
        return false;
    }
    // One transaction: the re-applied value (with its outbox entry) and the resolution, or neither.
    // The repositories write inside savepoints, which nest in it.
    if (!m_db.transaction()) {
        *errorMessage = tr("Your value could not be applied: the local database is busy. Please try again.");
        return false;
    }
    if (!apply(entity, rowId, field, local, errorMessage) || !markResolved(conflictId, errorMessage)) {
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        m_db.rollback();
        *errorMessage = tr("Your value could not be saved in the local database. Please try again.");
        return false;
    }
    return true;
}

bool ConflictResolver::apply(const QString &entity, const QString &rowId, const QString &field,
                             const QJsonValue &value, QString *errorMessage)
{
    const QString wrongValue
        = tr("Your value of the field \"%1\" (%2) is not valid for it any more.")
              .arg(SyncRecordLabels::field(entity, field), SyncRecordLabels::toStored(value));
    const QString missing = tr("The %1 is no longer in the local data (the server deleted it), so your value "
                               "cannot be applied.")
                                .arg(SyncRecordLabels::entity(entity).toLower());
    if (entity == u"enterprise"_s) {
        Store::EnterpriseRepository repository(m_db);
        std::optional<Core::Enterprise> firm = repository.byId(rowId);
        if (!firm || firm->meta.deleted) {
            *errorMessage = missing;
            return false;
        }
        if (!enterpriseSetters().value(field)(*firm, value)) {
            *errorMessage = wrongValue;
            return false;
        }
        return repository.save(*firm, errorMessage);
    }
    if (entity == u"application"_s) {
        Store::ApplicationRepository repository(m_db);
        std::optional<Core::Application> application = repository.application(rowId);
        if (!application || application->meta.deleted) {
            *errorMessage = missing;
            return false;
        }
        if (!applicationSetters().value(field)(*application, value)) {
            *errorMessage = wrongValue;
            return false;
        }
        return repository.save(*application, errorMessage);
    }
    // monthly_value: addressed by its natural key (docs/store.md); the id column is not indexed.
    QSqlQuery query(m_db.sql());
    query.prepare(u"SELECT enterprise_id, kind, month FROM monthly_value WHERE id = ? AND deleted = 0"_s);
    query.addBindValue(rowId);
    Core::MonthlyValue::Kind kind;
    if (!query.exec() || !query.next() || !Store::fromCode(query.value(1).toString(), &kind)) {
        *errorMessage = missing;
        return false;
    }
    const QString enterpriseId = query.value(0).toString();
    const QDate month = QDate::fromString(query.value(2).toString(), Qt::ISODate);
    query.finish();
    Store::FirmDataRepository repository(m_db);
    const QVector<Core::MonthlyValue> series = repository.series(enterpriseId, kind);
    for (Core::MonthlyValue stored : series) {
        if (stored.month != month)
            continue;
        if (!toInteger(value, &stored.value) || stored.value < 0) {
            *errorMessage = wrongValue;
            return false;
        }
        return repository.save(stored, errorMessage);
    }
    *errorMessage = missing;
    return false;
}

bool ConflictResolver::markResolved(qint64 conflictId, QString *errorMessage)
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"UPDATE conflict SET resolved = 1 WHERE id = ? AND resolved = 0"_s);
    query.addBindValue(conflictId);
    if (!query.exec()) {
        *errorMessage = tr("The conflict could not be marked as resolved: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *errorMessage = tr("The conflict is no longer open: it was resolved already.");
        return false;
    }
    return true;
}

bool ConflictResolver::dismissRejection(const QString &opId, QString *errorMessage)
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"UPDATE sync_rejection SET dismissed = 1 WHERE op_id = ? AND dismissed = 0"_s);
    query.addBindValue(opId);
    if (!query.exec()) {
        *errorMessage = tr("The rejected change could not be dismissed: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *errorMessage = tr("The rejected change was dismissed already.");
        return false;
    }
    return true;
}

} // namespace XinDai::Ui
