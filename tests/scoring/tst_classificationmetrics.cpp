#include "scoring/classificationmetrics.h"

#include <QTest>

#include <cmath>

using XinDai::Scoring::ClassificationMetrics;

class tst_ClassificationMetrics : public QObject
{
    Q_OBJECT

private slots:
    void metrics_data();
    void metrics();
    void undefinedWithoutBothClasses();
};

void tst_ClassificationMetrics::metrics_data()
{
    QTest::addColumn<QVector<double>>("scores");
    QTest::addColumn<QVector<int>>("target");
    QTest::addColumn<double>("auc");
    QTest::addColumn<double>("ks");

    // Four points, one tie across classes: events score 0.9 and 0.5, non-events 0.5 and 0.1. Of the 2 × 2
    // pairs (0.9 > 0.5), (0.9 > 0.1), (0.5 > 0.1) are won and (0.5 = 0.5) counts ½ → AUC = 3.5 / 4 = 0.875.
    // KS: at threshold 0.9 TPR = ½, FPR = 0 → ½; at 0.5 (tie moves together) TPR = 1, FPR = ½ → ½; so ½.
    QTest::newRow("four points with a tie")
        << QVector<double>{0.9, 0.5, 0.5, 0.1} << QVector<int>{1, 1, 0, 0} << 0.875 << 0.5;
    // Perfect separation: every event above every non-event → AUC 1, KS 1.
    QTest::newRow("perfect separator")
        << QVector<double>{5, 6, 7, 1, 2, 3} << QVector<int>{1, 1, 1, 0, 0, 0} << 1.0 << 1.0;
    // Reversed: AUC 0; KS is an absolute gap, 1.
    QTest::newRow("reversed") << QVector<double>{1, 2, 7, 8} << QVector<int>{1, 1, 0, 0} << 0.0 << 1.0;
    // A constant score ties every pair → ½; no threshold separates anything → KS 0.
    QTest::newRow("constant") << QVector<double>{3, 3, 3, 3, 3} << QVector<int>{1, 0, 0, 1, 0} << 0.5 << 0.0;
    // Input order must not matter (same as the first row, shuffled).
    QTest::newRow("unsorted input") << QVector<double>{0.5, 0.1, 0.9, 0.5} << QVector<int>{0, 0, 1, 1}
                                    << 0.875 << 0.5;
    // Mid-ranks by hand: scores 1, 2, 2, 3, 4 with events at 2 (one of the tie) and 4. Ranks: 1, 2.5, 2.5, 4,
    // 5; event rank sum 2.5 + 5 = 7.5; U = 7.5 − 2·3/2 = 4.5; AUC = 4.5 / (2·3) = 0.75. KS: ≥4: TPR ½ FPR 0 →
    // ½; ≥3: ½, ⅓; ≥2: 1, ⅔ → ⅓; ≥1: 1, 1 → max ½.
    QTest::newRow("mid-ranks") << QVector<double>{1, 2, 2, 3, 4} << QVector<int>{0, 1, 0, 0, 1} << 0.75
                               << 0.5;
}

void tst_ClassificationMetrics::metrics()
{
    QFETCH(QVector<double>, scores);
    QFETCH(QVector<int>, target);
    QFETCH(double, auc);
    QFETCH(double, ks);
    const double a = ClassificationMetrics::auc(scores, target);
    QCOMPARE(a, auc);
    QCOMPARE(ClassificationMetrics::ks(scores, target), ks);
    QCOMPARE(ClassificationMetrics::gini(a), 2 * auc - 1);
}

void tst_ClassificationMetrics::undefinedWithoutBothClasses()
{
    QVERIFY(std::isnan(ClassificationMetrics::auc({1, 2, 3}, {1, 1, 1})));
    QVERIFY(std::isnan(ClassificationMetrics::ks({1, 2, 3}, {0, 0, 0})));
    QVERIFY(std::isnan(ClassificationMetrics::auc({}, {})));
}

QTEST_GUILESS_MAIN(tst_ClassificationMetrics)
#include "tst_classificationmetrics.moc"
