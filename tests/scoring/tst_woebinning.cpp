#include "scoring/woebinning.h"
#include "seededrandom.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using XinDai::Scoring::WoeBinning;

class tst_WoeBinning : public QObject
{
    Q_OBJECT

private slots:
    void woeOfTwoByTwoTable();
    void zeroCountSmoothing();
    void quantileBinsAndMonotonicMerge();
    void generatedMonotonicSignal();
    void smallCategoriesPooled();
};

void tst_WoeBinning::woeOfTwoByTwoTable()
{
    // 2×2 table, 100 goods and 100 bads:   goods  bads
    //                               yes      30    10
    //                               no       70    90
    // WoE(yes) = ln((30/100) / (10/100)) = ln 3; WoE(no) = ln((70/100) / (90/100)) = ln(7/9);
    // IV = (0.3 − 0.1)·ln 3 + (0.7 − 0.9)·ln(7/9) = 0.2·ln(27/7) ≈ 0.269986.
    QStringList x;
    QVector<int> y;
    auto add = [&](const QString &v, int goods, int bads) {
        for (int i = 0; i < goods; ++i) {
            x.append(v);
            y.append(0);
        }
        for (int i = 0; i < bads; ++i) {
            x.append(v);
            y.append(1);
        }
    };
    add(u"yes"_s, 30, 10);
    add(u"no"_s, 70, 90);
    const WoeBinning b = WoeBinning::categorical(x, y);
    QCOMPARE(b.bins().size(), 3); // "no", "yes" (sorted), missing
    QCOMPARE(b.bins().at(0).categories, QStringList{u"no"_s});
    QCOMPARE(b.bins().at(0).goods, 70);
    QCOMPARE(b.bins().at(0).bads, 90);
    QVERIFY(std::abs(b.bins().at(0).woe - std::log(7.0 / 9.0)) < 1e-12);
    QVERIFY(std::abs(b.bins().at(1).woe - std::log(3.0)) < 1e-12);
    QVERIFY(std::abs(b.informationValue() - 0.2 * std::log(27.0 / 7.0)) < 1e-12);
    QVERIFY(std::abs(b.informationValue() - 0.269986) < 1e-6);
    // No missing rows: the missing bin exists and is neutral.
    QVERIFY(b.bins().at(2).missing);
    QCOMPARE(b.bins().at(2).woe, 0.0);
    QCOMPARE(b.binOf(u""_s), 2);
    QCOMPARE(b.binOf(u"yes"_s), 1);
    QCOMPARE(b.binOf(u"never seen"_s), 2); // no "other" bin: unseen → missing (neutral)
}

void tst_WoeBinning::zeroCountSmoothing()
{
    // 5 goods and 0 bads of G = 10, B = 10: 0.5 is added to both counts → ln((5.5/10) / (0.5/10)) = ln 11.
    QCOMPARE(WoeBinning::woe(5, 0, 10, 10), std::log(11.0));
    // No bads in the whole column: no information, WoE 0.
    QCOMPARE(WoeBinning::woe(5, 0, 10, 0), 0.0);
}

void tst_WoeBinning::quantileBinsAndMonotonicMerge()
{
    // x = 1 … 10, bads at 1, 2, 3 (G = 7, B = 3). Five pre-bins: cuts at the sorted values of index 2, 4, 6,
    // 8 = 3, 5, 7, 9 → (−inf,3) 0g/2b, [3,5) 1g/1b, [5,7), [7,9), [9,inf) 2g/0b each.
    QVector<double> x;
    QVector<int> y;
    for (int i = 1; i <= 10; ++i) {
        x.append(i);
        y.append(i <= 3 ? 1 : 0);
    }
    WoeBinning::Options o;
    o.preBins = 5;
    o.minBinShare = 0;
    o.monotonic = false;
    WoeBinning b = WoeBinning::numeric(x, y, o);
    QCOMPARE(b.bins().size(), 6); // five + missing
    QCOMPARE(b.bins().at(1).lo, 3.0);
    QCOMPARE(b.bins().at(1).hi, 5.0);
    QCOMPARE(b.bins().at(4).lo, 9.0);
    QCOMPARE(b.bins().at(4).hi, std::numeric_limits<double>::infinity());

    // Monotonic: WoE rises with x. (−inf,3): 0 goods → smoothed ln((0.5/7)/(2.5/3)) = ln(3/35); [3,5):
    // ln((1/7)/(1/3)) = ln(3/7); the three 2g/0b bins tie at ln((2.5/7)/(0.5/3)) = ln(15/7), which is not
    // strictly rising, so they merge into [5, inf) with 6g/0b → ln((6.5/7)/(0.5/3)) = ln(39/7).
    o.monotonic = true;
    b = WoeBinning::numeric(x, y, o);
    QCOMPARE(b.bins().size(), 4);
    QVERIFY(std::abs(b.bins().at(0).woe - std::log(3.0 / 35.0)) < 1e-12);
    QVERIFY(std::abs(b.bins().at(1).woe - std::log(3.0 / 7.0)) < 1e-12);
    QCOMPARE(b.bins().at(2).lo, 5.0);
    QCOMPARE(b.bins().at(2).goods, 6);
    QVERIFY(std::abs(b.bins().at(2).woe - std::log(39.0 / 7.0)) < 1e-12);
    QCOMPARE(b.binOf(4.99), 1);
    QCOMPARE(b.binOf(5.0), 2);
    QCOMPARE(b.binOf(std::nan("")), 3);
}

