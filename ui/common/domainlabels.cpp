#include "domainlabels.h"

#include <QLocale>

namespace XinDai::Ui {

using Core::Application;
using Core::CreditRecord;
using Core::MonthlyValue;

QString DomainLabels::applicationState(Application::State state)
{
    switch (state) {
    case Application::State::Draft:
        return tr("Draft");
    case Application::State::Submitted:
        return tr("Submitted");
    case Application::State::Accepted:
        return tr("Accepted");
    case Application::State::Approved:
        return tr("Approved");
    case Application::State::Rejected:
        return tr("Rejected");
    case Application::State::Disbursed:
        return tr("Disbursed");
    case Application::State::Settled:
        return tr("Settled");
    case Application::State::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}

QList<Application::State> DomainLabels::applicationStates()
{
    return {Application::State::Draft,    Application::State::Submitted, Application::State::Accepted,
            Application::State::Approved, Application::State::Rejected,  Application::State::Disbursed,
            Application::State::Settled,  Application::State::Withdrawn};
}

QString DomainLabels::role(Core::Role role)
{
    switch (role) {
    case Core::Role::WindowStaff:
        return tr("Window staff");
    case Core::Role::ParkManager:
        return tr("Park manager");
    case Core::Role::BankOfficer:
        return tr("Bank officer");
    case Core::Role::Admin:
        return tr("Administrator");
    }
    return {};
}

QString DomainLabels::seriesKind(MonthlyValue::Kind kind)
{
    switch (kind) {
    case MonthlyValue::Kind::TaxPaid:
        return tr("Tax paid");
    case MonthlyValue::Kind::SocialInsuranceHeadcount:
        return tr("Social insurance headcount");
    case MonthlyValue::Kind::HousingFund:
        return tr("Housing fund");
    case MonthlyValue::Kind::Electricity:
        return tr("Electricity");
    case MonthlyValue::Kind::BankInflow:
        return tr("Bank inflow");
    case MonthlyValue::Kind::BankOutflow:
        return tr("Bank outflow");
    }
    return {};
}

QString DomainLabels::seriesUnit(MonthlyValue::Kind kind)
{
    switch (kind) {
    case MonthlyValue::Kind::SocialInsuranceHeadcount:
        return tr("persons");
    case MonthlyValue::Kind::Electricity:
        return tr("kWh");
    case MonthlyValue::Kind::TaxPaid:
    case MonthlyValue::Kind::HousingFund:
    case MonthlyValue::Kind::BankInflow:
    case MonthlyValue::Kind::BankOutflow:
        return tr("yuan");
    }
    return {};
}

bool DomainLabels::seriesIsMoney(MonthlyValue::Kind kind)
{
    return kind != MonthlyValue::Kind::SocialInsuranceHeadcount && kind != MonthlyValue::Kind::Electricity;
}

QList<MonthlyValue::Kind> DomainLabels::seriesKinds()
{
    return {MonthlyValue::Kind::TaxPaid,     MonthlyValue::Kind::SocialInsuranceHeadcount,
            MonthlyValue::Kind::HousingFund, MonthlyValue::Kind::Electricity,
            MonthlyValue::Kind::BankInflow,  MonthlyValue::Kind::BankOutflow};
}

QString DomainLabels::seriesValue(MonthlyValue::Kind kind, qint64 value)
{
    const QLocale locale;
    switch (kind) {
    case MonthlyValue::Kind::SocialInsuranceHeadcount:
    case MonthlyValue::Kind::Electricity:
        return locale.toString(value);
    case MonthlyValue::Kind::TaxPaid:
    case MonthlyValue::Kind::HousingFund:
    case MonthlyValue::Kind::BankInflow:
    case MonthlyValue::Kind::BankOutflow: {
        // Integer arithmetic: yuan part and the two fen digits, never a double.
        const qint64 absolute = value < 0 ? -value : value;
        const QString text = locale.toString(absolute / 100) + locale.decimalPoint()
                             + QStringLiteral("%1").arg(absolute % 100, 2, 10, QLatin1Char('0'));
        return value < 0 ? locale.negativeSign() + text : text;
    }
    }
    return {};
}

QString DomainLabels::recordKind(CreditRecord::Kind kind)
{
    switch (kind) {
    case CreditRecord::Kind::TaxGrade:
        return tr("Tax credit grade");
    case CreditRecord::Kind::Penalty:
        return tr("Administrative penalty");
    case CreditRecord::Kind::DishonestDebtor:
        return tr("Dishonest debtor listing");
    case CreditRecord::Kind::Procurement:
        return tr("Government procurement");
    case CreditRecord::Kind::PublicResourceContract:
        return tr("Public resource contract");
    case CreditRecord::Kind::Subsidy:
        return tr("Subsidy");
    case CreditRecord::Kind::Qualification:
        return tr("Qualification");
    case CreditRecord::Kind::Patent:
        return tr("Patent");
    }
    return {};
}

QString DomainLabels::institutionType(Core::Institution::Type type)
{
    using Type = Core::Institution::Type;
    switch (type) {
    case Type::Bank:
        return tr("Bank");
    case Type::Insurer:
        return tr("Insurer");
    case Type::Guarantor:
        return tr("Guarantor");
    case Type::Leasing:
        return tr("Leasing");
    case Type::Factoring:
        return tr("Factoring");
    case Type::Microcredit:
        return tr("Microcredit");
    case Type::EquityInvestor:
        return tr("Equity investor");
    }
    return {};
}

QString DomainLabels::policyType(Core::Policy::Type type)
{
    using Type = Core::Policy::Type;
    switch (type) {
    case Type::InterestSubsidy:
        return tr("Interest subsidy");
    case Type::RiskCompensation:
        return tr("Risk compensation");
    case Type::GuaranteeFeeSubsidy:
        return tr("Guarantee fee subsidy");
    case Type::FirstLoan:
        return tr("First loan support");
    case Type::QualificationAward:
        return tr("Qualification award");
    }
    return {};
}

QString DomainLabels::money(Core::Money amount)
{
    return amount.format(Core::Money::Unit::Auto, QLocale());
}

QString DomainLabels::date(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("—");
}

QString DomainLabels::dateTime(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : QStringLiteral("—");
}

QString DomainLabels::rateBp(int basisPoints)
{
    return QStringLiteral("%1.%2%").arg(basisPoints / 100).arg(basisPoints % 100, 2, 10, QLatin1Char('0'));
}

Matching::Language DomainLabels::explanationLanguage()
{
    return QLocale().language() == QLocale::Chinese ? Matching::Language::Chinese
                                                    : Matching::Language::English;
}

} // namespace XinDai::Ui
