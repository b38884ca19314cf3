#include "matching/explainer.h"
#include "matching/factbuilder.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;

namespace {

const QDate kDay(2026, 11, 25); // a Wednesday; the evaluation month is 2026-11

Core::MonthlyValue month(Core::MonthlyValue::Kind kind, int year, int m, qint64 value,
                         const QString &firm = QStringLiteral("firm-1"))
{
    Core::MonthlyValue v;
    v.enterpriseId = firm;
    v.kind = kind;
    v.month = QDate(year, m, 1);
    v.value = value;
    return v;
}

Core::CreditRecord record(Core::CreditRecord::Kind kind, QDate date, const QString &title = {},
                          QDate validTo = {}, const QString &firm = QStringLiteral("firm-1"))
{
    Core::CreditRecord r;
    r.enterpriseId = firm;
    r.kind = kind;
    r.date = date;
    r.title = title;
    r.validTo = validTo;
    return r;
}

Core::Application application(Core::Application::State state)
{
    Core::Application a;
    a.enterpriseId = QStringLiteral("firm-1");
    a.state = state;
    return a;
}

/// The hand-made firm whose every fact is worked out in testHandMadeFirm().
FirmData handMadeFirm()
{
    using K = Core::MonthlyValue::Kind;
    using R = Core::CreditRecord::Kind;
    FirmData d;
    Core::Enterprise &e = d.enterprise;
    e.meta.id = QStringLiteral("firm-1");
    e.name = QStringLiteral("湖南麓谷测试科技有限公司");
    e.uscc = QStringLiteral("91430104MA4L000000");
    e.kind = Core::Enterprise::Kind::Company;
    e.established = QDate(2019, 12, 1);
    e.industryCode = QStringLiteral("C3911");
    e.regionCode = QStringLiteral("430104");
    e.parkId = QStringLiteral("park-1");
    e.employees = 120;
    e.annualRevenue = Core::Money::fromFen(8500990000); // 8500.99 万元
    e.totalAssets = Core::Money::fromFen(3200999999);   // 3200.999999 万元
    Core::Park park;
    park.meta.id = QStringLiteral("park-1");
    park.code = QStringLiteral("CS-HTZ");
    d.park = park;

    d.series = {
        month(K::TaxPaid, 2025, 10, 5000000), // 13 months back: outside the window
        month(K::TaxPaid, 2025, 11, 1000000), // first month of the window
        month(K::TaxPaid, 2026, 3, 500000),
        month(K::TaxPaid, 2026, 10, 2345678), // last month of the window
        month(K::TaxPaid, 2026, 11, 9999999), // the evaluation month itself: not complete, ignored
        month(K::TaxPaid, 2026, 5, 7777777, QStringLiteral("other-firm")), // another firm's row
        month(K::SocialInsuranceHeadcount, 2026, 9, 40),
        month(K::SocialInsuranceHeadcount, 2026, 10, 42),
        month(K::SocialInsuranceHeadcount, 2026, 11, 99),
        month(K::Electricity, 2026, 10, 123456),
    };
    d.records = {
        record(R::TaxGrade, QDate(2024, 1, 1), QStringLiteral("A")),
        record(R::TaxGrade, QDate(2026, 1, 1), QStringLiteral("B")),
        record(R::TaxGrade, QDate(2025, 1, 1), QStringLiteral("A")),
        record(R::Qualification, QDate(2024, 12, 1), QStringLiteral("高新技术企业"), QDate(2027, 12, 31)),
        record(R::Qualification, QDate(2023, 11, 25), QStringLiteral("专精特新\"小巨人\"企业"),
               QDate(2026, 11, 25)),
        record(R::Qualification, QDate(2023, 11, 24), QStringLiteral("科技型中小企业"), QDate(2026, 11, 24)),
        record(R::Qualification, QDate(2026, 12, 1), QStringLiteral("创新型中小企业")),
        record(R::Qualification, QDate(2022, 6, 1), QStringLiteral("专精特新中小企业")),
        record(R::Patent, QDate(2021, 3, 1), QStringLiteral("一种传感器")),
        record(R::Patent, QDate(2025, 3, 1), QStringLiteral("一种控制方法")),
        record(R::Patent, QDate(2027, 1, 1), QStringLiteral("未来专利")),
        record(R::Penalty, QDate(2023, 11, 26)),
        record(R::Penalty, QDate(2023, 11, 25)),
        record(R::Penalty, QDate(2026, 1, 10)),
        record(R::Penalty, QDate(2026, 2, 1), {}, {}, QStringLiteral("other-firm")),
        record(R::DishonestDebtor, QDate(2022, 5, 1), {}, QDate(2024, 1, 1)),
        record(R::DishonestDebtor, QDate(2026, 3, 1), {}, QDate(2026, 11, 25)),
        record(R::Procurement, QDate(2024, 6, 1), QStringLiteral("政府采购")),
        record(R::Procurement, QDate(2021, 1, 1), QStringLiteral("政府采购")),
        record(R::Subsidy, QDate(2025, 1, 1), QStringLiteral("补贴")),
    };
    d.applications
        = {application(Core::Application::State::Rejected), application(Core::Application::State::Disbursed)};
    return d;
}

} // namespace

class TestFactBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handMadeFirm_data()
    {
        QTest::addColumn<QString>("fact");
        QTest::addColumn<QString>("expected"); // the fact as JSON text

        // 2019-12-01 → 2026-11-25: the 7th anniversary (2026-12-01) is still ahead.
        QTest::newRow("years") << "firm.years"
                               << "6";
        QTest::newRow("kind") << "firm.kind"
                              << "\"company\"";
        // Industry (C): 120 employees ≥ 20 and 8500 万 ≥ 300 万 → small; medium needs 300 employees.
        QTest::newRow("size") << "firm.size"
                              << "\"small\"";
        QTest::newRow("employees") << "firm.employees"
                                   << "120";
        // 8,500,990,000 fen = 8500.99 万 → rounded down.
        QTest::newRow("revenue") << "firm.revenue_wan"
                                 << "8500";
        // 3,200,999,999 fen = 3200.999999 万 → rounded down, not to nearest.
        QTest::newRow("assets") << "firm.assets_wan"
                                << "3200";
        // C3911 is a class of division 39, section C.
        QTest::newRow("section") << "firm.industry_section"
                                 << "\"C\"";
        QTest::newRow("division") << "firm.industry_code"
                                  << "\"C39\"";
        QTest::newRow("region") << "firm.region"
                                << "\"430104\"";
        QTest::newRow("city") << "firm.city"
                              << "\"4301\"";
        QTest::newRow("park") << "firm.park"
                              << "\"CS-HTZ\"";
        // The latest grade by date is 2026's B, although 2025's A comes later in the list.
        QTest::newRow("tax grade") << "firm.tax_grade"
                                   << "\"B\"";
        // 2025-11 … 2026-10: 1,000,000 + 500,000 + 2,345,678 fen = 3,845,678 fen = 3.845678 万元;
        // 2025-10 is 13 months back, 2026-11 is the running month, 7,777,777 belongs to another firm.
        QTest::newRow("tax paid") << "firm.tax_paid_12m_wan"
                                  << "3.845678";
        // Latest month before the evaluation month: 2026-10 (42); the running month's 99 is ignored.
        QTest::newRow("social insured") << "firm.social_insured"
                                        << "42";
        // 高新 valid to 2027; 小巨人 valid to the day itself (≥ day counts); 科技型 expired the day before;
        // 创新型 is dated after the day; 专精特新 has no expiry. Order is the contract table's.
        QTest::newRow("qualifications") << "firm.qualifications"
                                        << "[\"hightech\",\"srdi_sme\",\"little_giant\"]";
        // Two patents up to the day; the 2027 one is in the future.
        QTest::newRow("patents") << "firm.patents"
                                 << "2";
        // (2023-11-25, 2026-11-25]: 2023-11-26 and 2026-01-10 count; 2023-11-25 is exactly 3 years back.
        QTest::newRow("penalties") << "firm.penalties_3y"
                                   << "2";
        // One listing removed in 2024, the other removed on the day itself (validTo ≤ day → removed).
        QTest::newRow("dishonest") << "firm.dishonest"
                                   << "false";
        // 2024-06-01 counts, 2021-01-01 is older than 3 years.
        QTest::newRow("procurements") << "firm.procurements_3y"
                                      << "1";
        // A disbursed application makes the firm no longer a 首贷户.
        QTest::newRow("had bank loan") << "firm.had_bank_loan"
                                       << "true";
        // No need given: the contract's unknown values.
        QTest::newRow("need amount") << "need.amount_wan"
                                     << "0";
        QTest::newRow("need term") << "need.term_months"
                                   << "12";
        // No need, no loan: LoanTerms::defaultLoan() = 100 万元 (10^8 fen), 12 months, 345 bp, fee 1 %.
        QTest::newRow("loan amount") << "loan.amount_fen"
                                     << "100000000";
        QTest::newRow("loan rate") << "loan.rate_bp"
                                   << "345";
        QTest::newRow("loan term") << "loan.term_months"
                                   << "12";
        QTest::newRow("loan fee") << "loan.guarantee_fee_fen"
                                  << "1000000";
        QTest::newRow("lpr") << "market.lpr_1y_bp"
                             << "300";
    }
    void handMadeFirm()
    {
        QFETCH(QString, fact);
        QFETCH(QString, expected);
        const Rules::Value facts = FactBuilder::facts(FactBuilder::firmFacts(::handMadeFirm(), kDay));
        QCOMPARE(QString::fromUtf8(Explainer::factValue(facts, fact).toJsonText()), expected);
    }

    void identityCarried()
    {
        const FirmFacts f = FactBuilder::firmFacts(::handMadeFirm(), kDay);
        QCOMPARE(f.enterpriseId, QStringLiteral("firm-1"));
        QCOMPARE(f.name, QStringLiteral("湖南麓谷测试科技有限公司"));
        QCOMPARE(f.uscc, QStringLiteral("91430104MA4L000000"));
        QCOMPARE(f.parkId, QStringLiteral("park-1"));
    }

    void unknownValues()
    {
        // An empty firm gets every "unknown" value of docs/firm-facts.md.
        const Rules::Value facts = FactBuilder::factsWithoutLoan(FactBuilder::firmFacts(FirmData(), kDay));
        const QByteArray expected
            = "{\"firm\":{\"years\":0,\"kind\":\"company\",\"size\":\"micro\",\"employees\":0,"
              "\"revenue_wan\":0,\"assets_wan\":0,\"industry_section\":\"\",\"industry_code\":\"\","
              "\"region\":\"\",\"city\":\"\",\"park\":\"\",\"tax_grade\":\"\",\"tax_paid_12m_wan\":0,"
              "\"social_insured\":0,\"qualifications\":[],\"patents\":0,\"penalties_3y\":0,"
              "\"dishonest\":false,\"procurements_3y\":0,\"had_bank_loan\":false},"
              "\"need\":{\"amount_wan\":0,\"term_months\":12},"
              "\"loan\":{\"amount_fen\":0,\"rate_bp\":0,\"term_months\":12,\"guarantee_fee_fen\":0},"
              "\"market\":{\"lpr_1y_bp\":300}}";
        QCOMPARE(facts.toJsonText(), expected);
    }

    void everyContractNamePresent()
    {
        // Every name listed in docs/firm-facts.md is in the facts object (never undefined).
        QFile doc(QStringLiteral(XINDAI_SOURCE_DIR "/docs/firm-facts.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        static const QRegularExpression name(
            QStringLiteral("^\\| `((?:firm|need|loan|market)\\.[a-z0-9_]+)`"),
            QRegularExpression::MultilineOption);
        const Rules::Value facts = FactBuilder::facts(FactBuilder::firmFacts(FirmData(), kDay));
        int found = 0;
        for (auto it = name.globalMatch(text); it.hasNext(); ++found) {
            const QString fact = it.next().captured(1);
            QVERIFY2(!Explainer::factValue(facts, fact).isUndefined(), qPrintable(fact));
        }
        QCOMPARE(found, 27); // the contract lists 20 firm.*, 2 need.*, 4 loan.* and 1 market.* name
    }

    void dishonestAndLoanVariants()
    {
        FirmData d = ::handMadeFirm();
        // A listing without removal date is current.
        d.records.append(record(Core::CreditRecord::Kind::DishonestDebtor, QDate(2026, 6, 1)));
        // Only a rejected application: still a first-time borrower …
        d.applications = {application(Core::Application::State::Rejected)};
        FirmFacts f = FactBuilder::firmFacts(d, kDay);
        QCOMPARE(f.dishonest, true);
        QCOMPARE(f.hadBankLoan, false);
        // … unless the firm declares a loan elsewhere; a settled application counts too.
        d.declaredHadBankLoan = true;
        QCOMPARE(FactBuilder::firmFacts(d, kDay).hadBankLoan, true);
        d.declaredHadBankLoan = false;
        d.applications = {application(Core::Application::State::Settled)};
        QCOMPARE(FactBuilder::firmFacts(d, kDay).hadBankLoan, true);
        // Individual business; on the first anniversary the year counts.
        d.enterprise.kind = Core::Enterprise::Kind::IndividualBusiness;
        d.enterprise.established = QDate(2025, 11, 25);
        f = FactBuilder::firmFacts(d, kDay);
        QCOMPARE(f.kind, QStringLiteral("individual_business"));
        QCOMPARE(f.years, 1);
        // A park that is not the firm's is not used.
        d.park->meta.id = QStringLiteral("park-2");
        QCOMPARE(FactBuilder::firmFacts(d, kDay).park, QString());
    }

    void needAndLoan()
    {
        FinancingNeed need;
        need.amount = Core::Money::fromWan(250) + Core::Money::fromYuan(5000); // 250.5 万元
        need.termMonths = 18;
        Rules::Value facts = FactBuilder::facts(FirmFacts(), need);
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("need.amount_wan")).numberValue(), 250.5);
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("need.term_months")).numberValue(), 18.0);
        // Loan from the need: 250,500,000 fen × 100 bp × 18 / 12 / 10000 = 3,757,500 fen.
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("loan.amount_fen")).numberValue(), 250500000.0);
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("loan.term_months")).numberValue(), 18.0);
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("loan.guarantee_fee_fen")).numberValue(),
                 3757500.0);
        // An explicit loan wins over the need.
        LoanTerms loan;
        loan.amount = Core::Money::fromFen(123);
        loan.rateBp = 410;
        loan.termMonths = 6;
        loan.guaranteeFee = Core::Money::fromFen(7);
        loan.lprBp = 310;
        facts = FactBuilder::facts(FirmFacts(), need, loan);
        QCOMPARE(
            QString::fromUtf8(Explainer::factValue(facts, QStringLiteral("loan")).toJsonText()),
            QStringLiteral("{\"amount_fen\":123,\"rate_bp\":410,\"term_months\":6,\"guarantee_fee_fen\":7}"));
        QCOMPARE(Explainer::factValue(facts, QStringLiteral("market.lpr_1y_bp")).numberValue(), 310.0);
    }

    void qualificationCodes_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("code");
        QTest::newRow("hightech") << "高新技术企业"
                                  << "hightech";
        QTest::newRow("tech sme") << "科技型中小企业"
                                  << "tech_sme";
        QTest::newRow("srdi") << "专精特新中小企业"
                              << "srdi_sme";
        // Contains 专精特新 too: 小巨人 must win.
        QTest::newRow("little giant") << "专精特新\"小巨人\"企业"
                                      << "little_giant";
        QTest::newRow("innovative") << "创新型中小企业"
                                    << "innovative_sme";
        QTest::newRow("unknown") << "守合同重信用企业"
                                 << "";
    }
    void qualificationCodes()
    {
        QFETCH(QString, title);
        QFETCH(QString, code);
        QCOMPARE(FactBuilder::qualificationCode(title), code);
    }
};

QTEST_GUILESS_MAIN(TestFactBuilder)
#include "tst_factbuilder.moc"
