// bench_intake [--rows N]: writes an N-row (default 1,000,000) monthly-series CSV for N/100 firms into a
// temporary folder, imports the firm roster, then times the series import (read + decode + parse +
// validate + upsert, one transaction) into a fresh store. Prints JSON lines.

#include "core/uscc.h"
#include "intake/csvimporter.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace XinDai;

namespace {

QByteArray uscc(int n)
{
    const QString first17 = QStringLiteral("91430104") + QStringLiteral("%1").arg(n, 9, 10, QLatin1Char('0'));
    return (first17 + Core::Uscc::checkCharacter(first17)).toUtf8();
}

void emitJson(const QJsonObject &o)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    qint64 rows = 1000000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--rows")); i >= 0 && i + 1 < args.size())
        rows = args.at(i + 1).toLongLong();
    if (rows < 100) {
        QTextStream(stderr) << "bench_intake: --rows needs at least 100\n";
        return 2;
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const int firms = int(rows / 100);

    // 100 rows per firm: 6 kinds × 17 months minus 2 (the two bank series one month shorter).
    static const char *const kinds[]
        = {"tax_paid", "social_insured", "housing_fund", "electricity", "bank_inflow", "bank_outflow"};
    QFile roster(dir.filePath(QStringLiteral("firms.csv")));
    QFile series(dir.filePath(QStringLiteral("series.csv")));
    if (!roster.open(QIODevice::WriteOnly) || !series.open(QIODevice::WriteOnly))
        return 1;
    roster.write("uscc,name,region\n");
    series.write("uscc,month,kind,value\n");
    QByteArray chunk;
    qint64 written = 0;
    for (int f = 0; f < firms; ++f) {
        const QByteArray code = uscc(1000 + f);
        roster.write(code + ",湖南测试企业" + QByteArray::number(f) + "有限公司,430104\n");
        for (int k = 0; k < 6; ++k) {
            const int months = k < 4 ? 17 : 16;
            for (int m = 0; m < months; ++m) {
                chunk += code + ",20" + QByteArray::number(24 + m / 12) + '-'
                         + QByteArray::number(101 + m % 12).right(2) + ',' + kinds[k] + ','
                         + QByteArray::number((f * 37 + m * 11) % 100000) + (k == 1 || k == 3 ? "" : ".25")
                         + '\n';
                ++written;
            }
        }
        if (chunk.size() > (1 << 20)) {
            series.write(chunk);
            chunk.clear();
        }
    }
    series.write(chunk);
    roster.close();
    series.close();

    Store::Database db;
    QString error;
    if (!db.open(dir.filePath(QStringLiteral("bench.db")), &error)) {
        QTextStream(stderr) << error << "\n";
        return 1;
    }
    Intake::CsvImporter importer(db);
    Intake::CsvImporter::Options options;
    options.kind = Intake::ColumnMapping::Kind::Firms;
    QElapsedTimer timer;
    timer.start();
    const Intake::ImportResult firmResult = importer.importFile(roster.fileName(), options);
    const double firmSeconds = timer.nsecsElapsed() / 1e9;
    if (!firmResult.completed || firmResult.imported != firms) {
        QTextStream(stderr) << "firm import failed: " << firmResult.fatalError << "\n";
        return 1;
    }
    emitJson({{QStringLiteral("bench"), QStringLiteral("csv_import_firms")},
              {QStringLiteral("rows"), firms},
              {QStringLiteral("seconds"), firmSeconds},
              {QStringLiteral("rows_per_s"), qRound64(firms / firmSeconds)}});

    options.kind = Intake::ColumnMapping::Kind::Series;
    timer.restart();
    const Intake::ImportResult result = importer.importFile(series.fileName(), options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!result.completed || result.imported != written) {
        QTextStream(stderr) << "series import failed: " << result.fatalError << " rejected "
                            << result.rejected << "\n";
        return 1;
    }
    emitJson({{QStringLiteral("bench"), QStringLiteral("csv_import")},
              {QStringLiteral("rows"), written},
              {QStringLiteral("seconds"), seconds},
              {QStringLiteral("rows_per_s"), qRound64(written / seconds)},
              {QStringLiteral("target_rows_per_s"), 100000}});
    return 0;
}
