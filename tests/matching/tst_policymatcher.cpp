#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"

#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;

namespace {

const QDate kDay(2026, 11, 25); // Wednesday

// docs/firm-facts.md's example: 50 % interest subsidy on min(rate, LPR), capped at 100 万元 inside the rule.
const char kInterestSubsidy[]
    = R"({"min":[100000000,{"/":[{"*":[{"var":"loan.amount_fen"},{"min":[{"var":"loan.rate_bp"},{"var":"market.lpr_1y_bp"}]},50,{"var":"loan.term_months"}]},12000000]}]})";

Core::Policy policy(const QString &code, const QString &eligibility, const QString &benefit = {},
                    QDate start = kDay.addDays(-30), QDate end = kDay.addDays(60))
{
    Core::Policy p;
    p.meta.id = u"id-" + code;
    p.code = code;
    p.title = u"政策" + code;
    p.eligibilityRule = eligibility;
    p.benefitRule = benefit;
    p.windowStart = start;
    p.windowEnd = end;
    p.requiredMaterials = {QStringLiteral("申请表"), QStringLiteral("营业执照")};
    p.ruleVersion = 3;
    return p;
}

FirmFacts firm(const QString &name, int years, bool dishonest = false)
{
    FirmFacts f;
    f.enterpriseId = u"e-" + name;
    f.name = name;
    f.uscc = QStringLiteral("91430104MA4L00000X");
    f.region = QStringLiteral("430104");
    f.city = QStringLiteral("4301");
    f.size = QStringLiteral("small");
    f.years = years;
    f.dishonest = dishonest;
    return f;
}

/// Minimal RFC 4180 reader for the round trip (quoted fields, doubled quotes, CRLF).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace

class TestPolicyMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void benefit_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<qint64>("amountFen");
        QTest::addColumn<int>("rateBp");
        QTest::addColumn<int>("termMonths");
        QTest::addColumn<qint64>("capFen");
        QTest::addColumn<qint64>("expectedFen");
        QTest::addColumn<bool>("capped");

