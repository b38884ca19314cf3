#include "scoring/scorecard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

class TestCliModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QJsonObject json;
        QString err;
    };

    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(XINDAI_CLI), QStringList{u"model"_s} + args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.json = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
        return r;
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

    /// 2,000 seeded rows. log-odds of bad = −1 + 1.5·x1 + effect(sector), x1 ~ N(0, 1), x2 ~ N(0, 1) noise,
    /// sector A/B/C with effects −1, 0, +1. The Bayes-optimal AUC of that model is ≈ 0.82, so an estimate
    /// on a 600-row holdout lands above 0.75 unless something is broken (x1 alone gives ≈ 0.78, x2 alone
    /// 0.5). Every tenth x2 is empty to exercise the missing bin.
    static QByteArray signalCsv()
    {
        std::mt19937_64 rng(20261125);
        std::normal_distribution<double> normal;
        std::uniform_real_distribution<double> uniform(0, 1);
        QByteArray csv = "x1,x2,sector,bad\n";
        for (int i = 0; i < 2000; ++i) {
            const double x1 = normal(rng);
            const double x2 = normal(rng);
            const int s = int(uniform(rng) * 3);
            const double logit = -1 + 1.5 * x1 + (s - 1);
            const int bad = uniform(rng) < 1 / (1 + std::exp(-logit)) ? 1 : 0;
            csv += QByteArray::number(x1, 'f', 4) + ','
                   + (i % 10 == 0 ? QByteArray() : QByteArray::number(x2, 'f', 4)) + ','
                   + QByteArray(1, char('A' + s)) + ',' + QByteArray::number(bad) + '\n';
        }
        return csv;
    }

    static QByteArray scoreCsv(double mean, quint64 seed)
    {
        std::mt19937_64 rng(seed);
        std::normal_distribution<double> normal(mean, 50);
        QByteArray csv = "score\n";
        for (int i = 0; i < 1000; ++i)
            csv += QByteArray::number(normal(rng), 'f', 2) + '\n';
        return csv;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!write(u"signal.csv"_s, signalCsv()).isEmpty());
    }

    void trainHoldout()
    {
        const QString model = m_dir.filePath(u"model.json"_s);
        const Run r = run({u"train"_s, u"--csv"_s, m_dir.filePath(u"signal.csv"_s), u"--target"_s, u"bad"_s,
                           u"--holdout"_s, u"0.3"_s, u"--seed"_s, u"7"_s, u"--out"_s, model});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"rows"_s).toInt(), 2000);
        QCOMPARE(r.json.value(u"method"_s).toString(), u"holdout"_s);
        const double auc = r.json.value(u"auc"_s).toDouble();
        // Band: see signalCsv(); the upper bound catches leakage of the target into the features.
        QVERIFY2(auc > 0.75 && auc < 0.9, qPrintable(QString::number(auc)));
        QCOMPARE(r.json.value(u"gini"_s).toDouble(), 2 * auc - 1);
        const double ks = r.json.value(u"ks"_s).toDouble();
        QVERIFY2(ks > 0.35 && ks < 0.75, qPrintable(QString::number(ks)));
        const QJsonArray used = r.json.value(u"features_used"_s).toArray();
        QVERIFY(used.contains(u"x1"_s));
        QVERIFY(used.contains(u"sector"_s));
        QVERIFY(!used.contains(u"bad"_s));
        // x1 carries the signal (true IV of a 1.5-slope logit is well above 0.5); x2 is pure noise whose IV
        // only comes from fitting bins to sampling noise, so it stays an order of magnitude lower.
        const QJsonObject iv = r.json.value(u"information_values"_s).toObject();
        QVERIFY2(iv.value(u"x1"_s).toDouble() > 0.5,
                 qPrintable(QString::number(iv.value(u"x1"_s).toDouble())));
        QVERIFY2(iv.value(u"x2"_s).toDouble() < 0.1,
                 qPrintable(QString::number(iv.value(u"x2"_s).toDouble())));
        QVERIFY(iv.value(u"sector"_s).toDouble() > 0.1);

        // The written model loads as a scorecard (holdout: fitted on the training part).
        QFile f(model);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto card = XinDai::Scoring::Scorecard::fromJson(f.readAll(), &error);
        QVERIFY2(card, qPrintable(error));
        QCOMPARE(card->input(), XinDai::Scoring::Scorecard::Input::Columns);

        // Same seed, same split, same numbers: the run is deterministic.
        const Run again = run({u"train"_s, u"--csv"_s, m_dir.filePath(u"signal.csv"_s), u"--target"_s,
                               u"bad"_s, u"--holdout"_s, u"0.3"_s, u"--seed"_s, u"7"_s});
        QCOMPARE(again.json.value(u"auc"_s).toDouble(), auc);
    }

    void trainCrossValidation()
    {
        const Run r = run({u"train"_s, u"--csv"_s, m_dir.filePath(u"signal.csv"_s), u"--target"_s, u"bad"_s,
                           u"--cv"_s, u"5"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"method"_s).toString(), u"cv"_s);
        QCOMPARE(r.json.value(u"folds"_s).toInt(), 5);
        // Out-of-fold over all 2,000 rows: same band as the holdout, see signalCsv().
        const double auc = r.json.value(u"auc"_s).toDouble();
        QVERIFY2(auc > 0.75 && auc < 0.9, qPrintable(QString::number(auc)));
        QVERIFY(r.json.value(u"features_used"_s).toArray().contains(u"x1"_s));
    }

    void trainErrors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        const QByteArray ok = "x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n";
        // The target column is named by the user: a wrong name is a usage error naming it.
        QTest::newRow("unknown column")
            << ok << QStringList{u"--target"_s, u"outcome"_s} << 2 << u"'outcome'"_s;
        // Data row 7 (line 8, after the header) holds 2: a data error naming row 7.
        QTest::newRow("target 2") << QByteArray("x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,2\n8,1\n")
                                  << QStringList{u"--target"_s, u"y"_s} << 1 << u"data row 7"_s;
        // Only bads: nothing to discriminate.
        QTest::newRow("one class") << QByteArray("x,y\n1,1\n2,1\n3,1\n") << QStringList{u"--target"_s, u"y"_s}
                                   << 1 << u"both classes"_s;
        QTest::newRow("empty file") << QByteArray() << QStringList{u"--target"_s, u"y"_s} << 1 << u"empty"_s;
        // --holdout and --cv are alternatives.
        QTest::newRow("holdout and cv")
            << ok << QStringList{u"--target"_s, u"y"_s, u"--cv"_s, u"2"_s, u"--holdout"_s, u"0.3"_s} << 2
            << u"together"_s;
    }

    void trainErrors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString path = write(u"bad.csv"_s, csv);
        const Run r = run(QStringList{u"train"_s, u"--csv"_s, path} + extra);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.json.isEmpty());
    }

    void trainMissingFile()
    {
        const Run r = run({u"train"_s, u"--csv"_s, m_dir.filePath(u"nope.csv"_s), u"--target"_s, u"y"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"nope.csv"_s), qPrintable(r.err));
    }

    void psi()
    {
        const QString a = write(u"a.csv"_s, scoreCsv(600, 1));
        const QString shifted = write(u"shifted.csv"_s, scoreCsv(650, 2));
        // Against itself every bin share is equal, so each term is exactly 0.
        Run r = run({u"psi"_s, a, a});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"psi"_s).toDouble(), 0.0);
        QCOMPARE(r.json.value(u"verdict"_s).toString(), u"stable"_s);
        QCOMPARE(r.json.value(u"bins"_s).toInt(), 10);
        QCOMPARE(r.json.value(u"a"_s).toInt(), 1000);
        QCOMPARE(r.json.value(u"b"_s).toInt(), 1000);
        // A one-standard-deviation shift of a normal distribution gives a PSI near 1 on deciles.
        r = run({u"psi"_s, a, shifted, u"--column"_s, u"score"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.json.value(u"psi"_s).toDouble() > 0.25,
                 qPrintable(QString::number(r.json.value(u"psi"_s).toDouble())));
        QCOMPARE(r.json.value(u"verdict"_s).toString(), u"major shift"_s);
        // An unknown column is a usage error naming it.
        r = run({u"psi"_s, a, shifted, u"--column"_s, u"pd"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"'pd'"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "tst_cli_model.moc"
