#include "matching/explainer.h"
#include "matching/productmatcher.h"

#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;

namespace {

const QDate kDay(2026, 11, 25);

Core::FinancingProduct product(const QString &code, const QString &name, const QString &collateral,
                               int minWan, int maxWan, int minTerm, int maxTerm, int rateMin, int rateMax,
                               int feeBp, const QStringList &zones, const QString &rule, int approval,
                               int days, int rating)
{
    Core::FinancingProduct p;
    p.meta.id = u"id-" + code;
    p.code = code;
    p.name = name;
    p.collateral = collateral;
    p.minAmount = Core::Money::fromWan(minWan);
    p.maxAmount = Core::Money::fromWan(maxWan);
    p.minTermMonths = minTerm;
    p.maxTermMonths = maxTerm;
    p.rateMinBp = rateMin;
    p.rateMaxBp = rateMax;
    p.feeBp = feeBp;
    p.zones = zones;
    p.eligibilityRule = rule;
    p.approvalRatePermille = approval;
    p.avgDaysToDecision = days;
    p.serviceRatingPermille = rating;
    return p;
}

/// The hand-made catalogue; scores are worked out in the tests' comments (default weights 0.30 approval,
/// 0.30 cost, 0.15 speed, 0.15 service, 0.10 zone; cost ceiling 1000 bp; slowest 30 days).
QVector<Core::FinancingProduct> catalogue()
{
    const QString notDishonest = QStringLiteral(R"({"!":{"var":"firm.dishonest"}})");
    return {
        product(
            QStringLiteral("A-CREDIT"), QStringLiteral("A信用贷"), QStringLiteral("信用"), 10, 300, 3, 12,
            340, 420, 0, {QStringLiteral("普惠金融")},
            QStringLiteral(
                R"({"and":[{"in":[{"var":"firm.tax_grade"},["A","B"]]},{"!":{"var":"firm.dishonest"}}]})"),
            780, 4, 910),
        product(QStringLiteral("B-MORT"), QStringLiteral("B抵押贷"), QStringLiteral("抵押"), 50, 3000, 12, 60,
                310, 380, 0, {QStringLiteral("固定资产项目")}, notDishonest, 820, 8, 880),
        product(QStringLiteral("C-GUAR"), QStringLiteral("C保证贷"), QStringLiteral("保证"), 10, 1000, 12, 36,
                300, 350, 0, {QStringLiteral("专精特新")}, notDishonest, 900, 2, 950),
        product(QStringLiteral("D-SRDI"), QStringLiteral("D专精特新贷"), QStringLiteral("信用"), 100, 2000,
                12, 36, 300, 380, 80, {QStringLiteral("担保增信"), QStringLiteral("专精特新")},
                QStringLiteral(R"({"in":["srdi_sme",{"var":"firm.qualifications"}]})"), 760, 6, 895),
        product(QStringLiteral("E-TECH"), QStringLiteral("E科技贷"), QStringLiteral("信用"), 10, 1000, 6, 36,
                300, 400, 0, {QStringLiteral("科技型企业")},
                QStringLiteral(R"({"in":["hightech",{"var":"firm.qualifications"}]})"), 700, 7, 890),
        product(QStringLiteral("F-SMALL"), QStringLiteral("F小额贷"), QStringLiteral("信用"), 1, 50, 1, 12,
                900, 1500, 0, {QStringLiteral("普惠金融")}, notDishonest, 880, 2, 830),
    };
}

FirmFacts sampleFirm()
{
    FirmFacts f;
    f.name = QStringLiteral("湖南测试精密制造有限公司");
    f.years = 6;
    f.size = QStringLiteral("small");
    f.industrySection = QStringLiteral("C");
    f.industryCode = QStringLiteral("C34");
    f.region = QStringLiteral("430104");
    f.city = QStringLiteral("4301");
    f.taxGrade = QStringLiteral("B");
    f.qualifications = {QStringLiteral("srdi_sme")};
    f.hadBankLoan = true;
    return f;
}

FinancingNeed sampleNeed()
{
    FinancingNeed need;
    need.amount = Core::Money::fromWan(100); // 10^8 fen
    need.termMonths = 12;
    need.purpose = QStringLiteral("流动资金");
    need.collateral = QStringLiteral("抵押");
    return need;
}

QStringList order(const QVector<ProductMatch> &matches)
{
    QStringList codes;
    for (const ProductMatch &m : matches)
        codes.append(m.product.code
                     + (m.eligible ? QStringLiteral(":") + QString::number(m.rank) : QStringLiteral(":-")));
    return codes;
}

Core::Policy subsidy(const QString &code, int percent, QDate end, const QString &eligibility = {})
{
    Core::Policy p;
    p.meta.id = u"id-" + code;
    p.code = code;
    p.type = Core::Policy::Type::InterestSubsidy;
    p.eligibilityRule = eligibility;
    // min(cap, amount × min(rate, LPR) × percent × term / 12,000,000)
    p.benefitRule
        = QStringLiteral(
              R"({"min":[100000000,{"/":[{"*":[{"var":"loan.amount_fen"},{"min":[{"var":"loan.rate_bp"},{"var":"market.lpr_1y_bp"}]},%1,{"var":"loan.term_months"}]},12000000]}]})")
              .arg(percent);
    p.benefitCap = Core::Money::fromWan(100);
    p.windowStart = kDay.addDays(-30);
    p.windowEnd = end;
    return p;
}

} // namespace

class TestProductMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking()
    {
        // Firm zones: 专精特新 (srdi_sme), 制造业贷款 (C), 普惠金融 (small), 税易贷 (grade B); no 首贷 (had a
        // loan).
        QCOMPARE(ProductMatcher::firmZones(sampleFirm()),
                 QStringList({QStringLiteral("专精特新"), QStringLiteral("制造业贷款"),
                              QStringLiteral("普惠金融"), QStringLiteral("税易贷")}));
        const ProductMatcher matcher(catalogue(), {}, RankingWeights(), Core::WorkCalendar());
        const QVector<ProductMatch> m = matcher.match(sampleFirm(), sampleNeed(), kDay);
        // A-CREDIT: interest 10^8 × (340+420)/20000 = 3,800,000 fen → 380 bp → cost 1 − 0.38 = 0.62.
        //   0.78×0.30 + 0.62×0.30 + (1 − 4/30)×0.15 + 0.91×0.15 + 1×0.10
        //   = 0.234 + 0.186 + 0.13 + 0.1365 + 0.1 = 0.7865
        // D-SRDI: interest 10^8 × 680/20000 = 3,400,000 + fees 10^8 × 80 bp = 800,000 → 420 bp → 0.58.
        //   0.228 + 0.174 + (1 − 6/30)×0.15 = 0.12 + 0.895×0.15 = 0.13425 + 0.1 = 0.75625
        // B-MORT: 10^8 × 690/20000 = 3,450,000 → 345 bp → 0.655; zone 固定资产项目 is not the firm's.
        //   0.246 + 0.1965 + (1 − 8/30)×0.15 = 0.11 + 0.132 + 0 = 0.6845
        // C-GUAR wants 保证, the firm offers 抵押; E-TECH needs 高新; F-SMALL stops at 50 万.
        QCOMPARE(order(m), QStringList({QStringLiteral("A-CREDIT:1"), QStringLiteral("D-SRDI:2"),
                                        QStringLiteral("B-MORT:3"), QStringLiteral("C-GUAR:-"),
                                        QStringLiteral("E-TECH:-"), QStringLiteral("F-SMALL:-")}));
        QCOMPARE(m[0].annualInterest.fen(), qint64(3800000));
        QCOMPARE(m[0].annualFees.fen(), qint64(0));
        QCOMPARE(m[0].annualCost.fen(), qint64(3800000));
        QVERIFY(qAbs(m[0].score - 0.7865) < 1e-9);
        QCOMPARE(m[1].annualInterest.fen(), qint64(3400000));
        QCOMPARE(m[1].annualFees.fen(), qint64(800000));
        QCOMPARE(m[1].annualCost.fen(), qint64(4200000));
        QVERIFY(qAbs(m[1].score - 0.75625) < 1e-9);
        QCOMPARE(m[1].matchedZones, QStringList{QStringLiteral("专精特新")});
        QVERIFY(qAbs(m[2].score - 0.6845) < 1e-9);
        QVERIFY(m[2].matchedZones.isEmpty());

        // Every component of a position: normalised value × weight.
        QCOMPARE(m[1].scores.size(), 5);
        QCOMPARE(m[1].scores[1].component, ProductMatch::Component::AnnualCost);
        QVERIFY(qAbs(m[1].scores[1].raw - 420.0) < 1e-9);
        QVERIFY(qAbs(m[1].scores[1].normalised - 0.58) < 1e-9);
        QVERIFY(qAbs(m[1].scores[1].contribution - 0.174) < 1e-9);
        QCOMPARE(ProductMatcher::explainPosition(m[1], Language::Chinese),
                 QStringLiteral(
                     "第2名 D专精特新贷：综合得分 0.756 = 审批通过率 0.760×0.30 + 年化综合成本 0.580×0.30 + "
                     "审批时效 0.800×0.15 + 服务评价 0.895×0.15 + 专区匹配 1.000×0.10"));
        QCOMPARE(ProductMatcher::explainPosition(m[1], Language::English),
                 QStringLiteral(
                     "#2 D专精特新贷: score 0.756 = approval rate 0.760×0.30 + annual cost 0.580×0.30 + "
                     "decision speed 0.800×0.15 + service rating 0.895×0.15 + zone match 1.000×0.10"));

        // Ineligible products carry their failing conditions.
        QCOMPARE(ProductMatcher::explainPosition(m[3], Language::Chinese),
                 QStringLiteral("C保证贷 不符合条件：担保方式 抵押 = 要求 保证 ✗"));
        QCOMPARE(
            ProductMatcher::explainPosition(m[4], Language::English),
            QStringLiteral("E科技贷 is not eligible: Requires the High-tech Enterprise qualification ✗"));
        QCOMPARE(ProductMatcher::explainPosition(m[5], Language::Chinese),
                 QStringLiteral("F小额贷 不符合条件：融资需求金额 100 万元 在 1–50 万元 之间 ✗"));
        QVERIFY(m[5].scores.isEmpty());
        QCOMPARE(m[5].rank, 0);
    }

    void subsidyLowersCost()
    {
        // An open 50 % interest subsidy the firm is eligible for: loan 10^8 fen, 12 months, mid rate
        // ≥ LPR for all three products → 10^8 × 300 × 50 × 12 / 12e6 = 1,500,000 fen a year.
        // A 100 % subsidy whose window closed and one the firm is not eligible for are ignored.
        const QVector<Core::Policy> policies = {
            subsidy(QStringLiteral("IS-OPEN"), 50, kDay.addDays(30)),
            subsidy(QStringLiteral("IS-CLOSED"), 100, kDay.addDays(-1)),
            subsidy(QStringLiteral("IS-OTHER"), 100, kDay.addDays(30),
                    QStringLiteral(R"({"==":[{"var":"firm.city"},"4302"]})")),
        };
        const ProductMatcher matcher(catalogue(), policies, RankingWeights(), Core::WorkCalendar());
        const QVector<ProductMatch> m = matcher.match(sampleFirm(), sampleNeed(), kDay);
        // A: 3,800,000 − 1,500,000 = 2,300,000 → 230 bp → 0.77: 0.234 + 0.231 + 0.13 + 0.1365 + 0.1 = 0.8315
        // D: 4,200,000 − 1,500,000 = 2,700,000 → 270 bp → 0.73: 0.228 + 0.219 + 0.12 + 0.13425 + 0.1 =
        // 0.80125 B: 3,450,000 − 1,500,000 = 1,950,000 → 195 bp → 0.805: 0.246 + 0.2415 + 0.11 + 0.132 =
        // 0.7295
        QCOMPARE(order(m).mid(0, 3), QStringList({QStringLiteral("A-CREDIT:1"), QStringLiteral("D-SRDI:2"),
                                                  QStringLiteral("B-MORT:3")}));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(m[i].annualSubsidy.fen(), qint64(1500000));
            QCOMPARE(m[i].subsidyPolicyCode, QStringLiteral("IS-OPEN"));
        }
        QCOMPARE(m[0].annualCost.fen(), qint64(2300000));
        QVERIFY(qAbs(m[0].score - 0.8315) < 1e-9);
        QVERIFY(qAbs(m[1].score - 0.80125) < 1e-9);
        QVERIFY(qAbs(m[2].score - 0.7295) < 1e-9);
        // Ineligible products get no subsidy.
        QCOMPARE(m[3].annualSubsidy.fen(), qint64(0));
    }

    void subsidyOverTerm()
    {
        // 24 months on B-MORT (mid 345 bp): benefit 10^8 × 300 × 50 × 24 / 12e6 = 3,000,000 over the term,
        // i.e. 3,000,000 × 12 / 24 = 1,500,000 a year.
        FinancingNeed need = sampleNeed();
        need.termMonths = 24;
        const ProductMatcher matcher(catalogue(), {subsidy(QStringLiteral("IS"), 50, kDay.addDays(30))},
                                     RankingWeights(), Core::WorkCalendar());
        for (const ProductMatch &m : matcher.match(sampleFirm(), need, kDay)) {
            if (m.product.code == u"B-MORT") {
                QVERIFY(m.eligible);
                QCOMPARE(m.annualSubsidy.fen(), qint64(1500000));
                QCOMPARE(m.annualCost.fen(), qint64(1950000));
            }
        }
    }

    void customWeights()
    {
        // Cost only: B (0.655) > A (0.62) > D (0.58).
        RankingWeights w;
        w.approvalRate = 0;
        w.annualCost = 1;
        w.decisionSpeed = 0;
        w.serviceRating = 0;
        w.zoneMatch = 0;
        const ProductMatcher matcher(catalogue(), {}, w, Core::WorkCalendar());
        const QVector<ProductMatch> m = matcher.match(sampleFirm(), sampleNeed(), kDay);
        QCOMPARE(order(m).mid(0, 3), QStringList({QStringLiteral("B-MORT:1"), QStringLiteral("A-CREDIT:2"),
                                                  QStringLiteral("D-SRDI:3")}));
        QVERIFY(qAbs(m[0].score - 0.655) < 1e-9);
    }

    void limits()
    {
        const ProductMatcher matcher(catalogue(), {}, RankingWeights(), Core::WorkCalendar());
        // Unspecified collateral accepts every product's; 36 months is outside A (3–12) and F (1–12).
        FinancingNeed need = sampleNeed();
        need.collateral.clear();
        need.termMonths = 36;
        const QVector<ProductMatch> m = matcher.match(sampleFirm(), need, kDay);
        // C-GUAR now qualifies: mid rate 325 bp → cost 0.675;
        //   0.9×0.30 + 0.675×0.30 + (1 − 2/30)×0.15 + 0.95×0.15 + 1×0.10 = 0.27 + 0.2025 + 0.14 + 0.1425 +
        //   0.1 = 0.855, ahead of D-SRDI (0.75625, the annual cost does not depend on the term) and B-MORT
        //   (0.6845).
        QVERIFY(qAbs(m[0].score - 0.855) < 1e-9);
        QCOMPARE(order(m), QStringList({QStringLiteral("C-GUAR:1"), QStringLiteral("D-SRDI:2"),
                                        QStringLiteral("B-MORT:3"), QStringLiteral("A-CREDIT:-"),
                                        QStringLiteral("E-TECH:-"), QStringLiteral("F-SMALL:-")}));
        // F fails twice: amount and term, both listed.
        QCOMPARE(ProductMatcher::explainPosition(m[5], Language::English),
                 QStringLiteral("F小额贷 is not eligible: Requested amount (CNY 10k) 100 between 1 and 50 ✗; "
                                "Requested term (months) 36 between 1 and 12 ✗"));
        // Bounds are inclusive: exactly 300 万 for 3 months fits A.
        need.amount = Core::Money::fromWan(300);
        need.termMonths = 3;
        for (const ProductMatch &x : matcher.match(sampleFirm(), need, kDay)) {
            if (x.product.code == u"A-CREDIT")
                QVERIFY(x.eligible);
        }
    }

    void collateral_data()
    {
        QTest::addColumn<QString>("required");
        QTest::addColumn<QString>("offered");
        QTest::addColumn<bool>("compatible");
        QTest::newRow("credit accepts anything") << "信用"
                                                 << "抵押" << true;
        QTest::newRow("same") << "抵押"
                              << "抵押" << true;
        QTest::newRow("different") << "抵押"
                                   << "保证" << false;
        QTest::newRow("nothing offered to a secured product") << "质押"
                                                              << "信用" << false;
        QTest::newRow("unspecified offer") << "保证"
                                           << "" << true;
    }
    void collateral()
    {
        QFETCH(QString, required);
        QFETCH(QString, offered);
        QFETCH(bool, compatible);
        QCOMPARE(ProductMatcher::collateralCompatible(required, offered), compatible);
    }

    void dishonestFirm()
    {
        // A dishonest firm matches none of the products whose rule asks !firm.dishonest.
        FirmFacts f = sampleFirm();
        f.dishonest = true;
        FinancingNeed need = sampleNeed();
        need.collateral.clear();
        const ProductMatcher matcher(catalogue(), {}, RankingWeights(), Core::WorkCalendar());
        const QVector<ProductMatch> m = matcher.match(f, need, kDay);
        QStringList eligible;
        for (const ProductMatch &x : m) {
            if (x.eligible)
                eligible.append(x.product.code);
        }
        QCOMPARE(eligible, QStringList{QStringLiteral("D-SRDI")}); // the only rule without the condition
        for (const ProductMatch &x : m) {
            if (x.product.code == u"B-MORT")
                QCOMPARE(Explainer::sentence(x.failing.first(), Language::Chinese),
                         QStringLiteral("未列入失信被执行人名单 ✗"));
        }
    }
};

QTEST_GUILESS_MAIN(TestProductMatcher)
#include "tst_productmatcher.moc"
