#include "core/residentid.h"
#include "core/uscc.h"
#include "core/workcalendar.h"
#include "prereview/documenttypes.h"
#include "prereview/prereviewer.h"

#include <QJsonArray>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;
using Core::Money;
using Matching::Language;
using Prereview::Finding;
using Prereview::Prereviewer;
using Prereview::PrereviewInput;
using Prereview::PrereviewResult;

using Mutation = void (*)(PrereviewInput &);
Q_DECLARE_METATYPE(Mutation)

namespace {

const QString kInstitution = QStringLiteral("inst-icbc");
// Tuesday before the 2026 National Day holiday (国庆节 2026-10-01..07, 2026-10-10 an adjusted working
// Saturday).
const QDate kDay(2026, 9, 29);

QString validUscc()
{
    const QString first17 = QStringLiteral("91430104MA4LABCD1");
    return first17 + Core::Uscc::checkCharacter(first17);
}

QString validResidentId()
{
    const QString first17 = QStringLiteral("43010419800101123");
    return first17 + Core::ResidentId::checkDigit(first17);
}

Core::Document document(const QString &type, const QString &file, QDate added)
{
    Core::Document d;
    d.meta.id = Core::newId();
    d.docType = type;
    d.fileName = file;
    d.addedAt = QDateTime(added, QTime(10, 0));
    return d;
}

/// An application that passes every rule: each mutation of the tables below breaks (or keeps) one thing.
PrereviewInput baseline()
{
    PrereviewInput in;
    in.day = kDay;
    in.application.meta.id = QStringLiteral("app-1");
    in.application.number = QStringLiteral("XD-2026-000001");
    in.application.amount = Money::fromWan(100);
    in.application.termMonths = 12;
    in.application.purpose = QStringLiteral("流动资金");
    in.application.institutionId = kInstitution;

    Core::Enterprise &f = in.firm.enterprise;
    f.meta.id = QStringLiteral("firm-1");
    f.name = QStringLiteral("湖南湘江新材料有限公司");
    f.uscc = validUscc();
    f.legalRep = QStringLiteral("张伟");
    f.legalRepId = validResidentId();
    f.established = QDate(2020, 5, 1); // 6 full years on kDay
    f.industryCode = QStringLiteral("C39");
    f.regionCode = QStringLiteral("430104");

    Core::FinancingProduct p;
    p.meta.id = QStringLiteral("prod-1");
    p.institutionId = kInstitution;
    p.name = QStringLiteral("经营快贷");
    p.minAmount = Money::fromWan(10);
    p.maxAmount = Money::fromWan(300);
    p.minTermMonths = 3;
    p.maxTermMonths = 12;
    p.eligibilityRule = QStringLiteral(R"({">=":[{"var":"firm.years"},2]})");
    p.requiredDocuments
        = {QStringLiteral("营业执照"), QStringLiteral("近两年财务报表"), QStringLiteral("征信授权书")};
    in.product = p;

    Core::Authorization a;
    a.meta.id = QStringLiteral("auth-1");
    a.institutionIds = {kInstitution};
    a.validFrom = QDate(2026, 9, 1);
    a.validTo = QDate(2027, 8, 31);
    in.authorizations = {a};

    in.documents
        = {document(QStringLiteral("business_licence"), QStringLiteral("营业执照.jpg"), QDate(2026, 9, 1)),
           document(QStringLiteral("financial_statement"), QStringLiteral("财务报表.pdf"), kDay),
           document(QStringLiteral("authorization"), QStringLiteral("授权书.pdf"), QDate(2026, 9, 1))};

    Prereview::FinancialStatement s;
    s.totalAssets = Money::fromWan(1000);
    s.liabilities = Money::fromWan(600);
    s.equity = Money::fromWan(400);
    s.revenue = Money::fromWan(800);
    in.statement = s;
    return in;
}

QString severity(Finding::Severity s)
{
    return Finding::severityCode(s);
}

/// "severity code field" for each finding, in result order.
QStringList summary(const PrereviewResult &r)
{
    QStringList out;
    for (const Finding &f : r.findings)
        out << severity(f.severity) + u' ' + f.code + u' ' + f.field;
    return out;
}

PrereviewResult review(const PrereviewInput &in)
{
    return Prereviewer::run(in, Core::WorkCalendar::builtin());
}

void removeDocument(PrereviewInput &in, const QString &type)
{
    in.documents.removeIf([&](const Core::Document &d) { return d.docType == type; });
}

} // namespace

