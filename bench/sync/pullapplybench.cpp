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

enum IdKind { ParkId = 1, InstitutionId, ProductId, UserId, FirmId, SeriesId, ApplicationId };

QString uuidFor(IdKind kind, qint64 n)
{
    return u"%1-0000-4000-8000-%2"_s.arg(int(kind), 8, 16, QChar(u'0')).arg(n, 12, 10, QChar(u'0'));
}

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
    const QString park = uuidFor(ParkId, 1), bank = uuidFor(InstitutionId, 1),
                  product = uuidFor(ProductId, 1);
    rows.push_back(
        serverRow(u"park"_s, park, ++version,
                  {{u"code"_s, u"CSHX"_s}, {u"name"_s, u"长沙高新区"_s}, {u"region_code"_s, u"430104"_s}}));
    rows.push_back(serverRow(u"institution"_s, bank, ++version,
                             {{u"code"_s, u"BENCH"_s}, {u"name"_s, u"基准银行"_s}, {u"type"_s, u"bank"_s}}));
    rows.push_back(serverRow(u"product"_s, product, ++version,
                             {{u"institution_id"_s, bank},
                              {u"name"_s, u"基准贷"_s},
                              {u"max_amount"_s, 1000000000},
                              {u"max_term_months"_s, 36}}));
    for (int u = 0; u < 4; ++u) {
        rows.push_back(serverRow(u"app_user"_s, uuidFor(UserId, u), ++version,
                                 {{u"login"_s, u"bench%1"_s.arg(u)},
                                  {u"display_name"_s, u"Bench %1"_s.arg(u)},
                                  {u"role"_s, u"admin"_s}}));
    }
    static const char *kinds[]
        = {"tax_paid",    "social_insurance_headcount", "housing_fund", "electricity", "bank_inflow",
           "bank_outflow"};
    const qint64 perFirm = 10;
    for (qint64 f = 0; f < firms; ++f) {
        const QString firm = uuidFor(FirmId, f);
        rows.push_back(serverRow(u"enterprise"_s, firm, ++version,
                                 {{u"uscc"_s, u"91430100%1"_s.arg(f, 10, 10, QChar(u'0'))},
                                  {u"name"_s, u"长沙基准企业%1有限公司"_s.arg(f)},
                                  {u"kind"_s, u"company"_s},
                                  {u"park_id"_s, park},
                                  {u"region_code"_s, u"430104"_s},
                                  {u"industry_code"_s, u"C34"_s},
                                  {u"employees"_s, 10 + f % 300},
                                  {u"annual_revenue"_s, (f % 1000 + 1) * 1000000}}));
        for (qint64 s = 0; s < perFirm; ++s) {
            const QDate month = QDate(2026, 10, 1).addMonths(-int(s / 6));
            rows.push_back(serverRow(u"monthly_value"_s, uuidFor(SeriesId, f * perFirm + s), ++version,
                                     {{u"enterprise_id"_s, firm},
                                      {u"kind"_s, QString::fromLatin1(kinds[s % 6])},
                                      {u"month"_s, month.toString(Qt::ISODate)},
                                      {u"value"_s, (f * 7 + s * 13) % 100000}}));
        }
    }
    const qint64 applications = firms * 2 / 5;
    for (qint64 a = 0; a < applications; ++a) {
        rows.push_back(serverRow(u"application"_s, uuidFor(ApplicationId, a), ++version,
                                 {{u"number"_s, u"XD-2026-%1"_s.arg(a + 1, 7, 10, QChar(u'0'))},
                                  {u"enterprise_id"_s, uuidFor(FirmId, a % std::max<qint64>(1, firms))},
                                  {u"product_id"_s, product},
                                  {u"institution_id"_s, bank},
                                  {u"park_id"_s, park},
                                  {u"amount"_s, 100000000 + a % 50 * 1000000},
                                  {u"term_months"_s, 12},
                                  {u"state"_s, u"draft"_s},
                                  {u"created_at"_s, u"2026-11-20T08:00:00.000Z"_s}}));
    }
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
