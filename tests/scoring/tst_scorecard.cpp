#include "scoring/scorecard.h"
#include "scoring/shippedmodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;

namespace {

/// Points fixture. Max = base 100 + age 40 + grade 50 + penalties 30 = 220 = top of the score range.
const char kFixture[] = R"({
  "kind": "scorecard", "id": "fixture", "version": 3, "name": "测试评分卡", "input": "columns",
  "scaling": {"method": "points", "base": 100},
  "reasonCount": 2,
  "factors": [
    {"id": "age", "label": "Age", "type": "numeric", "bins": [
      {"hi": 2, "points": 0}, {"lo": 2, "hi": 5, "points": 20}, {"lo": 5, "points": 40},
      {"missing": true, "points": 10}]},
    {"id": "grade", "label": "Grade", "type": "categorical", "bins": [
      {"categories": ["A"], "points": 50}, {"categories": ["B", "M"], "points": 30},
      {"other": true, "points": 5}, {"missing": true, "points": 15}]},
    {"id": "penalties", "label": "Penalties", "type": "numeric", "bins": [
      {"hi": 1, "points": 30}, {"lo": 1, "points": -20}, {"missing": true, "points": 0}]}
  ],
  "scoreRange": {"min": 0, "max": 220},
  "grades": [{"grade": "AAA", "from": 200}, {"grade": "AA", "from": 180}, {"grade": "A", "from": 160},
             {"grade": "BBB", "from": 140}, {"grade": "BB", "from": 120}, {"grade": "B", "from": 100},
             {"grade": "CCC", "from": 80}, {"grade": "CC", "from": 60}, {"grade": "C", "from": 0}]
})";

QJsonObject fixtureObject()
{
    return QJsonDocument::fromJson(QByteArray(kFixture)).object();
}

Scorecard fixture()
{
    QString error;
    const auto card = Scorecard::fromJson(QByteArray(kFixture), &error);
    if (!card)
        qFatal("fixture refused: %s", qPrintable(error));
    return *card;
}

FactorValue n(double v)
{
    return FactorValue::of(v);
}
FactorValue c(const char16_t *v)
{
    return FactorValue::of(QString::fromUtf16(v));
}
FactorValue none()
{
    return FactorValue::missing();
}

/// Replaces the JSON value at a dotted path with indices, e.g. "factors.0.bins.1" (creating keys).
void setPath(QJsonValue &node, QStringList keys, const QJsonValue &value)
{
    if (keys.isEmpty()) {
        node = value;
        return;
    }
    const QString key = keys.takeFirst();
    bool isIndex = false;
    const int i = key.toInt(&isIndex);
    if (isIndex) {
        QJsonArray a = node.toArray();
        QJsonValue child = a.at(i);
        setPath(child, keys, value);
        a[i] = child;
        node = a;
    } else {
        QJsonObject o = node.toObject();
        QJsonValue child = o.value(key);
        setPath(child, keys, value);
        if (child.isUndefined())
            o.remove(key);
        else
            o[key] = child;
        node = o;
    }
}

QJsonValue json(const char *text)
{
    const QByteArray wrapped = "[" + QByteArray(text) + "]";
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

} // namespace

class tst_Scorecard : public QObject
{
    Q_OBJECT

private slots:
    void exactScores_data();
    void exactScores();
    void reasonsOrdering();
    void improvements();
    void texts();
    void pdoScaling();
    void refused_data();
    void refused();
    void roundTrip();
    void shippedModels();
    void commercialAllMissing();
};

