#include "scoring/classificationmetrics.h"
#include "scoring/logisticregression.h"
#include "scoring/scorecard.h"
#include "scoring/scorecardbuilder.h"
#include "scoring/woebinning.h"
#include "seededrandom.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;

class tst_ScorecardBuilder : public QObject
{
    Q_OBJECT

private slots:
    void trainedScorecardMatchesRegression();
    void mismatchedSizes();
};

void tst_ScorecardBuilder::trainedScorecardMatchesRegression()
{
    // Generated outcome data with a known signal: logit(bad) = −1.5 + 1.2·x + 0.8·[region = south],
    // x ~ N(0, 1) with 2 % missing, region uniform over north / south / east.
    SeededRandom rng(99);
    const QString regions[] = {u"north"_s, u"south"_s, u"east"_s};
    QVector<double> x;
    QStringList region;
    QVector<int> y;
    for (int i = 0; i < 6000; ++i) {
        const double v = rng.normal();
        const QString r = regions[int(rng.uniform() * 3)];
        const double logit = -1.5 + 1.2 * v + (r == u"south" ? 0.8 : 0.0);
        x.append(rng.bernoulli(0.02) ? std::nan("") : v);
        region.append(r);
        y.append(rng.bernoulli(1 / (1 + std::exp(-logit))) ? 1 : 0);
    }
    const WoeBinning bx = WoeBinning::numeric(x, y);
    const WoeBinning br = WoeBinning::categorical(region, y);
    QVector<QVector<double>> rows;
    for (qsizetype i = 0; i < y.size(); ++i)
        rows.append({bx.bins().at(bx.binOf(x.at(i))).woe, br.bins().at(br.binOf(region.at(i))).woe});
    const LogisticRegression::Fit fit = LogisticRegression::fit(rows, y);
    QVERIFY2(fit.ok, qPrintable(fit.error));
    // On WoE-coded, independent features the coefficients sit near −1 (WoE is already the log-odds shift).
    QVERIFY2(fit.coefficients.at(1) < -0.7 && fit.coefficients.at(1) > -1.3,
             qPrintable(QString::number(fit.coefficients.at(1))));
    QVERIFY2(fit.coefficients.at(2) < -0.7 && fit.coefficients.at(2) > -1.3,
             qPrintable(QString::number(fit.coefficients.at(2))));

    ModelInfo info;
    info.id = u"trained"_s;
    info.version = 1;
    info.name = u"训练评分卡"_s;
    const GradeScale grades = GradeScale::fromBounds(300, 900, {740, 700, 660, 620, 580, 540, 500, 440, 300});
    const QJsonObject json
        = ScorecardBuilder::build(info, {u"x"_s, u"region"_s}, {bx, br}, fit.coefficients, {}, grades);
    QString error;
    const auto card = Scorecard::fromJson(QJsonDocument(json).toJson(), &error);
    QVERIFY2(card, qPrintable(error));
    QCOMPARE(card->input(), Scorecard::Input::Columns);

    // The scorecard is the regression on the PDO scale: score = offset + factor · ln((1 − p) / p), where
    // factor = 40 / ln 2 and offset = 600 − factor · ln 30. Checked on every row (clamping aside).
    const double factor = 40 / std::log(2.0);
    const double offset = 600 - factor * std::log(30.0);
    QVector<double> negScores;
    QVector<double> p;
    for (qsizetype i = 0; i < y.size(); ++i) {
        const ScoreResult r = card->scoreValues({FactorValue::of(x.at(i)), FactorValue::of(region.at(i))});
        const double prob = LogisticRegression::probability(fit.coefficients, rows.at(i));
        const double expected = offset + factor * std::log((1 - prob) / prob);
        QVERIFY2(std::abs(r.rawScore - expected) < 1e-6, qPrintable(QString::number(i)));
        negScores.append(-r.rawScore);
        p.append(prob);
    }
    // Same ranking as the regression, and a real signal: AUC well above chance.
    const double auc = ClassificationMetrics::auc(negScores, y);
    QCOMPARE(auc, ClassificationMetrics::auc(p, y));
    QVERIFY2(auc > 0.75, qPrintable(QString::number(auc)));
}

void tst_ScorecardBuilder::mismatchedSizes()
{
    const GradeScale grades = GradeScale::fromBounds(0, 100, {85, 75, 65, 55, 45, 35, 25, 15, 0});
    QVERIFY(ScorecardBuilder::build({}, {u"a"_s}, {}, {0.0}, {}, grades).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ScorecardBuilder)
#include "tst_scorecardbuilder.moc"