class TestPrereview : public QObject
{
    Q_OBJECT

private slots:
    void baselinePasses();
    void rules_data();
    void rules();
    void balanceSheetTolerance_data();
    void balanceSheetTolerance();
    void authorizationAcrossNationalDay_data();
    void authorizationAcrossNationalDay();
    void messages_data();
    void messages();
    void sortedBySeverity();
    void slip();
    void json();
    void documentNames_data();
    void documentNames();
};

void TestPrereview::baselinePasses()
{
    const PrereviewResult r = review(baseline());
    QVERIFY2(r.findings.isEmpty(), qPrintable(summary(r).join(u'\n')));
    QVERIFY(r.passed);
    QVERIFY(r.documentsToBring.isEmpty());
    QCOMPARE(r.applicationNumber, QStringLiteral("XD-2026-000001"));
}

void TestPrereview::rules_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QStringList>("expected"); // "severity code field", in result order
    QTest::addColumn<bool>("passed");

    using L = QStringList;
    // --- completeness: each required field empty gives exactly one finding naming it
    QTest::newRow("amount zero: missing")
        << Mutation([](PrereviewInput &in) { in.application.amount = Money(); })
        << L{u"block completeness.field_missing application.amount"_s} << false;
    QTest::newRow("amount negative: counts as missing")
        << Mutation([](PrereviewInput &in) { in.application.amount = Money::fromFen(-1); })
        << L{u"block completeness.field_missing application.amount"_s} << false;
    // with the term missing the limits rule does not also fire: one cause, one finding
    QTest::newRow("term zero: missing")
        << Mutation([](PrereviewInput &in) { in.application.termMonths = 0; })
        << L{u"block completeness.field_missing application.term_months"_s} << false;
    QTest::newRow("purpose blank: missing")
        << Mutation([](PrereviewInput &in) { in.application.purpose = QStringLiteral("  "); })
        << L{u"block completeness.field_missing application.purpose"_s} << false;
    QTest::newRow("no institution: missing, authorization not checked")
        << Mutation([](PrereviewInput &in) { in.application.institutionId.clear(); })
        << L{u"block completeness.field_missing application.institution"_s} << false;
    QTest::newRow("institution from input overrides the application's") << Mutation([](PrereviewInput &in) {
        in.application.institutionId.clear();
        in.institutionId = kInstitution;
    }) << L{} << true;
    QTest::newRow("firm name missing")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.name.clear(); })
        << L{u"block completeness.field_missing firm.name"_s} << false;
    // an empty USCC is only "missing", not also "invalid"
    QTest::newRow("uscc missing") << Mutation([](PrereviewInput &in) { in.firm.enterprise.uscc.clear(); })
                                  << L{u"block completeness.field_missing firm.uscc"_s} << false;
    QTest::newRow("legal rep missing")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.legalRep.clear(); })
        << L{u"block completeness.field_missing firm.legal_rep"_s} << false;
    // the ID number is asked for by the bank later: a warning, the application may go ahead
    QTest::newRow("legal rep ID missing: warn")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.legalRepId.clear(); })
        << L{u"warn completeness.field_missing firm.legal_rep_id"_s} << true;
    // without an established date the firm is 0 years old, so the product's "≥ 2 years" fails as well
    QTest::newRow("established missing")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.established = QDate(); })
        << L{u"block completeness.field_missing firm.established"_s,
             u"block eligibility.condition_failed firm.years"_s}
        << false;
    QTest::newRow("industry missing")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.industryCode.clear(); })
        << L{u"block completeness.field_missing firm.industry_code"_s} << false;
    QTest::newRow("region missing") << Mutation(
        [](PrereviewInput &in) { in.firm.enterprise.regionCode.clear(); })
                                    << L{u"block completeness.field_missing firm.region_code"_s} << false;
    // no product: documents, limits and eligibility cannot be checked, only the product is asked for
    QTest::newRow("no product") << Mutation([](PrereviewInput &in) { in.product.reset(); })
                                << L{u"block completeness.product_missing application.product"_s} << false;
    QTest::newRow("document missing")
        << Mutation([](PrereviewInput &in) { removeDocument(in, QStringLiteral("business_licence")); })
        << L{u"block completeness.document_missing documents.营业执照"_s} << false;
    // marked "bring next visit": still on the slip, but the pre-review passes
    QTest::newRow("document next visit: warn") << Mutation([](PrereviewInput &in) {
        removeDocument(in, QStringLiteral("business_licence"));
        in.broughtNextVisit << QStringLiteral("营业执照");
    }) << L{u"warn completeness.document_next_visit documents.营业执照"_s}
                                               << true;
    // a file whose type is the product's Chinese name itself satisfies it too
    QTest::newRow("document typed by its Chinese name") << Mutation([](PrereviewInput &in) {
        removeDocument(in, QStringLiteral("business_licence"));
        in.documents << document(QStringLiteral("营业执照"), QStringLiteral("a.jpg"), kDay);
    }) << L{} << true;
    // a deleted (tombstoned) file does not count as attached
    QTest::newRow("deleted document does not count") << Mutation([](PrereviewInput &in) {
        for (Core::Document &d : in.documents) {
            if (d.docType == u"authorization")
                d.meta.deleted = true;
        }
    }) << L{u"block completeness.document_missing documents.征信授权书"_s}
                                                     << false;

    // --- validity: identifiers
    QTest::newRow("uscc check character wrong") << Mutation([](PrereviewInput &in) {
        QString &u = in.firm.enterprise.uscc;
        u[17] = u.at(17) == u'0' ? u'1' : u'0';
    }) << L{u"block validity.uscc_invalid firm.uscc"_s}
                                                << false;
    QTest::newRow("uscc too short") << Mutation([](PrereviewInput &in) { in.firm.enterprise.uscc.chop(1); })
                                    << L{u"block validity.uscc_invalid firm.uscc"_s} << false;
    // pasted with spaces and in lower case is normalised, not an error
    QTest::newRow("uscc lower case with spaces is fine") << Mutation([](PrereviewInput &in) {
        in.firm.enterprise.uscc = in.firm.enterprise.uscc.toLower().insert(2, u' ');
    }) << L{} << true;
    QTest::newRow("resident id check digit wrong") << Mutation([](PrereviewInput &in) {
        QString &id = in.firm.enterprise.legalRepId;
        id[17] = id.at(17) == u'0' ? u'1' : u'0';
    }) << L{u"block validity.legal_rep_id_invalid firm.legal_rep_id"_s}
                                                   << false;
    // born the day after the pre-review: not a possible ID number yet
    QTest::newRow("resident id born after the day") << Mutation([](PrereviewInput &in) {
        const QString first17 = QStringLiteral("43010420260930123");
        in.firm.enterprise.legalRepId = first17 + Core::ResidentId::checkDigit(first17);
    }) << L{u"block validity.legal_rep_id_invalid firm.legal_rep_id"_s}
                                                    << false;

    // --- validity: no future dates (the day itself is allowed)
    QTest::newRow("established tomorrow")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.established = kDay.addDays(1); })
        << L{u"block validity.future_date firm.established"_s,
             u"block eligibility.condition_failed firm.years"_s}
        << false;
    QTest::newRow("document added tomorrow") << Mutation([](PrereviewInput &in) {
        in.documents[1].addedAt = QDateTime(kDay.addDays(1), QTime(9, 0));
    }) << L{u"block validity.future_date documents.financial_statement"_s}
                                             << false;

    // --- validity: authorization
    QTest::newRow("no authorization") << Mutation([](PrereviewInput &in) { in.authorizations.clear(); })
                                      << L{u"block validity.authorization_missing authorization"_s} << false;
    QTest::newRow("authorization for another institution") << Mutation([](PrereviewInput &in) {
        in.authorizations[0].institutionIds = {QStringLiteral("inst-other")};
    }) << L{u"block validity.authorization_missing authorization"_s}
                                                           << false;
    QTest::newRow("authorization revoked")
        << Mutation([](PrereviewInput &in) { in.authorizations[0].revoked = true; })
        << L{u"block validity.authorization_revoked authorization"_s} << false;
    QTest::newRow("authorization starts after the day")
        << Mutation([](PrereviewInput &in) { in.authorizations[0].validFrom = kDay.addDays(1); })
        << L{u"block validity.authorization_not_in_force authorization"_s} << false;
    // a revoked one next to a good one: the good one counts
    QTest::newRow("one revoked, one valid") << Mutation([](PrereviewInput &in) {
        Core::Authorization revoked = in.authorizations.first();
        revoked.revoked = true;
        in.authorizations.prepend(revoked);
    }) << L{} << true;

    // --- validity: revenue
    QTest::newRow("revenue -1 fen") << Mutation(
        [](PrereviewInput &in) { in.statement->revenue = Money::fromFen(-1); })
                                    << L{u"block validity.revenue_negative statement.revenue"_s} << false;
    QTest::newRow("revenue zero is fine")
        << Mutation([](PrereviewInput &in) { in.statement->revenue = Money(); }) << L{} << true;
    QTest::newRow("firm's recorded revenue negative")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.annualRevenue = Money::fromYuan(-5); })
        << L{u"block validity.revenue_negative firm.annual_revenue"_s} << false;
    // not typed in: noted, nothing blocks
    QTest::newRow("no statement: info") << Mutation([](PrereviewInput &in) { in.statement.reset(); })
                                        << L{u"info validity.statement_missing statement"_s} << true;

    // --- product limits: 10万–300万, 3–12 months, both ends inclusive
    QTest::newRow("amount = min") << Mutation([](PrereviewInput &in) {
        in.application.amount = Money::fromWan(10);
    }) << L{} << true;
    QTest::newRow("amount = min - 1 fen") << Mutation([](PrereviewInput &in) {
        in.application.amount = Money::fromWan(10) - Money::fromFen(1);
    }) << L{u"block limits.amount_out_of_range application.amount"_s}
                                          << false;
    QTest::newRow("amount = max") << Mutation([](PrereviewInput &in) {
        in.application.amount = Money::fromWan(300);
    }) << L{} << true;
    QTest::newRow("amount = max + 1 fen") << Mutation([](PrereviewInput &in) {
        in.application.amount = Money::fromWan(300) + Money::fromFen(1);
    }) << L{u"block limits.amount_out_of_range application.amount"_s}
                                          << false;
    QTest::newRow("term = 3") << Mutation([](PrereviewInput &in) { in.application.termMonths = 3; }) << L{}
                              << true;
    QTest::newRow("term = 2") << Mutation([](PrereviewInput &in) { in.application.termMonths = 2; })
                              << L{u"block limits.term_out_of_range application.term_months"_s} << false;
    QTest::newRow("term = 13") << Mutation([](PrereviewInput &in) { in.application.termMonths = 13; })
                               << L{u"block limits.term_out_of_range application.term_months"_s} << false;

    // --- eligibility: the product wants ≥ 2 full years
    QTest::newRow("firm exactly 2 years old")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.established = kDay.addYears(-2); }) << L{}
        << true;
    QTest::newRow("firm one day short of 2 years")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.established = kDay.addYears(-2).addDays(1); })
        << L{u"block eligibility.condition_failed firm.years"_s} << false;
    // two failing conditions of a root "and": two findings, in rule order
    QTest::newRow("two failing conditions") << Mutation([](PrereviewInput &in) {
        in.product->eligibilityRule = QStringLiteral(
            R"({"and":[{">=":[{"var":"firm.years"},10]},{">=":[{"var":"firm.employees"},5]},{"!":[{"var":"firm.dishonest"}]}]})");
    })
                                            << L{u"block eligibility.condition_failed firm.years"_s,
                                                 u"block eligibility.condition_failed firm.employees"_s}
                                            << false;
    QTest::newRow("rule does not compile: warn")
        << Mutation([](PrereviewInput &in) { in.product->eligibilityRule = QStringLiteral("{\"and\":"); })
        << L{u"warn eligibility.rule_invalid product.eligibility_rule"_s} << true;
    QTest::newRow("empty rule: everyone")
        << Mutation([](PrereviewInput &in) { in.product->eligibilityRule.clear(); }) << L{} << true;
}

