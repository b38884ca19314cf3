// bench_search [--db FILE] [--firms 100000] [--queries 1000] [--seed S]
// Builds (or reuses) a store with the demo dataset, then times EnterpriseRepository::search() over
// fragments of real generated names (1–4 Chinese characters) and USCCs; prints p50/p95/max in ms,
// overall and per fragment kind.

#include "benchutil.h"
#include "demo/demogenerator.h"
#include "demo/demorandom.h"
#include "store/database.h"
#include "store/enterpriserepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMap>

#include <algorithm>

using namespace XinDai;

namespace {

struct Stats
{
    QVector<double> ms;
    int empty = 0;

    QJsonObject json() const
    {
        QVector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) {
            return sorted.isEmpty()
                       ? 0.0
                       : sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size())));
        };
        double sum = 0;
        for (double v : sorted)
            sum += v;
        QJsonObject o;
        o.insert(QStringLiteral("queries"), int(sorted.size()));
        o.insert(QStringLiteral("p50_ms"), Bench::round3(pct(0.50)));
        o.insert(QStringLiteral("p95_ms"), Bench::round3(pct(0.95)));
        o.insert(QStringLiteral("max_ms"), Bench::round3(sorted.isEmpty() ? 0 : sorted.last()));
        o.insert(QStringLiteral("mean_ms"), Bench::round3(sorted.isEmpty() ? 0 : sum / sorted.size()));
        o.insert(QStringLiteral("empty_results"), empty);
        return o;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Demo::DemoGenerator::Options options;
    options.firms = Bench::option(args, "--firms", QStringLiteral("100000")).toInt();
    options.seed = Bench::option(args, "--seed", QString::number(options.seed)).toUInt();
    options.passwordIterations = 1000;
    const int queries = Bench::option(args, "--queries", QStringLiteral("1000")).toInt();
    const QString path = Bench::option(
        args, "--db",
        QDir::temp().filePath(QStringLiteral("xindai-bench-%1-%2.db").arg(options.firms).arg(options.seed)));

    QTextStream err(stderr);
    if (!QFileInfo::exists(path)) {
        err << "bench_search: building " << path << " with " << options.firms << " firms\n";
        err.flush();
        QElapsedTimer build;
        build.start();
        QString error;
        if (!Demo::DemoGenerator::createDatabase(path, options, &error)) {
            err << "bench_search: " << error << "\n";
            return 1;
        }
        QJsonObject o;
        o.insert(QStringLiteral("bench"), QStringLiteral("search_setup"));
        o.insert(QStringLiteral("firms"), options.firms);
        o.insert(QStringLiteral("seconds"), Bench::round3(build.elapsed() / 1000.0));
        Bench::emitJson(o);
    }

    Store::Database db;
    QString error;
    QElapsedTimer openTimer;
    openTimer.start();
    if (!db.open(path, &error, Store::Database::OpenMode::MustExist)) {
        err << "bench_search: " << error << "\n";
        return 1;
    }
    const double openMs = openTimer.nsecsElapsed() / 1e6;
    Store::EnterpriseRepository repo(db);
    const int firms = repo.count();
    if (firms <= 0) {
        err << "bench_search: the store " << path << " holds no firms\n";
        return 1;
    }

    // Deterministic query set: fragments of generated firms' names and USCCs.
    options.firms = firms;
    const Demo::DemoGenerator generator(options);
    Demo::DemoRandom rng(options.seed, 0xBE7C5EA2ULL);
    struct Query
    {
        QString text;
        QString kind;
    };
    QVector<Query> set;
    for (int q = 0; q < queries; ++q) {
        const Core::Dataset one = generator.firmsChunk(rng.range(0, firms - 1), 1);
        const Core::Enterprise &e = one.enterprises.first();
        if (rng.chance(750)) {
            const int len = rng.range(1, 4);
            const int start = rng.range(0, int(e.name.size()) - len);
            set.append({e.name.mid(start, len), QStringLiteral("name_%1").arg(len)});
        } else {
            const int len = rng.range(4, 8);
            set.append({e.uscc.mid(rng.range(0, 18 - len), len), QStringLiteral("uscc")});
        }
    }
    for (int w = 0; w < std::min<qsizetype>(20, set.size()); ++w)
        repo.search(set.at(w).text, 50); // warm the page cache

    Stats all;
    QMap<QString, Stats> byKind;
    for (const Query &q : std::as_const(set)) {
        QElapsedTimer t;
        t.start();
        const auto hits = repo.search(q.text, 50);
        const double ms = t.nsecsElapsed() / 1e6;
        all.ms.append(ms);
        byKind[q.kind].ms.append(ms);
        if (hits.isEmpty()) {
            ++all.empty;
            ++byKind[q.kind].empty;
        }
    }
    QJsonObject o = all.json();
    o.insert(QStringLiteral("bench"), QStringLiteral("firm_search"));
    o.insert(QStringLiteral("firms"), firms);
    o.insert(QStringLiteral("open_ms"), Bench::round3(openMs));
    Bench::emitJson(o);
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        QJsonObject k = it.value().json();
        k.insert(QStringLiteral("bench"), QStringLiteral("firm_search"));
        k.insert(QStringLiteral("fragment"), it.key());
        Bench::emitJson(k);
    }
    return 0;
}
