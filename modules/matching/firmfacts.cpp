#include "matching/firmfacts.h"

#include <utility>
#include <vector>

namespace XinDai::Matching {

Rules::Value FirmFacts::toValue() const
{
    using Rules::Value;
    std::vector<Value> quals;
    quals.reserve(std::size_t(qualifications.size()));
    for (const QString &q : qualifications)
        quals.emplace_back(q);
    return Value::object({
        {QStringLiteral("years"), Value(years)},
        {QStringLiteral("kind"), Value(kind)},
        {QStringLiteral("size"), Value(size)},
        {QStringLiteral("employees"), Value(employees)},
        {QStringLiteral("revenue_wan"), Value(double(revenueWan))},
        {QStringLiteral("assets_wan"), Value(double(assetsWan))},
        {QStringLiteral("industry_section"), Value(industrySection)},
        {QStringLiteral("industry_code"), Value(industryCode)},
        {QStringLiteral("region"), Value(region)},
        {QStringLiteral("city"), Value(city)},
        {QStringLiteral("park"), Value(park)},
        {QStringLiteral("tax_grade"), Value(taxGrade)},
        {QStringLiteral("tax_paid_12m_wan"), Value(taxPaid12mWan)},
        {QStringLiteral("social_insured"), Value(socialInsured)},
        {QStringLiteral("qualifications"), Value::array(std::move(quals))},
        {QStringLiteral("patents"), Value(patents)},
        {QStringLiteral("penalties_3y"), Value(penalties3y)},
        {QStringLiteral("dishonest"), Value(dishonest)},
        {QStringLiteral("procurements_3y"), Value(procurements3y)},
        {QStringLiteral("had_bank_loan"), Value(hadBankLoan)},
    });
}

} // namespace XinDai::Matching
