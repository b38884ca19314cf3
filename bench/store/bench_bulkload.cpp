// bench_bulkload [--firms 100000] [--out FILE] [--keep] [--seed S]
// Generates the demo dataset in chunks and bulk-loads it into a fresh store file; prints JSON lines
// for generation and loading separately (rows, seconds, rows_per_s), plus peak RSS.

#include "benchutil.h"
#include "demo/demogenerator.h"
#include "store/bulkloader.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace XinDai;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Demo::DemoGenerator::Options options;
    options.firms = Bench::option(args, "--firms", QStringLiteral("100000")).toInt();
    options.seed = Bench::option(args, "--seed", QString::number(options.seed)).toUInt();
    options.passwordIterations = 1000; // hashing cost is not what this benchmark measures
    const QString out
        = Bench::option(args, "--out", QDir::temp().filePath(QStringLiteral("xindai-bench-bulkload.db")));
    const bool keep = args.contains(QStringLiteral("--keep"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(out + suffix);

    Store::Database db;
    QString error;
    if (!db.open(out, &error)) {
        QTextStream(stderr) << "bench_bulkload: " << error << "\n";
        return 1;
    }
    const Demo::DemoGenerator generator(options);
    qint64 rows = 0, loadNs = 0, generateNs = 0, indexNs = 0;
    QElapsedTimer timer;
    // One loader for all chunks, search index built once at the end (as createDatabase() does).
    Store::BulkLoader loader(db);
    loader.setDeferSearchIndex(true);
    auto load = [&](const Core::Dataset &data) {
        QElapsedTimer t;
        t.start();
        if (!loader.load(data, &error)) {
            QTextStream(stderr) << "bench_bulkload: " << error << "\n";
            return false;
        }
        loadNs += t.nsecsElapsed();
        rows += Demo::DemoGenerator::rowCount(data);
        return true;
    };
    timer.start();
    Core::Dataset reference = generator.referenceData();
    generateNs += timer.nsecsElapsed();
    if (!load(reference))
        return 1;
    const int chunk = Demo::DemoGenerator::DefaultChunkFirms;
    for (int first = 0; first < options.firms; first += chunk) {
        timer.restart();
        const Core::Dataset data = generator.firmsChunk(first, chunk);
        generateNs += timer.nsecsElapsed();
        if (!load(data))
            return 1;
    }
    timer.restart();
    if (!loader.finish(&error)) {
        QTextStream(stderr) << "bench_bulkload: " << error << "\n";
        return 1;
    }
    indexNs = timer.nsecsElapsed();
    db.close();
    const double genSeconds = double(generateNs) / 1e9;
    const double indexSeconds = double(indexNs) / 1e9;
    const double loadSeconds = double(loadNs) / 1e9 + indexSeconds;
    QJsonObject g;
    g.insert(QStringLiteral("bench"), QStringLiteral("demo_generate"));
    g.insert(QStringLiteral("firms"), options.firms);
    g.insert(QStringLiteral("rows"), double(rows));
    g.insert(QStringLiteral("seconds"), Bench::round3(genSeconds));
    g.insert(QStringLiteral("rows_per_s"), double(qint64(rows / std::max(genSeconds, 1e-9))));
    Bench::emitJson(g);
    QJsonObject l;
    l.insert(QStringLiteral("bench"), QStringLiteral("bulk_load"));
    l.insert(QStringLiteral("firms"), options.firms);
    l.insert(QStringLiteral("rows"), double(rows));
    l.insert(QStringLiteral("seconds"), Bench::round3(loadSeconds));
    l.insert(QStringLiteral("rows_per_s"), double(qint64(rows / std::max(loadSeconds, 1e-9))));
    l.insert(QStringLiteral("chunk_firms"), chunk);
    l.insert(QStringLiteral("search_index_seconds"), Bench::round3(indexSeconds));
    l.insert(QStringLiteral("file_mb"), Bench::round3(double(QFileInfo(out).size()) / 1048576.0));
    l.insert(QStringLiteral("peak_rss_mb"), Bench::round3(Bench::peakRssMb()));
    Bench::emitJson(l);
    if (!keep) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(out + suffix);
    }
    return 0;
}
