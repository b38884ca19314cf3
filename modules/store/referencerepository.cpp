#include "store/referencerepository.h"

#include "store/changerecorder_p.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QSqlQuery>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QStringList &parkColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("code"), QStringLiteral("name"),
                                                     QStringLiteral("region_code"), QStringLiteral("level")};
    return columns;
}

const QStringList &institutionColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("code"), QStringLiteral("name"),
                                                     QStringLiteral("type"), QStringLiteral("region_code")};
    return columns;
}

const QStringList &productColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("institution_id"),
                                                     QStringLiteral("code"),
                                                     QStringLiteral("name"),
                                                     QStringLiteral("collateral"),
                                                     QStringLiteral("min_amount"),
                                                     QStringLiteral("max_amount"),
                                                     QStringLiteral("min_term_months"),
                                                     QStringLiteral("max_term_months"),
                                                     QStringLiteral("rate_min_bp"),
                                                     QStringLiteral("rate_max_bp"),
                                                     QStringLiteral("fee_bp"),
                                                     QStringLiteral("zones"),
                                                     QStringLiteral("eligibility_rule"),
                                                     QStringLiteral("required_documents"),
                                                     QStringLiteral("platform_exclusive"),
                                                     QStringLiteral("approval_rate_permille"),
                                                     QStringLiteral("avg_days_to_decision"),
                                                     QStringLiteral("service_rating_permille"),
                                                     QStringLiteral("description")};
    return columns;
}

const QStringList &policyColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("code"),
                                                     QStringLiteral("title"),
                                                     QStringLiteral("type"),
                                                     QStringLiteral("authority"),
                                                     QStringLiteral("region_code"),
                                                     QStringLiteral("eligibility_rule"),
                                                     QStringLiteral("benefit_rule"),
                                                     QStringLiteral("benefit_cap"),
                                                     QStringLiteral("window_start"),
                                                     QStringLiteral("window_end"),
                                                     QStringLiteral("required_materials"),
                                                     QStringLiteral("summary"),
                                                     QStringLiteral("rule_version")};
    return columns;
}

Core::Park readPark(const QSqlQuery &q)
{
    Core::Park p;
    p.meta = readMeta(q);
    p.code = q.value(4).toString();
    p.name = q.value(5).toString();
    p.regionCode = q.value(6).toString();
    p.level = q.value(7).toString();
    return p;
}

Core::Institution readInstitution(const QSqlQuery &q)
{
    Core::Institution i;
    i.meta = readMeta(q);
    i.code = q.value(4).toString();
    i.name = q.value(5).toString();
    fromCode(q.value(6).toString(), &i.type);
    i.regionCode = q.value(7).toString();
    return i;
}

Core::FinancingProduct readProduct(const QSqlQuery &q)
{
    Core::FinancingProduct p;
    p.meta = readMeta(q);
    p.institutionId = q.value(4).toString();
    p.code = q.value(5).toString();
    p.name = q.value(6).toString();
    p.collateral = q.value(7).toString();
    p.minAmount = Core::Money::fromFen(q.value(8).toLongLong());
    p.maxAmount = Core::Money::fromFen(q.value(9).toLongLong());
    p.minTermMonths = q.value(10).toInt();
    p.maxTermMonths = q.value(11).toInt();
    p.rateMinBp = q.value(12).toInt();
    p.rateMaxBp = q.value(13).toInt();
    p.feeBp = q.value(14).toInt();
    p.zones = jsonToList(q.value(15));
    p.eligibilityRule = q.value(16).toString();
    p.requiredDocuments = jsonToList(q.value(17));
    p.platformExclusive = q.value(18).toInt() != 0;
    p.approvalRatePermille = q.value(19).toInt();
    p.avgDaysToDecision = q.value(20).toInt();
    p.serviceRatingPermille = q.value(21).toInt();
    p.description = q.value(22).toString();
    return p;
}

Core::Policy readPolicy(const QSqlQuery &q)
{
    Core::Policy p;
    p.meta = readMeta(q);
    p.code = q.value(4).toString();
    p.title = q.value(5).toString();
    fromCode(q.value(6).toString(), &p.type);
    p.authority = q.value(7).toString();
    p.regionCode = q.value(8).toString();
    p.eligibilityRule = q.value(9).toString();
    p.benefitRule = q.value(10).toString();
    p.benefitCap = Core::Money::fromFen(q.value(11).toLongLong());
    p.windowStart = toDate(q.value(12));
    p.windowEnd = toDate(q.value(13));
    p.requiredMaterials = jsonToList(q.value(14));
    p.summary = q.value(15).toString();
    p.ruleVersion = q.value(16).toInt();
    return p;
}

} // namespace

ReferenceRepository::ReferenceRepository(Database &db)
    : m_db(db)
{}

QVector<Core::Park> ReferenceRepository::parks() const
{
    return readAll<Core::Park>(m_db.sql(),
                               selectSql(parkColumns(), QStringLiteral("park"), QStringLiteral("deleted = 0"),
                                         QStringLiteral("code, name")),
                               {}, readPark);
}