void tst_Scorecard::exactScores_data()
{
    QTest::addColumn<QVector<FactorValue>>("values");
    QTest::addColumn<double>("score");
    QTest::addColumn<QString>("grade");
    QTest::addColumn<QVector<int>>("bins");

    // Best bin everywhere: 100 + 40 + 50 + 30 = 220 = range max, which AAA includes.
    QTest::newRow("best") << QVector<FactorValue>{n(6), c(u"A"), n(0)} << 220.0 << u"AAA"_s
                          << QVector<int>{2, 0, 0};
    // Lower bounds are inclusive: age 2 is in [2, 5) → 20; "B" → 30: 100 + 20 + 30 + 30 = 180, AA starts at
    // 180.
    QTest::newRow("inclusive lower bound")
        << QVector<FactorValue>{n(2), c(u"B"), n(0)} << 180.0 << u"AA"_s << QVector<int>{1, 1, 0};
    // Upper bounds exclusive: 1.99 → [−inf, 2) → 0; unknown category "X" → other 5; 1 penalty → −20:
    // 100 + 0 + 5 − 20 = 85, CCC is [80, 100).
    QTest::newRow("other category, negative points")
        << QVector<FactorValue>{n(1.99), c(u"X"), n(1)} << 85.0 << u"CCC"_s << QVector<int>{0, 2, 1};
    // All missing: documented missing bins 10 + 15 + 0 on top of 100 = 125 (BB, [120, 140)); never a crash or
    // 0.
    QTest::newRow("all missing") << QVector<FactorValue>{none(), none(), none()} << 125.0 << u"BB"_s
                                 << QVector<int>{3, 3, 2};
    // Fewer values than factors: the absent tail is missing: 100 + 40 + 15 + 0 = 155 (BBB, [140, 160)).
    QTest::newRow("short input") << QVector<FactorValue>{n(100)} << 155.0 << u"BBB"_s
                                 << QVector<int>{2, 3, 2};
    // NaN is missing, not a number: age → missing bin 10; 100 + 10 + 50 + 30 = 190 (AA).
    QTest::newRow("NaN is missing") << QVector<FactorValue>{n(std::nan("")), c(u"A"), n(0)} << 190.0
                                    << u"AA"_s << QVector<int>{3, 0, 0};
    // A numeric text in a numeric factor is parsed ("7" → [5, +inf) → 40); "M" shares the B bin:
    // 100 + 40 + 30 + 30 = 200 → AAA starts at 200.
    QTest::newRow("numeric text") << QVector<FactorValue>{c(u"7"), c(u"M"), n(0)} << 200.0 << u"AAA"_s
                                  << QVector<int>{2, 1, 0};
}

void tst_Scorecard::exactScores()
{
    QFETCH(QVector<FactorValue>, values);
    QFETCH(double, score);
    QFETCH(QString, grade);
    QFETCH(QVector<int>, bins);
    const Scorecard card = fixture();
    const ScoreResult r = card.scoreValues(values);
    QCOMPARE(r.score, score);
    QCOMPARE(r.rawScore, score);
    QCOMPARE(r.basePoints, 100.0);
    QCOMPARE(r.grade, grade);
    QCOMPARE(r.contributions.size(), 3);
    double sum = r.basePoints;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(r.contributions.at(i).bin, bins.at(i));
        QCOMPARE(r.contributions.at(i).missing, bins.at(i) == card.factors().at(i).missingBin);
        sum += r.contributions.at(i).points;
    }
    QCOMPARE(sum, r.rawScore); // contributions add up to the score
}

void tst_Scorecard::reasonsOrdering()
{
    const Scorecard card = fixture();
    // age 1 → 0 (lost 40), "X" → 5 (lost 45), 1 penalty → −20 (lost 50): largest loss first, top 2 (model's
    // reasonCount): penalties 50, grade 45.
    ScoreResult r = card.scoreValues({n(1), c(u"X"), n(1)});
    QCOMPARE(r.reasons.size(), 2);
    QCOMPARE(r.reasons.at(0).factor, 2);
    QCOMPARE(r.reasons.at(0).pointsLost, 50.0);
    QCOMPARE(r.reasons.at(1).factor, 1);
    QCOMPARE(r.reasons.at(1).pointsLost, 45.0);
    // An explicit count overrides the model's: all three, age (40) last.
    r = card.scoreValues({n(1), c(u"X"), n(1)}, 5);
    QCOMPARE(r.reasons.size(), 3);
    QCOMPARE(r.reasons.at(2).factor, 0);
    QCOMPARE(r.reasons.at(2).pointsLost, 40.0);
    // Ties keep model order: all missing loses grade 35, age 30, penalties 30 → grade, age, penalties.
    r = card.scoreValues({none(), none(), none()}, 3);
    QCOMPARE(r.reasons.size(), 3);
    QCOMPARE(r.reasons.at(0).factor, 1);
    QCOMPARE(r.reasons.at(1).factor, 0);
    QCOMPARE(r.reasons.at(2).factor, 2);
    QCOMPARE(r.reasons.at(2).pointsLost, 30.0);
    // A factor at its best bin is never a reason: only age (lost 20) and grade (lost 20), in model order.
    r = card.scoreValues({n(3), c(u"B"), n(0)}, 5);
    QCOMPARE(r.reasons.size(), 2);
    QCOMPARE(r.reasons.at(0).factor, 0);
    QCOMPARE(r.reasons.at(1).factor, 1);
    // Zero reasons requested.
    QVERIFY(card.scoreValues({n(1), c(u"X"), n(1)}, 0).reasons.isEmpty());
}

