// The xindai-server command line as a user runs it (real processes): usage errors, migrate, user
// administration, CSV import (GBK file, bad rows, idempotent re-import, records and series), reference
// documents (holiday calendar, scoring model) and the idempotent demo seed, on SQLite and
// (XINDAI_TEST_POSTGRES) PostgreSQL.
#include "core/uscc.h"
#include "security/passwordhasher.h"
#include "server/authservice.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "server/serverimporter.h"
#include "servertestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStringEncoder>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Tests;
using namespace Qt::StringLiterals;

namespace {

/// A valid USCC: 91 (enterprise) + 430104 (岳麓区) + an organisation code from \a n + the check character.
QString uscc(int n)
{
    const QString first17 = u"91430104"_s + u"%1"_s.arg(n, 9, 10, QLatin1Char('0'));
    return first17 + Core::Uscc::checkCharacter(first17);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json; ///< stdout parsed as one JSON object
};

Run cli(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(QStringLiteral(XINDAI_SERVER_BIN), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.json = QJsonDocument::fromJson(r.out).object();
    return r;
}

QJsonObject counts(qint64 imported, qint64 updated, qint64 unchanged, qint64 rejected)
{
    return {{u"imported"_s, imported},
            {u"updated"_s, updated},
            {u"unchanged"_s, unchanged},
            {u"rejected"_s, rejected}};
}

QJsonObject countsOf(const QJsonObject &json)
{
    return counts(json.value(u"imported").toInteger(), json.value(u"updated").toInteger(),
                  json.value(u"unchanged").toInteger(), json.value(u"rejected").toInteger());
}

} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_testDb;
    QString m_parkId;

    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    /// A fresh migrated database holding the park CS-HTZ; false after a skip.
    bool setUp(const QString &backend)
    {
        QString why;
        m_testDb = TestDatabase::create(backend, &why);
        if (!m_testDb) {
            if (qEnvironmentVariable("XINDAI_REQUIRE_POSTGRES") == u"1")
                QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            else
                QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        const Run migrate = cli({u"migrate"_s, u"--db"_s, url()});
        if (migrate.exitCode != 0) {
            QTest::qFail(migrate.err.constData(), __FILE__, __LINE__);
            return false;
        }
        Server::ServerDatabase db;
        db.open(url(), &why);
        Server::RowStore rows(db);
        db.transaction();
        const auto park = rows.upsert(
            u"park"_s, QString(), {{u"code"_s, u"CS-HTZ"_s}, {u"name"_s, u"长沙高新技术产业开发区"_s}}, &why);
        if (!park || !db.commit()) {
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        m_parkId = park->id;
        return true;
    }
    QString url() const { return m_testDb->url(); }
    QString file(const QString &name, const QByteArray &content) const
    {
        const QString path = m_testDb->dir() + u'/' + name;
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }
    qint64 head() const
    {
        Server::ServerDatabase db;
        QString error;
        return db.open(url(), &error) ? db.headSequence() : -1;
    }
    QVariant value(const QString &sql, const QVariantList &binds = {}) const
    {
        Server::ServerDatabase db;
        QString error;
        if (!db.open(url(), &error))
            return {};
        QSqlQuery q(db.sql());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql) const
    {
        Server::ServerDatabase db;
        QString error;
        QSqlQuery q(db.open(url(), &error) ? db.sql() : QSqlDatabase());
        return q.exec(sql);
    }

private slots:
    void cleanup() { m_testDb.reset(); }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mention");
        // Nothing to do.
        QTest::newRow("no command") << QStringList{} << QByteArray("serve");
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray("unknown command");
        // Production mode without a certificate: refused, plain HTTP needs --insecure-dev.
        QTest::newRow("serve without tls")
            << QStringList{u"serve"_s, u"--db"_s, u"sqlite:/tmp/x.db"_s} << QByteArray("TLS is required");
        QTest::newRow("serve bad listen") << QStringList{u"serve"_s,    u"--db"_s,      u"sqlite:/tmp/x.db"_s,
                                                         u"--listen"_s, u"127.0.0.1"_s, u"--insecure-dev"_s}
                                          << QByteArray("HOST:PORT");
        QTest::newRow("serve bad threads")
            << QStringList{u"serve"_s,          u"--db"_s,      u"sqlite:/tmp/x.db"_s,
                           u"--insecure-dev"_s, u"--threads"_s, u"0"_s}
            << QByteArray("--threads wants a number from 1 to 64");
        QTest::newRow("import calendar without file")
            << QStringList{u"import"_s, u"calendar"_s, u"--db"_s, u"sqlite:x"_s}
            << QByteArray("calendar|model");
        QTest::newRow("import bad kind")
            << QStringList{u"import"_s, u"people"_s, u"f.csv"_s, u"--db"_s, u"sqlite:x"_s}
            << QByteArray("firms|records|series");
        // Passwords never come from the command line (they would end up in the shell history).
        QTest::newRow("user add without stdin")
            << QStringList{u"user"_s,    u"add"_s, u"--db"_s,   u"sqlite:x"_s,
                           u"--login"_s, u"a"_s,   u"--role"_s, u"admin"_s}
            << QByteArray("--password-stdin");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mention);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mention) || r.out.contains(mention), r.err.constData());
    }

    void users_data() { addBackends(); }
    void users()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const Run add = cli({u"user"_s, u"add"_s, u"--db"_s, url(), u"--login"_s, u"window.cs"_s, u"--role"_s,
                             u"window_staff"_s, u"--park-code"_s, u"CS-HTZ"_s, u"--password-stdin"_s},
                            "first-password\n");
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QCOMPARE(add.json.value(u"login").toString(), u"window.cs"_s);
        QCOMPARE(value(u"SELECT park_id FROM app_user WHERE login = 'window.cs'"_s).toString(), m_parkId);
        const QString hash
            = value(u"SELECT password_hash FROM app_user WHERE login = 'window.cs'"_s).toString();
        QVERIFY(Security::PasswordHasher::verify(u"first-password"_s, hash));
        // The second add of the same login fails and says why.
        const Run again = cli({u"user"_s, u"add"_s, u"--db"_s, url(), u"--login"_s, u"window.cs"_s,
                               u"--role"_s, u"admin"_s, u"--password-stdin"_s},
                              "first-password\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("exists already"));
        // An unknown park code.
        const Run noPark = cli({u"user"_s, u"add"_s, u"--db"_s, url(), u"--login"_s, u"x"_s, u"--role"_s,
                                u"park_manager"_s, u"--park-code"_s, u"NOPE"_s, u"--password-stdin"_s},
                               "first-password\n");
        QCOMPARE(noPark.exitCode, 1);
        QVERIFY(noPark.err.contains("NOPE"));

        const Run reset = cli({u"user"_s, u"reset-password"_s, u"--db"_s, url(), u"--login"_s, u"window.cs"_s,
                               u"--password-stdin"_s},
                              "second-password\n");
        QVERIFY2(reset.exitCode == 0, reset.err.constData());
        const QString newHash
            = value(u"SELECT password_hash FROM app_user WHERE login = 'window.cs'"_s).toString();
        QVERIFY(Security::PasswordHasher::verify(u"second-password"_s, newHash));
        QVERIFY(!Security::PasswordHasher::verify(u"first-password"_s, newHash));

        const Run disable = cli({u"user"_s, u"disable"_s, u"--db"_s, url(), u"--login"_s, u"window.cs"_s});
        QVERIFY2(disable.exitCode == 0, disable.err.constData());
        QCOMPARE(value(u"SELECT disabled FROM app_user WHERE login = 'window.cs'"_s).toInt(), 1);
        QCOMPARE(cli({u"user"_s, u"disable"_s, u"--db"_s, url(), u"--login"_s, u"ghost"_s}).exitCode, 1);
    }

    void importGbkFirms_data() { addBackends(); }
    void importGbkFirms()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        QStringEncoder gbk("GB18030");
        QVERIFY(gbk.isValid());
        const QString text = u"统一社会信用代码,企业名称,所属园区,注册资本(万元),从业人数\r\n"_s + uscc(1)
                             + u",湖南湘江智造有限公司,CS-HTZ,500,35\r\n"_s + uscc(2)
                             + u",长沙麓谷软件有限公司,长沙高新技术产业开发区,12.5,8\r\n"_s;
        const QByteArray bytes = gbk.encode(text);
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString notUtf8 = utf8(bytes);
        QVERIFY(utf8.hasError()); // the file really is GBK: auto detection has to fall back to GB18030
        const QString path = file(u"firms-gbk.csv"_s, bytes);

        const Run first = cli({u"import"_s, u"firms"_s, path, u"--db"_s, url()});
        QVERIFY2(first.exitCode == 0, first.out.constData());
        QCOMPARE(countsOf(first.json), counts(2, 0, 0, 0));
        QCOMPARE(first.json.value(u"errors").toArray().size(), 0);
        // GBK decoded into the right characters, 万元 converted to fen, park matched by code and by name.
        QCOMPARE(value(u"SELECT name FROM enterprise WHERE uscc = ?"_s, {uscc(1)}).toString(),
                 u"湖南湘江智造有限公司"_s);
        QCOMPARE(value(u"SELECT registered_capital FROM enterprise WHERE uscc = ?"_s, {uscc(1)}).toLongLong(),
                 Q_INT64_C(500000000)); // 500 万元 = 5,000,000 元 = 500,000,000 fen
        QCOMPARE(value(u"SELECT registered_capital FROM enterprise WHERE uscc = ?"_s, {uscc(2)}).toLongLong(),
                 Q_INT64_C(12500000)); // 12.5 万元 = 125,000 元
        QCOMPARE(value(u"SELECT park_id FROM enterprise WHERE uscc = ?"_s, {uscc(2)}).toString(), m_parkId);
        QCOMPARE(value(u"SELECT kind FROM enterprise WHERE uscc = ?"_s, {uscc(1)}).toString(), u"company"_s);

        // The same file again: nothing changes, not even a version.
        const qint64 headBefore = head();
        const Run second
            = cli({u"import"_s, u"firms"_s, path, u"--db"_s, url(), u"--encoding"_s, u"gb18030"_s});
        QVERIFY2(second.exitCode == 0, second.out.constData());
        QCOMPARE(countsOf(second.json), counts(0, 0, 2, 0));
        QCOMPARE(head(), headBefore);

        // Forcing UTF-8 on GBK bytes refuses the whole file.
        const Run wrong = cli({u"import"_s, u"firms"_s, path, u"--db"_s, url(), u"--encoding"_s, u"utf-8"_s});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.json.contains(u"error"));
        QCOMPARE(head(), headBefore);
    }

    void importBadRows()
    {
        if (!setUp(u"sqlite"_s))
            return;
        QString badCheck = uscc(3);
        badCheck[17] = badCheck[17] == u'0' ? u'1' : u'0';
        const QByteArray csv = "uscc,name,established,park,employees\n" + uscc(1).toUtf8()
                               + ",好公司,2019-05-01,CS-HTZ,3\n"                     // row 1: good
                               + badCheck.toUtf8() + ",坏校验,2019-05-01,CS-HTZ,3\n" // row 2: check character
                               + uscc(4).toUtf8() + ",,2019-05-01,CS-HTZ,3\n"        // row 3: no name
                               + uscc(5).toUtf8() + ",未来公司,2999-01-01,CS-HTZ,3\n" // row 4: future date
                               + uscc(6).toUtf8() + ",无园区,2019-05-01,XX-NONE,3\n"  // row 5: unknown park
                               + uscc(7).toUtf8() + ",少列\n"                         // row 6: 2 fields of 5
                               + uscc(8).toUtf8() + ",负人数,2019-05-01,CS-HTZ,-2\n"; // row 7: negative count
        const Run r = cli({u"import"_s, u"firms"_s, file(u"bad.csv"_s, csv), u"--db"_s, url()});
        QCOMPARE(r.exitCode, 1); // a row was rejected
        QCOMPARE(countsOf(r.json), counts(1, 0, 0, 6));
        const QJsonArray errors = r.json.value(u"errors").toArray();
        QCOMPARE(errors.size(), 6);
        const struct
        {
            int row;
            const char *column;
        } expected[] = {{2, "uscc"}, {3, "name"}, {4, "established"}, {5, "park"}, {6, ""}, {7, "employees"}};
        for (int i = 0; i < 6; ++i) {
            const QJsonObject e = errors.at(i).toObject();
            QCOMPARE(e.value(u"row").toInt(), expected[i].row);
            QCOMPARE(e.value(u"column").toString(), QString::fromLatin1(expected[i].column));
            QVERIFY(!e.value(u"reason").toString().isEmpty());
        }
        // Only the good row was written.
        QCOMPARE(value(u"SELECT COUNT(*) FROM enterprise"_s).toInt(), 1);
    }

    void importSeriesAndRecords_data() { addBackends(); }
    void importSeriesAndRecords()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const QByteArray firms = "uscc,name\n" + uscc(1).toUtf8() + ",甲公司\n";
        QCOMPARE(cli({u"import"_s, u"firms"_s, file(u"f.csv"_s, firms), u"--db"_s, url()}).exitCode, 0);

        const QByteArray series = "统一社会信用代码,月份,指标,数值\n" + uscc(1).toUtf8()
                                  + ",2025-03,纳税额,1234.56\n"                       // money in 元 → fen
                                  + uscc(1).toUtf8() + ",2025-03,social_insured,12\n" // a count
                                  + uscc(1).toUtf8() + ",2025-13,tax_paid,1\n"        // month 13
                                  + uscc(2).toUtf8() + ",2025-03,tax_paid,1\n"; // firm not on the server
        const Run s = cli({u"import"_s, u"series"_s, file(u"s.csv"_s, series), u"--db"_s, url()});
        QCOMPARE(s.exitCode, 1);
        QCOMPARE(countsOf(s.json), counts(2, 0, 0, 2));
        QCOMPARE(value(u"SELECT value FROM monthly_value WHERE kind = 'tax_paid' AND month = '2025-03-01'"_s)
                     .toLongLong(),
                 Q_INT64_C(123456));
        QCOMPARE(value(u"SELECT value FROM monthly_value WHERE kind = 'social_insurance_headcount'"_s)
                     .toLongLong(),
                 Q_INT64_C(12));

        const QByteArray records
            = "uscc,kind,date,valid_to,title,authority,amount_fen,detail\n" + uscc(1).toUtf8()
              + ",tax_grade,2025-04-01,2026-03-31,2024年度纳税信用A级,国家税务总局湖南省税务局,,\n"
              + uscc(1).toUtf8() + ",行政处罚,2024-06-12,,未按期申报,长沙市市场监督管理局,500000,罚款5000元\n"
              + uscc(1).toUtf8() + ",procurement,2025-01-10,,政府采购中标,长沙市财政局,1200000000,\n"
              + uscc(1).toUtf8() + ",lottery,2025-01-10,,?,?,,\n"            // unknown kind
              + uscc(1).toUtf8() + ",penalty,2025-01-10,2024-01-01,x,y,,\n"; // ends before it starts
        const QString recordsPath = file(u"r.csv"_s, records);
        const Run r = cli({u"import"_s, u"records"_s, recordsPath, u"--db"_s, url()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(countsOf(r.json), counts(3, 0, 0, 2));
        const QJsonArray errors = r.json.value(u"errors").toArray();
        QCOMPARE(errors.at(0).toObject().value(u"column").toString(), u"kind"_s);
        QCOMPARE(errors.at(1).toObject().value(u"column").toString(), u"valid_to"_s);
        QCOMPARE(value(u"SELECT amount FROM credit_record WHERE kind = 'penalty'"_s).toLongLong(),
                 Q_INT64_C(500000));
        QCOMPARE(value(u"SELECT valid_to FROM credit_record WHERE kind = 'tax_grade'"_s).toString(),
                 u"2026-03-31"_s);

        // Re-import: the three good records are matched (firm, kind, date, title) and left alone.
        const qint64 before = head();
        const Run again = cli({u"import"_s, u"records"_s, recordsPath, u"--db"_s, url()});
        QCOMPARE(countsOf(again.json), counts(0, 0, 3, 2));
        QCOMPARE(head(), before);
        QCOMPARE(value(u"SELECT COUNT(*) FROM credit_record"_s).toInt(), 3);
    }

    // Batching (ServerImporter::ChunkRows rows per chunk) keeps the row-by-row result: a key repeated
    // within a chunk and across a chunk boundary (the later row wins, matched against the earlier one),
    // existing rows updated or left alone next to new rows, a row-level error in the middle of a chunk.
    void importChunkedFirms_data() { addBackends(); }
    void importChunkedFirms()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const int chunk = Server::ServerImporter::ChunkRows;
        const int total = chunk + 100;
        QByteArray csv = "uscc,name,park,employees\n";
        for (int row = 1; row <= total; ++row) {
            int n = row;
            QByteArray name = "公司" + QByteArray::number(row);
            if (row == 20) { // the firm of row 10 again, renamed: updated
                n = 10;
                name = "改名公司";
            } else if (row == chunk + 1) { // the firm of the chunk's last row again, identical: unchanged
                n = chunk;
                name = "公司" + QByteArray::number(chunk);
            }
            const QByteArray code = row == 250 ? QByteArray("91430104MA4L0000XX") : uscc(n).toUtf8();
            csv += code + ',' + name + ",CS-HTZ," + QByteArray::number(n) + '\n';
        }
        const QString path = file(u"many.csv"_s, csv);
        const Run r = cli({u"import"_s, u"firms"_s, path, u"--db"_s, url()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(countsOf(r.json), counts(total - 3, 1, 1, 1));
        const QJsonArray errors = r.json.value(u"errors").toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"row").toInt(), 250);
        QCOMPARE(errors.at(0).toObject().value(u"column").toString(), u"uscc"_s);
        QCOMPARE(value(u"SELECT COUNT(*) FROM enterprise"_s).toInt(), total - 3);
        QCOMPARE(value(u"SELECT name FROM enterprise WHERE uscc = ?"_s, {uscc(10)}).toString(),
                 u"改名公司"_s);
        // Every row has a version of its own, and a new row lists every field at its version (as a row
        // written alone); the renamed firm has a newer version for its name only.
        QCOMPARE(value(u"SELECT COUNT(DISTINCT version) FROM enterprise"_s).toInt(), total - 3);
        const qint64 version
            = value(u"SELECT version FROM enterprise WHERE uscc = ?"_s, {uscc(chunk)}).toLongLong();
        const QJsonObject versions
            = QJsonDocument::fromJson(
                  value(u"SELECT field_versions FROM enterprise WHERE uscc = ?"_s, {uscc(chunk)})
                      .toByteArray())
                  .object();
        QVERIFY(versions.size() > 10);
        for (auto it = versions.begin(); it != versions.end(); ++it)
            QCOMPARE(it.value().toInteger(), version);
        QCOMPARE(value(u"SELECT kind FROM enterprise WHERE uscc = ?"_s, {uscc(chunk)}).toString(),
                 u"company"_s);
        const qint64 renamed
            = value(u"SELECT version FROM enterprise WHERE uscc = ?"_s, {uscc(10)}).toLongLong();
        const QJsonObject renamedVersions
            = QJsonDocument::fromJson(
                  value(u"SELECT field_versions FROM enterprise WHERE uscc = ?"_s, {uscc(10)}).toByteArray())
                  .object();
        QCOMPARE(renamedVersions.value(u"name").toInteger(), renamed);
        QVERIFY(renamedVersions.value(u"uscc").toInteger() < renamed);

        // Again: row 10 renames the firm back (updated), row 20 renames it once more (updated); no
        // other row takes a new version.
        const qint64 before = head();
        const Run again = cli({u"import"_s, u"firms"_s, path, u"--db"_s, url()});
        QCOMPARE(countsOf(again.json), counts(0, 2, total - 3, 1));
        QCOMPARE(value(u"SELECT COUNT(*) FROM enterprise WHERE version > ?"_s, {before}).toInt(), 1);
        QCOMPARE(value(u"SELECT name FROM enterprise WHERE uscc = ?"_s, {uscc(10)}).toString(),
                 u"改名公司"_s);
    }

    void importChunkedSeries_data() { addBackends(); }
    void importChunkedSeries()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const int chunk = Server::ServerImporter::ChunkRows;
        QByteArray firms = "uscc,name\n";
        for (int f = 1; f <= 10; ++f)
            firms += uscc(f).toUtf8() + ",公司" + QByteArray::number(f) + '\n';
        QCOMPARE(cli({u"import"_s, u"firms"_s, file(u"f.csv"_s, firms), u"--db"_s, url()}).exitCode, 0);
        // Two rows on the server already: firm 1's tax in 2020-01 and 2020-02.
        const QByteArray old = "uscc,month,kind,value\n" + uscc(1).toUtf8() + ",2020-01,tax_paid,10\n"
                               + uscc(1).toUtf8() + ",2020-02,tax_paid,20\n";
        QCOMPARE(countsOf(cli({u"import"_s, u"series"_s, file(u"old.csv"_s, old), u"--db"_s, url()}).json),
                 counts(2, 0, 0, 0));
        const auto key = [](const QString &code, const QString &month) -> QString {
            return u"SELECT %1 FROM monthly_value WHERE kind = 'tax_paid' AND month = '"_s + month
                   + u"-01' AND enterprise_id = (SELECT id FROM enterprise WHERE uscc = '"_s + code + u"')"_s;
        };
        const qint64 unchangedVersion = value(key(uscc(1), u"2020-01"_s).arg(u"version"_s)).toLongLong();
        const qint64 updatedVersion = value(key(uscc(1), u"2020-02"_s).arg(u"version"_s)).toLongLong();

        // Rows of firms 2…10, one month each (2001-01 on), with, in between: the two existing rows (the
        // first unchanged, the second with a new value), a key twice in a row with different values, a
        // key on both sides of the chunk boundary with the same value, and a month that does not exist.
        const int total = chunk + 100;
        QByteArray csv = "uscc,month,kind,value\n";
        for (int row = 1; row <= total; ++row) {
            QString code = uscc(2 + row % 9);
            QString month = QDate(2001, 1, 1).addMonths(row / 9).toString(u"yyyy-MM"_s);
            QByteArray amount = QByteArray::number(row);
            if (row == 100) {
                code = uscc(1), month = u"2020-01"_s, amount = "10";
            } else if (row == 101) {
                code = uscc(1), month = u"2020-02"_s, amount = "25";
            } else if (row == 200 || row == 201) {
                code = uscc(1), month = u"2021-01"_s, amount = row == 200 ? "1" : "2";
            } else if (row == chunk || row == chunk + 1) {
                code = uscc(1), month = u"2021-02"_s, amount = "7";
            } else if (row == 300) {
                month = u"2021-13"_s;
            }
            csv += code.toUtf8() + ',' + month.toUtf8() + ",tax_paid," + amount + '\n';
        }
        const QString path = file(u"series.csv"_s, csv);
        const Run r = cli({u"import"_s, u"series"_s, path, u"--db"_s, url()});
        QCOMPARE(r.exitCode, 1);
        // New: every row but the two existing keys, the repeats and the bad month.
        QCOMPARE(countsOf(r.json), counts(total - 5, 2, 2, 1));
        const QJsonArray errors = r.json.value(u"errors").toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"row").toInt(), 300);
        QCOMPARE(errors.at(0).toObject().value(u"column").toString(), u"month"_s);
        QCOMPARE(value(u"SELECT COUNT(*) FROM monthly_value"_s).toInt(), 2 + total - 5);
        QCOMPARE(value(key(uscc(1), u"2020-01"_s).arg(u"version"_s)).toLongLong(), unchangedVersion);
        QCOMPARE(value(key(uscc(1), u"2020-02"_s).arg(u"value"_s)).toLongLong(), Q_INT64_C(2500));
        const qint64 newVersion = value(key(uscc(1), u"2020-02"_s).arg(u"version"_s)).toLongLong();
        QVERIFY(newVersion > updatedVersion);
        const QJsonObject versions
            = QJsonDocument::fromJson(
                  value(key(uscc(1), u"2020-02"_s).arg(u"field_versions"_s)).toByteArray())
                  .object();
        QCOMPARE(versions, (QJsonObject{{u"enterprise_id"_s, updatedVersion},
                                        {u"kind"_s, updatedVersion},
                                        {u"month"_s, updatedVersion},
                                        {u"value"_s, newVersion}}));
        QCOMPARE(value(key(uscc(1), u"2021-01"_s).arg(u"value"_s)).toLongLong(), Q_INT64_C(200)); // later row
        QCOMPARE(value(key(uscc(1), u"2021-02"_s).arg(u"value"_s)).toLongLong(), Q_INT64_C(700));
        // A new row as a row written alone: every field at the row's version.
        const qint64 v = value(key(uscc(1), u"2021-02"_s).arg(u"version"_s)).toLongLong();
        QCOMPARE(
            QJsonDocument::fromJson(value(key(uscc(1), u"2021-02"_s).arg(u"field_versions"_s)).toByteArray())
                .object(),
            (QJsonObject{{u"enterprise_id"_s, v}, {u"kind"_s, v}, {u"month"_s, v}, {u"value"_s, v}}));

        // Again: 2021-01 goes to 1 and back to 2 (two updates, two versions); everything else unchanged.
        const qint64 before = head();
        const Run again = cli({u"import"_s, u"series"_s, path, u"--db"_s, url()});
        QCOMPARE(countsOf(again.json), counts(0, 2, total - 3, 1));
        QCOMPARE(value(u"SELECT COUNT(*) FROM monthly_value WHERE version > ?"_s, {before}).toInt(), 1);
        QCOMPARE(value(key(uscc(1), u"2021-01"_s).arg(u"value"_s)).toLongLong(), Q_INT64_C(200));
    }

    // A database failure in the middle of a chunk (a trigger refusing one value): nothing is written, the
    // message names the row, the row-level errors before it are reported as before batching.
    void importDatabaseFailure_data() { addBackends(); }
    void importDatabaseFailure()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const QByteArray firms = "uscc,name\n" + uscc(1).toUtf8() + ",甲公司\n";
        QCOMPARE(cli({u"import"_s, u"firms"_s, file(u"f.csv"_s, firms), u"--db"_s, url()}).exitCode, 0);
        const QStringList trigger
            = backend == u"sqlite"_s
                  ? QStringList{u"CREATE TRIGGER refuse BEFORE INSERT ON monthly_value WHEN NEW.value = "
                                u"66600 "
                                "BEGIN SELECT RAISE(ABORT, 'value refused'); END"_s}
                  : QStringList{u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                                "NEW.value = 66600 THEN RAISE EXCEPTION 'value refused'; END IF; RETURN NEW; "
                                "END $$"_s,
                                u"CREATE TRIGGER refuse BEFORE INSERT ON monthly_value FOR EACH ROW EXECUTE "
                                "FUNCTION refuse()"_s};
        for (const QString &statement : trigger)
            QVERIFY2(exec(statement), qPrintable(statement));
        const qint64 before = head();
        QByteArray csv = "uscc,month,kind,value\n";
        for (int row = 1; row <= 600; ++row) {
            const QByteArray month = QDate(1950, 1, 1).addMonths(row).toString(u"yyyy-MM"_s).toUtf8();
            csv += uscc(1).toUtf8() + ',' + (row == 3 ? QByteArray("1950-13") : month) + ",tax_paid,"
                   + (row == 550 ? QByteArray("666") : QByteArray::number(row)) + '\n';
        }
        const Run r = cli({u"import"_s, u"series"_s, file(u"s.csv"_s, csv), u"--db"_s, url()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(countsOf(r.json), counts(0, 0, 0, 1));
        QVERIFY2(r.json.value(u"error"_s).toString().startsWith(u"Row 550 could not be stored"_s),
                 r.out.constData());
        QVERIFY(r.json.value(u"error"_s).toString().contains(u"value refused"_s));
        const QJsonArray errors = r.json.value(u"errors").toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).toObject().value(u"row").toInt(), 3);
        QCOMPARE(errors.at(1).toObject().value(u"row").toInt(), 0);
        QCOMPARE(value(u"SELECT COUNT(*) FROM monthly_value"_s).toInt(), 0);
        QCOMPARE(head(), before);
    }

    void importReferenceDocs_data() { addBackends(); }
    void importReferenceDocs()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        QFile builtin(u":/xindai/calendar/holidays-cn.json"_s);
        QVERIFY(builtin.open(QIODevice::ReadOnly));
        const QByteArray calendarJson = builtin.readAll();
        QJsonObject calendar = QJsonDocument::fromJson(calendarJson).object();
        const int builtinVersion = calendar.value(u"version"_s).toInt();
        QVERIFY(builtinVersion > 0);
        auto content = [this](const QString &name) {
            return QJsonDocument::fromJson(
                       value(u"SELECT content FROM reference_doc WHERE name = ?"_s, {name})
                           .toString()
                           .toUtf8())
                .object();
        };

        // A new calendar: one row, kind holiday_calendar, name holidays-cn, a sync version.
        const QString calendarPath = file(u"holidays.json"_s, calendarJson);
        const qint64 headBefore = head();
        const Run first = cli({u"import"_s, u"calendar"_s, calendarPath, u"--db"_s, url()});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(countsOf(first.json), counts(1, 0, 0, 0));
        QCOMPARE(first.json.value(u"kind").toString(), u"holiday_calendar"_s);
        QCOMPARE(first.json.value(u"name").toString(), u"holidays-cn"_s);
        const QString id = first.json.value(u"id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(first.json.value(u"version").toInteger(), head());
        QVERIFY(head() > headBefore);
        QCOMPARE(value(u"SELECT COUNT(*) FROM reference_doc"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT kind FROM reference_doc WHERE id = ?"_s, {id}).toString(),
                 u"holiday_calendar"_s);
        QCOMPARE(content(u"holidays-cn"_s), calendar);

        // The same content again, also laid out differently: no new version.
        const qint64 headAfterFirst = head();
        const Run again = cli({u"import"_s, u"calendar"_s, calendarPath, u"--db"_s, url()});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(countsOf(again.json), counts(0, 0, 1, 0));
        QCOMPARE(again.json.value(u"id").toString(), id);
        const Run compact
            = cli({u"import"_s, u"calendar"_s,
                   file(u"compact.json"_s, QJsonDocument(calendar).toJson(QJsonDocument::Compact)), u"--db"_s,
                   url()});
        QCOMPARE(countsOf(compact.json), counts(0, 0, 1, 0));
        QCOMPARE(head(), headAfterFirst);

        // New content: the same row, a new version.
        calendar.insert(u"version"_s, builtinVersion + 1);
        const Run newer = cli({u"import"_s, u"calendar"_s,
                               file(u"newer.json"_s, QJsonDocument(calendar).toJson()), u"--db"_s, url()});
        QVERIFY2(newer.exitCode == 0, newer.err.constData());
        QCOMPARE(countsOf(newer.json), counts(0, 1, 0, 0));
        QCOMPARE(newer.json.value(u"id").toString(), id);
        QVERIFY(newer.json.value(u"version").toInteger() > headAfterFirst);
        QCOMPARE(content(u"holidays-cn"_s).value(u"version"_s).toInt(), builtinVersion + 1);

        // A broken calendar (an adjusted working day on a Monday): refused with the loader's message,
        // naming the file; nothing written.
        QByteArray broken = calendarJson;
        broken.replace("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-05\"");
        QVERIFY(broken != calendarJson);
        const qint64 headAfterNewer = head();
        const QString brokenPath = file(u"broken.json"_s, broken);
        const Run bad = cli({u"import"_s, u"calendar"_s, brokenPath, u"--db"_s, url()});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("2026-01-05 is a weekday") && bad.err.contains(brokenPath.toUtf8()),
                 bad.err.constData());
        QCOMPARE(countsOf(bad.json), counts(0, 0, 0, 1));
        QVERIFY(bad.json.value(u"error").toString().contains(u"is a weekday"_s));
        QCOMPARE(head(), headAfterNewer);
        QCOMPARE(content(u"holidays-cn"_s).value(u"version"_s).toInt(), builtinVersion + 1);
        const Run missing
            = cli({u"import"_s, u"calendar"_s, m_testDb->dir() + u"/none.json"_s, u"--db"_s, url()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("Cannot read") && missing.err.contains("none.json"),
                 missing.err.constData());

        // A scoring model: named by its id, validated by the scoring loaders.
        QFile modelFile(u":/xindai/models/enterprise-commercial.json"_s);
        QVERIFY(modelFile.open(QIODevice::ReadOnly));
        const QByteArray modelJson = modelFile.readAll();
        const QString modelPath = file(u"model.json"_s, modelJson);
        const Run model = cli({u"import"_s, u"model"_s, modelPath, u"--db"_s, url()});
        QVERIFY2(model.exitCode == 0, model.err.constData());
        QCOMPARE(countsOf(model.json), counts(1, 0, 0, 0));
        QCOMPARE(model.json.value(u"kind").toString(), u"scoring_model"_s);
        QCOMPARE(model.json.value(u"name").toString(), u"enterprise-commercial"_s);
        QCOMPARE(content(u"enterprise-commercial"_s), QJsonDocument::fromJson(modelJson).object());
        QCOMPARE(countsOf(cli({u"import"_s, u"model"_s, modelPath, u"--db"_s, url()}).json),
                 counts(0, 0, 1, 0));
        QJsonObject badModel = QJsonDocument::fromJson(modelJson).object();
        badModel.insert(u"version"_s, 2);
        badModel.insert(u"scaling"_s, u"none"_s);
        const qint64 headAfterModel = head();
        const Run refused
            = cli({u"import"_s, u"model"_s, file(u"bad-model.json"_s, QJsonDocument(badModel).toJson()),
                   u"--db"_s, url()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("refused at scaling"), refused.err.constData());
        QCOMPARE(head(), headAfterModel);
        QCOMPARE(content(u"enterprise-commercial"_s).value(u"version"_s).toInt(), 1);
        QCOMPARE(
            cli({u"import"_s, u"model"_s, modelPath, u"--db"_s, url(), u"--encoding"_s, u"utf-8"_s}).exitCode,
            2);

        // The demo seed adds the built-in documents it lacks and keeps the newer calendar.
        const Run seed = cli({u"demo"_s, u"seed"_s, u"--db"_s, url(), u"--firms"_s, u"0"_s,
                              u"--password-iterations"_s, u"1000"_s});
        QVERIFY2(seed.exitCode == 0, seed.err.constData());
        QCOMPARE(value(u"SELECT COUNT(*) FROM reference_doc WHERE kind = 'scoring_model'"_s).toInt(), 4);
        QCOMPARE(value(u"SELECT COUNT(*) FROM reference_doc WHERE kind = 'holiday_calendar'"_s).toInt(), 1);
        QCOMPARE(content(u"holidays-cn"_s).value(u"version"_s).toInt(), builtinVersion + 1);
        QCOMPARE(value(u"SELECT id FROM reference_doc WHERE name = 'holidays-cn'"_s).toString(), id);
        for (const QString &name :
             {u"enterprise-knowledge"_s, u"individual-business"_s, u"park-credit-index"_s})
            QCOMPARE(content(name).value(u"id"_s).toString(), name);
    }

    void demoSeedTwice_data() { addBackends(); }
    void demoSeedTwice()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        // 2 firms and cheap password hashes keep the test fast; the code path is the one of 600 firms.
        const QStringList args{
            u"demo"_s, u"seed"_s, u"--db"_s, url(), u"--firms"_s, u"2"_s, u"--password-iterations"_s,
            u"1000"_s};
        const Run first = cli(args);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const qint64 created = first.json.value(u"created").toInteger();
        // The fixture's park has another id than the demo parks, so every demo row is new.
        QVERIFY(created > 100);
        QCOMPARE(first.json.value(u"updated").toInteger(), 0);
        const qint64 headAfterFirst = head();
        QCOMPARE(value(u"SELECT COUNT(*) FROM app_user"_s).toInt(), 15);
        QCOMPARE(value(u"SELECT COUNT(*) FROM enterprise"_s).toInt(), 2);
        // The built-in holiday calendar and the four shipped scoring models, for the clients.
        QCOMPARE(
            value(
                u"SELECT COUNT(*) FROM reference_doc WHERE kind = 'holiday_calendar' AND name = 'holidays-cn'"_s)
                .toInt(),
            1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM reference_doc WHERE kind = 'scoring_model'"_s).toInt(), 4);

        const Run second = cli(args);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(second.json.value(u"created").toInteger(), 0);
        QCOMPARE(second.json.value(u"updated").toInteger(), 0);
        QCOMPARE(second.json.value(u"unchanged").toInteger(), created);
        QCOMPARE(head(), headAfterFirst); // no new version anywhere

        // The demo users log in with the documented password.
        Server::ServerDatabase db;
        QString error;
        QVERIFY(db.open(url(), &error));
        Server::AuthService auth(db);
        const auto login = auth.login(u"admin"_s, u"xindai2026"_s);
        QCOMPARE(login.status, Server::AuthService::LoginResult::Status::Ok);
        QCOMPARE(login.caller.role, u"admin"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