        const QString subsidy = QString::fromUtf8(kInterestSubsidy);
        // 123,456,700 fen × min(345, 300) × 50 × 7 / 12,000,000 = 12,962,953,500,000 / 12,000,000
        // = 1,080,246.125 fen → rounded down to 1,080,246 fen (10,802.46 元); under both caps.
        QTest::newRow("rounded down")
            << subsidy << qint64(123456700) << 345 << 7 << qint64(100000000) << qint64(1080246) << false;
        // Rate below LPR: 10^8 × 250 × 50 × 12 / 12,000,000 = 1,250,000 fen exactly.
        QTest::newRow("rate below lpr")
            << subsidy << qint64(100000000) << 250 << 12 << qint64(0) << qint64(1250000) << false;
        // 10^10 fen (1 亿) × 300 × 50 × 36 / 12,000,000 = 450,000,000 → the rule's own min caps at 10^8.
        // Policy::benefitCap 50,000,000 (50 万) is lower still and applies.
        QTest::newRow("policy cap") << subsidy << qint64(10000000000) << 400 << 36 << qint64(50000000)
                                    << qint64(50000000) << true;
        // Without a policy cap (0 = none) the rule's min(10^8, …) is the result, not flagged as capped.
        QTest::newRow("rule cap only")
            << subsidy << qint64(10000000000) << 400 << 36 << qint64(0) << qint64(100000000) << false;
        // 1/3 fen rounds down to 0.
        QTest::newRow("fraction of a fen")
            << R"({"/":[1,3]})" << qint64(0) << 0 << 12 << qint64(0) << qint64(0) << false;
        // 2.999 → 2.
        QTest::newRow("just below") << R"({"-":[3,0.001]})" << qint64(0) << 0 << 12 << qint64(0) << qint64(2)
                                    << false;
        // Nonsense results give no benefit rather than a negative or infinite amount.
        QTest::newRow("negative") << R"({"-":[0,5]})" << qint64(0) << 0 << 12 << qint64(0) << qint64(0)
                                  << false;
        QTest::newRow("infinite") << R"({"/":[1,0]})" << qint64(0) << 0 << 12 << qint64(0) << qint64(0)
                                  << false;
        QTest::newRow("string") << R"({"cat":["1","2"]})" << qint64(0) << 0 << 12 << qint64(0) << qint64(0)
                                << false;
    }
    void benefit()
    {
        QFETCH(QString, rule);
        QFETCH(qint64, amountFen);
        QFETCH(int, rateBp);
        QFETCH(int, termMonths);
        QFETCH(qint64, capFen);
        QFETCH(qint64, expectedFen);
        QFETCH(bool, capped);
        LoanTerms loan;
        loan.amount = Core::Money::fromFen(amountFen);
        loan.rateBp = rateBp;
        loan.termMonths = termMonths;
        const Rules::Value facts = FactBuilder::facts(FirmFacts(), {}, loan);
        bool wasCapped = !capped;
        const Core::Money benefit = PolicyMatcher::benefitFor(
            Rules::CompiledRule::compileJson(rule.toUtf8()), facts, Core::Money::fromFen(capFen), &wasCapped);
        QCOMPARE(benefit.fen(), expectedFen);
        QCOMPARE(wasCapped, capped);

        // Through match(): the same numbers, with the rule version recorded.
        Core::Policy p = policy(QStringLiteral("B"), QString(), rule);
        p.benefitCap = Core::Money::fromFen(capFen);
        const QVector<PolicyMatch> m
            = PolicyMatcher({p}, Core::WorkCalendar()).match(FirmFacts(), kDay, {}, loan);
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().status, PolicyMatch::Status::Eligible); // empty rule = everyone
        QCOMPARE(m.first().benefit.fen(), expectedFen);
        QCOMPARE(m.first().benefitCapped, capped);
        QCOMPARE(m.first().ruleVersion, 3);
    }

    void defaultLoanBenefit()
    {
        // No need: the default loan of 100 万 at 345 bp for 12 months → 10^8 × 300 × 50 × 12 / 12e6 =
        // 1,500,000.
        const PolicyMatcher matcher(
            {policy(QStringLiteral("IS"), QString(), QString::fromUtf8(kInterestSubsidy))},
            Core::WorkCalendar());
        QCOMPARE(matcher.match(FirmFacts(), kDay).first().benefit.fen(), qint64(1500000));
        // A need of 40 万 for 6 months: 4×10^7 × 300 × 50 × 6 / 12e6 = 300,000.
        FinancingNeed need;
        need.amount = Core::Money::fromWan(40);
        need.termMonths = 6;
        QCOMPARE(matcher.match(FirmFacts(), kDay, need).first().benefit.fen(), qint64(300000));
    }

    void statusesAndOrder()
    {
        const QString years3 = QStringLiteral(R"({">=":[{"var":"firm.years"},3]})");
        const QString nearMiss = QStringLiteral(
            R"({"and":[{">=":[{"var":"firm.years"},3]},{"in":["hightech",{"var":"firm.qualifications"}]}]})");
        const QString twoMisses = QStringLiteral(
            R"({"and":[{">=":[{"var":"firm.years"},30]},{"in":["hightech",{"var":"firm.qualifications"}]}]})");
        const QVector<Core::Policy> policies = {
            policy(QStringLiteral("P5-INELIGIBLE"), twoMisses),
            policy(QStringLiteral("P4-BROKEN"), QStringLiteral(R"({"and":[{"bogus":[1]}]})")),
            policy(QStringLiteral("P3-NEAR"), nearMiss),
            policy(QStringLiteral("P2-CLOSED"), years3, {}, kDay.addDays(-90), kDay.addDays(-1)),
            policy(QStringLiteral("P1-LATER"), years3, {}, kDay.addDays(-10), kDay.addDays(40)),
            policy(QStringLiteral("P0-SOON"), years3, {}, kDay.addDays(-10), kDay.addDays(9)),
            policy(QStringLiteral("P6-UPCOMING"), years3, {}, kDay.addDays(5), kDay.addDays(60)),
            // Only the city fails (the firm is in 4301): another territory's policy, not a near miss.
            policy(QStringLiteral("P0-OTHER-CITY"),
                   QStringLiteral(
                       R"({"and":[{"==":[{"var":"firm.city"},"4302"]},{">=":[{"var":"firm.years"},3]}]})")),
        };
        const PolicyMatcher matcher(policies, Core::WorkCalendar());
        const QVector<PolicyMatch> m = matcher.match(firm(QStringLiteral("甲"), 5), kDay);
        QStringList codes;
        for (const PolicyMatch &x : m)
            codes.append(x.policy.code);
        // Eligible: open by days left (9, 40), upcoming, closed; then near miss, broken, ineligible.
        QCOMPARE(codes, QStringList({QStringLiteral("P0-SOON"), QStringLiteral("P1-LATER"),
                                     QStringLiteral("P6-UPCOMING"), QStringLiteral("P2-CLOSED"),
                                     QStringLiteral("P3-NEAR"), QStringLiteral("P4-BROKEN"),
                                     QStringLiteral("P5-INELIGIBLE"), QStringLiteral("P0-OTHER-CITY")}));
        QCOMPARE(m[0].status, PolicyMatch::Status::Eligible);
        QCOMPARE(m[0].window, PolicyMatch::Window::Open);
        // 2026-11-25 (Wed) → 2026-12-04 (Fri): 9 calendar days; working days 26, 27, 30 Nov, 1–4 Dec = 7
        // (weekends-only calendar here).
        QCOMPARE(m[0].calendarDaysLeft, 9);
        QCOMPARE(m[0].workdaysLeft, 7);
        QCOMPARE(m[0].requiredMaterials, QStringList({QStringLiteral("申请表"), QStringLiteral("营业执照")}));
        QCOMPARE(m[2].window, PolicyMatch::Window::Upcoming);
        QCOMPARE(m[2].calendarDaysLeft, 5); // until the window opens on Mon 2026-11-30
        QCOMPARE(m[2].workdaysLeft, 3);     // 26, 27, 30 Nov
        QCOMPARE(m[3].window, PolicyMatch::Window::Closed);
        QCOMPARE(m[3].calendarDaysLeft, 0);
        QCOMPARE(m[4].status, PolicyMatch::Status::NearMiss);
        QCOMPARE(m[4].explanation.failing().size(), 1);
        QCOMPARE(Explainer::sentence(m[4].explanation.failing().first(), Language::English),
                 QStringLiteral("Requires the High-tech Enterprise qualification ✗"));
        QCOMPARE(m[6].status, PolicyMatch::Status::Ineligible);
        QCOMPARE(m[7].status, PolicyMatch::Status::OutOfScope);
        QVERIFY(m[7].explanation.isNearMiss()); // literally one failing condition …
        QCOMPARE(Explainer::sentence(m[7].explanation.failing().first(), Language::Chinese,
                                     FactBuilder::facts(firm(QStringLiteral("甲"), 5))),
                 QStringLiteral("所在地区 长沙市岳麓区 = 要求 株洲市 ✗")); // … about where the firm is
    }

    void brokenPolicy()
    {
        const QVector<Core::Policy> policies = {
            policy(QStringLiteral("OK"), QStringLiteral(R"({"!":{"var":"firm.dishonest"}})")),
            policy(QStringLiteral("BAD-RULE"), QStringLiteral(R"({"and":[{"bogus":[1]}]})")),
            policy(QStringLiteral("BAD-JSON"), QStringLiteral(R"({"and":[)")),
            policy(QStringLiteral("BAD-BENEFIT"), QString(), QStringLiteral(R"({"nope":[]})")),
        };
        const PolicyMatcher matcher(policies, Core::WorkCalendar());
        const QVector<BrokenPolicy> broken = matcher.brokenPolicies();
        QCOMPARE(broken.size(), 3);
        QCOMPARE(broken[0].policy.code, QStringLiteral("BAD-RULE"));
        QCOMPARE(broken[0].error,
                 QStringLiteral("The eligibility rule of the policy BAD-RULE does not compile: "
                                "Unrecognized operation bogus at /and/0/bogus"));
        QVERIFY(broken[1].error.startsWith(
            QStringLiteral("The eligibility rule of the policy BAD-JSON does not compile: ")));
        QCOMPARE(broken[2].error,
                 QStringLiteral("The benefit rule of the policy BAD-BENEFIT does not compile: "
                                "Unrecognized operation nope at /nope"));
        // Neither matches nor fails anybody: honest and dishonest firms both see it as Broken.
        for (const bool dishonest : {false, true}) {
            const QVector<PolicyMatch> m = matcher.match(firm(QStringLiteral("乙"), 5, dishonest), kDay);
            int brokenSeen = 0;
            for (const PolicyMatch &x : m) {
                if (x.policy.code.startsWith(u"BAD")) {
                    QCOMPARE(x.status, PolicyMatch::Status::Broken);
                    QVERIFY(!x.error.isEmpty());
                    QCOMPARE(x.benefit.fen(), qint64(0));
                    ++brokenSeen;
                }
            }
            QCOMPARE(brokenSeen, 3);
        }
        // 政策找企业 for a broken policy lists nobody (rather than everybody).
        QVERIFY(
            matcher.eligibleFirms(QStringLiteral("id-BAD-RULE"), {firm(QStringLiteral("丙"), 5)}).isEmpty());
    }

    void holidayWorkdays()
    {
        // 2026-09-28 (Mon) → 2026-10-09 (Fri) with the official calendar: 国庆节 1–7 Oct is off, so the
        // working days left are 29 Sep, 30 Sep, 8 Oct, 9 Oct = 4, over 11 calendar days.
        const PolicyMatcher matcher(
            {policy(QStringLiteral("GW"), QString(), {}, QDate(2026, 9, 1), QDate(2026, 10, 9))},
            Core::WorkCalendar::builtin());
        const PolicyMatch m = matcher.match(FirmFacts(), QDate(2026, 9, 28)).first();
        QCOMPARE(m.calendarDaysLeft, 11);
        QCOMPARE(m.workdaysLeft, 4);
        // On the last day: 0 left, still open.
        const PolicyMatch last = matcher.match(FirmFacts(), QDate(2026, 10, 9)).first();
        QCOMPARE(last.window, PolicyMatch::Window::Open);
        QCOMPARE(last.calendarDaysLeft, 0);
        QCOMPARE(last.workdaysLeft, 0);
    }

    void deadlineReminders()
    {
        const QString years3 = QStringLiteral(R"({">=":[{"var":"firm.years"},3]})");
        const QString years10 = QStringLiteral(R"({">=":[{"var":"firm.years"},10]})");
        const QVector<Core::Policy> policies = {
            policy(QStringLiteral("A-3WD"), years3, {}, kDay.addDays(-10),
                   QDate(2026, 11, 30)), // 26, 27, 30 → 3
            policy(QStringLiteral("B-1WD"), years3, {}, kDay.addDays(-10), QDate(2026, 11, 26)), // 1
            policy(QStringLiteral("C-10WD"), years3, {}, kDay.addDays(-10), QDate(2026, 12, 9)), // 10
            policy(QStringLiteral("D-INELIGIBLE"), years10, {}, kDay.addDays(-10), QDate(2026, 11, 26)),
            policy(QStringLiteral("E-CLOSED"), years3, {}, kDay.addDays(-10), QDate(2026, 11, 24)),
            policy(QStringLiteral("F-UPCOMING"), years3, {}, QDate(2026, 11, 26), QDate(2026, 11, 27)),
            policy(QStringLiteral("G-TODAY"), years3, {}, kDay.addDays(-10), kDay), // 0 left, last day
        };
        const PolicyMatcher matcher(policies, Core::WorkCalendar());
        const QVector<PolicyMatch> r = matcher.deadlineReminders(firm(QStringLiteral("丁"), 5), kDay, 5);
        QStringList codes;
        for (const PolicyMatch &m : r)
            codes.append(m.policy.code + u':' + QString::number(m.workdaysLeft));
        QCOMPARE(codes, QStringList({QStringLiteral("G-TODAY:0"), QStringLiteral("B-1WD:1"),
                                     QStringLiteral("A-3WD:3")}));
        QCOMPARE(matcher.deadlineReminders(firm(QStringLiteral("丁"), 5), kDay, 0).size(), 1);
    }

    void eligibleFirmsAndCsv()
    {
        Core::Policy p = policy(
            QStringLiteral("POL-IS-01"),
            QStringLiteral(R"({"and":[{">=":[{"var":"firm.years"},2]},{"!":{"var":"firm.dishonest"}}]})"),
            QStringLiteral(R"({"*":[{"var":"firm.years"},100000]})"));
        p.title = QStringLiteral("长沙市2026年\"中小微\"贷款贴息, 第一批");
        p.benefitCap = Core::Money::fromFen(550000);
        const PolicyMatcher matcher({p}, Core::WorkCalendar());
        const QVector<FirmFacts> firms = {
            firm(QStringLiteral("湖南\"星辰\",科技有限公司"), 4),  // 400,000 fen
            firm(QStringLiteral("长沙岳麓小吃店"), 1),             // too young
            firm(QStringLiteral("湖南老牌制造有限公司"), 9),       // 900,000 → capped at 550,000
            firm(QStringLiteral("湖南失信贸易有限公司"), 9, true), // dishonest
            firm(QStringLiteral("湖南安泰建材有限公司"), 4),       // 400,000, ties with 星辰
        };
        const QVector<PolicyFirmHit> hits = matcher.eligibleFirms(QStringLiteral("id-POL-IS-01"), firms);
        QCOMPARE(hits.size(), 3);
        // Largest benefit first; equal benefits by name in UTF-16 order: after 湖南 the quote (U+0022) comes
        // before 安 (U+5B89), so 湖南"星辰" precedes 湖南安泰.
        QCOMPARE(hits[0].firm.name, QStringLiteral("湖南老牌制造有限公司"));
        QCOMPARE(hits[0].benefit.fen(), qint64(550000));
        QVERIFY(hits[0].benefitCapped);
        QCOMPARE(hits[1].firm.name, QStringLiteral("湖南\"星辰\",科技有限公司"));
        QCOMPARE(hits[2].firm.name, QStringLiteral("湖南安泰建材有限公司"));
        QCOMPARE(hits[2].benefit.fen(), qint64(400000));

        const QByteArray csv = PolicyMatcher::toCsv(p, hits);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // BOM so that Excel reads UTF-8
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.endsWith(QStringLiteral("\r\n")));
        // The name with a comma and quotes is quoted with doubled quotes.
        QVERIFY(text.contains(QStringLiteral(",\"湖南\"\"星辰\"\",科技有限公司\",")));
        const QList<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], QStringList({QStringLiteral("序号"), QStringLiteral("企业名称"),
                                       QStringLiteral("统一社会信用代码"), QStringLiteral("所在地区"),
                                       QStringLiteral("企业规模"), QStringLiteral("预计受益金额（元）"),
                                       QStringLiteral("政策编号"), QStringLiteral("政策名称"),
                                       QStringLiteral("规则版本")}));
        QCOMPARE(rows[1], QStringList({QStringLiteral("1"), QStringLiteral("湖南老牌制造有限公司"),
                                       QStringLiteral("91430104MA4L00000X"), QStringLiteral("长沙市岳麓区"),
                                       QStringLiteral("小型"), QStringLiteral("5500.00"),
                                       QStringLiteral("POL-IS-01"), p.title, QStringLiteral("3")}));
        QCOMPARE(rows[2].at(1), hits[1].firm.name); // round trip of the quoted name
        QCOMPARE(rows[2].at(5), QStringLiteral("4000.00"));
        QCOMPARE(rows[3].at(0), QStringLiteral("3"));
        // Unknown policy id: nobody.
        QVERIFY(matcher.eligibleFirms(QStringLiteral("nope"), firms).isEmpty());
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "长沙"
                               << "长沙";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "a\"b"
                               << "\"a\"\"b\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("empty") << ""
                               << "";
    }
    void csvField()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(PolicyMatcher::csvField(in), out);
    }
};

QTEST_GUILESS_MAIN(TestPolicyMatcher)
#include "tst_policymatcher.moc"
