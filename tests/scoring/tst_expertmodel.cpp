#include "scoring/expertmodel.h"
#include "scoring/shippedmodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;

namespace {

const char kFixture[] = R"({
  "kind": "expert", "id": "fixture-expert", "version": 1, "name": "测试专家模型",
  "indicators": [
    {"id": "years", "feature": "yearsEstablished",
     "normalisation": {"method": "minmax", "min": 0, "max": 10, "direction": "benefit"}, "missing": 0.1},
    {"id": "penalties", "feature": "penalties3y",
     "normalisation": {"method": "minmax", "min": 0, "max": 4, "direction": "cost"}, "missing": 0.5},
    {"id": "bank", "feature": "bankFlowRatio",
     "normalisation": {"method": "piecewise", "points": [[0.5, 0], [1, 1], [2, 0.5]]}, "missing": 0.2},
    {"id": "grade", "feature": "taxGrade",
     "normalisation": {"method": "category", "values": {"A": 1, "B": 0.5}, "other": 0.25}, "missing": 0},
    {"id": "staff", "feature": "employees",
     "normalisation": {"method": "threshold", "cuts": [5, 20], "values": [0.2, 0.6, 1]}, "missing": 0}
  ],
  "weights": [0.3, 0.2, 0.2, 0.2, 0.1],
  "scoreRange": {"min": 0, "max": 100},
  "grades": [{"grade": "AAA", "from": 85}, {"grade": "AA", "from": 75}, {"grade": "A", "from": 65},
             {"grade": "BBB", "from": 55}, {"grade": "BB", "from": 45}, {"grade": "B", "from": 35},
             {"grade": "CCC", "from": 25}, {"grade": "CC", "from": 15}, {"grade": "C", "from": 0}]
})";

ExpertModel fixture()
{
    QString error;
    const auto m = ExpertModel::fromJson(QByteArray(kFixture), &error);
    if (!m)
        qFatal("fixture refused: %s", qPrintable(error));
    return *m;
}

FactorValue n(double v)
{
    return FactorValue::of(v);
}

QJsonValue json(const QString &text)
{
    return QJsonDocument::fromJson("[" + text.toUtf8() + "]").array().at(0);
}

} // namespace

class tst_ExpertModel : public QObject
{
    Q_OBJECT

private slots:
    void normalise_data();
    void normalise();
    void exactScore();
    void refused_data();
    void refused();
    void shippedIndividualBusiness();
};

void tst_ExpertModel::normalise_data()
{
    QTest::addColumn<int>("indicator");
    QTest::addColumn<FactorValue>("value");
    QTest::addColumn<double>("expected");
    // min-max benefit on [0, 10]: (x − 0) / 10, clamped.
    QTest::newRow("minmax mid") << 0 << n(5) << 0.5;
    QTest::newRow("minmax above max clamps") << 0 << n(20) << 1.0;
    QTest::newRow("minmax below min clamps") << 0 << n(-3) << 0.0;
    QTest::newRow("minmax missing") << 0 << FactorValue::missing() << 0.1;
    // min-max cost on [0, 4]: 1 − x / 4.
    QTest::newRow("cost 1") << 1 << n(1) << 0.75;
    QTest::newRow("cost 0 is best") << 1 << n(0) << 1.0;
    QTest::newRow("cost beyond max") << 1 << n(10) << 0.0;
    // piecewise through (0.5, 0), (1, 1), (2, 0.5): rising then falling, flat outside.
    QTest::newRow("piecewise rising") << 2 << n(0.75) << 0.5;
    QTest::newRow("piecewise at knot") << 2 << n(1) << 1.0;
    QTest::newRow("piecewise falling") << 2 << n(1.5) << 0.75;
    QTest::newRow("piecewise left of first") << 2 << n(0.1) << 0.0;
    QTest::newRow("piecewise right of last") << 2 << n(5) << 0.5;
    // category map; unlisted → "other"; missing → 0.
    QTest::newRow("category A") << 3 << FactorValue::of(u"A"_s) << 1.0;
    QTest::newRow("category other") << 3 << FactorValue::of(u"D"_s) << 0.25;
    QTest::newRow("category missing") << 3 << FactorValue::missing() << 0.0;
    // threshold cuts 5, 20: the count of cuts ≤ x picks the value (cuts are inclusive lower bounds).
    QTest::newRow("threshold below") << 4 << n(4.99) << 0.2;
    QTest::newRow("threshold at cut") << 4 << n(5) << 0.6;
    QTest::newRow("threshold top") << 4 << n(20) << 1.0;
}