void tst_Scorecard::improvements()
{
    const Scorecard card = fixture();
    // From (0, 5, −20): the smallest step up of each factor: age → [2,5) +20, grade → B/M +25,
    // penalties → [−inf,1) +50; ordered by gain.
    ScoreResult r = card.scoreValues({n(1), c(u"X"), n(1)});
    QCOMPARE(r.improvements.size(), 3);
    QCOMPARE(r.improvements.at(0).factor, 2);
    QCOMPARE(r.improvements.at(0).toBin, 0);
    QCOMPARE(r.improvements.at(0).pointsGained, 50.0);
    QCOMPARE(r.improvements.at(1).factor, 1);
    QCOMPARE(r.improvements.at(1).fromBin, 2);
    QCOMPARE(r.improvements.at(1).toBin, 1);
    QCOMPARE(r.improvements.at(1).pointsGained, 25.0);
    QCOMPARE(r.improvements.at(2).factor, 0);
    QCOMPARE(r.improvements.at(2).toBin, 1);
    QCOMPARE(r.improvements.at(2).pointsGained, 20.0);
    // Missing data: the target is never the missing bin; age missing (10) → [2,5) (20) = +10, grade missing
    // (15) → B/M (30) = +15, penalties missing (0) → none (30) = +30.
    r = card.scoreValues({none(), none(), none()});
    QCOMPARE(r.improvements.size(), 3);
    QCOMPARE(r.improvements.at(0).factor, 2);
    QCOMPARE(r.improvements.at(0).pointsGained, 30.0);
    QCOMPARE(r.improvements.at(1).factor, 1);
    QCOMPARE(r.improvements.at(1).pointsGained, 15.0);
    QCOMPARE(r.improvements.at(2).factor, 0);
    QCOMPARE(r.improvements.at(2).toBin, 1);
    QCOMPARE(r.improvements.at(2).pointsGained, 10.0);
    // At the best everywhere nothing would raise the score.
    QVERIFY(card.scoreValues({n(9), c(u"A"), n(0)}).improvements.isEmpty());
}

void tst_Scorecard::texts()
{
    const Scorecard card = fixture();
    QCOMPARE(card.binText(0, 0), u"under 2"_s);
    QCOMPARE(card.binText(0, 1), u"from 2 to under 5"_s);
    QCOMPARE(card.binText(0, 2), u"5 or more"_s);
    QCOMPARE(card.binText(0, 3), u"no data"_s);
    QCOMPARE(card.binText(1, 1), u"B, M"_s);
    QCOMPARE(card.binText(1, 2), u"other values"_s);
    const ScoreResult r = card.scoreValues({n(1), c(u"X"), n(1)});
    const QStringList reasons = card.reasonTexts(r);
    QCOMPARE(reasons.size(), 2);
    QCOMPARE(
        reasons.at(0),
        u"Penalties (1 or more) lowered the score by 50.0 points compared with its best value (under 1)."_s);
    const QStringList up = card.improvementTexts(r);
    QCOMPARE(up.size(), 3);
    QCOMPARE(up.at(1), u"Raising Grade from other values to B, M would add 25.0 points."_s);
}

