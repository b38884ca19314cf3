#include "scoring/featureextractor.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;
using XinDai::Core::CreditRecord;
using XinDai::Core::Enterprise;
using XinDai::Core::Money;
using XinDai::Core::MonthlyValue;
using Feature = FirmFeatures::Feature;

namespace {

const QDate kAsOf(2026, 11, 25); // window: k = 0 is 2026-10, k = 23 is 2024-11

Enterprise firm()
{
    Enterprise e;
    e.meta.id = u"firm-1"_s;
    e.established = QDate(2016, 11, 26);
    e.employees = 30;
    e.annualRevenue = Money::fromWan(5000);
    return e;
}

MonthlyValue mv(MonthlyValue::Kind kind, int year, int month, qint64 value,
                const QString &firmId = u"firm-1"_s)
{
    MonthlyValue v;
    v.enterpriseId = firmId;
    v.kind = kind;
    v.month = QDate(year, month, 1);
    v.value = value;
    return v;
}

/// The hand-made 24-month series (2024-11 … 2026-10) plus values that must be ignored.
QVector<MonthlyValue> series()
{
    QVector<MonthlyValue> s;
    for (int k = 0; k < 24; ++k) {
        const QDate m = QDate(2024, 11, 1).addMonths(k);
        // Tax: 100,000 fen a month in the previous year, 110,000 in the last year.
        s.append(mv(MonthlyValue::Kind::TaxPaid, m.year(), m.month(), k < 12 ? 100000 : 110000));
        if (k >= 12) {
            // Electricity: six months of 100 kWh then six of 300.
            s.append(mv(MonthlyValue::Kind::Electricity, m.year(), m.month(), k < 18 ? 100 : 300));
            s.append(mv(MonthlyValue::Kind::BankInflow, m.year(), m.month(), 1500));
            s.append(mv(MonthlyValue::Kind::BankOutflow, m.year(), m.month(), 1200));
        }
    }
    s.append(mv(MonthlyValue::Kind::SocialInsuranceHeadcount, 2025, 10, 20));
    s.append(mv(MonthlyValue::Kind::SocialInsuranceHeadcount, 2026, 10, 25));
    // Ignored: before the window, the as-of month itself (incomplete), another firm's row.
    s.append(mv(MonthlyValue::Kind::TaxPaid, 2024, 10, 999999999));
    s.append(mv(MonthlyValue::Kind::Electricity, 2026, 11, 999999));
    s.append(mv(MonthlyValue::Kind::Electricity, 2026, 5, 999999, u"firm-2"_s));
    return s;
}

CreditRecord rec(CreditRecord::Kind kind, QDate date, const QString &title = {}, QDate validTo = {})
{
    CreditRecord r;
    r.enterpriseId = u"firm-1"_s;
    r.kind = kind;
    r.date = date;
    r.title = title;
    r.validTo = validTo;
    return r;
}

QVector<CreditRecord> records()
{
    using K = CreditRecord::Kind;
    return {
        rec(K::TaxGrade, QDate(2024, 1, 1), u"B"_s),
        rec(K::TaxGrade, QDate(2025, 1, 1), u"A"_s),
        rec(K::TaxGrade, QDate(2027, 1, 1), u"D"_s), // after as-of: ignored
        rec(K::Penalty, QDate(2024, 1, 10)),         // within 3 years
        rec(K::Penalty, QDate(2023, 11, 25)),        // exactly 3 years back: outside (2023-11-25, as-of]
        rec(K::Penalty, QDate(2026, 12, 1)),         // future
        rec(K::DishonestDebtor, QDate(2024, 5, 1), u"失信被执行人"_s,
            QDate(2025, 5, 1)), // removed before as-of
        rec(K::Qualification, QDate(2024, 1, 1), u"高新技术企业"_s, QDate(2027, 1, 1)),
        rec(K::Qualification, QDate(2023, 11, 26), u"专精特新\"小巨人\"企业"_s,
            QDate(2026, 11, 25)), // valid through its expiry day
        rec(K::Qualification, QDate(2025, 1, 1), u"科技型中小企业"_s, QDate(2025, 12, 31)), // expired
        rec(K::Patent, QDate(2020, 3, 1), u"一种装置"_s),
        rec(K::Patent, QDate(2022, 3, 1), u"一种方法"_s),
        rec(K::Patent, QDate(2026, 11, 25), u"一种系统"_s), // on the as-of day counts
        rec(K::Patent, QDate(2026, 11, 26), u"一种结构"_s), // after as-of
    };
}

} // namespace

class tst_FeatureExtractor : public QObject
{
    Q_OBJECT

private slots:
    void handMadeSeries_data();
    void handMadeSeries();
    void categoricalAndFlags();
    void gapsMakeFeaturesMissing();
    void noData();
};

