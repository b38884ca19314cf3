#include "store/enumcodes.h"

#include <iterator>

namespace XinDai::Store {

namespace {

template<typename E>
struct Code
{
    E value;
    const char16_t *text;
};

using EK = Core::Enterprise::Kind;
constexpr Code<EK> enterpriseKinds[] = {
    {EK::Company, u"company"},
    {EK::IndividualBusiness, u"individual_business"},
};

using IT = Core::Institution::Type;
constexpr Code<IT> institutionTypes[] = {
    {IT::Bank, u"bank"},
    {IT::Insurer, u"insurer"},
    {IT::Guarantor, u"guarantor"},
    {IT::Leasing, u"leasing"},
    {IT::Factoring, u"factoring"},
    {IT::Microcredit, u"microcredit"},
    {IT::EquityInvestor, u"equity_investor"},
};

using PT = Core::Policy::Type;
constexpr Code<PT> policyTypes[] = {
    {PT::InterestSubsidy, u"interest_subsidy"},          {PT::RiskCompensation, u"risk_compensation"},
    {PT::GuaranteeFeeSubsidy, u"guarantee_fee_subsidy"}, {PT::FirstLoan, u"first_loan"},
    {PT::QualificationAward, u"qualification_award"},
};

using AS = Core::Application::State;
constexpr Code<AS> applicationStates[] = {
    {AS::Draft, u"draft"},       {AS::Submitted, u"submitted"}, {AS::Accepted, u"accepted"},
    {AS::Approved, u"approved"}, {AS::Rejected, u"rejected"},   {AS::Disbursed, u"disbursed"},
    {AS::Settled, u"settled"},   {AS::Withdrawn, u"withdrawn"},
};

using MK = Core::MonthlyValue::Kind;
constexpr Code<MK> seriesKinds[] = {
    {MK::TaxPaid, u"tax_paid"},         {MK::SocialInsuranceHeadcount, u"social_insurance_headcount"},
    {MK::HousingFund, u"housing_fund"}, {MK::Electricity, u"electricity"},
    {MK::BankInflow, u"bank_inflow"},   {MK::BankOutflow, u"bank_outflow"},
};

using CK = Core::CreditRecord::Kind;
constexpr Code<CK> recordKinds[] = {
    {CK::TaxGrade, u"tax_grade"},
    {CK::Penalty, u"penalty"},
    {CK::DishonestDebtor, u"dishonest_debtor"},
    {CK::Procurement, u"procurement"},
    {CK::PublicResourceContract, u"public_resource_contract"},
    {CK::Subsidy, u"subsidy"},
    {CK::Qualification, u"qualification"},
    {CK::Patent, u"patent"},
};

using R = Core::Role;
constexpr Code<R> roles[] = {
    {R::WindowStaff, u"window_staff"},
    {R::ParkManager, u"park_manager"},
    {R::BankOfficer, u"bank_officer"},
    {R::Admin, u"admin"},
};

template<typename E, std::size_t N>
QString lookup(const Code<E> (&table)[N], E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.text);
    }
    return {};
}

template<typename E, std::size_t N>
bool parse(const Code<E> (&table)[N], QStringView code, E *out)
{
    for (const auto &entry : table) {
        if (code == QStringView(entry.text)) {
            *out = entry.value;
            return true;
        }
    }
    return false;
}

} // namespace

QString toCode(Core::Enterprise::Kind value)
{
    return lookup(enterpriseKinds, value);
}
QString toCode(Core::Institution::Type value)
{
    return lookup(institutionTypes, value);
}
QString toCode(Core::Policy::Type value)
{
    return lookup(policyTypes, value);
}
QString toCode(Core::Application::State value)
{
    return lookup(applicationStates, value);
}
QString toCode(Core::MonthlyValue::Kind value)
{
    return lookup(seriesKinds, value);
}
QString toCode(Core::CreditRecord::Kind value)
{
    return lookup(recordKinds, value);
}
QString toCode(Core::Role value)
{
    return lookup(roles, value);
}

bool fromCode(QStringView code, Core::Enterprise::Kind *out)
{
    return parse(enterpriseKinds, code, out);
}
bool fromCode(QStringView code, Core::Institution::Type *out)
{
    return parse(institutionTypes, code, out);
}
bool fromCode(QStringView code, Core::Policy::Type *out)
{
    return parse(policyTypes, code, out);
}
bool fromCode(QStringView code, Core::Application::State *out)
{
    return parse(applicationStates, code, out);
}
bool fromCode(QStringView code, Core::MonthlyValue::Kind *out)
{
    return parse(seriesKinds, code, out);
}
bool fromCode(QStringView code, Core::CreditRecord::Kind *out)
{
    return parse(recordKinds, code, out);
}
bool fromCode(QStringView code, Core::Role *out)
{
    return parse(roles, code, out);
}

} // namespace XinDai::Store