void tst_Scorecard::pdoScaling()
{
    // PDO 20 at 600 points for odds 50:1. factor = 20 / ln 2, offset = 600 − factor · ln 50.
    // The intercept is ln 50, so a firm in the 0-log-odds bin sits exactly at the base odds → 600; the other
    // bin adds ln 2 (odds doubled) → exactly one PDO more, 620; the missing bin's −ln 2 halves them → 580.
    QJsonObject o = fixtureObject();
    o[u"scaling"_s] = QJsonObject{{u"method"_s, u"pdo"_s},
                                  {u"pdo"_s, 20},
                                  {u"baseScore"_s, 600},
                                  {u"baseOdds"_s, 50},
                                  {u"intercept"_s, std::log(50.0)}};
    o[u"factors"_s] = json(R"([{"id": "x", "type": "numeric", "bins": [
        {"hi": 0, "logOdds": 0}, {"lo": 0, "logOdds": 0.6931471805599453}, {"missing": true, "logOdds": -0.6931471805599453}]}])");
    o[u"scoreRange"_s] = QJsonObject{{u"min"_s, 0}, {u"max"_s, 1000}};
    o[u"grades"_s]
        = json(R"([{"grade": "AAA", "from": 700}, {"grade": "AA", "from": 650}, {"grade": "A", "from": 610},
        {"grade": "BBB", "from": 600}, {"grade": "BB", "from": 590}, {"grade": "B", "from": 580},
        {"grade": "CCC", "from": 500}, {"grade": "CC", "from": 400}, {"grade": "C", "from": 0}])");
    QString error;
    const auto card = Scorecard::fromJson(QJsonDocument(o).toJson(), &error);
    QVERIFY2(card, qPrintable(error));
    const double factor = 20 / std::log(2.0);
    ScoreResult r = card->scoreValues({n(-1)});
    QVERIFY(std::abs(r.score - 600) < 1e-9);
    QVERIFY(std::abs(r.basePoints - 600) < 1e-9); // offset + factor · ln 50 = 600
    QCOMPARE(r.grade, u"BBB"_s);
    r = card->scoreValues({n(3)});
    QVERIFY(std::abs(r.score - 620) < 1e-9);
    QVERIFY(std::abs(r.contributions.at(0).points - factor * std::log(2.0)) < 1e-12);
    QCOMPARE(r.grade, u"A"_s);
    r = card->scoreValues({none()});
    QVERIFY(std::abs(r.score - 580) < 1e-9);
    QCOMPARE(r.grade, u"B"_s);
    QCOMPARE(r.reasons.size(), 1);
    QVERIFY(std::abs(r.reasons.at(0).pointsLost - 40) < 1e-9); // best bin is 620, two doublings away
}