void TestPrereview::rules()
{
    QFETCH(Mutation, mutate);
    QFETCH(QStringList, expected);
    QFETCH(bool, passed);
    PrereviewInput in = baseline();
    mutate(in);
    const PrereviewResult r = review(in);
    QCOMPARE(summary(r), expected);
    QCOMPARE(r.passed, passed);
    for (const Finding &f : r.findings) {
        QVERIFY(!f.messageZh.isEmpty() && !f.messageEn.isEmpty());
        QVERIFY2(f.severity == Finding::Severity::Info || (!f.fixZh.isEmpty() && !f.fixEn.isEmpty()),
                 qPrintable(f.code));
    }
}

void TestPrereview::balanceSheetTolerance_data()
{
    QTest::addColumn<qint64>("liabilitiesFen");
    QTest::addColumn<bool>("balanced");
    // Total assets 1,000万元 = 10^9 fen; equity 400万元 = 4·10^8 fen; 1 % of assets = 10^7 fen (10万元).
    QTest::newRow("exact") << qint64(600000000) << true;
    QTest::newRow("short by exactly 1 %: allowed (boundary inclusive)") << qint64(590000000) << true;
    QTest::newRow("over by exactly 1 %: allowed") << qint64(610000000) << true;
    QTest::newRow("short by 1 % + 1 fen") << qint64(589999999) << false;
    QTest::newRow("over by 1 % + 1 fen") << qint64(610000001) << false;
}

