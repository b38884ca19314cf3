// Sync benchmarks (issue 3), loopback only, bounded in time; prints JSON lines:
//   {"bench":"sync_seed",...}         server-side load of the dataset through RowStore (rows/s)
//   {"bench":"sync_initial",...}      first sync of a fresh client store: 50,000 firms + 500,000 series rows
//                                     + 20,000 applications (rows/s, server and client peak RSS)
//   {"bench":"sync_incremental",...}  push + pull of 100 edited applications per cycle (p50/p95 ms)
//   {"bench":"sync_concurrent",...}   200 clients pulling pages for 30 s (requests/s, p99 ms, errors), each
//                                     a keep-alive connection sending its next request when answered
// Usage: xindai-bench-sync --server BIN [--db URL] [--firms N] [--series-per-firm N] [--applications N]
//                          [--clients N] [--duration S] [--rounds N] [--server-threads N] [--skip-seed]
//        --skip-seed: the --db store was seeded by an earlier run with the same sizes; measure again
// (internal: xindai-bench-sync seed --db URL ... fills the store; run as a child so RSS figures are clean)

#include "../store/benchutil.h"
#include "benchdataset.h"
#include "core/domain/syncmeta.h"
#include "httpload.h"
#include "security/passwordhasher.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "syncclient/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kPassword = "bench-password-2026";