void tst_ExpertModel::normalise()
{
    QFETCH(int, indicator);
    QFETCH(FactorValue, value);
    QFETCH(double, expected);
    QVERIFY(std::abs(fixture().normalise(indicator, value) - expected) < 1e-12);
}

void tst_ExpertModel::exactScore()
{
    // s = (0.5, 0.75, 0.75, 0.5, 0.6) with weights (0.3, 0.2, 0.2, 0.2, 0.1):
    // 100 · (0.15 + 0.15 + 0.15 + 0.10 + 0.06) = 61 → BBB ([55, 65)).
    const ExpertModel m = fixture();
    const ExpertModel::Result r = m.scoreValues({n(5), n(1), n(1.5), FactorValue::of(u"B"_s), n(10)});
    QVERIFY(std::abs(r.score - 61) < 1e-9);
    QCOMPARE(r.grade, u"BBB"_s);
    QCOMPARE(r.contributions.size(), 5);
    QVERIFY(std::abs(r.contributions.at(0).points - 15) < 1e-9);
    QVERIFY(std::abs(r.contributions.at(4).points - 6) < 1e-9);
    // All missing: 100 · (0.3·0.1 + 0.2·0.5 + 0.2·0.2 + 0 + 0) = 17 → CC ([15, 25)); every contribution
    // flagged.
    const ExpertModel::Result none = m.scoreValues({});
    QVERIFY(std::abs(none.score - 17) < 1e-9);
    QCOMPARE(none.grade, u"CC"_s);
    for (const auto &c : none.contributions)
        QVERIFY(c.missing);
}

void tst_ExpertModel::refused_data()
{
    QTest::addColumn<QString>("key");   // top-level key or "indicators.N.key" (one level)
    QTest::addColumn<QString>("value"); // JSON text, "undefined" removes
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("reason");
    QTest::newRow("weights do not sum to 1")
        << u"weights"_s << u"[0.3, 0.2, 0.2, 0.2, 0.05]"_s << u"weights"_s << u"sum to 0.95 instead of 1"_s;
    QTest::newRow("negative weight") << u"weights"_s << u"[0.5, -0.1, 0.2, 0.3, 0.1]"_s << u"weights[1]"_s
                                     << u"must not be negative"_s;
    QTest::newRow("wrong weight count")
        << u"weights"_s << u"[0.5, 0.5]"_s << u"weights"_s << u"2 weights for 5 indicators"_s;
    QTest::newRow("weights and ahp") << u"ahp"_s << u"{\"matrix\": []}"_s << u"weights"_s
                                     << u"exactly one of"_s;
    QTest::newRow("no missing value") << u"indicators.0.missing"_s << u"undefined"_s
                                      << u"indicators[0].missing"_s << u"no \"missing\" value"_s;
    QTest::newRow("missing value out of range")
        << u"indicators.0.missing"_s << u"1.5"_s << u"indicators[0].missing"_s << u"between 0 and 1"_s;
    QTest::newRow("unknown indicator") << u"indicators.0.feature"_s << u"\"turnover\""_s
                                       << u"indicators[0].feature"_s << u"Unknown indicator \"turnover\""_s;
    QTest::newRow("unknown method") << u"indicators.0.normalisation"_s << u"{\"method\": \"zscore\"}"_s
                                    << u"indicators[0].normalisation.method"_s
                                    << u"Unknown normalisation method"_s;
    QTest::newRow("min not below max")
        << u"indicators.0.normalisation"_s
        << u"{\"method\": \"minmax\", \"min\": 5, \"max\": 5, \"direction\": \"benefit\"}"_s
        << u"indicators[0].normalisation"_s << u"min < max"_s;
    QTest::newRow("bad direction")
        << u"indicators.0.normalisation"_s
        << u"{\"method\": \"minmax\", \"min\": 0, \"max\": 5, \"direction\": \"up\"}"_s
        << u"indicators[0].normalisation.direction"_s << u"Unknown direction"_s;
    QTest::newRow("piecewise unsorted")
        << u"indicators.2.normalisation"_s << u"{\"method\": \"piecewise\", \"points\": [[1, 0], [1, 1]]}"_s
        << u"indicators[2].normalisation.points[1]"_s << u"not sorted"_s;
    QTest::newRow("threshold value count")
        << u"indicators.4.normalisation"_s
        << u"{\"method\": \"threshold\", \"cuts\": [5, 20], \"values\": [0, 1]}"_s
        << u"indicators[4].normalisation.values"_s << u"needs 3 values, found 2"_s;
    QTest::newRow("category on numeric")
        << u"indicators.0.normalisation"_s
        << u"{\"method\": \"category\", \"values\": {\"A\": 1}, \"other\": 0}"_s
        << u"indicators[0].normalisation.method"_s << u"is numeric"_s;
    QTest::newRow("category without other")
        << u"indicators.3.normalisation"_s << u"{\"method\": \"category\", \"values\": {\"A\": 1}}"_s
        << u"indicators[3].normalisation.other"_s << u"\"other\" value"_s;
    QTest::newRow("score range not 0-100")
        << u"scoreRange"_s << u"{\"min\": 0, \"max\": 1000}"_s << u"grades[0].from"_s << u""_s;
}