void TestPrereview::balanceSheetTolerance()
{
    QFETCH(qint64, liabilitiesFen);
    QFETCH(bool, balanced);
    PrereviewInput in = baseline();
    in.statement->liabilities = Money::fromFen(liabilitiesFen);
    const PrereviewResult r = review(in);
    QCOMPARE(r.withCode(QStringLiteral("validity.balance_sheet_mismatch")).size(), balanced ? 0 : 1);
    QCOMPARE(r.passed, balanced);
}

void TestPrereview::authorizationAcrossNationalDay_data()
{
    QTest::addColumn<QDate>("validTo");
    QTest::addColumn<bool>("ok");
    // Submission Tue 2026-09-29. Working days after it: Wed 09-30 (1); 10-01..10-07 国庆节 off;
    // Thu 10-08 (2), Fri 10-09 (3) → accepted by 2026-10-09. Then Sat 10-10 is an adjusted working day (1),
    // Sun 10-11 off, Mon 10-12..Fri 10-16 (2..6), weekend, Mon 10-19..Thu 10-22 (7..10) → result by
    // 2026-10-22, i.e. 13 working days after submission. A weekday-only count would give 2026-10-16.
    QTest::newRow("until the result deadline 10-22: ok") << QDate(2026, 10, 22) << true;
    QTest::newRow("one day short, 10-21: blocks") << QDate(2026, 10, 21) << false;
    QTest::newRow("weekday-only deadline 10-16: blocks") << QDate(2026, 10, 16) << false;
    QTest::newRow("acceptance deadline only, 10-09: blocks") << QDate(2026, 10, 9) << false;
}

