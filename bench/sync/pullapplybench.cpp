// The client's side of a first sync, without server or network: N pull pages built in memory as the
// server sends them (PullPage::toWireJson(), 5,000 rows per page, the mix of syncbench's seed: per firm
// one enterprise row and 10 monthly values, 2 applications per 5 firms), then timed per stage:
//   parse     bytes -> page
//   checksum  the page checksum check
//   apply     every page into a fresh client store (Store::Database), one transaction per page
// Prints JSON lines {"bench":"pullapply_<stage>", "rows", "seconds", "rows_per_s", "us_per_row", ...}
// (median of --rounds runs) and pullapply_total.
// Usage: xindai-bench-pullapply [--firms N] [--rounds N] [--legacy]
// --legacy times the message path instead (QJsonDocument + PullPage::fromJson, PullPage::verify,
// PullApplier::apply(PullPage)), as the client did before CompactPage.

#include "../store/benchutil.h"
#include "benchdataset.h"
#include "store/database.h"
#include "sync/entitycatalog.h"
#include "sync/pullpage.h"
#include "syncclient/pullapplier.h"

#if __has_include("sync/compactpage.h")
#include "sync/compactpage.h"
#define XINDAI_HAVE_COMPACTPAGE 1
#endif

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>
#include <vector>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

constexpr int RowsPerPage = 5000;

/// A row as the server writes it: every wire field, the ones not given at their stored default.
Sync::Row serverRow(const QString &entity, const QString &id, qint64 version, const QJsonObject &given)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
    Sync::Row row;
    row.entity = entity;
    row.id = id;
    row.version = version;
    row.updatedAt = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC).addMSecs(version % 86400000);
    for (const Sync::FieldSpec &f : spec->fields) {
        if (f.serverOnly)
            continue;
        row.fields.insert(f.name, given.contains(f.name) ? given.value(f.name)
                                                         : Sync::EntityCatalog::toJson(f, QVariant()));
    }
    return row;
}

std::vector<Sync::Row> seedRows(qint64 firms)
{
    std::vector<Sync::Row> rows;
    qint64 version = 0;
    Bench::forEachDatasetRow({firms, 10, firms * 2 / 5}, {},
                             [&](const QString &entity, const QString &id, const QJsonObject &fields) {
                                 rows.push_back(serverRow(entity, id, ++version, fields));
                                 return true;
                             });
    return rows;
}

struct Timing
{
    double parse = 0, checksum = 0, apply = 0;
};

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

/// One run: every page parsed, checked and applied into a fresh store.
std::optional<Timing> run(const QList<QByteArray> &wire, bool legacy)
{
    QTemporaryDir dir;
    Store::Database db;
    QString error;
    if (!db.open(dir.filePath(u"client.db"_s), &error)) {
        qCritical("%s", qPrintable(error));
        return std::nullopt;
    }
    db.setRecordChanges(false); // as the sync engine's own connection
    SyncClient::PullApplier::prepareConnection(db);
    SyncClient::PullApplier applier(db);
    Timing timing;
    QElapsedTimer t;
    for (const QByteArray &bytes : wire) {
        SyncClient::PullApplier::Result result;
#ifdef XINDAI_HAVE_COMPACTPAGE
        if (!legacy) {
            t.start();
            std::optional<Sync::CompactPage> page = Sync::CompactPage::parse(bytes, &error);
            timing.parse += seconds(t);
            if (!page) {
                qCritical("parse: %s", qPrintable(error));
                return std::nullopt;
            }
            t.start();
            const bool verified = Sync::CompactPage::checksumMatchesBytes(bytes);
            timing.checksum += seconds(t);
            if (!verified) {
                qCritical("checksum: the page's bytes do not match its checksum");
                return std::nullopt;
            }
            t.start();
            result = applier.apply(*page, &error);
            timing.apply += seconds(t);
        } else
#endif
        {
            Q_UNUSED(legacy);
            t.start();
            const std::optional<Sync::PullPage> page
                = Sync::PullPage::fromJson(QJsonDocument::fromJson(bytes).object(), &error);
            timing.parse += seconds(t);
            if (!page) {
                qCritical("parse: %s", qPrintable(error));
                return std::nullopt;
            }
            t.start();
            const bool ok = page->verify(&error);
            timing.checksum += seconds(t);
            if (!ok) {
                qCritical("checksum: %s", qPrintable(error));
                return std::nullopt;
            }
            // apply() verifies again: subtract a second verify, timed on its own.
            t.start();
            page->verify(&error);
            const double verifyAgain = seconds(t);
            t.start();
            result = applier.apply(*page, &error);
            timing.apply += std::max(0.0, seconds(t) - verifyAgain);
        }
        if (result != SyncClient::PullApplier::Result::Applied) {
            qCritical("apply: %s", qPrintable(error));
            return std::nullopt;
        }
    }
    return timing;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 firms = Bench::option(args, "--firms", u"5000"_s).toLongLong();
    const int rounds = std::max(1, Bench::option(args, "--rounds", u"3"_s).toInt());
    const bool legacy = args.contains(u"--legacy"_s);

    const std::vector<Sync::Row> rows = seedRows(firms);
    QList<QByteArray> wire;
    qint64 bytes = 0;
    for (size_t first = 0; first < rows.size(); first += RowsPerPage) {
        Sync::PullPage page;
        const size_t last = std::min(rows.size(), first + RowsPerPage);
        for (size_t i = first; i < last; ++i)
            page.rows.append(rows[i]);
        page.nextCursor = page.rows.constLast().version;
        page.hasMore = last < rows.size();
        page.seal();
        wire.append(page.toWireJson());
        bytes += wire.constLast().size();
    }

    std::vector<double> parse, checksum, apply, total;
    for (int r = 0; r < rounds; ++r) {
        const std::optional<Timing> t = run(wire, legacy);
        if (!t)
            return 1;
        parse.push_back(t->parse);
        checksum.push_back(t->checksum);
        apply.push_back(t->apply);
        total.push_back(t->parse + t->checksum + t->apply);
    }
    const qint64 n = qint64(rows.size());
    auto emitStage = [&](const QString &stage, const std::vector<double> &times) {
        const double s = median(times);
        Bench::emitJson({{u"bench"_s, QString(u"pullapply_"_s + stage)},
                         {u"mode"_s, legacy ? u"legacy"_s : u"compact"_s},
                         {u"rows"_s, n},
                         {u"pages"_s, qint64(wire.size())},
                         {u"bytes"_s, bytes},
                         {u"rounds"_s, rounds},
                         {u"seconds"_s, Bench::round3(s)},
                         {u"rows_per_s"_s, qint64(double(n) / std::max(s, 1e-9))},
                         {u"us_per_row"_s, Bench::round3(s * 1e6 / double(n))}});
    };
    emitStage(u"parse"_s, parse);
    emitStage(u"checksum"_s, checksum);
    emitStage(u"apply"_s, apply);
    emitStage(u"total"_s, total);
    return 0;
}
