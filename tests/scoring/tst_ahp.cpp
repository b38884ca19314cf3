#include "scoring/ahp.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using XinDai::Scoring::Ahp;

using Matrix = QVector<QVector<double>>;

namespace {

/// For a 3×3 reciprocal matrix with a12 = a, a13 = b, a23 = c the principal eigenvalue has a closed form:
/// with x = (a·c / b)^(1/3), λmax = 1 + x + 1/x (x = 1 exactly when a·c = b, the consistent case), and
/// the principal eigenvector is the normalised vector of row geometric means. These give the "by hand"
/// values the power iteration must reproduce.
double lambda3(double a, double b, double c)
{
    const double x = std::cbrt(a * c / b);
    return 1 + x + 1 / x;
}

Matrix reciprocal3(double a, double b, double c)
{
    return {{1, a, b}, {1 / a, 1, c}, {1 / b, 1 / c, 1}};
}

} // namespace

class tst_Ahp : public QObject
{
    Q_OBJECT

private slots:
    void randomIndex();
    void consistentMatrixGivesExactWeights();
    void saatyTextbookExample();
    void threshold_data();
    void threshold();
    void malformed_data();
    void malformed();
    void smallOrders();
};

void tst_Ahp::randomIndex()
{
    // Saaty's table, n = 1 … 10; nothing outside.
    const double expected[10] = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    for (int n = 1; n <= 10; ++n)
        QCOMPARE(Ahp::randomIndex(n), expected[n - 1]);
    QCOMPARE(Ahp::randomIndex(0), -1.0);
    QCOMPARE(Ahp::randomIndex(11), -1.0);
}

void tst_Ahp::consistentMatrixGivesExactWeights()
{
    // a_ij = w_i / w_j with w = (1/2, 1/4, 1/8, 1/8): the matrix has rank one, A·v = (Σ_j v_j / w_j) · w for
    // any v, so the first iteration lands on w; λmax = n = 4, CI = 0, CR = 0. All entries are powers of two,
    // exact in binary, so the weights are exact up to the last bit.
    const Matrix a = {{1, 2, 4, 4}, {0.5, 1, 2, 2}, {0.25, 0.5, 1, 1}, {0.25, 0.5, 1, 1}};
    const Ahp::Result r = Ahp::derive(a);
    QVERIFY2(r.ok, qPrintable(r.error));
    const double w[4] = {0.5, 0.25, 0.125, 0.125};
    for (int i = 0; i < 4; ++i)
        QVERIFY(std::abs(r.weights.at(i) - w[i]) < 1e-15);
    QVERIFY(std::abs(r.lambdaMax - 4) < 1e-12);
    QVERIFY(std::abs(r.ci) < 1e-12);
    QVERIFY(std::abs(r.cr) < 1e-12);
    QVERIFY(r.iterations <= 2); // one step reaches w, the second confirms it
}

void tst_Ahp::saatyTextbookExample()
{
    // The classic 3-criteria example: A over B "moderately" (3), A over C "strongly" (5), B over C moderately
    // (3). By hand: x = (3·3/5)^(1/3) = 1.8^(1/3) = 1.216440, λmax = 1 + 1.216440 + 0.822071 = 3.038511;
    // CI = (3.038511 − 3) / 2 = 0.019256; CR = 0.019256 / 0.58 = 0.033199 < 0.1 → accepted.
    // Weights = row geometric means (15^(1/3), 1, 15^(−1/3)) / their sum = (0.636986, 0.258285, 0.104729).
    const Ahp::Result r = Ahp::derive(reciprocal3(3, 5, 3));
    QVERIFY2(r.ok, qPrintable(r.error));
    const double lambda = lambda3(3, 5, 3);
    QVERIFY(std::abs(lambda - 3.038511) < 1e-6);
    QVERIFY(std::abs(r.lambdaMax - lambda) < 1e-10);
    QVERIFY(std::abs(r.ci - (lambda - 3) / 2) < 1e-10);
    QVERIFY(std::abs(r.cr - (lambda - 3) / 2 / 0.58) < 1e-10);
    QVERIFY(std::abs(r.cr - 0.033199) < 1e-6);
    const double g[3] = {std::cbrt(15.0), 1, std::cbrt(1 / 15.0)};
    const double sum = g[0] + g[1] + g[2];
    for (int i = 0; i < 3; ++i)
        QVERIFY(std::abs(r.weights.at(i) - g[i] / sum) < 1e-10);
    QVERIFY(std::abs(r.weights.at(0) - 0.636986) < 1e-6);
}