void TestPrereview::authorizationAcrossNationalDay()
{
    QFETCH(QDate, validTo);
    QFETCH(bool, ok);
    PrereviewInput in = baseline();
    in.authorizations[0].validTo = validTo;
    const PrereviewResult r = review(in);
    QCOMPARE(r.acceptanceDeadline, QDate(2026, 10, 9));
    QCOMPARE(r.resultDeadline, QDate(2026, 10, 22));
    QCOMPARE(summary(r),
             ok ? QStringList() : QStringList{u"block validity.authorization_expires authorization"_s});
}

void TestPrereview::messages_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("fixZh");
    QTest::addColumn<QString>("fixEn");

    // The range is named in 万元 (zh) and millions (en): 5万元 = CNY 0.05 million.
    QTest::newRow("amount below range")
        << Mutation([](PrereviewInput &in) { in.application.amount = Money::fromWan(5); })
        << QStringLiteral("limits.amount_out_of_range")
        << QStringLiteral("申请金额5.00万元不在产品“经营快贷”的额度范围10.00万元至300.00万元内。")
        << QStringLiteral(
               "The requested amount CNY 0.05 million is outside the range of the product “经营快贷”: "
               "CNY 0.10 million to CNY 3.00 million.")
        << QStringLiteral("将申请金额调整到10.00万元至300.00万元之间，或改选其他产品。")
        << QStringLiteral(
               "Change the amount to between CNY 0.10 million and CNY 3.00 million, or choose another "
               "product.");
    QTest::newRow("document missing")
        << Mutation([](PrereviewInput &in) { removeDocument(in, QStringLiteral("business_licence")); })
        << QStringLiteral("completeness.document_missing") << QStringLiteral("缺少产品要求的资料“营业执照”。")
        << QStringLiteral("The document “business licence” required by the product is missing.")
        << QStringLiteral("上传“营业执照”，或将其标记为下次来访时携带。")
        << QStringLiteral("Attach the business licence or mark it to be brought at the next visit.");
    // deadlines as in authorizationAcrossNationalDay
    QTest::newRow("authorization expires")
        << Mutation([](PrereviewInput &in) { in.authorizations[0].validTo = QDate(2026, 10, 16); })
        << QStringLiteral("validity.authorization_expires")
        << QStringLiteral("征信授权书有效期至2026-10-16，早于结果答复期限2026-10-22（受理期限2026-10-"
                          "09后第10个工作日）；"
                          "授权书须持续有效至该日。")
        << QStringLiteral(
               "The authorization is valid until 2026-10-16, before the result deadline 2026-10-22 (10 "
               "working days after the acceptance deadline 2026-10-09); it must stay valid through "
               "that day.")
        << QStringLiteral("请企业重新签署覆盖所选机构、有效期至少至2026-10-22的征信授权书。")
        << QStringLiteral(
               "Have the firm sign a new authorization that covers the chosen institution and stays "
               "valid at least until 2026-10-22.");
    // 1,000万 assets vs 600万 + 380万 = 980万: 20万 off, more than the 10万 allowed
    QTest::newRow("balance sheet")
        << Mutation([](PrereviewInput &in) { in.statement->equity = Money::fromWan(380); })
        << QStringLiteral("validity.balance_sheet_mismatch")
        << QStringLiteral("资产负债表不平：资产总额10,000,000.00元，负债与所有者权益合计9,800,000."
                          "00元，差额200,000.00元超过资产总额的1%。")
        << QStringLiteral(
               "The balance sheet does not balance: total assets CNY 10,000,000.00, liabilities plus "
               "equity CNY 9,800,000.00; the difference of CNY 200,000.00 exceeds 1 % of total assets.")
        << QStringLiteral("核对财务报表中的资产总额、负债总额和所有者权益并更正录入。")
        << QStringLiteral("Check total assets, liabilities and equity against the financial statements and "
                          "correct them.");
    QTest::newRow("uscc check character")
        << Mutation(
               [](PrereviewInput &in) { in.firm.enterprise.uscc = QStringLiteral("91430104MA4LABCD1X"); })
        << QStringLiteral("validity.uscc_invalid")
        << QStringLiteral("统一社会信用代码“91430104MA4LABCD1X”的校验码应为“%1”，与第18位不符。")
               .arg(validUscc().right(1))
        << QStringLiteral("The check character of the USCC “91430104MA4LABCD1X” should be “%1”; the 18th "
                          "character does not match.")
               .arg(validUscc().right(1))
        << QStringLiteral("核对营业执照上的统一社会信用代码并重新录入。")
        << QStringLiteral("Compare the USCC with the business licence and enter it again.");
    // the failing condition's sentence is the Explainer's own (modules/matching)
    QTest::newRow("eligibility")
        << Mutation([](PrereviewInput &in) { in.firm.enterprise.established = QDate(2025, 6, 1); })
        << QStringLiteral("eligibility.condition_failed")
        << QStringLiteral("不符合产品“经营快贷”的准入条件：成立年限 1 年 ≥ 要求 2 年 ✗")
        << QStringLiteral("The firm does not meet a condition of the product “经营快贷”: Years in business 1 "
                          "≥ required 2 ✗")
        << QStringLiteral("补充能证明满足该条件的资料后重新预审，或改选准入条件相符的其他产品。")
        << QStringLiteral(
               "Provide documents showing that the condition is met and run the pre-review again, or "
               "choose a product whose conditions the firm meets.");
}

