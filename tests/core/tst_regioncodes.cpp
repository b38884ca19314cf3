#include "core/regioncodes.h"

#include <QTest>

using namespace XinDai::Core;
using namespace Qt::StringLiterals;

class TestRegionCodes : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void provinces();
    void hunanPrefectures();
    void hunanCounties();
    void historical();
};

void TestRegionCodes::names_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("fullName");

    QTest::newRow("county") << u"430104"_s << u"岳麓区"_s << u"湖南省长沙市岳麓区"_s;
    QTest::newRow("prefecture") << u"430100"_s << u"长沙市"_s << u"湖南省长沙市"_s;
    QTest::newRow("province") << u"430000"_s << u"湖南省"_s << u"湖南省"_s;
    QTest::newRow("autonomous prefecture")
        << u"433101"_s << u"吉首市"_s << u"湖南省湘西土家族苗族自治州吉首市"_s;
    // 株洲县 became 渌口区 in 2018 under a new code.
    QTest::newRow("renamed county") << u"430212"_s << u"渌口区"_s << u"湖南省株洲市渌口区"_s;
    QTest::newRow("historical") << u"430122"_s << u"望城县"_s << u"湖南省长沙市望城县"_s;
    // Beijing's districts are under 110100 "市辖区", which is not repeated; the district itself is not in the
    // table, so only the municipality shows.
    QTest::newRow("municipality district") << u"110105"_s << QString() << u"北京市"_s;
    QTest::newRow("unknown county in Hunan") << u"430199"_s << QString() << u"湖南省长沙市"_s;
    QTest::newRow("unknown") << u"990000"_s << QString() << QString();
    QTest::newRow("not six digits") << u"4301"_s << QString() << QString();
    QTest::newRow("letters") << u"43A104"_s << QString() << QString();
}

void TestRegionCodes::names()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, fullName);
    QCOMPARE(RegionCodes::name(code), name);
    QCOMPARE(RegionCodes::fullName(code), fullName);
    QCOMPARE(RegionCodes::isKnown(code), !name.isEmpty());
}

void TestRegionCodes::provinces()
{
    // 34 province-level divisions: 23 provinces (incl. Taiwan), 5 autonomous regions, 4 municipalities, 2
    // SARs.
    int count = 0;
    for (int first = 1; first <= 9; ++first) {
        for (int second = 0; second <= 9; ++second) {
            if (RegionCodes::isKnown(QStringLiteral("%1%2%3").arg(first).arg(second).arg(u"0000"_s)))
                ++count;
        }
    }
    QCOMPARE(count, 34);
    QCOMPARE(RegionCodes::name(u"450000"_s), u"广西壮族自治区"_s);
    QCOMPARE(RegionCodes::name(u"820000"_s), u"澳门特别行政区"_s);
    QCOMPARE(RegionCodes::name(u"500000"_s), u"重庆市"_s);
}

void TestRegionCodes::hunanPrefectures()
{
    const QStringList expected{u"430100"_s, u"430200"_s, u"430300"_s, u"430400"_s, u"430500"_s,
                               u"430600"_s, u"430700"_s, u"430800"_s, u"430900"_s, u"431000"_s,
                               u"431100"_s, u"431200"_s, u"431300"_s, u"433100"_s};
    QCOMPARE(RegionCodes::children(u"430000"_s), expected);
    QCOMPARE(RegionCodes::name(u"433100"_s), u"湘西土家族苗族自治州"_s);
    QCOMPARE(RegionCodes::name(u"431000"_s), u"郴州市"_s);
}

void TestRegionCodes::hunanCounties()
{
    const QStringList counties = RegionCodes::hunanCounties();
    // Hunan has 122 county-level divisions: 36 districts, 19 county-level cities, 60 counties and
    // 7 autonomous counties.
    QCOMPARE(counties.size(), 122);
    int districts = 0, cities = 0, plainCounties = 0, autonomous = 0;
    for (const QString &code : counties) {
        QVERIFY2(code.startsWith(u"43"), qPrintable(code));
        QVERIFY2(!code.endsWith(u"00"), qPrintable(code));
        QVERIFY2(!RegionCodes::isHistorical(code), qPrintable(code));
        const QString name = RegionCodes::name(code);
        if (name.endsWith(u"自治县"))
            ++autonomous;
        else if (name.endsWith(u'区'))
            ++districts;
        else if (name.endsWith(u'市'))
            ++cities;
        else if (name.endsWith(u'县'))
            ++plainCounties;
    }
    QCOMPARE(districts, 36);
    QCOMPARE(cities, 19);
    QCOMPARE(plainCounties, 60);
    QCOMPARE(autonomous, 7);

    // County codes share the prefecture's first four digits.
    const QStringList changsha = RegionCodes::children(u"430100"_s);
    const QStringList expectedChangsha{u"430102"_s, u"430103"_s, u"430104"_s, u"430105"_s, u"430111"_s,
                                       u"430112"_s, u"430121"_s, u"430181"_s, u"430182"_s};
    QCOMPARE(changsha, expectedChangsha);
    QCOMPARE(RegionCodes::children(u"433100"_s).size(), 8);
    QCOMPARE(RegionCodes::children(u"430104"_s), QStringList());
}

void TestRegionCodes::historical()
{
    // Codes abolished by administrative changes stay known (old USCCs and IDs carry them) but are not
    // listed as current divisions.
    for (const QString &code : {u"430122"_s, u"430124"_s, u"430221"_s, u"430521"_s, u"431121"_s}) {
        QVERIFY2(RegionCodes::isKnown(code), qPrintable(code));
        QVERIFY2(RegionCodes::isHistorical(code), qPrintable(code));
        QVERIFY2(!RegionCodes::hunanCounties().contains(code), qPrintable(code));
    }
    QCOMPARE(RegionCodes::name(u"430124"_s), u"宁乡县"_s);
    QVERIFY(!RegionCodes::isHistorical(u"430182"_s));
    QVERIFY(!RegionCodes::isHistorical(u"999999"_s));
}

QTEST_GUILESS_MAIN(TestRegionCodes)
#include "tst_regioncodes.moc"
