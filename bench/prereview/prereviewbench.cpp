// Benchmark: pre-review of one application of a generated demo store.
// Prints {"bench":"prereview_one","us":median} (rules only, input in memory; target ≤ 2000 µs) and
// {"bench":"prereview_one_with_load","us":median} (loading everything from the SQLite store, then the rules).

#include "demo/demogenerator.h"
#include "prereview/prereviewer.h"
#include "store/applicationrepository.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

using namespace XinDai;

namespace {

constexpr int Runs = 1000;

/// Median of \a runs timings of \a work, in microseconds (to 0.1 µs).
double medianMicros(int runs, const std::function<void()> &work)
{
    std::vector<qint64> ns;
    ns.reserve(size_t(runs));
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        work();
        ns.push_back(timer.nsecsElapsed());
    }
    std::sort(ns.begin(), ns.end());
    return double(ns[ns.size() / 2] / 100) / 10.0;
}

void print(const char *name, double us, int runs)
{
    const QJsonObject o{{QStringLiteral("bench"), QLatin1String(name)},
                        {QStringLiteral("us"), us},
                        {QStringLiteral("runs"), runs}};
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    Demo::DemoGenerator::Options options;
    options.firms = 50;
    options.passwordIterations = 0;
    QString error;
    if (!Demo::DemoGenerator::createDatabase(path, options, &error)) {
        err << error << "\n";
        return 1;
    }
    Store::Database db;
    if (!db.open(path, &error, Store::Database::OpenMode::MustExist)) {
        err << error << "\n";
        return 1;
    }
    // The application with a product whose firm has the most documents: the richest input of the store.
    QString applicationId;
    qsizetype richest = -1;
    Store::ApplicationRepository repository(db);
    for (const Core::Application &a : repository.applications()) {
        const qsizetype docs = repository.documents(a.enterpriseId).size();
        if (!a.productId.isEmpty() && docs > richest) {
            richest = docs;
            applicationId = a.meta.id;
        }
    }
    const QDate day = options.asOf;
    const std::optional<Prereview::PrereviewInput> input
        = Prereview::Prereviewer::load(db, applicationId, day, &error);
    if (!input) {
        err << error << "\n";
        return 1;
    }
    const Core::WorkCalendar calendar = Core::WorkCalendar::builtin();
    int findings = 0;
    print("prereview_one",
          medianMicros(
              Runs, [&] { findings += int(Prereview::Prereviewer::run(*input, calendar).findings.size()); }),
          Runs);
    print("prereview_one_with_load",
          medianMicros(Runs,
                       [&] {
                           findings
                               += int(Prereview::Prereviewer::review(db, applicationId, day, calendar, &error)
                                          ->findings.size());
                       }),
          Runs);
    return findings < 0 ? 1 : 0; // keeps the results observable, so the work is not optimised away
}
