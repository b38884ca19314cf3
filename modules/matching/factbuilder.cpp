#include "matching/factbuilder.h"

#include "core/firmsize.h"
#include "core/industrycodes.h"
#include "core/recordsummary.h"
#include "matching/matchingtr_p.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

#include <QSqlQuery>

#include <utility>

namespace XinDai::Matching {

namespace {

using Rules::Value;

/// Floor division by a positive divisor (amounts may in principle be negative).
qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

int monthKey(QDate d)
{
    return d.year() * 12 + d.month() - 1;
}

bool belongs(const QString &rowFirm, const Core::Enterprise &e)
{
    return rowFirm.isEmpty() || e.meta.id.isEmpty() || rowFirm == e.meta.id;
}

QString sizeCode(Core::FirmSize size)
{
    switch (size) {
    case Core::FirmSize::Large:
        return QStringLiteral("large");
    case Core::FirmSize::Medium:
        return QStringLiteral("medium");
    case Core::FirmSize::Small:
        return QStringLiteral("small");
    case Core::FirmSize::Micro:
        break;
    }
    return QStringLiteral("micro");
}

struct QualificationName
{
    const char16_t *needle;
    const char16_t *code;
};

// Order matters: 专精特新"小巨人"企业 also contains 专精特新, so it is tested first.
constexpr QualificationName kQualifications[] = {
    {u"高新技术企业", u"hightech"}, {u"科技型中小企业", u"tech_sme"},       {u"小巨人", u"little_giant"},
    {u"专精特新", u"srdi_sme"},     {u"创新型中小企业", u"innovative_sme"},
};

// Order of firm.qualifications: the table of docs/firm-facts.md.
constexpr const char16_t *kQualificationOrder[]
    = {u"hightech", u"tech_sme", u"srdi_sme", u"little_giant", u"innovative_sme"};

Value needValue(const std::optional<FinancingNeed> &need)
{
    const double amountWan = need ? double(need->amount.fen()) / 1e6 : 0.0;
    const int term = need ? need->termMonths : 12;
    return Value::object(
        {{QStringLiteral("amount_wan"), Value(amountWan)}, {QStringLiteral("term_months"), Value(term)}});
}

Value loanValue(const LoanTerms &loan)
{
    return Value::object({{QStringLiteral("amount_fen"), Value(double(loan.amount.fen()))},
                          {QStringLiteral("rate_bp"), Value(loan.rateBp)},
                          {QStringLiteral("term_months"), Value(loan.termMonths)},
                          {QStringLiteral("guarantee_fee_fen"), Value(double(loan.guaranteeFee.fen()))}});
}

Value assemble(const FirmFacts &firm, const std::optional<FinancingNeed> &need, const LoanTerms &loan)
{
    return Value::object(
        {{QStringLiteral("firm"), firm.toValue()},
         {QStringLiteral("need"), needValue(need)},
         {QStringLiteral("loan"), loanValue(loan)},
         {QStringLiteral("market"), Value::object({{QStringLiteral("lpr_1y_bp"), Value(loan.lprBp)}})}});
}

} // namespace

QString FactBuilder::qualificationCode(const QString &title)
{
    for (const QualificationName &q : kQualifications) {
        if (title.contains(QStringView(q.needle)))
            return QString::fromUtf16(q.code);
    }
    return {};
}

FirmFacts FactBuilder::firmFacts(const FirmData &data, QDate day)
{
    const Core::Enterprise &e = data.enterprise;
    FirmFacts f;
    f.enterpriseId = e.meta.id;
    f.name = e.name;
    f.uscc = e.uscc;
    f.parkId = e.parkId;

    if (e.established.isValid() && day.isValid() && e.established <= day) {
        int years = day.year() - e.established.year();
        if (day.month() < e.established.month()
            || (day.month() == e.established.month() && day.day() < e.established.day()))
            --years;
        f.years = qMax(0, years);
    }
    f.kind = e.kind == Core::Enterprise::Kind::IndividualBusiness ? QStringLiteral("individual_business")
                                                                  : QStringLiteral("company");
    f.size = sizeCode(
        Core::FirmSizeClassifier::classify(e.industryCode, e.employees, e.annualRevenue, e.totalAssets));
    f.employees = qMax(0, e.employees);
    f.revenueWan = floorDiv(e.annualRevenue.fen(), 1000000);
    f.assetsWan = floorDiv(e.totalAssets.fen(), 1000000);
    f.industrySection = Core::IndustryCodes::sectionOf(e.industryCode);
    f.industryCode = Core::IndustryCodes::divisionOf(e.industryCode);
    if (e.regionCode.size() == 6) {
        f.region = e.regionCode;
        f.city = e.regionCode.left(4);
    }
    if (data.park && !e.parkId.isEmpty() && data.park->meta.id == e.parkId)
        f.park = data.park->code;

    // Series: the 12 calendar months before the evaluation month.
    const int dayKey = monthKey(day);
    qint64 taxFen = 0;
    int latestHeadcountKey = -1;
    for (const Core::MonthlyValue &v : data.series) {
        if (!belongs(v.enterpriseId, e) || !v.month.isValid())
            continue;
        const int k = monthKey(v.month);
        if (k >= dayKey)
            continue;
        if (v.kind == Core::MonthlyValue::Kind::TaxPaid && k >= dayKey - 12) {
            taxFen += v.value;
        } else if (v.kind == Core::MonthlyValue::Kind::SocialInsuranceHeadcount && k >= latestHeadcountKey) {
            latestHeadcountKey = k;
            f.socialInsured = int(v.value);
        }
    }
    f.taxPaid12mWan = double(taxFen) / 1e6;

    // Records (the same reading as the scoring features: core/recordsummary.h).
    const Core::RecordSummary records = Core::RecordSummary::of(e.meta.id, data.records, day);
    f.taxGrade = records.taxGrade;
    f.penalties3y = records.penalties3y;
    f.dishonest = records.dishonest;
    f.procurements3y = records.procurements3y;
    f.patents = records.patents;
    QStringList held;
    for (const QString &title : records.qualifications) {
        const QString code = qualificationCode(title);
        if (!code.isEmpty())
            held.append(code);
    }
    for (const char16_t *code : kQualificationOrder) {
        const QString c = QString::fromUtf16(code);
        if (held.contains(c))
            f.qualifications.append(c);
    }

    f.hadBankLoan = data.declaredHadBankLoan;
    for (const Core::Application &a : data.applications) {
        if (belongs(a.enterpriseId, e)
            && (a.state == Core::Application::State::Disbursed
                || a.state == Core::Application::State::Settled))
            f.hadBankLoan = true;
    }
    return f;
}

Rules::Value FactBuilder::facts(const FirmFacts &firm, const std::optional<FinancingNeed> &need,
                                const std::optional<LoanTerms> &loan)
{
    const LoanTerms used = loan ? *loan : need ? LoanTerms::fromNeed(*need) : LoanTerms::defaultLoan();
    return assemble(firm, need, used);
}

Rules::Value FactBuilder::factsWithoutLoan(const FirmFacts &firm, const std::optional<FinancingNeed> &need)
{
    return assemble(firm, need, LoanTerms{});
}

std::optional<FirmData> FactBuilder::load(Store::Database &db, const QString &enterpriseId, QString *error)
{
    Store::EnterpriseRepository firms(db);
    const std::optional<Core::Enterprise> enterprise = firms.byId(enterpriseId);
    if (!enterprise || enterprise->meta.deleted) {
        if (error)
            *error
                = Internal::Tr::tr("The firm with the id %1 was not found in the store.").arg(enterpriseId);
        return std::nullopt;
    }
    FirmData data;
    data.enterprise = *enterprise;
    if (!enterprise->parkId.isEmpty())
        data.park = Store::ReferenceRepository(db).park(enterprise->parkId);
    Store::FirmDataRepository firmData(db);
    data.series = firmData.allSeries(enterpriseId);
    data.records = firmData.records(enterpriseId);
    Store::ApplicationRepository::Filter filter;
    filter.enterpriseId = enterpriseId;
    data.applications = Store::ApplicationRepository(db).applications(filter);
    return data;
}

QVector<FirmFacts> FactBuilder::loadPark(Store::Database &db, const QString &parkId, QDate day)
{
    QStringList ids;
    QSqlQuery q(db.sql());
    q.prepare(
        QStringLiteral("SELECT id FROM enterprise WHERE park_id = ? AND deleted = 0 ORDER BY name, id"));
    q.addBindValue(parkId);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    QVector<FirmFacts> out;
    out.reserve(ids.size());
    for (const QString &id : std::as_const(ids)) {
        if (const std::optional<FirmData> data = load(db, id, nullptr))
            out.append(firmFacts(*data, day));
    }
    return out;
}

} // namespace XinDai::Matching