void tst_FeatureExtractor::handMadeSeries_data()
{
    QTest::addColumn<int>("feature");
    QTest::addColumn<double>("expected");
    // 2016-11-26 → 2026-11-25: 120 calendar months minus one because the 25th precedes the 26th → 119 / 12.
    QTest::newRow("years") << int(Feature::YearsEstablished) << 119 / 12.0;
    QTest::newRow("employees") << int(Feature::Employees) << 30.0;
    QTest::newRow("revenue 万元") << int(Feature::RevenueWan) << 5000.0;
    // 12 × 110,000 fen = 1,320,000 fen = 1.32 万元.
    QTest::newRow("tax 12 months") << int(Feature::TaxPaid12mWan) << 1.32;
    // (1,320,000 − 1,200,000) / 1,200,000 = 0.1 exactly (integer difference, one division).
    QTest::newRow("tax growth") << int(Feature::TaxPaidGrowth) << 0.1;
    QTest::newRow("headcount") << int(Feature::SocialInsuranceHeadcount) << 25.0;
    // (25 − 20) / 20.
    QTest::newRow("headcount trend") << int(Feature::SocialInsuranceTrend) << 0.25;
    // mean 200, population σ = 100 → 0.5; by the exact formula sqrt(12·600000 − 2400²) / 2400 = 1200 / 2400.
    QTest::newRow("electricity cv") << int(Feature::ElectricityCv) << 0.5;
    // 12 × 1500 / (12 × 1200).
    QTest::newRow("bank flow ratio") << int(Feature::BankFlowRatio) << 1.25;
    // Tax covers all 24 months of the window; the as-of month and older rows do not count.
    QTest::newRow("months of history") << int(Feature::MonthsOfHistory) << 24.0;
    QTest::newRow("penalties 3y") << int(Feature::Penalties3y) << 1.0;
    QTest::newRow("dishonest removed") << int(Feature::DishonestNow) << 0.0;
    QTest::newRow("high tech") << int(Feature::HighTech) << 1.0;
    QTest::newRow("specialised via 小巨人") << int(Feature::Specialised) << 1.0;
    QTest::newRow("little giant") << int(Feature::LittleGiant) << 1.0;
    QTest::newRow("tech SME expired") << int(Feature::TechSme) << 0.0;
    QTest::newRow("innovative SME absent") << int(Feature::InnovativeSme) << 0.0;
    QTest::newRow("qualification count") << int(Feature::QualificationCount) << 2.0;
    QTest::newRow("patents") << int(Feature::PatentCount) << 3.0;
}

void tst_FeatureExtractor::handMadeSeries()
{
    QFETCH(int, feature);
    QFETCH(double, expected);
    const FirmFeatures f = FeatureExtractor::extract(firm(), series(), records(), kAsOf);
    const auto v = f.value(Feature(feature));
    QVERIFY(v.has_value());
    QVERIFY2(std::abs(*v - expected) < 1e-12, qPrintable(QString::number(*v, 'g', 17)));
}

void tst_FeatureExtractor::categoricalAndFlags()
{
    FirmFeatures f = FeatureExtractor::extract(firm(), series(), records(), kAsOf);
    QCOMPARE(f.taxGrade, u"A"_s); // the 2025 evaluation; the 2027 one lies after as-of
    QCOMPARE(f.factorValue(Feature::TaxGrade).category, u"A"_s);
    // A listing without a removal date is current.
    QVector<CreditRecord> r = records();
    r.append(rec(CreditRecord::Kind::DishonestDebtor, QDate(2026, 1, 1), u"失信被执行人"_s));
    f = FeatureExtractor::extract(firm(), series(), r, kAsOf);
    QCOMPARE(f.value(Feature::DishonestNow), std::optional<double>(1.0));
    // Removal on the as-of day: no longer listed.
    r.last().validTo = kAsOf;
    f = FeatureExtractor::extract(firm(), series(), r, kAsOf);
    QCOMPARE(f.value(Feature::DishonestNow), std::optional<double>(0.0));
}

void tst_FeatureExtractor::gapsMakeFeaturesMissing()
{
    // Drop the 2026-03 tax month: the 12-month sum and the growth rate are missing, not computed with a zero;
    // months of history stays 24 (electricity and bank flows still cover 2026-03).
    QVector<MonthlyValue> s = series();
    s.removeIf([](const MonthlyValue &v) {
        return v.kind == MonthlyValue::Kind::TaxPaid && v.month == QDate(2026, 3, 1);
    });
    FirmFeatures f = FeatureExtractor::extract(firm(), s, records(), kAsOf);
    QVERIFY(!f.value(Feature::TaxPaid12mWan));
    QVERIFY(!f.value(Feature::TaxPaidGrowth));
    QCOMPARE(f.value(Feature::MonthsOfHistory), std::optional<double>(24.0));
    // A zero base year makes growth undefined → missing, while the 12-month sum exists.
    s = series();
    for (MonthlyValue &v : s) {
        if (v.kind == MonthlyValue::Kind::TaxPaid && v.month < QDate(2025, 11, 1))
            v.value = 0;
    }
    f = FeatureExtractor::extract(firm(), s, records(), kAsOf);
    QCOMPARE(f.value(Feature::TaxPaid12mWan), std::optional<double>(1.32));
    QVERIFY(!f.value(Feature::TaxPaidGrowth));
}

void tst_FeatureExtractor::noData()
{
    // Nothing known: series features missing, counts and flags zero, tax grade empty (missing).
    Enterprise e;
    const FirmFeatures f = FeatureExtractor::extract(e, {}, {}, kAsOf);
    QVERIFY(!f.value(Feature::YearsEstablished));
    QVERIFY(!f.value(Feature::Employees));
    QVERIFY(!f.value(Feature::RevenueWan));
    QVERIFY(!f.value(Feature::TaxPaid12mWan));
    QVERIFY(!f.value(Feature::ElectricityCv));
    QVERIFY(!f.value(Feature::BankFlowRatio));
    QVERIFY(!f.value(Feature::SocialInsuranceTrend));
    QCOMPARE(f.value(Feature::MonthsOfHistory), std::optional<double>(0.0));
    QCOMPARE(f.value(Feature::PatentCount), std::optional<double>(0.0));
    QVERIFY(f.factorValue(Feature::TaxGrade).isMissing());
    // Established after the as-of date: age unknown rather than negative.
    e.established = kAsOf.addDays(1);
    QVERIFY(!FeatureExtractor::extract(e, {}, {}, kAsOf).value(Feature::YearsEstablished));
}

QTEST_GUILESS_MAIN(tst_FeatureExtractor)
#include "tst_featureextractor.moc"
