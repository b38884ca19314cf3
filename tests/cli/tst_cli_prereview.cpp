#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliPrereview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void byIdAndNumber();
    void languages();
    void blockedExitsOne();
    void usageErrors_data();
    void usageErrors();

private:
    Run run(const QStringList &args) const;
    QJsonObject json(const Run &r) const;

    QTemporaryDir m_dir;
    QString m_db;
    QString m_id;
    QString m_number;
};

Run TestCliPrereview::run(const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(XINDAI_CLI), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject TestCliPrereview::json(const Run &r) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

void TestCliPrereview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("demo.db"));
    const Run demo = run({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--firms"),
                          QStringLiteral("8"), QStringLiteral("--out"), m_db,
                          QStringLiteral("--password-iterations"), QStringLiteral("1")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QSqlDatabase db
        = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_cli_prereview"));
    db.setDatabaseName(m_db);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, number FROM application WHERE product_id IS NOT NULL "
                                  "ORDER BY number LIMIT 1"))
            && q.next());
    m_id = q.value(0).toString();
    m_number = q.value(1).toString();
    QVERIFY(!m_number.isEmpty());
}

void TestCliPrereview::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(QStringLiteral("tst_cli_prereview"));
}

void TestCliPrereview::byIdAndNumber()
{
    const QStringList base{
        QStringLiteral("prereview"), QStringLiteral("--db"),       m_db,
        QStringLiteral("--as-of"),   QStringLiteral("2026-11-20"), QStringLiteral("--application")};
    const Run byId = run(base + QStringList{m_id});
    const Run byNumber = run(base + QStringList{m_number});
    // exit code is the verdict: 0 passed, 1 blocked; never a usage error here
    QVERIFY2(byId.exitCode == 0 || byId.exitCode == 1, qPrintable(byId.err));
    QCOMPARE(byNumber.exitCode, byId.exitCode);
    QCOMPARE(byNumber.out, byId.out);
    const QJsonObject o = json(byId);
    QCOMPARE(o.value(u"application").toString(), m_id);
    QCOMPARE(o.value(u"number").toString(), m_number);
    QCOMPARE(o.value(u"passed").toBool(), byId.exitCode == 0);
    bool anyBlock = false;
    for (const QJsonValue &v : o.value(u"findings").toArray()) {
        const QJsonObject f = v.toObject();
        for (const char *key : {"code", "severity", "field", "message"})
            QVERIFY2(!f.value(QLatin1String(key)).toString().isEmpty(), key);
        QVERIFY(f.contains(u"fix"));
        anyBlock = anyBlock || f.value(u"severity").toString() == u"block";
    }
    QCOMPARE(anyBlock, byId.exitCode == 1);
}

void TestCliPrereview::languages()
{
    const QStringList base{
        QStringLiteral("prereview"),  QStringLiteral("--db"),          m_db,     QStringLiteral("--as-of"),
        QStringLiteral("2020-01-01"), QStringLiteral("--application"), m_number, QStringLiteral("--lang")};
    // As of 2020-01-01 the demo's authorizations (granted in 2025/2026) are not yet in force: at least one
    // finding, so both languages have a message to compare.
    const QJsonArray zh = json(run(base + QStringList{QStringLiteral("zh")})).value(u"findings").toArray();
    const QJsonArray en = json(run(base + QStringList{QStringLiteral("en")})).value(u"findings").toArray();
    QVERIFY(!zh.isEmpty());
    QCOMPARE(zh.size(), en.size());
    for (int i = 0; i < zh.size(); ++i) {
        QCOMPARE(zh.at(i).toObject().value(u"code"), en.at(i).toObject().value(u"code"));
        const QString zhMessage = zh.at(i).toObject().value(u"message").toString();
        const QString enMessage = en.at(i).toObject().value(u"message").toString();
        QVERIFY2(zhMessage != enMessage, qPrintable(enMessage));
        // the English text is ASCII apart from data (names) and typographic quotes / symbols
        QVERIFY(enMessage.at(0).isUpper());
    }
}

void TestCliPrereview::blockedExitsOne()
{
    // A pre-review dated before the firm's authorization exists cannot pass.
    const Run r = run({QStringLiteral("prereview"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--application"), m_id, QStringLiteral("--as-of"),
                       QStringLiteral("2020-01-01"), QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(u"passed").toBool(true), false);
    QStringList codes;
    for (const QJsonValue &v : o.value(u"findings").toArray())
        codes << v.toObject().value(u"code").toString();
    QVERIFY2(codes.contains(QStringLiteral("validity.authorization_not_in_force"))
                 || codes.contains(QStringLiteral("validity.authorization_missing")),
             qPrintable(codes.join(u' ')));
}

void TestCliPrereview::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("no options") << QStringList{} << QStringLiteral("--db");
    QTest::newRow("no application") << QStringList{QStringLiteral("--db"), QStringLiteral("x.db")}
                                    << QStringLiteral("--application");
    QTest::newRow("bad language") << QStringList{QStringLiteral("--db"),          QStringLiteral("x.db"),
                                                 QStringLiteral("--application"), QStringLiteral("1"),
                                                 QStringLiteral("--lang"),        QStringLiteral("fr")}
                                  << QStringLiteral("zh or en");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("1")}
                                    << QStringLiteral("--frobnicate");
    QTest::newRow("missing store file")
        << QStringList{QStringLiteral("--db"), QStringLiteral("/nonexistent/x.db"),
                       QStringLiteral("--application"), QStringLiteral("1")}
        << QStringLiteral("xindai-cli:");
    // the store exists, the application does not
    QTest::newRow("unknown application")
        << QStringList{QStringLiteral("--db"), QString(), QStringLiteral("--application"),
                       QStringLiteral("XD-0000-0")}
        << QStringLiteral("The application XD-0000-0 does not exist");
}

void TestCliPrereview::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrContains);
    for (QString &a : args) {
        if (a.isEmpty())
            a = m_db;
    }
    const Run r = run(QStringList{QStringLiteral("prereview")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(stderrContains), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliPrereview)
#include "tst_cli_prereview.moc"
