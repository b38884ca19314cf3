#include "core/firmsize.h"

#include <QTest>

using namespace Qt::StringLiterals;
using XinDai::Core::FirmSector;
using XinDai::Core::FirmSize;
using XinDai::Core::FirmSizeClassifier;
using XinDai::Core::Money;

Q_DECLARE_METATYPE(FirmSector)
Q_DECLARE_METATYPE(FirmSize)

namespace {
// Bounds in 300号 are in 万元.
Money wan(qint64 w)
{
    return Money::fromWan(w);
}
} // namespace

class tst_FirmSize : public QObject
{
    Q_OBJECT

private slots:
    void sectorOf_data();
    void sectorOf();
    void classify_data();
    void classify();
    void labels();
    void indicators();
};

void tst_FirmSize::sectorOf_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<FirmSector>("sector");

    QTest::newRow("farming") << u"A01"_s << FirmSector::Agriculture;
    QTest::newRow("mining") << u"B06"_s << FirmSector::Industry;
    QTest::newRow("electronics") << u"C39"_s << FirmSector::Industry;
    QTest::newRow("digits only") << u"39"_s << FirmSector::Industry;
    QTest::newRow("water supply") << u"D46"_s << FirmSector::Industry;
    QTest::newRow("building") << u"E47"_s << FirmSector::Construction;
    QTest::newRow("wholesale") << u"F51"_s << FirmSector::Wholesale;
    QTest::newRow("retail") << u"F52"_s << FirmSector::Retail;
    QTest::newRow("road transport") << u"G54"_s << FirmSector::Transport;
    QTest::newRow("forwarding") << u"G58"_s << FirmSector::Transport;
    QTest::newRow("warehousing") << u"G59"_s << FirmSector::Warehousing;
    QTest::newRow("postal") << u"G60"_s << FirmSector::Postal;
    QTest::newRow("hotel") << u"H61"_s << FirmSector::Accommodation;
    QTest::newRow("restaurant") << u"H62"_s << FirmSector::Catering;
    QTest::newRow("telecom") << u"I63"_s << FirmSector::InformationTransmission;
    QTest::newRow("internet") << u"I64"_s << FirmSector::InformationTransmission;
    QTest::newRow("software") << u"I65"_s << FirmSector::SoftwareIt;
    // K70 is split at group level: 701 development, 702 property management, 703+ other.
    QTest::newRow("real estate division") << u"K70"_s << FirmSector::RealEstateDevelopment;
    QTest::newRow("real estate development") << u"K7010"_s << FirmSector::RealEstateDevelopment;
    QTest::newRow("property management") << u"K7020"_s << FirmSector::PropertyManagement;
    QTest::newRow("property management group") << u"702"_s << FirmSector::PropertyManagement;
    QTest::newRow("real estate agency") << u"K7030"_s << FirmSector::Other;
    QTest::newRow("leasing") << u"L71"_s << FirmSector::LeasingBusiness;
    QTest::newRow("business services") << u"L72"_s << FirmSector::LeasingBusiness;
    QTest::newRow("research") << u"M73"_s << FirmSector::Other;
    // Finance is outside 300号 (it has its own rule); treated as Other.
    QTest::newRow("banking") << u"J66"_s << FirmSector::Other;
    QTest::newRow("section C") << u"C"_s << FirmSector::Industry;
    // F mixes wholesale and retail, so a bare F cannot choose.
    QTest::newRow("section F") << u"F"_s << FirmSector::Other;
    QTest::newRow("unknown") << u"Z99"_s << FirmSector::Other;
    QTest::newRow("empty") << QString() << FirmSector::Other;
}

void tst_FirmSize::sectorOf()
{
    QFETCH(QString, code);
    QFETCH(FirmSector, sector);
    QCOMPARE(FirmSizeClassifier::sectorOf(code), sector);
}