void tst_ExpertModel::refused()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    QJsonObject root = QJsonDocument::fromJson(QByteArray(kFixture)).object();
    const QStringList parts = key.split(u'.');
    const QJsonValue v = value == u"undefined" ? QJsonValue(QJsonValue::Undefined) : json(value);
    if (parts.size() == 1) {
        root[key] = v;
    } else {
        QJsonArray inds = root.value(u"indicators"_s).toArray();
        QJsonObject ind = inds.at(parts.at(1).toInt()).toObject();
        if (v.isUndefined())
            ind.remove(parts.at(2));
        else
            ind[parts.at(2)] = v;
        inds[parts.at(1).toInt()] = ind;
        root[u"indicators"_s] = inds;
    }
    QString error;
    QVERIFY(!ExpertModel::fromJson(QJsonDocument(root).toJson(), &error));
    if (key == u"scoreRange") {
        // max 1000 with AAA from 85 is a valid grade scale, so the 0–100 rule must be what refuses it.
        QVERIFY2(error.contains(u"refused at scoreRange:"_s) && error.contains(u"0 to 100"_s),
                 qPrintable(error));
        return;
    }
    QVERIFY2(error.contains(u"refused at " + where + u':'), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void tst_ExpertModel::shippedIndividualBusiness()
{
    QString error;
    const auto m = ShippedModels::individualBusiness(&error);
    QVERIFY2(m, qPrintable(error));
    // The shipped matrix is a_ij = w_i / w_j with w = (3, 4, 2, 3, 2, 6) / 20: perfectly consistent, so AHP
    // must give back exactly those weights with λmax = 6 and CR = 0.
    QVERIFY(m->ahp().ok);
    const double w[6] = {0.15, 0.2, 0.1, 0.15, 0.1, 0.3};
    for (int i = 0; i < 6; ++i)
        QVERIFY(std::abs(m->weights().at(i) - w[i]) < 1e-12);
    QVERIFY(std::abs(m->ahp().lambdaMax - 6) < 1e-9);
    QVERIFY(std::abs(m->ahp().cr) < 1e-9);

    // 5 years → 0.5; tax grade B → 0.8; 24 months → 1; bank ratio 1.0 between (0.9, 0.6) and (1.1, 1) → 0.8;
    // 1 penalty → 0.4; not dishonest → 1. Score = 100 · (0.075 + 0.16 + 0.1 + 0.12 + 0.04 + 0.3) = 79.5 → AA.
    FirmFeatures f;
    f.set(FirmFeatures::Feature::YearsEstablished, 5);
    f.taxGrade = u"B"_s;
    f.set(FirmFeatures::Feature::MonthsOfHistory, 24);
    f.set(FirmFeatures::Feature::BankFlowRatio, 1.0);
    f.set(FirmFeatures::Feature::Penalties3y, 1);
    f.set(FirmFeatures::Feature::DishonestNow, 0);
    const ExpertModel::Result r = m->score(f);
    QVERIFY2(std::abs(r.score - 79.5) < 1e-9, qPrintable(QString::number(r.score, 'g', 17)));
    QCOMPARE(r.grade, u"AA"_s);
}

QTEST_GUILESS_MAIN(tst_ExpertModel)
#include "tst_expertmodel.moc"
