#pragma once

// Small, fully populated domain values for the store tests: every field has a non-default value so
// that a column forgotten in a repository shows up as a difference.

#include "core/domain/dataset.h"

#include <QDateTime>

namespace XinDai::Store::Test {

inline QDateTime utc(int y, int m, int d, int h = 9, int min = 30, int s = 0, int ms = 123)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s, ms), Qt::UTC);
}

inline Core::Park makePark(const QString &code = QStringLiteral("CS-HTZ"),
                           const QString &name = QStringLiteral("长沙高新技术产业开发区"))
{
    Core::Park p;
    p.code = code;
    p.name = name;
    p.regionCode = QStringLiteral("430104");
    p.level = QStringLiteral("国家级");
    return p;
}

inline Core::Institution makeInstitution()
{
    Core::Institution i;
    i.code = QStringLiteral("ICBC-HN");
    i.name = QStringLiteral("中国工商银行湖南省分行");
    i.type = Core::Institution::Type::Guarantor;
    i.regionCode = QStringLiteral("430100");
    return i;
}

inline Core::FinancingProduct makeProduct(const QString &institutionId)
{
    Core::FinancingProduct p;
    p.institutionId = institutionId;
    p.code = QStringLiteral("KJD-01");
    p.name = QStringLiteral("科技贷");
    p.collateral = QStringLiteral("信用");
    p.minAmount = Core::Money::fromWan(10);
    p.maxAmount = Core::Money::fromWan(500);
    p.minTermMonths = 3;
    p.maxTermMonths = 36;
    p.rateMinBp = 345;
    p.rateMaxBp = 480;
    p.feeBp = 50;
    p.zones = {QStringLiteral("科技型企业"), QStringLiteral("专精特新")};
    p.eligibilityRule = QStringLiteral(R"({">=":[{"var":"employees"},5]})");
    p.requiredDocuments = {QStringLiteral("business_licence"), QStringLiteral("financial_statement")};
    p.platformExclusive = true;
    p.approvalRatePermille = 712;
    p.avgDaysToDecision = 7;
    p.serviceRatingPermille = 930;
    p.description = QStringLiteral("面向科技型中小企业的信用贷款");
    return p;
}

inline Core::Policy makePolicy()
{
    Core::Policy p;
    p.code = QStringLiteral("HN-TX-2026");
    p.title = QStringLiteral("湖南省制造业贷款贴息");
    p.type = Core::Policy::Type::GuaranteeFeeSubsidy;
    p.authority = QStringLiteral("湖南省财政厅");
    p.regionCode = QStringLiteral("430000");
    p.eligibilityRule = QStringLiteral(R"({"==":[{"var":"section"},"C"]})");
    p.benefitRule = QStringLiteral(R"({"*":[{"var":"interest"},0.5]})");
    p.benefitCap = Core::Money::fromWan(50);
    p.windowStart = QDate(2026, 1, 1);
    p.windowEnd = QDate(2026, 12, 31);
    p.requiredMaterials = {QStringLiteral("贷款合同"), QStringLiteral("付息凭证")};
    p.summary = QStringLiteral("对制造业贷款按实际付息的50%给予贴息");
    p.ruleVersion = 3;
    return p;
}

inline Core::Enterprise makeEnterprise(const QString &uscc, const QString &name, const QString &parkId = {})
{
    Core::Enterprise e;
    e.uscc = uscc;
    e.name = name;
    e.kind = Core::Enterprise::Kind::IndividualBusiness;
    e.legalRep = QStringLiteral("张三");
    e.legalRepId = QStringLiteral("430104198001011234");
    e.established = QDate(2015, 6, 18);
    e.registeredCapital = Core::Money::fromWan(1000);
    e.industryCode = QStringLiteral("C39");
    e.regionCode = QStringLiteral("430104");
    e.parkId = parkId;
    e.employees = 86;
    e.annualRevenue = Core::Money::fromFen(12345678901);
    e.totalAssets = Core::Money::fromFen(9876543210);
    e.address = QStringLiteral("长沙市岳麓区麓谷大道1号");
    e.phone = QStringLiteral("0731-88886666");
    return e;
}

inline Core::User makeUser(const QString &parkId)
{
    Core::User u;
    u.login = QStringLiteral("window1");
    u.displayName = QStringLiteral("李窗口");
    u.role = Core::Role::ParkManager;
    u.parkId = parkId;
    u.passwordHash = QStringLiteral("pbkdf2-sha256$100000$c2FsdA$aGFzaA");
    u.disabled = true;
    return u;
}

} // namespace XinDai::Store::Test