void tst_FirmSize::classify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("employees");
    QTest::addColumn<Money>("revenue");
    QTest::addColumn<Money>("assets");
    QTest::addColumn<FirmSize>("size");

    // 工业: large X ≥ 1000 且 Y ≥ 40000; medium X ≥ 300 且 Y ≥ 2000; small X ≥ 20 且 Y ≥ 300; else micro.
    QTest::newRow("工业 large at bounds") << u"C39"_s << 1000 << wan(40000) << Money() << FirmSize::Large;
    // One fen short of 40000 万 revenue: not large, but medium bounds are met.
    QTest::newRow("工业 1 fen short of large")
        << u"C39"_s << 1000 << wan(40000) - Money::fromFen(1) << Money() << FirmSize::Medium;
    QTest::newRow("工业 999 persons") << u"C39"_s << 999 << wan(90000) << Money() << FirmSize::Medium;
    QTest::newRow("工业 medium at bounds") << u"C39"_s << 300 << wan(2000) << Money() << FirmSize::Medium;
    // 5000 persons but revenue 1999 万: the "且" fails for medium, small is met.
    QTest::newRow("工业 big staff, small revenue")
        << u"C39"_s << 5000 << wan(1999) << Money() << FirmSize::Small;
    QTest::newRow("工业 small at bounds") << u"C39"_s << 20 << wan(300) << Money() << FirmSize::Small;
    // Micro is "或": 19 persons with huge revenue is micro.
    QTest::newRow("工业 19 persons") << u"C39"_s << 19 << wan(30000) << Money() << FirmSize::Micro;
    QTest::newRow("工业 revenue 299 万") << u"C39"_s << 299 << wan(299) << Money() << FirmSize::Micro;
    // Assets are ignored for industry.
    QTest::newRow("工业 assets ignored") << u"B06"_s << 300 << wan(2000) << wan(1) << FirmSize::Medium;

    // 农林牧渔: revenue only: large ≥ 20000, medium ≥ 500, small ≥ 50.
    QTest::newRow("农业 large") << u"A01"_s << 1 << wan(20000) << Money() << FirmSize::Large;
    QTest::newRow("农业 medium") << u"A03"_s << 0 << wan(500) << Money() << FirmSize::Medium;
    QTest::newRow("农业 small") << u"A04"_s << 9999 << wan(50) << Money() << FirmSize::Small;
    QTest::newRow("农业 micro") << u"A05"_s << 9999 << wan(49) << Money() << FirmSize::Micro;

    // 建筑业: revenue and assets: large Y ≥ 80000 且 Z ≥ 80000; medium Y ≥ 6000 且 Z ≥ 5000; small ≥ 300 且 ≥
    // 300.
    QTest::newRow("建筑 large") << u"E48"_s << 10 << wan(80000) << wan(80000) << FirmSize::Large;
    QTest::newRow("建筑 assets short of large")
        << u"E48"_s << 10 << wan(80000) << wan(79999) << FirmSize::Medium;
    QTest::newRow("建筑 medium") << u"E47"_s << 0 << wan(6000) << wan(5000) << FirmSize::Medium;
    QTest::newRow("建筑 assets short of medium")
        << u"E47"_s << 0 << wan(6000) << wan(4999) << FirmSize::Small;
    QTest::newRow("建筑 small") << u"E50"_s << 5000 << wan(300) << wan(300) << FirmSize::Small;
    QTest::newRow("建筑 micro by assets") << u"E50"_s << 5000 << wan(90000) << wan(299) << FirmSize::Micro;

    // 批发业: large X ≥ 200 且 Y ≥ 40000; medium X ≥ 20 且 Y ≥ 5000; small X ≥ 5 且 Y ≥ 1000.
    QTest::newRow("批发 large") << u"F51"_s << 200 << wan(40000) << Money() << FirmSize::Large;
    QTest::newRow("批发 medium") << u"F51"_s << 20 << wan(5000) << Money() << FirmSize::Medium;
    QTest::newRow("批发 small") << u"F51"_s << 5 << wan(1000) << Money() << FirmSize::Small;
    QTest::newRow("批发 micro") << u"F51"_s << 4 << wan(100000) << Money() << FirmSize::Micro;

    // 零售业: large X ≥ 300 且 Y ≥ 20000; medium X ≥ 50 且 Y ≥ 500; small X ≥ 10 且 Y ≥ 100.
    QTest::newRow("零售 large") << u"F52"_s << 300 << wan(20000) << Money() << FirmSize::Large;
    QTest::newRow("零售 medium") << u"F52"_s << 50 << wan(500) << Money() << FirmSize::Medium;
    QTest::newRow("零售 small") << u"F52"_s << 10 << wan(100) << Money() << FirmSize::Small;
    QTest::newRow("零售 micro") << u"F52"_s << 49 << wan(99) << Money() << FirmSize::Micro;

    // 交通运输业: large X ≥ 1000 且 Y ≥ 30000; medium X ≥ 300 且 Y ≥ 3000; small X ≥ 20 且 Y ≥ 200.
    QTest::newRow("交通 large") << u"G54"_s << 1000 << wan(30000) << Money() << FirmSize::Large;
    QTest::newRow("交通 medium") << u"G54"_s << 300 << wan(3000) << Money() << FirmSize::Medium;
    // 2999 万 is below the transport medium bound (3000) though it would be medium in industry (2000).
    QTest::newRow("交通 small") << u"G55"_s << 300 << wan(2999) << Money() << FirmSize::Small;
    QTest::newRow("交通 micro") << u"G56"_s << 20 << wan(199) << Money() << FirmSize::Micro;

    // 仓储业: large X ≥ 200 且 Y ≥ 30000; medium X ≥ 100 且 Y ≥ 1000; small X ≥ 20 且 Y ≥ 100.
    QTest::newRow("仓储 large") << u"G59"_s << 200 << wan(30000) << Money() << FirmSize::Large;
    QTest::newRow("仓储 medium") << u"G59"_s << 100 << wan(1000) << Money() << FirmSize::Medium;
    QTest::newRow("仓储 small") << u"G59"_s << 20 << wan(100) << Money() << FirmSize::Small;
    QTest::newRow("仓储 micro") << u"G59"_s << 19 << wan(100) << Money() << FirmSize::Micro;

    // 邮政业: large X ≥ 1000 且 Y ≥ 30000; medium X ≥ 300 且 Y ≥ 2000; small X ≥ 20 且 Y ≥ 100.
    QTest::newRow("邮政 large") << u"G60"_s << 1000 << wan(30000) << Money() << FirmSize::Large;
    QTest::newRow("邮政 medium") << u"G60"_s << 300 << wan(2000) << Money() << FirmSize::Medium;
    QTest::newRow("邮政 small") << u"G60"_s << 20 << wan(100) << Money() << FirmSize::Small;
    QTest::newRow("邮政 micro") << u"G60"_s << 20 << wan(99) << Money() << FirmSize::Micro;

    // 住宿业 and 餐饮业: large X ≥ 300 且 Y ≥ 10000; medium X ≥ 100 且 Y ≥ 2000; small X ≥ 10 且 Y ≥ 100.
    QTest::newRow("住宿 large") << u"H61"_s << 300 << wan(10000) << Money() << FirmSize::Large;
    QTest::newRow("住宿 medium") << u"H61"_s << 100 << wan(2000) << Money() << FirmSize::Medium;
    QTest::newRow("餐饮 small") << u"H62"_s << 10 << wan(100) << Money() << FirmSize::Small;
    QTest::newRow("餐饮 micro") << u"H62"_s << 9 << wan(5000) << Money() << FirmSize::Micro;

    // 信息传输业: large X ≥ 2000 且 Y ≥ 100000; medium X ≥ 100 且 Y ≥ 1000; small X ≥ 10 且 Y ≥ 100.
    QTest::newRow("信息传输 large") << u"I63"_s << 2000 << wan(100000) << Money() << FirmSize::Large;
    QTest::newRow("信息传输 1999 persons") << u"I64"_s << 1999 << wan(100000) << Money() << FirmSize::Medium;
    QTest::newRow("信息传输 small") << u"I64"_s << 10 << wan(100) << Money() << FirmSize::Small;
    QTest::newRow("信息传输 micro") << u"I64"_s << 10 << wan(99) << Money() << FirmSize::Micro;

    // 软件和信息技术服务业: large X ≥ 300 且 Y ≥ 10000; medium X ≥ 100 且 Y ≥ 1000; small X ≥ 10 且 Y ≥ 50.
    QTest::newRow("软件 large") << u"I65"_s << 300 << wan(10000) << Money() << FirmSize::Large;
    QTest::newRow("软件 medium") << u"I65"_s << 100 << wan(1000) << Money() << FirmSize::Medium;
    QTest::newRow("软件 small at 50 万") << u"I65"_s << 10 << wan(50) << Money() << FirmSize::Small;
    QTest::newRow("软件 micro") << u"I65"_s << 10 << wan(49) << Money() << FirmSize::Micro;

    // 房地产开发经营: large Y ≥ 200000 且 Z ≥ 10000; medium Y ≥ 1000 且 Z ≥ 5000; small Y ≥ 100 且 Z ≥ 2000.
    QTest::newRow("房地产开发 large") << u"K7010"_s << 1 << wan(200000) << wan(10000) << FirmSize::Large;
    QTest::newRow("房地产开发 medium") << u"K70"_s << 1 << wan(1000) << wan(5000) << FirmSize::Medium;
    QTest::newRow("房地产开发 small") << u"K70"_s << 1 << wan(100) << wan(2000) << FirmSize::Small;
    QTest::newRow("房地产开发 micro by assets")
        << u"K70"_s << 5000 << wan(300000) << wan(1999) << FirmSize::Micro;

    // 物业管理: large X ≥ 1000 且 Y ≥ 5000; medium X ≥ 300 且 Y ≥ 1000; small X ≥ 100 且 Y ≥ 500.
    QTest::newRow("物业 large") << u"K7020"_s << 1000 << wan(5000) << Money() << FirmSize::Large;
    QTest::newRow("物业 medium") << u"K7020"_s << 300 << wan(1000) << Money() << FirmSize::Medium;
    QTest::newRow("物业 small") << u"K7020"_s << 100 << wan(500) << Money() << FirmSize::Small;
    // 99 persons: below the property-management small bound (100), though "small" elsewhere.
    QTest::newRow("物业 micro") << u"K7020"_s << 99 << wan(4000) << Money() << FirmSize::Micro;

    // 租赁和商务服务业: employees and assets: large X ≥ 300 且 Z ≥ 120000; medium X ≥ 100 且 Z ≥ 8000;
    // small X ≥ 10 且 Z ≥ 100. Revenue is ignored.
    QTest::newRow("租赁 large") << u"L71"_s << 300 << Money() << wan(120000) << FirmSize::Large;
    QTest::newRow("租赁 medium") << u"L72"_s << 100 << Money() << wan(8000) << FirmSize::Medium;
    QTest::newRow("租赁 small") << u"L72"_s << 10 << wan(999999) << wan(100) << FirmSize::Small;
    QTest::newRow("租赁 micro") << u"L72"_s << 300 << wan(999999) << wan(99) << FirmSize::Micro;

    // 其他未列明行业: employees only: large ≥ 300, medium ≥ 100, small ≥ 10.
    QTest::newRow("其他 large") << u"M73"_s << 300 << Money() << Money() << FirmSize::Large;
    QTest::newRow("其他 medium") << u"M74"_s << 100 << Money() << Money() << FirmSize::Medium;
    QTest::newRow("其他 small") << u"O80"_s << 10 << Money() << Money() << FirmSize::Small;
    QTest::newRow("其他 micro") << u"R88"_s << 9 << wan(999999) << wan(999999) << FirmSize::Micro;
    QTest::newRow("unknown code is other") << u"??"_s << 150 << Money() << Money() << FirmSize::Medium;
}