int seed(const QStringList &args)
{
    const QString url = Bench::option(args, "--db");
    const qint64 firms = Bench::option(args, "--firms", u"50000"_s).toLongLong();
    const qint64 perFirm = Bench::option(args, "--series-per-firm", u"10"_s).toLongLong();
    const qint64 applications = Bench::option(args, "--applications", u"20000"_s).toLongLong();
    Server::ServerDatabase db;
    QString error;
    if (!db.open(url, &error) || !db.migrate(&error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    Server::RowStore rows(db);
    rows.setRestampOnScopeChange(false);
    QElapsedTimer timer;
    timer.start();
    qint64 written = 0;
    // PostgreSQL: rows go in multi-row INSERTs (each statement is a round trip), flushed in the order
    // the entities first appear, which is their reference order (parks before firms before series).
    // SQLite, with no round trip to save, takes them one by one.
    const bool bulk = db.dialect() == Server::ServerDatabase::Dialect::PostgreSQL;
    QStringList order;
    QHash<QString, QList<std::pair<QString, QJsonObject>>> pending;
    auto flush = [&] {
        for (const QString &entity : std::as_const(order)) {
            QList<std::pair<QString, QJsonObject>> &batch = pending[entity];
            if (batch.isEmpty())
                continue;
            if (!rows.insertMany(entity, batch, &error)) {
                qCritical("%s: %s", qPrintable(entity), qPrintable(error));
                return false;
            }
            written += batch.size();
            batch.clear();
        }
        return true;
    };
    auto put = [&](const QString &entity, const QString &id, const QJsonObject &fields) {
        if (bulk) {
            if (!order.contains(entity))
                order.append(entity);
            QList<std::pair<QString, QJsonObject>> &batch = pending[entity];
            batch.append({id, fields});
            return batch.size() < 500 || flush();
        }
        if (!rows.upsert(entity, id, fields, &error)) {
            qCritical("%s %s: %s", qPrintable(entity), qPrintable(id), qPrintable(error));
            return false;
        }
        ++written;
        return true;
    };
    db.transaction();
    const QString hash = Security::PasswordHasher::hash(QString::fromLatin1(kPassword));
    qint64 firmsWritten = 0;
    bool ok
        = Bench::forEachDatasetRow({firms, perFirm, applications}, {{u"password_hash"_s, hash}},
                                   [&](const QString &entity, const QString &id, const QJsonObject &fields) {
                                       if (!put(entity, id, fields))
                                           return false;
                                       // Commit every 5,000 firms: one transaction of half a million rows
                                       // would hold the WAL.
                                       if (entity == u"enterprise"_s && ++firmsWritten % 5000 == 0)
                                           return flush() && db.commit() && db.transaction();
                                       return true;
                                   });
    if (!ok || !flush() || !db.commit()) {
        db.rollback();
        return 1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    // As autovacuum would leave a loaded production store (statistics, visibility map), before the
    // measurements rather than during them.
    if (bulk && !QSqlQuery(db.sql()).exec(u"VACUUM (ANALYZE)"_s)) {
        qCritical("VACUUM failed");
        return 1;
    }
    Bench::emitJson({{u"bench"_s, u"sync_seed"_s},
                     {u"rows"_s, written},
                     {u"seconds"_s, Bench::round3(seconds)},
                     {u"rows_per_s"_s, qint64(double(written) / seconds)},
                     {u"backend"_s, url.section(u':', 0, 0)}});
    return 0;
}

double peakRssMbOf(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

/// Runs the event loop until \a done or \a timeoutMs; sleeps between events (a busy loop would take a
/// core from the server and the sync worker on a 2-core machine).
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(20);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QByteArray loginToken(QNetworkAccessManager &nam, const QUrl &base, const QString &login)
{
    QNetworkRequest request(base.resolved(QUrl(u"auth/login"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = nam.post(
        request,
        QJsonDocument(QJsonObject{{u"login"_s, login}, {u"password"_s, QString::fromLatin1(kPassword)}})
            .toJson(QJsonDocument::Compact));
    waitFor([&] { return reply->isFinished(); }, 60000);
    const QByteArray token
        = QJsonDocument::fromJson(reply->readAll()).object().value(u"token"_s).toString().toUtf8();
    reply->deleteLater();
    return token;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"seed")
        return seed(args);

    const QString serverBin = Bench::option(args, "--server");
    const qint64 firms = Bench::option(args, "--firms", u"50000"_s).toLongLong();
    const qint64 perFirm = Bench::option(args, "--series-per-firm", u"10"_s).toLongLong();
    const qint64 applications = Bench::option(args, "--applications", u"20000"_s).toLongLong();
    const int clients = Bench::option(args, "--clients", u"200"_s).toInt();
    const int duration = Bench::option(args, "--duration", u"30"_s).toInt();
    const int rounds = Bench::option(args, "--rounds", u"30"_s).toInt();
    if (serverBin.isEmpty()) {
        qCritical("usage: xindai-bench-sync --server PATH/xindai-server [--db URL] [--firms N] ...");
        return 2;
    }
    QTemporaryDir dir;
    const QString dbUrl = Bench::option(args, "--db", u"sqlite:"_s + dir.filePath(u"server.db"_s));

    // 1. Seed (child process), unless --skip-seed reuses a store seeded by an earlier run with the
    // same sizes (to measure the later phases again without waiting for the seed).
    if (!args.contains(u"--skip-seed"_s)) {
        QProcess seeder;
        seeder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        seeder.start(QCoreApplication::applicationFilePath(),
                     {u"seed"_s, u"--db"_s, dbUrl, u"--firms"_s, QString::number(firms),
                      u"--series-per-firm"_s, QString::number(perFirm), u"--applications"_s,
                      QString::number(applications)});
        if (!seeder.waitForFinished(-1) || seeder.exitCode() != 0)
            return 1;
        QTextStream(stdout) << seeder.readAllStandardOutput();
    }

    // 2. Server.
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList serveArgs{u"serve"_s, u"--db"_s, dbUrl, u"--listen"_s, u"127.0.0.1:0"_s, u"--insecure-dev"_s};
    if (const QString threads = Bench::option(args, "--server-threads"); !threads.isEmpty())
        serveArgs << u"--threads"_s << threads;
    server.start(serverBin, serveArgs);
    if (!server.waitForStarted() || !server.waitForReadyRead(60000)) {
        qCritical("the server did not start");
        return 1;
    }
    const QUrl base(QJsonDocument::fromJson(server.readLine()).object().value(u"listening"_s).toString()
                    + u'/');
    auto stopServer = qScopeGuard([&] {
        server.terminate();
        server.waitForFinished(10000);
    });

    // 3. Initial sync into a fresh store.
    const QString storePath = dir.filePath(u"client.db"_s);
    {
        Store::Database local;
        QString error;
        if (!local.open(storePath, &error)) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
    }
    SyncClient::SyncEngine::Options options;
    options.storePath = storePath;
    options.serverUrl = base;
    options.intervalSeconds = 0;
    options.pullPageSize = 5000;
    auto engine = std::make_unique<SyncClient::SyncEngine>(options);
    bool signedIn = false;
    QObject::connect(engine.get(), &SyncClient::SyncEngine::loginFinished, &app,
                     [&](bool ok, const QString &message, const QJsonObject &) {
                         signedIn = ok;
                         if (!ok)
                             qCritical("login failed: %s", qPrintable(message));
                     });
    SyncClient::SyncStatus last;
    QObject::connect(engine.get(), &SyncClient::SyncEngine::statusChanged, &app,
                     [&](const SyncClient::SyncStatus &s) { last = s; });
    QElapsedTimer timer;
    timer.start();
    engine->signIn(u"bench0"_s, QString::fromLatin1(kPassword));
    // signIn starts the first cycle on success: wait for it to end.
    if (!waitFor([&] { return signedIn && last.state == SyncClient::SyncStatus::State::UpToDate; }, 600000)) {
        qCritical("the initial sync did not finish: %s", qPrintable(last.lastError));
        return 1;
    }
    const double initialSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 totalRows
        = firms + firms * perFirm + applications + 7; // + park, institution, product, users
    Bench::emitJson({{u"bench"_s, u"sync_initial"_s},
                     {u"rows"_s, totalRows},
                     {u"seconds"_s, Bench::round3(initialSeconds)},
                     {u"rows_per_s"_s, qint64(double(totalRows) / initialSeconds)},
                     {u"server_peak_rss_mb"_s, Bench::round3(peakRssMbOf(server.processId()))},
                     {u"client_peak_rss_mb"_s, Bench::round3(Bench::peakRssMb())},
                     {u"target_rows_per_s"_s, 100000}});

    // 4. Incremental: 100 edited applications pushed and pulled per cycle.
    std::vector<double> cycleMs;
    {
        Store::Database local;
        QString error;
        local.open(storePath, &error);
        Store::ApplicationRepository repo(local);
        QVector<Core::Application> apps = repo.applications();
        for (int r = 0; r < rounds && apps.size() >= 100; ++r) {
            for (int i = 0; i < 100; ++i) {
                Core::Application &a = apps[(r * 100 + i) % apps.size()];
                // Unique to this run: a run on a store reused with --skip-seed edits every row too.
                a.purpose = u"流动资金周转 %1-%2"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(r);
                if (!repo.save(a, &error)) {
                    qCritical("%s", qPrintable(error));
                    return 1;
                }
                a = *repo.application(a.meta.id); // the saved version is the next base
            }
            const QDateTime before = last.lastSuccess;
            timer.restart();
            engine->syncNow();
            if (!waitFor(
                    [&] {
                        return last.state == SyncClient::SyncStatus::State::UpToDate
                               && last.lastSuccess != before && last.pendingOperations == 0;
                    },
                    60000)) {
                qCritical("an incremental cycle did not finish: %s", qPrintable(last.lastError));
                return 1;
            }
            cycleMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    Bench::emitJson({{u"bench"_s, u"sync_incremental"_s},
                     {u"operations_per_cycle"_s, 100},
                     {u"cycles"_s, qint64(cycleMs.size())},
                     {u"p50_ms"_s, Bench::round3(percentile(cycleMs, 0.5))},
                     {u"p95_ms"_s, Bench::round3(percentile(cycleMs, 0.95))},
                     {u"target_p50_ms"_s, 50}});
    engine->shutdown();
    engine.reset();

    // 5. Concurrent pullers: each client pulls 100-row pages from a random cursor, back to back.
    QNetworkAccessManager loginNam;
    QList<QByteArray> tokens;
    for (int u = 0; u < 4; ++u)
        tokens.append(loginToken(loginNam, base, u"bench%1"_s.arg(u)));
    if (tokens.contains(QByteArray())) {
        qCritical("concurrent phase: login failed");
        return 1;
    }
    std::vector<std::unique_ptr<Bench::HttpLoadClient>> loaders;
    std::vector<double> latencies;
    qint64 requests = 0, errors = 0;
    QElapsedTimer phase;
    bool running = true;
    for (int c = 0; c < clients; ++c) {
        loaders.push_back(std::make_unique<Bench::HttpLoadClient>(
            QHostAddress(base.host()), quint16(base.port()), QByteArray("/sync/pull"),
            tokens[c % tokens.size()],
            [&] {
                const qint64 cursor = QRandomGenerator::global()->bounded(qint64(totalRows));
                return QJsonDocument(QJsonObject{{u"cursor"_s, cursor}, {u"pageSize"_s, 100}})
                    .toJson(QJsonDocument::Compact);
            },
            [&](int status, double ms) {
                if (!running)
                    return;
                ++requests;
                latencies.push_back(ms);
                if (status != 200)
                    ++errors;
            }));
    }
    phase.start();
    for (const auto &loader : loaders)
        loader->start();
    waitFor([&] { return phase.elapsed() >= qint64(duration) * 1000; }, duration * 1000 + 5000);
    for (const auto &loader : loaders)
        loader->stop();
    running = false;
    const double elapsed = double(phase.nsecsElapsed()) / 1e9;
    Bench::emitJson({{u"bench"_s, u"sync_concurrent"_s},
                     {u"clients"_s, clients},
                     {u"seconds"_s, Bench::round3(elapsed)},
                     {u"requests"_s, requests},
                     {u"requests_per_s"_s, Bench::round3(double(requests) / elapsed)},
                     {u"p50_ms"_s, Bench::round3(percentile(latencies, 0.5))},
                     {u"p99_ms"_s, Bench::round3(percentile(latencies, 0.99))},
                     {u"errors"_s, errors},
                     {u"target_p99_ms"_s, 200},
                     {u"server_peak_rss_mb"_s, Bench::round3(peakRssMbOf(server.processId()))}});
    return 0;
}