std::optional<Core::Park> ReferenceRepository::park(const QString &id) const
{
    return readOne<Core::Park>(
        m_db.sql(),
        selectSql(parkColumns(), QStringLiteral("park"), QStringLiteral("id = ?"), QStringLiteral("id")),
        {id}, readPark);
}

QVector<Core::Institution> ReferenceRepository::institutions() const
{
    return readAll<Core::Institution>(m_db.sql(),
                                      selectSql(institutionColumns(), QStringLiteral("institution"),
                                                QStringLiteral("deleted = 0"), QStringLiteral("code, name")),
                                      {}, readInstitution);
}

std::optional<Core::Institution> ReferenceRepository::institution(const QString &id) const
{
    return readOne<Core::Institution>(m_db.sql(),
                                      selectSql(institutionColumns(), QStringLiteral("institution"),
                                                QStringLiteral("id = ?"), QStringLiteral("id")),
                                      {id}, readInstitution);
}

QVector<Core::FinancingProduct> ReferenceRepository::products(const QString &institutionId) const
{
    if (institutionId.isEmpty())
        return readAll<Core::FinancingProduct>(m_db.sql(),
                                               selectSql(productColumns(), QStringLiteral("product"),
                                                         QStringLiteral("deleted = 0"),
                                                         QStringLiteral("code, name")),
                                               {}, readProduct);
    return readAll<Core::FinancingProduct>(m_db.sql(),
                                           selectSql(productColumns(), QStringLiteral("product"),
                                                     QStringLiteral("deleted = 0 AND institution_id = ?"),
                                                     QStringLiteral("code, name")),
                                           {institutionId}, readProduct);
}

std::optional<Core::FinancingProduct> ReferenceRepository::product(const QString &id) const
{
    return readOne<Core::FinancingProduct>(m_db.sql(),
                                           selectSql(productColumns(), QStringLiteral("product"),
                                                     QStringLiteral("id = ?"), QStringLiteral("id")),
                                           {id}, readProduct);
}

QVector<Core::Policy> ReferenceRepository::policies() const
{
    return readAll<Core::Policy>(m_db.sql(),
                                 selectSql(policyColumns(), QStringLiteral("policy"),
                                           QStringLiteral("deleted = 0"), QStringLiteral("code, title")),
                                 {}, readPolicy);
}

std::optional<Core::Policy> ReferenceRepository::policy(const QString &id) const
{
    return readOne<Core::Policy>(
        m_db.sql(),
        selectSql(policyColumns(), QStringLiteral("policy"), QStringLiteral("id = ?"), QStringLiteral("id")),
        {id}, readPolicy);
}

bool ReferenceRepository::save(Core::Park &park, QString *errorMessage)
{
    Core::Park row = park;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("park"), parkColumns(), row.meta,
                                  QVariantList{row.code, row.name, row.regionCode, row.level}, Tr::tr("park"),
                                  errorMessage))
        return false;
    park = row;
    return true;
}

bool ReferenceRepository::save(Core::Institution &institution, QString *errorMessage)
{
    Core::Institution row = institution;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("institution"), institutionColumns(), row.meta,
                                  QVariantList{row.code, row.name, toCode(row.type), row.regionCode},
                                  Tr::tr("institution"), errorMessage))
        return false;
    institution = row;
    return true;
}

bool ReferenceRepository::save(Core::FinancingProduct &product, QString *errorMessage)
{
    Core::FinancingProduct row = product;
    if (!ChangeRecorder::saveById(
            m_db, QStringLiteral("product"), productColumns(), row.meta,
            QVariantList{row.institutionId, row.code, row.name, row.collateral, row.minAmount.fen(),
                         row.maxAmount.fen(), row.minTermMonths, row.maxTermMonths, row.rateMinBp,
                         row.rateMaxBp, row.feeBp, listToJson(row.zones), row.eligibilityRule,
                         listToJson(row.requiredDocuments), row.platformExclusive ? 1 : 0,
                         row.approvalRatePermille, row.avgDaysToDecision, row.serviceRatingPermille,
                         row.description},
            Tr::tr("financing product"), errorMessage))
        return false;
    product = row;
    return true;
}

bool ReferenceRepository::save(Core::Policy &policy, QString *errorMessage)
{
    Core::Policy row = policy;
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("policy"), policyColumns(), row.meta,
                                  QVariantList{row.code, row.title, toCode(row.type), row.authority,
                                               row.regionCode, row.eligibilityRule, row.benefitRule,
                                               row.benefitCap.fen(), dateValue(row.windowStart),
                                               dateValue(row.windowEnd), listToJson(row.requiredMaterials),
                                               row.summary, row.ruleVersion},
                                  Tr::tr("policy"), errorMessage))
        return false;
    policy = row;
    return true;
}

} // namespace XinDai::Store
