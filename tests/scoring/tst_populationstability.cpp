#include "scoring/populationstability.h"
#include "seededrandom.h"

#include <QTest>

#include <cmath>

using XinDai::Scoring::PopulationStability;

class tst_PopulationStability : public QObject
{
    Q_OBJECT

private slots:
    void identicalIsZero();
    void handComputed();
    void emptyBinIsFinite();
    void generatedShift();
};

void tst_PopulationStability::identicalIsZero()
{
    // Equal shares in every bin make every term (a − e)·ln(a/e) exactly 0.
    SeededRandom rng(7);
    QVector<double> s;
    for (int i = 0; i < 1000; ++i)
        s.append(rng.normal() * 50 + 600);
    QCOMPARE(PopulationStability::compute(s, s).psi, 0.0);
}

void tst_PopulationStability::handComputed()
{
    // Expected 1 … 10, 2 bins: cut at the sorted value of index 5 = 6 → shares ½, ½.
    // Actual eight 1s and two 9s → shares 0.8, 0.2.
    // PSI = (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5) = 0.3·ln 1.6 + 0.3·ln 2.5 = 0.3·ln 4 ≈
    // 0.415888.
    const QVector<double> expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const QVector<double> actual = {1, 1, 1, 1, 1, 1, 1, 1, 9, 9};
    const PopulationStability::Result r = PopulationStability::compute(expected, actual, 2);
    QCOMPARE(r.cuts, QVector<double>{6});
    QCOMPARE(r.expectedShares, (QVector<double>{0.5, 0.5}));
    QCOMPARE(r.actualShares, (QVector<double>{0.8, 0.2}));
    QVERIFY(std::abs(r.psi - 0.3 * std::log(4.0)) < 1e-12);
    QVERIFY(std::abs(r.psi - 0.415888) < 1e-6);
}

void tst_PopulationStability::emptyBinIsFinite()
{
    // All actual scores in the lower bin: the empty upper share is floored at 1e-4:
    // (1 − 0.5)·ln(1/0.5) + (1e-4 − 0.5)·ln(1e-4/0.5).
    const QVector<double> expected = {1, 2, 3, 4};
    const PopulationStability::Result r = PopulationStability::compute(expected, {1, 1}, 2);
    const double psi = 0.5 * std::log(2.0) + (1e-4 - 0.5) * std::log(1e-4 / 0.5);
    QVERIFY(std::abs(r.psi - psi) < 1e-12);
}

void tst_PopulationStability::generatedShift()
{
    // Two samples of the same N(600, 50²) distribution are stable (PSI < 0.1); shifting by one standard
    // deviation is a marked change (PSI > 0.25).
    SeededRandom rng(42);
    QVector<double> a, b, shifted;
    for (int i = 0; i < 20000; ++i) {
        a.append(600 + 50 * rng.normal());
        b.append(600 + 50 * rng.normal());
        shifted.append(650 + 50 * rng.normal());
    }
    const double same = PopulationStability::compute(a, b).psi;
    const double moved = PopulationStability::compute(a, shifted).psi;
    QVERIFY2(same < 0.01, qPrintable(QString::number(same)));
    QVERIFY2(moved > 0.25, qPrintable(QString::number(moved)));
}

QTEST_GUILESS_MAIN(tst_PopulationStability)
#include "tst_populationstability.moc"