void tst_Scorecard::refused_data()
{
    QTest::addColumn<QString>("path");   // dotted path with indices to replace ("" = replace the whole text)
    QTest::addColumn<QString>("value");  // JSON text; "undefined" removes the key
    QTest::addColumn<QString>("where");  // the path the message must name
    QTest::addColumn<QString>("reason"); // a fragment of the reason

    QTest::newRow("not JSON") << u""_s << u"{"_s << u"$"_s << u"not valid JSON"_s;
    QTest::newRow("wrong kind") << u"kind"_s << u"\"expert\""_s << u"kind"_s
                                << u"\"scorecard\" was expected"_s;
    QTest::newRow("version 0") << u"version"_s << u"0"_s << u"version"_s << u"at least 1"_s;
    QTest::newRow("no name") << u"name"_s << u"undefined"_s << u"name"_s << u"required text is missing"_s;
    QTest::newRow("unknown factor kind") << u"factors.0.type"_s << u"\"ordinal\""_s << u"factors[0].type"_s
                                         << u"Unknown factor kind \"ordinal\""_s;
    QTest::newRow("unsorted bins")
        << u"factors.0.bins"_s
        << uR"([{"hi": 5, "points": 0}, {"lo": 2, "hi": 3, "points": 1}, {"lo": 5, "points": 2}, {"missing": true, "points": 0}])"_s
        << u"factors[0].bins[1]"_s << u"not sorted"_s;
    QTest::newRow("overlapping bins")
        << u"factors.0.bins"_s
        << uR"([{"hi": 5, "points": 0}, {"lo": 4, "points": 1}, {"missing": true, "points": 0}])"_s
        << u"factors[0].bins[1]"_s << u"overlap"_s;
    QTest::newRow("gap between bins")
        << u"factors.0.bins"_s
        << uR"([{"hi": 2, "points": 0}, {"lo": 3, "points": 1}, {"missing": true, "points": 0}])"_s
        << u"factors[0].bins[1]"_s << u"gap"_s;
    QTest::newRow("bounded first bin")
        << u"factors.0.bins.0.lo"_s << u"0"_s << u"factors[0].bins[0]"_s << u"no lower bound"_s;
    QTest::newRow("bounded last bin")
        << u"factors.0.bins.2.hi"_s << u"100"_s << u"factors[0].bins"_s << u"no upper bound"_s;
    QTest::newRow("empty range") << u"factors.0.bins.1.hi"_s << u"2"_s << u"factors[0].bins[1]"_s
                                 << u"must be below its upper bound"_s;
    QTest::newRow("no missing bin") << u"factors.2.bins"_s
                                    << uR"([{"hi": 1, "points": 30}, {"lo": 1, "points": -20}])"_s
                                    << u"factors[2].bins"_s << u"no missing bin"_s;
    QTest::newRow("two missing bins") << u"factors.2.bins.1"_s << uR"({"missing": true, "points": 1})"_s
                                      << u"factors[2].bins[2]"_s << u"more than one missing bin"_s;
    QTest::newRow("category twice") << u"factors.1.bins.1.categories"_s << uR"(["B", "A"])"_s
                                    << u"factors[1].bins[1]"_s << u"\"A\" appears in more than one bin"_s;
    QTest::newRow("other in numeric") << u"factors.0.bins.0"_s << uR"({"other": true, "points": 1})"_s
                                      << u"factors[0].bins[0]"_s << u"only allowed in a categorical factor"_s;
    QTest::newRow("no points") << u"factors.0.bins.1.points"_s << u"undefined"_s
                               << u"factors[0].bins[1].points"_s << u"required number is missing"_s;
    QTest::newRow("logOdds in points model") << u"factors.0.bins.1.logOdds"_s << u"1"_s
                                             << u"factors[0].bins[1].logOdds"_s << u"carry \"points\""_s;
    QTest::newRow("duplicate factor id")
        << u"factors.1.id"_s << u"\"age\""_s << u"factors[1].id"_s << u"used twice"_s;
    QTest::newRow("unknown feature for firm input")
        << u"input"_s << u"\"firm\""_s << u"factors[0].feature"_s << u"Unknown factor \"age\""_s;
    QTest::newRow("unknown scaling") << u"scaling.method"_s << u"\"linear\""_s << u"scaling.method"_s
                                     << u"Unknown scaling method"_s;
    QTest::newRow("non-positive PDO")
        << u"scaling"_s << uR"({"method": "pdo", "pdo": 0, "baseScore": 600, "baseOdds": 50})"_s
        << u"scaling.pdo"_s << u"must be positive"_s;
    QTest::newRow("grades do not cover range")
        << u"grades.8.from"_s << u"10"_s << u"grades[8].from"_s << u"do not cover the score range"_s;
    QTest::newRow("grades out of order")
        << u"grades.1.grade"_s << u"\"A\""_s << u"grades[1].grade"_s << u"must be \"AA\""_s;
    QTest::newRow("grade bounds not decreasing") << u"grades.3.from"_s << u"170"_s << u"grades[3].from"_s
                                                 << u"below the bound of the better grade (160)"_s;
    QTest::newRow("eight grades") << u"grades.8"_s << u"undefined"_s << u"grades"_s
                                  << u"Exactly nine grade bands"_s;
}

