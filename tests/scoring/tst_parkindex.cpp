#include "scoring/parkindex.h"
#include "scoring/shippedmodels.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;

class tst_ParkIndex : public QObject
{
    Q_OBJECT

private slots:
    void shippedModelExact();
    void emptyPark();
    void refused();
};

void tst_ParkIndex::shippedModelExact()
{
    QString error;
    const auto m = ShippedModels::parkIndex(&error);
    QVERIFY2(m, qPrintable(error));
    // Four firms on the commercial 300–900 scale: 900 → 1, 600 → 0.5, 300 → 0, 1000 → clamped to 1:
    // S = 2.5 / 4 = 0.625. Two have approved loans: A = 0.5. One risk event: R = 0.25.
    // index = 100 · (0.5 · 0.625 + 0.25 · 0.5 + 0.25 · 0.75) = 31.25 + 12.5 + 18.75 = 62.5 → BBB ([55, 65)).
    const ParkIndex::Result r
        = m->compute({{900, true, false}, {600, true, false}, {300, false, true}, {1000, false, false}});
    QVERIFY(r.ok);
    QCOMPARE(r.firms, 4);
    QCOMPARE(r.meanFirmScore, 0.625);
    QCOMPARE(r.financingAccess, 0.5);
    QCOMPARE(r.riskIncidence, 0.25);
    QCOMPARE(r.scorePoints, 31.25);
    QCOMPARE(r.accessPoints, 12.5);
    QCOMPARE(r.riskPoints, 18.75);
    QCOMPARE(r.index, 62.5);
    QCOMPARE(r.grade, u"BBB"_s);
    // Every firm at the top, all financed, none risky: 100 → AAA; the reverse: 0 → C.
    QCOMPARE(m->compute({{900, true, false}}).index, 100.0);
    QCOMPARE(m->compute({{900, true, false}}).grade, u"AAA"_s);
    QCOMPARE(m->compute({{100, false, true}}).index, 0.0);
    QCOMPARE(m->compute({{100, false, true}}).grade, u"C"_s);
}

void tst_ParkIndex::emptyPark()
{
    const auto m = ShippedModels::parkIndex();
    QVERIFY(m);
    const ParkIndex::Result r = m->compute({});
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(u"at least one firm"_s));
}

void tst_ParkIndex::refused()
{
    // Weights must sum to 1: 0.5 + 0.25 + 0.2 = 0.95.
    const QByteArray bad = R"({"kind": "parkIndex", "id": "p", "version": 1, "name": "园区",
        "firmScoreRange": {"min": 300, "max": 900},
        "weights": {"firmScore": 0.5, "financingAccess": 0.25, "riskIncidence": 0.2},
        "scoreRange": {"min": 0, "max": 100},
        "grades": [{"grade": "AAA", "from": 85}, {"grade": "AA", "from": 75}, {"grade": "A", "from": 65},
                   {"grade": "BBB", "from": 55}, {"grade": "BB", "from": 45}, {"grade": "B", "from": 35},
                   {"grade": "CCC", "from": 25}, {"grade": "CC", "from": 15}, {"grade": "C", "from": 0}]})";
    QString error;
    QVERIFY(!ParkIndex::fromJson(bad, &error));
    QVERIFY2(error.contains(u"refused at weights: The weights sum to 0.95"_s), qPrintable(error));
    QByteArray noRange = bad;
    noRange.replace(R"("firmScoreRange": {"min": 300, "max": 900},)", "");
    QVERIFY(!ParkIndex::fromJson(noRange, &error));
    QVERIFY2(error.contains(u"refused at firmScoreRange:"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ParkIndex)
#include "tst_parkindex.moc"