void TestPrereview::messages()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, code);
    PrereviewInput in = baseline();
    mutate(in);
    const QVector<Finding> found = review(in).withCode(code);
    QCOMPARE(found.size(), 1);
    const Finding &f = found.first();
    QTEST(f.message(Language::Chinese), "zh");
    QTEST(f.message(Language::English), "en");
    QTEST(f.fix(Language::Chinese), "fixZh");
    QTEST(f.fix(Language::English), "fixEn");
}

void TestPrereview::sortedBySeverity()
{
    PrereviewInput in = baseline();
    in.statement.reset();                  // info, from the validity rules
    in.firm.enterprise.legalRepId.clear(); // warn, from completeness
    in.application.termMonths = 24;        // block, from the limits (after both in rule order)
    removeDocument(in, QStringLiteral("business_licence")); // block, from completeness
    const PrereviewResult r = review(in);
    // Blocks first (completeness before limits: stable), then the warning, then the note.
    QCOMPARE(summary(r), (QStringList{u"block completeness.document_missing documents.营业执照"_s,
                                      u"block limits.term_out_of_range application.term_months"_s,
                                      u"warn completeness.field_missing firm.legal_rep_id"_s,
                                      u"info validity.statement_missing statement"_s}));
    QCOMPARE(r.count(Finding::Severity::Block), 2);
    QVERIFY(!r.passed);
}

