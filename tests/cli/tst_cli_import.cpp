#include "core/uscc.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString uscc(int n)
{
    const QString first17 = u"91430104"_s + u"%1"_s.arg(n, 9, 10, QLatin1Char('0'));
    return first17 + XinDai::Core::Uscc::checkCharacter(first17);
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    /// Runs xindai-cli import with \a args; returns the exit code and the parsed JSON line.
    int run(const QStringList &args, QJsonObject *json, QByteArray *stdOut = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral(XINDAI_CLI), QStringList{u"import"_s} + args);
        if (!p.waitForFinished(30000))
            return -1;
        const QByteArray out = p.readAllStandardOutput();
        if (stdOut)
            *stdOut = out;
        if (json)
            *json = QJsonDocument::fromJson(out).object();
        return p.exitCode();
    }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"store.db"_s);
        XinDai::Store::Database db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
    }

    void firmsWithARejectedRow()
    {
        // Row 2 has no name: one JSON line, exit code 1, the valid row is imported anyway.
        const QString file
            = write(u"firms.csv"_s, "uscc,name,region\n" + uscc(1).toUtf8() + ",甲公司,430104\n"
                                        + uscc(2).toUtf8() + ",,430104\n");
        QJsonObject json;
        QByteArray out;
        QCOMPARE(run({u"--db"_s, m_db, u"--kind"_s, u"firms"_s, file}, &json, &out), 1);
        QCOMPARE(out.count('\n'), 1);
        QCOMPARE(json.value(u"imported"_s).toInt(), 1);
        QCOMPARE(json.value(u"rejected"_s).toInt(), 1);
        const QJsonArray errors = json.value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        const QJsonObject e = errors.first().toObject();
        QCOMPARE(e.value(u"row"_s).toInt(), 2);
        QCOMPARE(e.value(u"column"_s).toString(), u"name"_s);
        QCOMPARE(e.value(u"reason"_s).toString(), u"The firm name is missing."_s);
    }

    void gbkSeriesAllValid()
    {
        // Chinese headers and kinds in GBK; every row valid → exit 0.
        QStringEncoder gbk("GB18030");
        const QByteArray bytes
            = gbk.encode(u"统一社会信用代码,月份,指标,数值\r\n"_s + uscc(1) + u",2025-01,纳税额,100.25\r\n"_s
                         + uscc(1) + u",2025-01,用电量,3000\r\n"_s);
        const QString file = write(u"series.csv"_s, bytes);
        QJsonObject json;
        QCOMPARE(run({u"--db"_s, m_db, u"--kind"_s, u"series"_s, u"--encoding"_s, u"gb18030"_s, file}, &json),
                 0);
        QCOMPARE(json.value(u"imported"_s).toInt(), 2);
        QCOMPARE(json.value(u"rejected"_s).toInt(), 0);
        QVERIFY(json.value(u"errors"_s).toArray().isEmpty());
        // Forced UTF-8 on GBK bytes: the file is refused as a whole.
        QCOMPARE(run({u"--db"_s, m_db, u"--kind"_s, u"series"_s, u"--encoding"_s, u"utf-8"_s, file}, &json),
                 1);
        QCOMPARE(json.value(u"imported"_s).toInt(), 0);
        QVERIFY(json.value(u"error"_s).toString().contains(u"not valid UTF-8"_s));
    }

    void duplicateSkip()
    {
        const QString file = write(u"dup.csv"_s, "uscc,name\n" + uscc(1).toUtf8() + ",新名字\n");
        QJsonObject json;
        QCOMPARE(run({u"--db"_s, m_db, u"--kind"_s, u"firms"_s, u"--on-duplicate"_s, u"skip"_s, file}, &json),
                 0);
        QCOMPARE(json.value(u"imported"_s).toInt(), 0);
        QCOMPARE(json.value(u"skipped"_s).toInt(), 1);
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no kind") << QStringList{u"--db"_s, u"x.db"_s, u"f.csv"_s};
        QTest::newRow("bad kind") << QStringList{u"--db"_s, u"x.db"_s, u"--kind"_s, u"loans"_s, u"f.csv"_s};
        QTest::newRow("bad encoding") << QStringList{u"--db"_s,       u"x.db"_s,   u"--kind"_s, u"firms"_s,
                                                     u"--encoding"_s, u"latin1"_s, u"f.csv"_s};
    }
    void usage()
    {
        QFETCH(QStringList, args);
        // Usage errors exit 2 (commands.h) before touching any file.
        QCOMPARE(run(args, nullptr), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
