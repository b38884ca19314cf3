// Server import benchmark: `xindai-server import` in process (ServerImporter) into a fresh store, the way
// an administrator loads the platform's data. Writes CSV files into a temporary folder — N firms, then
// N×10 monthly series rows, then 2×N public credit records — imports them one after the other and then
// the series file again (every row unchanged). Prints one JSON line per phase:
//   {"bench":"server_import","kind":"firms|series|records|series_reimport","backend":"sqlite|postgres",
//    "rows":…,"seconds":…,"rows_per_s":…,"imported":…,"updated":…,"unchanged":…,"rejected":…}
// The time covers the whole import: decoding, CSV parsing, validation, lookups, writes and the commit.
// Usage: xindai-bench-import [--db URL] [--firms N]
//        --db: an empty store: a SQLite file, or PostgreSQL with ?schema=NAME of an empty schema (without
//        it, the bench creates the schema import_bench in that database and drops it at the end);
//        default a SQLite file in a temporary folder.

#include "../store/benchutil.h"
#include "core/uscc.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "server/serverimporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

/// A valid USCC: 91 (enterprise) + 430104 + an organisation code from \a n + the check character.
QString uscc(qint64 n)
{
    const QString first17 = u"91430104"_s + u"%1"_s.arg(n, 9, 10, QLatin1Char('0'));
    return first17 + Core::Uscc::checkCharacter(first17);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray firmsCsv(qint64 firms)
{
    QByteArray csv = "统一社会信用代码,企业名称,法定代表人,成立日期,注册资本(万元),行业,所属园区,从业人数\n";
    csv.reserve(firms * 120);
    for (qint64 i = 0; i < firms; ++i) {
        csv += uscc(i + 1).toUtf8() + ",湖南基准企业" + QByteArray::number(i + 1) + "有限公司,张"
               + QByteArray::number(i % 97) + ",20" + QByteArray::number(10 + i % 14) + "-0"
               + QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 9) + ","
               + QByteArray::number(50 + i % 950) + ",C" + QByteArray::number(13 + i % 10) + ",BENCH-PARK,"
               + QByteArray::number(3 + i % 400) + "\n";
    }
    return csv;
}

/// Ten rows per firm: five months (2024-01 … 2024-05) of tax paid (yuan) and of insured headcount.
QByteArray seriesCsv(qint64 firms)
{
    QByteArray csv = "统一社会信用代码,月份,指标,数值\n";
    csv.reserve(firms * 10 * 45);
    for (qint64 i = 0; i < firms; ++i) {
        const QByteArray code = uscc(i + 1).toUtf8();
        for (int m = 1; m <= 5; ++m) {
            const QByteArray month = "2024-0" + QByteArray::number(m);
            csv += code + ',' + month + ",tax_paid," + QByteArray::number(1000 + (i * 7 + m) % 90000) + "."
                   + QByteArray::number(10 + m) + "\n";
            csv += code + ',' + month + ",social_insured," + QByteArray::number(3 + (i + m) % 400) + "\n";
        }
    }
    return csv;
}

/// Two records per firm: a tax grade and a penalty with an amount.
QByteArray recordsCsv(qint64 firms)
{
    QByteArray csv = "uscc,kind,date,valid_to,title,authority,amount_fen,detail\n";
    csv.reserve(firms * 2 * 110);
    for (qint64 i = 0; i < firms; ++i) {
        const QByteArray code = uscc(i + 1).toUtf8();
        csv += code + ",tax_grade,2025-04-01,2026-03-31,2024年度纳税信用" + QByteArray(i % 3 ? "A" : "B")
               + "级,国家税务总局湖南省税务局,,\n";
        csv += code + ",penalty,2024-0" + QByteArray::number(1 + i % 9)
               + "-12,,未按期申报,长沙市市场监督管理局," + QByteArray::number(10000 + i % 5000 * 100)
               + ",罚款\n";
    }
    return csv;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 firms = std::max<qint64>(1, Bench::option(args, "--firms", u"20000"_s).toLongLong());
    QTemporaryDir dir;
    if (!dir.isValid()) {
        qCritical("no temporary folder");
        return 1;
    }
    QString url = Bench::option(args, "--db", u"sqlite:"_s + dir.filePath(u"import.db"_s));
    const QString backend = url.startsWith(u"postgres"_s) ? u"postgres"_s : u"sqlite"_s;
    QString error;

    // PostgreSQL without a schema: a fresh one of the bench's own.
    Server::ServerDatabase admin;
    const bool ownSchema = backend == u"postgres"_s && !url.contains(u"schema="_s);
    if (ownSchema) {
        QSqlQuery q(admin.open(url, &error) ? admin.sql() : QSqlDatabase());
        if (!q.exec(u"DROP SCHEMA IF EXISTS import_bench CASCADE"_s)
            || !q.exec(u"CREATE SCHEMA import_bench"_s)) {
            qCritical("cannot create the schema import_bench: %s %s", qPrintable(error),
                      qPrintable(q.lastError().text()));
            return 1;
        }
        url += (url.contains(u'?') ? u"&"_s : u"?"_s) + u"schema=import_bench"_s;
    }
    const auto dropSchema = [&] {
        if (ownSchema)
            QSqlQuery(admin.sql()).exec(u"DROP SCHEMA import_bench CASCADE"_s);
    };

    Server::ServerDatabase db;
    if (!db.open(url, &error) || !db.migrate(&error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    // The firms' park, as an administrator would have created it.
    {
        Server::RowStore rows(db);
        db.transaction();
        if (!rows.upsert(u"park"_s, QString(), {{u"code"_s, u"BENCH-PARK"_s}, {u"name"_s, u"基准园区"_s}},
                         &error)
            || !db.commit()) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
    }

    const struct
    {
        const char *name;
        Server::ServerImporter::Kind kind;
        QString file;
        QByteArray bytes;
        qint64 rows;
    } phases[] = {
        {"firms", Server::ServerImporter::Kind::Firms, dir.filePath(u"firms.csv"_s), firmsCsv(firms), firms},
        {"series", Server::ServerImporter::Kind::Series, dir.filePath(u"series.csv"_s), seriesCsv(firms),
         firms * 10},
        {"records", Server::ServerImporter::Kind::Records, dir.filePath(u"records.csv"_s), recordsCsv(firms),
         firms * 2},
        {"series_reimport",
         Server::ServerImporter::Kind::Series,
         dir.filePath(u"series.csv"_s),
         {},
         firms * 10},
    };
    Server::ServerImporter importer(db);
    for (const auto &phase : phases) {
        if (!phase.bytes.isEmpty() && !writeFile(phase.file, phase.bytes)) {
            qCritical("cannot write %s", qPrintable(phase.file));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        const Server::ServerImporter::Result result = importer.importFile(phase.file, phase.kind);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!result.completed || result.rejected != 0) {
            qCritical("%s: %s", phase.name,
                      QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact).constData());
            return 1;
        }
        Bench::emitJson({{u"bench"_s, u"server_import"_s},
                         {u"kind"_s, QString::fromLatin1(phase.name)},
                         {u"backend"_s, backend},
                         {u"rows"_s, phase.rows},
                         {u"seconds"_s, Bench::round3(seconds)},
                         {u"rows_per_s"_s, qint64(double(phase.rows) / seconds)},
                         {u"imported"_s, result.imported},
                         {u"updated"_s, result.updated},
                         {u"unchanged"_s, result.unchanged},
                         {u"rejected"_s, result.rejected}});
    }
    db.close();
    dropSchema();
    return 0;
}