void TestPrereview::slip()
{
    PrereviewInput in = baseline();
    removeDocument(in, QStringLiteral("business_licence"));
    removeDocument(in, QStringLiteral("authorization"));
    in.broughtNextVisit << QStringLiteral("征信授权书");
    in.application.termMonths = 24;
    in.statement.reset(); // info: not on the slip
    const PrereviewResult r = review(in);
    QCOMPARE(r.documentsToBring, (QStringList{QStringLiteral("营业执照"), QStringLiteral("征信授权书")}));
    // Two blocks: the missing licence and the term (the next-visit authorization is a warning).
    const QStringList zh{
        QStringLiteral("资料预审结果：未通过，2项须补正"),
        QStringLiteral("申请编号：XD-2026-000001"),
        QStringLiteral("今日提交时：受理期限2026-10-09，结果答复期限2026-10-22"),
        QStringLiteral("请下次来访时携带以下资料："),
        QStringLiteral("  1. 营业执照"),
        QStringLiteral("  2. 征信授权书"),
        QStringLiteral("请补正以下事项："),
        QStringLiteral("  1. 申请期限24个月不在产品“经营快贷”的期限范围3至12个月内。 "
                       "处理办法：将申请期限调整到3至12个月之间，或改选其他产品。"),
    };
    QCOMPARE(r.slip(Language::Chinese), zh);
    const QStringList en{
        QStringLiteral("Pre-review result: not passed, 2 item(s) to fix"),
        QStringLiteral("Application number: XD-2026-000001"),
        QStringLiteral("If submitted today: accepted by 2026-10-09, result by 2026-10-22"),
        QStringLiteral("Please bring these documents at your next visit:"),
        QStringLiteral("  1. business licence"),
        QStringLiteral("  2. credit inquiry authorization"),
        QStringLiteral("Please fix the following:"),
        QStringLiteral(
            "  1. The term of 24 months is outside the range of the product “经营快贷”: 3 to 12 months. "
            "To fix: Change the term to between 3 and 12 months, or choose another product."),
    };
    QCOMPARE(r.slip(Language::English), en);

    // A clean application: nothing to bring, nothing to fix.
    const QStringList clean = review(baseline()).slip(Language::Chinese);
    QCOMPARE(clean.first(), QStringLiteral("资料预审结果：通过"));
    QCOMPARE(clean.mid(3), (QStringList{QStringLiteral("请下次来访时携带以下资料："), QStringLiteral("  无"),
                                        QStringLiteral("请补正以下事项："), QStringLiteral("  无")}));
}

