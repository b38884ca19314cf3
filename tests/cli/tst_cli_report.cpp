#include <QDir>
#include <QFile>
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

class TestCliReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithoutAuthorization();
    void grantRenderVerify();
    void tamperedFile_data();
    void tamperedFile();
    void expiredAuthorization();
    void usageErrors();

private:
    Run run(const QStringList &args) const;
    QString institutionWithoutAuthorization(int skip) const;

    QTemporaryDir m_dir;
    QString m_db;
    QString m_uscc;
    QString m_firmId;
    QString m_pdf;
    QString m_number;
};

Run TestCliReport::run(const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Keeps the default signing key (AppDataLocation) inside the test folder.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(XINDAI_CLI), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestCliReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("demo.db"));
    const Run demo = run({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--firms"),
                          QStringLiteral("5"), QStringLiteral("--out"), m_db,
                          QStringLiteral("--password-iterations"), QStringLiteral("1")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_cli_report"));
    db.setDatabaseName(m_db);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, uscc FROM enterprise ORDER BY uscc LIMIT 1")) && q.next());
    m_firmId = q.value(0).toString();
    m_uscc = q.value(1).toString();
}

void TestCliReport::cleanupTestCase()
{
    QSqlDatabase::database(QStringLiteral("tst_cli_report")).close();
    QSqlDatabase::removeDatabase(QStringLiteral("tst_cli_report"));
}

QString TestCliReport::institutionWithoutAuthorization(int skip) const
{
    QSqlQuery q(QSqlDatabase::database(QStringLiteral("tst_cli_report")));
    q.prepare(QStringLiteral("SELECT code FROM institution i WHERE NOT EXISTS (SELECT 1 FROM authorization a "
                             "WHERE a.enterprise_id = ? AND a.institution_ids LIKE '%' || i.id || '%') "
                             "ORDER BY code LIMIT 1 OFFSET ?"));
    q.addBindValue(m_firmId);
    q.addBindValue(skip);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void TestCliReport::refusedWithoutAuthorization()
{
    const QString code = institutionWithoutAuthorization(0);
    QVERIFY(!code.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("refused.pdf"));
    const Run r = run({QStringLiteral("report"), QStringLiteral("render"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), code,
                       QStringLiteral("--purpose"), QStringLiteral("贷款审批"), QStringLiteral("--out"), out,
                       QStringLiteral("--as-of"), QStringLiteral("2026-11-20")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("covers the institution")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out)); // nothing written on refusal
}

void TestCliReport::grantRenderVerify()
{
    const QString code = institutionWithoutAuthorization(0);
    const Run g = run({QStringLiteral("authorization"), QStringLiteral("grant"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), code,
                       QStringLiteral("--purpose"), QStringLiteral("贷款审批"), QStringLiteral("--days"),
                       QStringLiteral("30"), QStringLiteral("--from"), QStringLiteral("2026-11-10")});
    QVERIFY2(g.exitCode == 0, qPrintable(g.err));
    QCOMPARE(g.out.trimmed().size(), 36); // the new authorization's UUID

    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const Run r = run({QStringLiteral("report"), QStringLiteral("render"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), code,
                       QStringLiteral("--purpose"), QStringLiteral("贷款审批"), QStringLiteral("--out"),
                       m_pdf, QStringLiteral("--as-of"), QStringLiteral("2026-11-20")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList fields = r.out.trimmed().split(QLatin1Char('\t'));
    QCOMPARE(fields.size(), 3); // number, verification code, pages
    m_number = fields.at(0);
    QVERIFY(m_number.startsWith(QLatin1String("XDR-20261120-")));
    QVERIFY(fields.at(1).startsWith(m_number + QLatin1Char('-')));
    QVERIFY(fields.at(2).toInt() >= 3);
    QVERIFY(QFile(m_pdf).size() > 10000);

    // The suite key was created on first use, owner-only.
    const QString key = m_dir.filePath(QStringLiteral("data/XinDai/xindai/keys/report-signing.pem"));
    QVERIFY2(QFile::exists(key), qPrintable(key));
    QCOMPARE(QFile::permissions(key) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    const Run v = run({QStringLiteral("report"), QStringLiteral("verify"), m_pdf});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out, QStringLiteral("valid ") + m_number + QLatin1Char('\n'));
    // Against the suite's records too.
    const Run vdb
        = run({QStringLiteral("report"), QStringLiteral("verify"), m_pdf, QStringLiteral("--db"), m_db});
    QCOMPARE(vdb.exitCode, 0);
    // With an explicit public key: the private PEM works as well (its public half is used).
    const Run vkey
        = run({QStringLiteral("report"), QStringLiteral("verify"), m_pdf, QStringLiteral("--pubkey"), key});
    QCOMPARE(vkey.exitCode, 0);
}

void TestCliReport::tamperedFile_data()
{
    QTest::addColumn<double>("position");
    QTest::newRow("start") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("end (signature block)") << 0.995;
}

void TestCliReport::tamperedFile()
{
    QFETCH(double, position);
    QVERIFY(!m_pdf.isEmpty());
    QFile f(m_pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    const qsizetype i = qsizetype(double(bytes.size()) * position);
    bytes[i] = char(bytes[i] ^ 0x20);
    const QString copy = m_dir.filePath(QStringLiteral("tampered.pdf"));
    QFile out(copy);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(bytes);
    out.close();
    const Run v = run({QStringLiteral("report"), QStringLiteral("verify"), copy});
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(v.out.startsWith(QLatin1String("tampered: ")), qPrintable(v.out));
}

void TestCliReport::expiredAuthorization()
{
    const QString code = institutionWithoutAuthorization(1);
    QVERIFY(!code.isEmpty());
    const Run g = run({QStringLiteral("authorization"), QStringLiteral("grant"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), code,
                       QStringLiteral("--purpose"), QStringLiteral("贷款审批"), QStringLiteral("--days"),
                       QStringLiteral("10"), QStringLiteral("--from"), QStringLiteral("2026-01-01")});
    QCOMPARE(g.exitCode, 0);
    const Run r = run({QStringLiteral("report"), QStringLiteral("render"), QStringLiteral("--db"), m_db,
                       QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), code,
                       QStringLiteral("--purpose"), QStringLiteral("贷款审批"), QStringLiteral("--out"),
                       m_dir.filePath(QStringLiteral("x.pdf")), QStringLiteral("--as-of"),
                       QStringLiteral("2026-11-20")});
    QCOMPARE(r.exitCode, 1);
    // 10 days from 1 January, the first day included: the last valid day is 10 January.
    QVERIFY2(r.err.contains(QLatin1String("expired on 2026-01-10")), qPrintable(r.err));
}

void TestCliReport::usageErrors()
{
    QCOMPARE(run({QStringLiteral("report"), QStringLiteral("render"), QStringLiteral("--db"), m_db}).exitCode,
             2);
    QCOMPARE(run({QStringLiteral("report"), QStringLiteral("verify")}).exitCode, 2);
    QCOMPARE(
        run({QStringLiteral("authorization"), QStringLiteral("grant"), QStringLiteral("--db"), m_db,
             QStringLiteral("--firm"), m_uscc, QStringLiteral("--institution"), QStringLiteral("X"),
             QStringLiteral("--purpose"), QStringLiteral("p"), QStringLiteral("--days"), QStringLiteral("0")})
            .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
