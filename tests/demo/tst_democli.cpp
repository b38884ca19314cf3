#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/// Runs xindai-cli (path compiled in as XINDAI_CLI_PATH) for the `demo generate` command.
class TestDemoCli : public QObject
{
    Q_OBJECT

private slots:
    void generate();
    void usageErrors_data();
    void usageErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(XINDAI_CLI_PATH), args);
        Run r;
        if (!p.waitForFinished(90000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
};

void TestDemoCli::generate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("demo.db"));
    const QStringList args = {QStringLiteral("demo"),
                              QStringLiteral("generate"),
                              QStringLiteral("--firms"),
                              QStringLiteral("20"),
                              QStringLiteral("--out"),
                              db,
                              QStringLiteral("--password-iterations"),
                              QStringLiteral("1000")};
    Run r = run(args);
    QCOMPARE(r.exitCode, 0);
    // Exactly one JSON line: {"firms":20,"rows":R,"seconds":S}.
    QVERIFY2(r.out.endsWith('\n') && r.out.count('\n') == 1, r.out.constData());
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(result.value(QStringLiteral("firms")).toInt(), 20);
    // 20 firms × 6 series × up to 24 months alone exceed 2,000 rows; reference data adds ~115.
    QVERIFY(result.value(QStringLiteral("rows")).toDouble() > 2000);
    QVERIFY(result.value(QStringLiteral("seconds")).toDouble() >= 0);
    QVERIFY(QFile::exists(db));
    const qint64 size = QFileInfo(db).size();

    // A second run must refuse to overwrite (exit 1, message names the file) and leave it alone.
    r = run(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("--force"));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QFileInfo(db).size(), size);

    // --force replaces it; another seed gives another file content but the same firm count.
    r = run(args + QStringList{QStringLiteral("--force"), QStringLiteral("--seed"), QStringLiteral("7")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("firms")).toInt(), 20);
}

void TestDemoCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    // Exit code 2 = usage error (app/cli/commands.h).
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("demo")};
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("demo"), QStringLiteral("make")};
    QTest::newRow("missing --out") << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                                                  QStringLiteral("--firms"), QStringLiteral("5")};
    QTest::newRow("negative firms") << QStringList{QStringLiteral("demo"),    QStringLiteral("generate"),
                                                   QStringLiteral("--firms"), QStringLiteral("-1"),
                                                   QStringLiteral("--out"),   QStringLiteral("x.db")};
    QTest::newRow("firms not a number")
        << QStringList{QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--firms"),
                       QStringLiteral("many"), QStringLiteral("--out"),    QStringLiteral("x.db")};
    QTest::newRow("bad seed") << QStringList{QStringLiteral("demo"),   QStringLiteral("generate"),
                                             QStringLiteral("--seed"), QStringLiteral("-3"),
                                             QStringLiteral("--out"),  QStringLiteral("x.db")};
    QTest::newRow("bad date") << QStringList{QStringLiteral("demo"),    QStringLiteral("generate"),
                                             QStringLiteral("--as-of"), QStringLiteral("2026-13-01"),
                                             QStringLiteral("--out"),   QStringLiteral("x.db")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                                                   QStringLiteral("--colour"), QStringLiteral("--out"),
                                                   QStringLiteral("x.db")};
}

void TestDemoCli::usageErrors()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QVERIFY(QDir::setCurrent(dir.path()));
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.db")))); // nothing written on a usage error
}

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
