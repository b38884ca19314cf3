#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "rules/compiledrule.h"

#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;

namespace {

/// A firm with simple round values, so every sentence below can be written by hand.
Rules::Value sampleFacts()
{
    FirmFacts f;
    f.years = 7;
    f.size = QStringLiteral("small");
    f.revenueWan = 850;
    f.industrySection = QStringLiteral("C");
    f.region = QStringLiteral("430104");
    f.city = QStringLiteral("4301");
    f.park = QStringLiteral("CS-HTZ");
    f.taxGrade = QStringLiteral("B");
    f.taxPaid12mWan = 3.845678;
    f.qualifications = {QStringLiteral("srdi_sme")};
    f.dishonest = false;
    f.hadBankLoan = false;
    FinancingNeed need;
    need.amount = Core::Money::fromWan(500);
    need.termMonths = 24;
    return FactBuilder::facts(f, need);
}

} // namespace

class TestExplainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sentences_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("zh");
        QTest::addColumn<QString>("en");

        // 7 ≥ 3: Chinese writes the unit after both numbers, English carries none for years.
        QTest::newRow("min years") << R"({">=":[{"var":"firm.years"},3]})"
                                   << "成立年限 7 年 ≥ 要求 3 年 ✓"
                                   << "Years in business 7 ≥ required 3 ✓";
        // The firm holds only srdi_sme.
        QTest::newRow("qualification") << R"({"in":["hightech",{"var":"firm.qualifications"}]})"
                                       << "需具备高新技术企业资质 ✗"
                                       << "Requires the High-tech Enterprise qualification ✗";
        // The city condition shows the firm's county (430104 岳麓区 in 长沙市) and the cities by name.
        QTest::newRow("city in list") << R"({"in":[{"var":"firm.city"},["4301","4302"]]})"
                                      << "所在地区 长沙市岳麓区 属于 长沙市、株洲市 ✓"
                                      << "Location 长沙市岳麓区 is one of 长沙市, 株洲市 ✓";
        QTest::newRow("county in list") << R"({"in":[{"var":"firm.region"},["430102","430103"]]})"
                                        << "所在区县 长沙市岳麓区 属于 长沙市芙蓉区、长沙市天心区 ✗"
                                        << "County 长沙市岳麓区 is one of 长沙市芙蓉区, 长沙市天心区 ✗";
        // A boolean fact negated reads as a phrase, not as "false".
        QTest::newRow("not dishonest") << R"({"!":{"var":"firm.dishonest"}})"
                                       << "未列入失信被执行人名单 ✓"
                                       << "Not on the list of dishonest judgment debtors ✓";
        QTest::newRow("dishonest") << R"({"var":"firm.dishonest"})"
                                   << "列入失信被执行人名单 ✗"
                                   << "On the list of dishonest judgment debtors ✗";
        // == false is the same as !: the firm never had a loan.
        QTest::newRow("first loan") << R"({"==":[{"var":"firm.had_bank_loan"},false]})"
                                    << "首贷户（从未获得银行贷款） ✓"
                                    << "First-time borrower (never had a bank loan) ✓";
        QTest::newRow("not first loan") << R"({"!!":[{"var":"firm.had_bank_loan"}]})"
                                        << "已获得过银行贷款 ✗"
                                        << "Has had a bank loan ✗";
        // The need asks 500 万 against a 300 万 ceiling.
        QTest::newRow("need ceiling") << R"({"<=":[{"var":"need.amount_wan"},300]})"
                                      << "融资需求金额 500 万元 ≤ 要求 300 万元 ✗"
                                      << "Requested amount (CNY 10k) 500 ≤ required 300 ✗";
        // Between form: 7 is outside 1–5.
        QTest::newRow("between") << R"({"<=":[1,{"var":"firm.years"},5]})"
                                 << "成立年限 7 年 在 1–5 年 之间 ✗"
                                 << "Years in business 7 between 1 and 5 ✗";
        QTest::newRow("strict between") << R"({"<":[5,{"var":"firm.years"},8]})"
                                        << "成立年限 7 年 在 5–8 年 之间（不含端点） ✓"
                                        << "Years in business 7 strictly between 5 and 8 ✓";
        // 100 < revenue is mirrored so that the fact comes first: revenue > 100.
        QTest::newRow("mirrored") << R"({"<":[100,{"var":"firm.revenue_wan"}]})"
                                  << "营业收入 850 万元 > 要求 100 万元 ✓"
                                  << "Annual revenue (CNY 10k) 850 > required 100 ✓";
        QTest::newRow("tax grade") << R"({"in":[{"var":"firm.tax_grade"},["A","B"]]})"
                                   << "纳税信用等级 B级 属于 A级、B级 ✓"
                                   << "Tax credit grade B is one of A, B ✓";
        QTest::newRow("size") << R"({"in":[{"var":"firm.size"},["micro","small"]]})"
                              << "企业规模 小型 属于 微型、小型 ✓"
                              << "Firm size small is one of micro, small ✓";
        QTest::newRow("park") << R"({"==":[{"var":"firm.park"},"ZZ-HTZ"]})"
                              << "所在园区 CS-HTZ = 要求 ZZ-HTZ ✗"
                              << "Park CS-HTZ = required ZZ-HTZ ✗";
        QTest::newRow("section")
            << R"({"in":[{"var":"firm.industry_section"},["C","D"]]})"
            << "行业门类 C 制造业 属于 C 制造业、D 电力、热力、燃气及水生产和供应业 ✓"
            << "Industry section C 制造业 is one of C 制造业, D 电力、热力、燃气及水生产和供应业 ✓";
        // 3.845678 万 shows with two decimals at most.
        QTest::newRow("fraction") << R"({">=":[{"var":"firm.tax_paid_12m_wan"},5]})"
                                  << "近12个月纳税额 3.85 万元 ≥ 要求 5 万元 ✗"
                                  << "Tax paid in the last 12 months (CNY 10k) 3.85 ≥ required 5 ✗";
        // A threshold that is an expression is evaluated: 2 × 2 = 4.
        QTest::newRow("computed threshold") << R"({">":[{"var":"firm.years"},{"*":[2,2]}]})"
                                            << "成立年限 7 年 > 要求 4 年 ✓"
                                            << "Years in business 7 > required 4 ✓";
        // A name outside the contract: label is the name, value unknown, no crash.
        QTest::newRow("unknown fact") << R"({">=":[{"var":"firm.foo"},1]})"
                                      << "firm.foo 未知 ≥ 要求 1 ✗"
                                      << "firm.foo unknown ≥ required 1 ✗";
        // Shapes the explainer does not know fall back to the JsonLogic text: 7 % 2 = 1 is truthy.
        QTest::newRow("generic") << R"({"%":[{"var":"firm.years"},2]})"
                                 << R"(条件 {"%":[{"var":"firm.years"},2]} ✓)"
                                 << R"(Condition {"%":[{"var":"firm.years"},2]} ✓)";
        QTest::newRow("var vs var") << R"({">":[{"var":"firm.years"},{"var":"firm.patents"}]})"
                                    << R"(条件 {">":[{"var":"firm.years"},{"var":"firm.patents"}]} ✓)"
                                    << R"(Condition {">":[{"var":"firm.years"},{"var":"firm.patents"}]} ✓)";
        // An array index in the path reads the element, as the engine does: qualifications.0 = srdi_sme.
        QTest::newRow("indexed fact") << R"({"==":[{"var":"firm.qualifications.0"},"srdi_sme"]})"
                                      << "firm.qualifications.0 srdi_sme = 要求 srdi_sme ✓"
                                      << "firm.qualifications.0 srdi_sme = required srdi_sme ✓";
        QTest::newRow("constant") << "true"
                                  << "条件 true ✓"
                                  << "Condition true ✓";
    }
    void sentences()
    {
        QFETCH(QString, rule);
        QFETCH(QString, zh);
        QFETCH(QString, en);
        const Rules::Value facts = sampleFacts();
        const Explanation e = Explainer::explain(rule, facts);
        QVERIFY2(e.valid, qPrintable(e.error));
        QCOMPARE(Explainer::render(e, Language::Chinese, facts), QStringList{zh});
        QCOMPARE(Explainer::render(e, Language::English, facts), QStringList{en});
        // The explanation agrees with the engine on the whole rule.
        QCOMPARE(e.passed, Rules::CompiledRule::compileJson(rule.toUtf8()).matches(facts));
        QCOMPARE(e.root.passed, e.passed);
    }

    void tree()
    {
        const Rules::Value facts = sampleFacts();
        const QString rule = QStringLiteral(
            R"({"and":[{">=":[{"var":"firm.years"},3]},)"
            R"({"or":[{"in":["hightech",{"var":"firm.qualifications"}]},{"in":["srdi_sme",{"var":"firm.qualifications"}]}]},)"
            R"({"!":{"and":[{"var":"firm.dishonest"},{">":[{"var":"firm.penalties_3y"},0]}]}}]})");
        const Explanation e = Explainer::explain(rule, facts);
        QVERIFY(e.valid);
        QVERIFY(e.passed);
        // Children of the root "and" are the top level; nested combinations indent their children.
        const QStringList zh = {
            QStringLiteral("成立年限 7 年 ≥ 要求 3 年 ✓"),
            QStringLiteral("满足以下任一条件 ✓"),
            QStringLiteral("  需具备高新技术企业资质 ✗"),
            QStringLiteral("  需具备专精特新中小企业资质 ✓"),
            QStringLiteral("不得满足以下条件 ✓"),
            QStringLiteral("  满足以下全部条件 ✗"),
            QStringLiteral("    列入失信被执行人名单 ✗"),
            QStringLiteral("    近3年行政处罚 0 次 > 要求 0 次 ✗"),
        };
        QCOMPARE(Explainer::render(e, Language::Chinese, facts), zh);
        const QStringList en = {
            QStringLiteral("Years in business 7 ≥ required 3 ✓"),
            QStringLiteral("At least one of the following ✓"),
            QStringLiteral("  Requires the High-tech Enterprise qualification ✗"),
            QStringLiteral("  Requires the Specialised and Sophisticated SME qualification ✓"),
            QStringLiteral("The following must not hold ✓"),
            QStringLiteral("  All of the following ✗"),
            QStringLiteral("    On the list of dishonest judgment debtors ✗"),
            QStringLiteral("    Administrative penalties in 3 years 0 > required 0 ✗"),
        };
        QCOMPARE(Explainer::render(e, Language::English, facts), en);
        // Pointers locate each node inside the rule.
        QCOMPARE(e.root.children.at(1).children.at(1).pointer, QStringLiteral("/and/1/or/1"));
        QCOMPARE(e.root.children.at(2).children.at(0).pointer, QStringLiteral("/and/2/!"));
        // Leaves carry the actual value and the threshold.
        const Condition &years = e.root.children.at(0);
        QCOMPARE(years.kind, Condition::Kind::Compare);
        QCOMPARE(years.fact, QStringLiteral("firm.years"));
        QCOMPARE(years.actual.numberValue(), 7.0);
        QCOMPARE(years.threshold.numberValue(), 3.0);
    }

    void nearMiss_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("nearMiss");
        QTest::addColumn<QString>(
            "failing"); // Chinese sentences of the failing top-level conditions, "|"-joined

        // Only the qualification fails: a near miss, and it names that condition.
        QTest::newRow("one failing")
            << R"({"and":[{">=":[{"var":"firm.years"},3]},{"in":["hightech",{"var":"firm.qualifications"}]},{"!":{"var":"firm.dishonest"}}]})"
            << false << true << "需具备高新技术企业资质 ✗";
        // Two conditions fail: not a near miss.
        QTest::newRow("two failing")
            << R"({"and":[{">=":[{"var":"firm.years"},10]},{"in":["hightech",{"var":"firm.qualifications"}]}]})"
            << false << false << "成立年限 7 年 ≥ 要求 10 年 ✗|需具备高新技术企业资质 ✗";
        // A failing "or" is one condition even when all its alternatives fail.
        QTest::newRow("failing or")
            << R"({"and":[{">=":[{"var":"firm.years"},3]},{"or":[{"in":["hightech",{"var":"firm.qualifications"}]},{"in":["tech_sme",{"var":"firm.qualifications"}]}]}]})"
            << false << true << "满足以下任一条件 ✗";
        // A passing rule is not a near miss.
        QTest::newRow("passing") << R"({"and":[{">=":[{"var":"firm.years"},3]}]})" << true << false << "";
        // A failing rule that is not an "and" is not a near miss (only a top-level "and" counts) …
        QTest::newRow("single leaf") << R"({">=":[{"var":"firm.years"},10]})" << false << false
                                     << "成立年限 7 年 ≥ 要求 10 年 ✗";
        QTest::newRow("root or") << R"({"or":[{">=":[{"var":"firm.years"},10]},{"var":"firm.dishonest"}]})"
                                 << false << false << "满足以下任一条件 ✗";
        // … and the empty rule means everyone.
        QTest::newRow("empty") << "" << true << false << "";
    }
    void nearMiss()
    {
        QFETCH(QString, rule);
        QFETCH(bool, passed);
        QFETCH(bool, nearMiss);
        QFETCH(QString, failing);
        const Rules::Value facts = sampleFacts();
        const Explanation e = Explainer::explain(rule, facts);
        QVERIFY(e.valid);
        QCOMPARE(e.passed, passed);
        QCOMPARE(e.isNearMiss(), nearMiss);
        QStringList sentences;
        for (const Condition &c : e.failing())
            sentences.append(Explainer::sentence(c, Language::Chinese, facts));
        QCOMPARE(sentences.join(u'|'), failing);
    }

    void invalidRules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown operator") << R"({"and":[{"bogus":[1]}]})"
                                          << "Unrecognized operation bogus at /and/0/bogus";
        QTest::newRow("malformed json") << R"({"and":[)"
                                        << "";
    }
    void invalidRules()
    {
        QFETCH(QString, rule);
        QFETCH(QString, error);
        const Explanation e = Explainer::explain(rule, sampleFacts());
        QVERIFY(!e.valid);
        QVERIFY(!e.passed);
        QVERIFY(!e.error.isEmpty());
        if (!error.isEmpty())
            QCOMPARE(e.error, error);
        QVERIFY(Explainer::render(e, Language::Chinese).isEmpty());
        QVERIFY(e.failing().isEmpty());
        QVERIFY(!e.isNearMiss());
    }
};

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"