void tst_Scorecard::refused()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    QByteArray text;
    if (path.isEmpty()) {
        text = value.toUtf8();
    } else {
        QJsonValue root = fixtureObject();
        if (path == u"grades.8") { // remove the last band
            QJsonObject o = root.toObject();
            QJsonArray g = o.value(u"grades"_s).toArray();
            g.removeLast();
            o[u"grades"_s] = g;
            root = o;
        } else {
            setPath(root, path.split(u'.'),
                    value == u"undefined" ? QJsonValue(QJsonValue::Undefined)
                                          : json(value.toUtf8().constData()));
        }
        text = QJsonDocument(root.toObject()).toJson();
    }
    QString error;
    const auto card = Scorecard::fromJson(text, &error);
    QVERIFY(!card);
    QVERIFY2(error.contains(u"refused at " + where + u':'), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void tst_Scorecard::roundTrip()
{
    const Scorecard card = fixture();
    QString error;
    const auto again = Scorecard::fromJson(QJsonDocument(card.toJson()).toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->info().version, 3);
    QCOMPARE(again->factors().size(), 3);
    QCOMPARE(again->scoreValues({n(1), c(u"X"), n(1)}).score, 85.0);
    QCOMPARE(again->scoreValues({none(), none(), none()}).score, 125.0);
}

void tst_Scorecard::shippedModels()
{
    QString error;
    const auto commercial = ShippedModels::commercial(&error);
    QVERIFY2(commercial, qPrintable(error));
    QCOMPARE(commercial->info().id, u"enterprise-commercial"_s);
    QCOMPARE(commercial->input(), Scorecard::Input::Firm);
    const auto knowledge = ShippedModels::knowledge(&error);
    QVERIFY2(knowledge, qPrintable(error));
    QCOMPARE(knowledge->info().id, u"enterprise-knowledge"_s);

    // Knowledge value: 4 patents (bin [3, 6) → 18) + 高新 20 + 专精特新 15 + 2 qualifications (bin [2, 3) →
    // 10) = 63 → BBB ([55, 65)).
    FirmFeatures f;
    for (int i = 0; i < FirmFeatures::Count; ++i)
        f.numbers[std::size_t(i)] = 0.0;
    f.set(FirmFeatures::Feature::PatentCount, 4);
    f.set(FirmFeatures::Feature::HighTech, 1);
    f.set(FirmFeatures::Feature::Specialised, 1);
    f.set(FirmFeatures::Feature::QualificationCount, 2);
    const ScoreResult k = knowledge->score(f);
    QCOMPARE(k.score, 63.0);
    QCOMPARE(k.grade, u"BBB"_s);
    // Largest losses: littleGiant 10 … patents 12 (30 − 18) first; reasonCount 3 → patents 12, littleGiant
    // 10, then techSme 5 / innovativeSme 5 / qualifications 5 tie → model order: techSme.
    QCOMPARE(k.reasons.size(), 3);
    QCOMPARE(knowledge->factors().at(k.reasons.at(0).factor).id, u"patents"_s);
    QCOMPARE(k.reasons.at(0).pointsLost, 12.0);
    QCOMPARE(knowledge->factors().at(k.reasons.at(1).factor).id, u"littleGiant"_s);
    QCOMPARE(knowledge->factors().at(k.reasons.at(2).factor).id, u"techSme"_s);

    const QByteArray missingFile = "/nonexistent/model.json";
    QVERIFY(!Scorecard::fromFile(QString::fromLatin1(missingFile), &error));
    QVERIFY(error.contains(u"cannot be read"_s));
}

void tst_Scorecard::commercialAllMissing()
{
    // With no data at all every factor takes its missing bin: Σ logOdds = −0.5 −0.3 −0.4 −0.1 −0.1 −0.15 −0.2
    // −0.6 + 0 + 0 = −2.35; score = 600 − f·ln 30 + f·(3.4 − 2.35) with f = 40 / ln 2 ≈ 57.708,
    // ≈ 464.32 → CC ([440, 500)).
    const auto card = ShippedModels::commercial();
    QVERIFY(card);
    const ScoreResult r = card->score(FirmFeatures{});
    const double f = 40 / std::log(2.0);
    const double expected = 600 - f * std::log(30.0) + f * (3.4 - 2.35);
    QVERIFY2(std::abs(r.score - expected) < 1e-9, qPrintable(QString::number(r.score, 'f', 6)));
    QCOMPARE(r.grade, u"CC"_s);
    for (const ScoreResult::Contribution &c : r.contributions)
        QVERIFY(c.missing);
}

QTEST_GUILESS_MAIN(tst_Scorecard)
#include "tst_scorecard.moc"
