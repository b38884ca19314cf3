// JsonLogic matrix benchmark (issue 4, item 8). Reads rules.json and firms.json written by
// ../shared/bench/jsonlogic-matrix/gen_rules.js and prints JSON lines:
//   {"bench":"rules_load",...}         parse + convert + compile times
//   {"bench":"rules_matrix",...}       every rule × every firm, single thread and all threads
//   {"bench":"rules_one_firm",...}     one firm against all rules, median over many firms (µs)
//   {"bench":"rules_process",...}      whole run from start to the last matrix result (load included)
// Usage: xindai-bench-rules DIR   (DIR holds rules.json and firms.json)

#include "rules/compiledrule.h"
#include "rules/rulematrix.h"
#include "rules/value.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <numeric>
#include <thread>

using namespace XinDai::Rules;

namespace {
// Published by the workload's README for the default 1,000 rules × 10,000 firms.
constexpr qint64 kExpectedTruthy = 1531769;
constexpr char kExpectedSha[] = "32fe5868f044859aa23c8845e763597f26e955ba0464b892fbaf180ae7bbc8b6";

void printLine(const QJsonObject &o)
{
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

Value load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << path << "\n";
        return Value::undefined();
    }
    QString error;
    const Value v = Value::parseJson(f.readAll(), &error);
    if (v.isUndefined())
        QTextStream(stderr) << path << ": " << error << "\n";
    return v;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QElapsedTimer process;
    process.start();
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: xindai-bench-rules DIR (with rules.json and firms.json)\n";
        return 2;
    }
    const QString dir = args.at(1);

    QElapsedTimer t;
    t.start();
    const Value rulesValue = load(dir + QStringLiteral("/rules.json"));
    const Value firmsValue = load(dir + QStringLiteral("/firms.json"));
    if (!rulesValue.isArray() || !firmsValue.isArray())
        return 1;
    const double loadSeconds = t.nsecsElapsed() / 1e9;

    t.restart();
    std::vector<CompiledRule> rules;
    rules.reserve(size_t(rulesValue.size()));
    for (const Value &r : rulesValue.items()) {
        QString error;
        rules.push_back(CompiledRule::compile(r.toJson(), &error));
        if (!rules.back().isValid()) {
            QTextStream(stderr) << "rule " << rules.size() << ": " << error << "\n";
            return 1;
        }
    }
    const double compileSeconds = t.nsecsElapsed() / 1e9;
    const std::vector<Value> &firms = firmsValue.items();
    printLine({{u"bench"_qs, u"rules_load"_qs},
               {u"rules"_qs, qint64(rules.size())},
               {u"facts"_qs, qint64(firms.size())},
               {u"parse_seconds"_qs, loadSeconds},
               {u"compile_seconds"_qs, compileSeconds}});

    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    const bool fullWorkload = rules.size() == 1000 && firms.size() == 10000;
    bool allOk = true;
    for (const int threads : {1, hw}) {
        std::vector<double> runs, cpuRuns;
        std::vector<qint64> counts;
        for (int rep = 0; rep < 3; ++rep) {
            const std::clock_t cpu0 = std::clock();
            t.restart();
            counts = RuleMatrix::trueCounts(rules, firms, threads);
            runs.push_back(t.nsecsElapsed() / 1e9);
            cpuRuns.push_back(double(std::clock() - cpu0) / CLOCKS_PER_SEC);
        }
        std::sort(runs.begin(), runs.end());
        std::sort(cpuRuns.begin(), cpuRuns.end());
        const double seconds = runs[1]; // median of 3
        const qint64 truthy = std::accumulate(counts.begin(), counts.end(), qint64(0));
        const QByteArray sha = RuleMatrix::countsSha256(counts);
        const double evaluations = double(rules.size()) * double(firms.size());
        QJsonObject o{{u"bench"_qs, u"rules_matrix"_qs},
                      {u"evaluations"_qs, evaluations},
                      {u"seconds"_qs, seconds},
                      {u"cpu_seconds"_qs, cpuRuns[1]}, // CPU time of all threads: tells contention apart
                      {u"evals_per_s"_qs, evaluations / seconds},
                      {u"threads"_qs, threads},
                      {u"truthy"_qs, truthy},
                      {u"counts_sha256"_qs, QString::fromLatin1(sha)}};
        if (fullWorkload) {
            const bool ok = truthy == kExpectedTruthy && sha == kExpectedSha;
            o.insert(u"matches_reference"_qs, ok);
            allOk = allOk && ok;
        }
        printLine(o);
        if (hw == 1)
            break;
    }

    // One firm against every rule: median over many firms.
    std::vector<double> micros;
    const size_t samples = std::min<size_t>(firms.size(), 2000);
    volatile qint64 sink = 0;
    for (size_t f = 0; f < samples; ++f) {
        t.restart();
        qint64 n = 0;
        for (const CompiledRule &rule : rules)
            n += rule.matches(firms[f]) ? 1 : 0;
        micros.push_back(t.nsecsElapsed() / 1e3);
        sink = sink + n;
    }
    std::sort(micros.begin(), micros.end());
    printLine({{u"bench"_qs, u"rules_one_firm"_qs},
               {u"policies"_qs, qint64(rules.size())},
               {u"samples"_qs, qint64(samples)},
               {u"us"_qs, micros.empty() ? 0.0 : micros[micros.size() / 2]},
               {u"p95_us"_qs, micros.empty() ? 0.0 : micros[micros.size() * 95 / 100]}});

    printLine({{u"bench"_qs, u"rules_process"_qs}, {u"seconds"_qs, process.nsecsElapsed() / 1e9}});
    return allOk ? 0 : 1;
}