void tst_FirmSize::classify()
{
    QFETCH(QString, code);
    QFETCH(int, employees);
    QFETCH(Money, revenue);
    QFETCH(Money, assets);
    QFETCH(FirmSize, size);
    QCOMPARE(FirmSizeClassifier::classify(code, employees, revenue, assets), size);
    QCOMPARE(FirmSizeClassifier::classify(FirmSizeClassifier::sectorOf(code), employees, revenue, assets),
             size);
}

void tst_FirmSize::labels()
{
    // No translator is installed in the test: the English source strings come back.
    QCOMPARE(FirmSizeClassifier::label(FirmSize::Large), u"Large"_s);
    QCOMPARE(FirmSizeClassifier::label(FirmSize::Micro), u"Micro"_s);
    QCOMPARE(FirmSizeClassifier::sectorLabel(FirmSector::SoftwareIt),
             u"Software and information technology services"_s);
    QCOMPARE(FirmSizeClassifier::sectorLabel(FirmSector::Other), u"Other industries not listed"_s);
}

void tst_FirmSize::indicators()
{
    QVERIFY(FirmSizeClassifier::usesTotalAssets(FirmSector::Construction));
    QVERIFY(!FirmSizeClassifier::usesEmployees(FirmSector::Construction));
    QVERIFY(FirmSizeClassifier::usesTotalAssets(FirmSector::RealEstateDevelopment));
    QVERIFY(FirmSizeClassifier::usesTotalAssets(FirmSector::LeasingBusiness));
    QVERIFY(!FirmSizeClassifier::usesRevenue(FirmSector::LeasingBusiness));
    QVERIFY(!FirmSizeClassifier::usesTotalAssets(FirmSector::Industry));
    QVERIFY(FirmSizeClassifier::usesRevenue(FirmSector::Agriculture));
    QVERIFY(!FirmSizeClassifier::usesEmployees(FirmSector::Agriculture));
    QVERIFY(FirmSizeClassifier::usesEmployees(FirmSector::Other));
    QVERIFY(!FirmSizeClassifier::usesRevenue(FirmSector::Other));
}

QTEST_GUILESS_MAIN(tst_FirmSize)
#include "tst_firmsize.moc"