void tst_WoeBinning::generatedMonotonicSignal()
{
    // 20,000 rows, x ~ U(0, 1), P(bad) = 0.05 + 0.4·x, 3 % missing with P(bad) = 0.5: WoE must fall with x
    // (more bads on the right), every bin keep ≥ 5 % of the rows, and the column be informative (IV > 0.1).
    SeededRandom rng(20261125);
    QVector<double> x;
    QVector<int> y;
    for (int i = 0; i < 20000; ++i) {
        if (rng.bernoulli(0.03)) {
            x.append(std::nan(""));
            y.append(rng.bernoulli(0.5) ? 1 : 0);
            continue;
        }
        const double v = rng.uniform();
        x.append(v);
        y.append(rng.bernoulli(0.05 + 0.4 * v) ? 1 : 0);
    }
    const WoeBinning b = WoeBinning::numeric(x, y);
    const auto &bins = b.bins();
    QVERIFY(bins.size() >= 4); // at least three value bins + missing
    qint64 present = 0;
    for (qsizetype i = 0; i + 1 < bins.size(); ++i)
        present += bins.at(i).goods + bins.at(i).bads;
    for (qsizetype i = 0; i + 1 < bins.size(); ++i) {
        QVERIFY(double(bins.at(i).goods + bins.at(i).bads) >= 0.05 * double(present));
        if (i > 0) {
            QCOMPARE(bins.at(i).lo, bins.at(i - 1).hi);   // contiguous
            QVERIFY(bins.at(i).woe < bins.at(i - 1).woe); // strictly falling
        }
    }
    QVERIFY(bins.last().missing);
    QVERIFY(bins.last().goods + bins.last().bads > 400);
    QVERIFY(bins.last().woe < 0); // missing rows are worse than average (50 % vs ≈ 25 %)
    QVERIFY2(b.informationValue() > 0.1, qPrintable(QString::number(b.informationValue())));
}

void tst_WoeBinning::smallCategoriesPooled()
{
    // 100 rows: "A" 60, "B" 37, "C" 2, "D" 1 → with minBinShare 0.05, C and D (3 %) pool into "other",
    // which also takes categories never seen in training.
    QStringList x;
    QVector<int> y;
    const struct
    {
        const char16_t *v;
        int goods;
        int bads;
    } rows[] = {{u"A", 50, 10}, {u"B", 20, 17}, {u"C", 1, 1}, {u"D", 0, 1}};
    for (const auto &r : rows) {
        for (int i = 0; i < r.goods + r.bads; ++i) {
            x.append(QString::fromUtf16(r.v));
            y.append(i < r.goods ? 0 : 1);
        }
    }
    const WoeBinning b = WoeBinning::categorical(x, y);
    QCOMPARE(b.bins().size(), 4); // A, B, other(C, D), missing
    QVERIFY(b.bins().at(2).other);
    QCOMPARE(b.bins().at(2).categories, (QStringList{u"C"_s, u"D"_s}));
    QCOMPARE(b.bins().at(2).goods, 1);
    QCOMPARE(b.bins().at(2).bads, 2);
    QCOMPARE(b.binOf(u"Z"_s), 2);
    // G = 71, B = 29: WoE(A) = ln((50/71) / (10/29)).
    QVERIFY(std::abs(b.bins().at(0).woe - std::log((50.0 / 71) / (10.0 / 29))) < 1e-12);
}

QTEST_GUILESS_MAIN(tst_WoeBinning)
#include "tst_woebinning.moc"