void tst_Ahp::threshold_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("c");
    QTest::addColumn<bool>("accepted");
    // a·c/b = 2.5: x = 1.357209, λ = 3.094015, CR = 0.047008 / 0.58 = 0.081048 → accepted.
    QTest::newRow("CR 0.081") << 5.0 << 2.0 << 1.0 << true;
    // a·c/b = 3: x = 1.442250, λ = 3.135611, CR = 0.067805 / 0.58 = 0.116906 → refused.
    QTest::newRow("CR 0.117") << 3.0 << 2.0 << 2.0 << false;
    // a·c/b = 4: λ = 3.217362, CR = 0.187381 → refused.
    QTest::newRow("CR 0.187") << 2.0 << 1.0 << 2.0 << false;
    // A cycle (A ≫ B ≫ C ≫ A): a·c/b = 729, x = 9, λ = 1 + 9 + 1/9 = 10.111111, CR = 6.130268 → refused.
    QTest::newRow("cycle") << 9.0 << 1 / 9.0 << 9.0 << false;
}

void tst_Ahp::threshold()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, c);
    QFETCH(bool, accepted);
    const Ahp::Result r = Ahp::derive(reciprocal3(a, b, c));
    const double cr = (lambda3(a, b, c) - 3) / 2 / 0.58;
    QVERIFY(std::abs(r.cr - cr) < 1e-9);
    QCOMPARE(r.ok, accepted);
    QCOMPARE(r.weights.size(), 3); // filled for display even when refused
    if (!accepted) {
        QVERIFY(r.error.contains(u"CR = "_s + QString::number(cr, 'f', 4)));
        QVERIFY(r.error.contains(u"below 0.1"_s));
    } else {
        QVERIFY(r.error.isEmpty());
    }
}

void tst_Ahp::malformed_data()
{
    QTest::addColumn<Matrix>("matrix");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << Matrix{} << u"between 1 and 10 criteria, found 0"_s;
    QTest::newRow("eleven") << Matrix(11, QVector<double>(11, 1.0))
                            << u"between 1 and 10 criteria, found 11"_s;
    QTest::newRow("not square") << Matrix{{1, 2}, {0.5}} << u"row 2 has 1 entries instead of 2"_s;
    QTest::newRow("zero entry") << Matrix{{1, 0}, {0, 1}} << u"entry (1, 2) must be a positive number"_s;
    QTest::newRow("negative entry") << Matrix{{1, -2}, {-0.5, 1}}
                                    << u"entry (1, 2) must be a positive number"_s;
    QTest::newRow("diagonal") << Matrix{{1, 2}, {0.5, 2}} << u"diagonal entry (2, 2) must be 1"_s;
    QTest::newRow("not reciprocal") << Matrix{{1, 3, 5}, {1 / 3.0, 1, 3}, {0.25, 1 / 3.0, 1}}
                                    << u"not reciprocal: entry (1, 3) = 5 but entry (3, 1) = 0.25"_s;
}

void tst_Ahp::malformed()
{
    QFETCH(Matrix, matrix);
    QFETCH(QString, reason);
    const Ahp::Result r = Ahp::derive(matrix);
    QVERIFY(!r.ok);
    QVERIFY(r.weights.isEmpty());
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
}

void tst_Ahp::smallOrders()
{
    // n = 1: the only weight is 1. n = 2: any reciprocal pair is consistent (λmax = 2, CR = 0); a12 = 3 gives
    // weights 3/4 and 1/4.
    Ahp::Result r = Ahp::derive({{1}});
    QVERIFY(r.ok);
    QCOMPARE(r.weights, QVector<double>{1.0});
    r = Ahp::derive({{1, 3}, {1 / 3.0, 1}});
    QVERIFY(r.ok);
    QVERIFY(std::abs(r.weights.at(0) - 0.75) < 1e-12);
    QVERIFY(std::abs(r.weights.at(1) - 0.25) < 1e-12);
    QVERIFY(std::abs(r.lambdaMax - 2) < 1e-12);
    QCOMPARE(r.cr, 0.0);
}

QTEST_GUILESS_MAIN(tst_Ahp)
#include "tst_ahp.moc"
