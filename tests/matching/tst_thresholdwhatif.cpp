#include "matching/thresholdwhatif.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;
using namespace Qt::StringLiterals;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

FirmFacts firm(const QString &name, int years, int employees, qint64 revenueWan)
{
    FirmFacts f;
    f.name = name;
    f.years = years;
    f.employees = employees;
    f.revenueWan = revenueWan;
    return f;
}

// years >= 3 AND 10 <= employees <= 300 AND NOT (revenue_wan > 40000) AND region in a list (no number).
const char *kRule = R"({"and": [
    {">=": [{"var": "firm.years"}, 3]},
    {"<=": [10, {"var": "firm.employees"}, 300]},
    {"!": {">": [{"var": ["firm.revenue_wan", 0]}, 40000]}},
    {"in": [{"var": "firm.region"}, ["430104", "430105"]]}]})";

} // namespace

class TestThresholdWhatIf : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryNumericThreshold()
    {
        const QVector<ThresholdWhatIf::Threshold> t = ThresholdWhatIf::thresholds(json(kRule));
        QCOMPARE(t.size(), 4);
        QCOMPARE(t[0].pointer, u"/and/0/>=/1"_s);
        QCOMPARE(t[0].fact, u"firm.years"_s);
        QCOMPARE(t[0].value, 3.0);
        QVERIFY(t[0].factOnLeft);
        // The between form gives two thresholds: the lower bound is written before the fact.
        QCOMPARE(t[1].pointer, u"/and/1/<=/0"_s);
        QCOMPARE(t[1].value, 10.0);
        QVERIFY(!t[1].factOnLeft);
        QCOMPARE(t[2].pointer, u"/and/1/<=/2"_s);
        QCOMPARE(t[2].value, 300.0);
        QVERIFY(t[2].factOnLeft);
        // Under "!" and with a default value in the var.
        QCOMPARE(t[3].pointer, u"/and/2/!/>/1"_s);
        QCOMPARE(t[3].fact, u"firm.revenue_wan"_s);
        QCOMPARE(t[3].value, 40000.0);
    }

    void describesInBothLanguages()
    {
        const auto t = ThresholdWhatIf::thresholds(json(kRule));
        QCOMPARE(ThresholdWhatIf::describe(t[0], Language::Chinese), u"成立年限 ≥ 3 年"_s);
        QCOMPARE(ThresholdWhatIf::describe(t[0], Language::Chinese, 2.0), u"成立年限 ≥ 2 年"_s);
        QCOMPARE(ThresholdWhatIf::describe(t[1], Language::Chinese), u"10 人 ≤ 从业人数"_s);
    }

    void replacesOnlyThatConstant()
    {
        QString error;
        const auto changed = ThresholdWhatIf::withValue(json(kRule), u"/and/0/>=/1"_s, 2, &error);
        QVERIFY2(changed, qPrintable(error));
        const auto t = ThresholdWhatIf::thresholds(*changed);
        QCOMPARE(t[0].value, 2.0);
        QCOMPARE(t[1].value, 10.0);
        QCOMPARE(t[3].value, 40000.0);
        // A pointer to something that is not a threshold is refused, and says which.
        QVERIFY(!ThresholdWhatIf::withValue(json(kRule), u"/and/3/in/1/0"_s, 1, &error));
        QCOMPARE(error, u"/and/3/in/1/0 is not a numeric threshold of this rule."_s);
        QVERIFY(!ThresholdWhatIf::withValue(json(kRule), u"/and/9/>=/1"_s, 1, &error));
        QVERIFY(!ThresholdWhatIf::withValue(json(kRule), u"/and/0/>=/1"_s, qInf(), &error));
    }

    void countsFirmsBeforeAndAfter()
    {
        QVector<FirmFacts> firms{firm(u"甲"_s, 5, 50, 100), firm(u"乙"_s, 2, 50, 100),
                                 firm(u"丙"_s, 1, 50, 100), firm(u"丁"_s, 4, 5, 100),
                                 firm(u"戊"_s, 6, 20, 50000)};
        for (FirmFacts &f : firms)
            f.region = u"430104"_s;
        const QJsonValue rule = json(kRule);
        const auto before = Rules::CompiledRule::compile(rule);
        // Lowering the years threshold from 3 to 2 admits 乙 (2 years) but not 丙 (1 year).
        const auto after
            = Rules::CompiledRule::compile(*ThresholdWhatIf::withValue(rule, u"/and/0/>=/1"_s, 2));
        const ThresholdWhatIf::Outcome o = ThresholdWhatIf::compare(before, after, firms);
        QCOMPARE(o.before, 1); // 甲 only: 丁 has 5 employees, 戊 too much revenue
        QCOMPARE(o.after, 2);
        QCOMPARE(o.gained, QVector<int>{1});
        QVERIFY(o.lost.isEmpty());
        // Raising the revenue ceiling admits 戊; lowering the employee ceiling to 40 loses 甲.
        const auto richer
            = Rules::CompiledRule::compile(*ThresholdWhatIf::withValue(rule, u"/and/2/!/>/1"_s, 60000));
        QCOMPARE(ThresholdWhatIf::compare(before, richer, firms).gained, QVector<int>{4});
        const auto fewer
            = Rules::CompiledRule::compile(*ThresholdWhatIf::withValue(rule, u"/and/1/<=/2"_s, 40));
        const auto lost = ThresholdWhatIf::compare(before, fewer, firms);
        QCOMPARE(lost.lost, QVector<int>{0});
        QCOMPARE(lost.after, 0);
        // An invalid rule counts nobody rather than everybody.
        QCOMPARE(ThresholdWhatIf::compare(before, Rules::CompiledRule(), firms).after, 0);
    }
};

QTEST_GUILESS_MAIN(TestThresholdWhatIf)
#include "tst_thresholdwhatif.moc"