void TestPrereview::json()
{
    PrereviewInput in = baseline();
    in.application.amount = Money::fromWan(500);
    const QJsonObject o = review(in).toJson(Language::English);
    QCOMPARE(o.value(u"application").toString(), QStringLiteral("app-1"));
    QCOMPARE(o.value(u"number").toString(), QStringLiteral("XD-2026-000001"));
    QCOMPARE(o.value(u"passed").toBool(true), false);
    const QJsonArray findings = o.value(u"findings").toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject f = findings.first().toObject();
    QCOMPARE(f.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("field"), QStringLiteral("fix"),
                                    QStringLiteral("message"), QStringLiteral("severity")}));
    QCOMPARE(f.value(u"code").toString(), QStringLiteral("limits.amount_out_of_range"));
    QCOMPARE(f.value(u"severity").toString(), QStringLiteral("block"));
    QCOMPARE(f.value(u"field").toString(), QStringLiteral("application.amount"));
    QVERIFY(f.value(u"message").toString().startsWith(u"The requested amount CNY 5.00 million"));
}

void TestPrereview::documentNames_data()
{
    QTest::addColumn<QString>("nameOrCode");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::newRow("code") << QStringLiteral("business_licence") << QStringLiteral("营业执照")
                          << QStringLiteral("business licence");
    QTest::newRow("Chinese name") << QStringLiteral("近12个月纳税证明") << QStringLiteral("近12个月纳税证明")
                                  << QStringLiteral("tax payment certificate for the last 12 months");
    // unknown names are shown as they are in both languages (data, not a translated string)
    QTest::newRow("unknown") << QStringLiteral("股东会决议") << QStringLiteral("股东会决议")
                             << QStringLiteral("股东会决议");
}

void TestPrereview::documentNames()
{
    QFETCH(QString, nameOrCode);
    QTEST(Prereview::DocumentTypes::displayName(nameOrCode, Language::Chinese), "zh");
    QTEST(Prereview::DocumentTypes::displayName(nameOrCode, Language::English), "en");
}

QTEST_GUILESS_MAIN(TestPrereview)
#include "tst_prereview.moc"
