#include "store/bulkloader.h"

#include "store/database.h"
#include "store/enumcodes.h"
#include "store/searchindex_p.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace XinDai::Store {

using namespace Internal;

namespace {

/// Time-ordered UUIDs (RFC 9562 version 7): 48-bit Unix milliseconds, a 12-bit counter for ids made
/// in the same millisecond, 62 random bits. Successive ids sort after each other.
class OrderedIdGenerator
{
public:
    QString next()
    {
        const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch());
        if (now > m_lastMs) {
            m_lastMs = now;
            m_counter = 0;
        } else if (++m_counter > 0xfff) {
            ++m_lastMs; // borrow from the next millisecond to stay ordered
            m_counter = 0;
        }
        const quint64 random = m_random.generate64();
        uchar bytes[16];
        for (int i = 0; i < 6; ++i)
            bytes[i] = uchar(m_lastMs >> (40 - 8 * i));
        bytes[6] = uchar(0x70 | ((m_counter >> 8) & 0x0f));
        bytes[7] = uchar(m_counter & 0xff);
        bytes[8] = uchar(0x80 | ((random >> 56) & 0x3f));
        for (int i = 9; i < 16; ++i)
            bytes[i] = uchar(random >> (8 * (15 - i)));
        return QUuid::fromRfc4122(QByteArrayView(bytes, 16)).toString(QUuid::WithoutBraces);
    }

private:
    QRandomGenerator64 m_random{QRandomGenerator::system()->generate()};
    quint64 m_lastMs = 0;
    int m_counter = 0;
};

/// Turns a date-time into its stored text, remembering the last one (rows of a dataset usually share
/// a few timestamps).
class TimeText
{
public:
    explicit TimeText(QString now)
        : m_now(std::move(now))
    {}

    QVariant operator()(const QDateTime &value)
    {
        if (!value.isValid())
            return m_now;
        if (value != m_last) {
            m_last = value;
            m_lastText = dateTimeValue(value).toString();
        }
        return m_lastText;
    }

private:
    QString m_now;
    QDateTime m_last;
    QString m_lastText;
};

/// One prepared INSERT statement reused for every row of a table.
class Inserter
{
public:
    Inserter(const QSqlDatabase &db, const QString &table, const QStringList &columns)
        : m_query(db)
        , m_table(table)
    {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(QStringLiteral("?"));
        m_prepared = m_query.prepare(QLatin1String("INSERT INTO ") + table + QLatin1String(" (")
                                     + columns.join(QLatin1String(", ")) + QLatin1String(") VALUES (")
                                     + marks.join(QLatin1String(", ")) + QLatin1Char(')'));
    }

    bool isPrepared() const { return m_prepared; }
    QSqlQuery &query() { return m_query; }
    void bind(int position, const QVariant &value) { m_query.bindValue(position, bindable(value)); }
    bool exec() { return m_query.exec(); }
    QString table() const { return m_table; }

private:
    QSqlQuery m_query;
    QString m_table;
    bool m_prepared = false;
};

QStringList columns(std::initializer_list<const char *> names)
{
    QStringList out = metaColumns();
    for (const char *name : names)
        out.append(QLatin1String(name));
    return out;
}

} // namespace

BulkLoader::BulkLoader(Database &db)
    : m_db(db)
{}

bool BulkLoader::load(const Core::Dataset &d, QString *errorMessage, const Progress &progress)
{
    if (!m_db.isOpen()) {
        setError(errorMessage, Tr::tr("The data could not be loaded: the store is not open."));
        return false;
    }
    const QSqlDatabase db = m_db.sql();
    const qint64 total = d.parks.size() + d.institutions.size() + d.products.size() + d.policies.size()
                         + d.users.size() + d.enterprises.size() + d.series.size() + d.records.size()
                         + d.authorizations.size() + d.applications.size() + d.documents.size();

    // Within the load only: a rollback journal instead of the WAL (pages appended to the file are
    // written once instead of twice, and a rollback still undoes everything), no fsync, a big cache.
    // The switch out of WAL needs the only connection; when another is open the load stays in WAL.
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode = TRUNCATE"));
    pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    pragma.exec(QStringLiteral("PRAGMA cache_size = -262144"));
    pragma.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    auto restorePragmas = [&pragma] {
        pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        pragma.exec(QStringLiteral("PRAGMA cache_size = -16384")); // as Database::open sets it
        pragma.exec(QStringLiteral("PRAGMA temp_store = DEFAULT"));
    };

    if (!m_db.transaction()) {
        restorePragmas();
        setError(errorMessage, Tr::tr("The data could not be loaded: no transaction could be started (%1).")
                                   .arg(db.lastError().text()));
        return false;
    }

    QString failure;
    bool cancelled = false;
    qint64 done = 0;
    OrderedIdGenerator ids;
    TimeText timeText(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    auto idOf = [&ids](const Core::SyncMeta &meta) {
        return meta.id.isEmpty() ? ids.next() : meta.id;
    };
    auto bindMeta = [&](Inserter &ins, const Core::SyncMeta &meta) {
        ins.bind(0, idOf(meta));
        ins.bind(1, meta.version);
        ins.bind(2, timeText(meta.updatedAt));
        ins.bind(3, meta.deleted ? 1 : 0);
    };
    auto step = [&]() {
        ++done;
        if (progress && (done % 8192 == 0 || done == total) && !progress(done, total)) {
            cancelled = true;
            return false;
        }
        return true;
    };

    // Runs \a bindRow for every row of \a rows through one prepared statement.
    auto insertAll = [&](const auto &rows, const QString &table, const QStringList &cols, const QString &noun,
                         auto bindRow) {
        if (!failure.isEmpty() || cancelled || rows.isEmpty())
            return;
        Inserter ins(db, table, cols);
        if (!ins.isPrepared()) {
            failure = Tr::tr("The data could not be loaded: the %1 table could not be prepared (%2).")
                          .arg(table, ins.query().lastError().text());
            return;
        }
        for (const auto &row : rows) {
            bindMeta(ins, row.meta);
            bindRow(ins, row);
            if (!ins.exec()) {
                failure = saveErrorMessage(ins.query(), noun);
                return;
            }
            if (!step())
                return;
        }
    };

    if (m_deferSearchIndex && !SearchIndex::setDeferred(db, true, &failure))
        cancelled = false;

    insertAll(d.parks, QStringLiteral("park"), columns({"code", "name", "region_code", "level"}),
              Tr::tr("park"), [](Inserter &i, const Core::Park &p) {
                  i.bind(4, p.code);
                  i.bind(5, p.name);
                  i.bind(6, p.regionCode);
                  i.bind(7, p.level);
              });
    insertAll(d.institutions, QStringLiteral("institution"), columns({"code", "name", "type", "region_code"}),
              Tr::tr("institution"), [](Inserter &i, const Core::Institution &r) {
                  i.bind(4, r.code);
                  i.bind(5, r.name);
                  i.bind(6, toCode(r.type));
                  i.bind(7, r.regionCode);
              });
    insertAll(
        d.products, QStringLiteral("product"),
        columns({"institution_id", "code", "name", "collateral", "min_amount", "max_amount",
                 "min_term_months", "max_term_months", "rate_min_bp", "rate_max_bp", "fee_bp", "zones",
                 "eligibility_rule", "required_documents", "platform_exclusive", "approval_rate_permille",
                 "avg_days_to_decision", "service_rating_permille", "description"}),
        Tr::tr("financing product"), [](Inserter &i, const Core::FinancingProduct &p) {
            i.bind(4, p.institutionId);
            i.bind(5, p.code);
            i.bind(6, p.name);
            i.bind(7, p.collateral);
            i.bind(8, p.minAmount.fen());
            i.bind(9, p.maxAmount.fen());
            i.bind(10, p.minTermMonths);
            i.bind(11, p.maxTermMonths);
            i.bind(12, p.rateMinBp);
            i.bind(13, p.rateMaxBp);
            i.bind(14, p.feeBp);
            i.bind(15, listToJson(p.zones));
            i.bind(16, p.eligibilityRule);
            i.bind(17, listToJson(p.requiredDocuments));
            i.bind(18, p.platformExclusive ? 1 : 0);
            i.bind(19, p.approvalRatePermille);
            i.bind(20, p.avgDaysToDecision);
            i.bind(21, p.serviceRatingPermille);
            i.bind(22, p.description);
        });
    insertAll(d.policies, QStringLiteral("policy"),
              columns({"code", "title", "type", "authority", "region_code", "eligibility_rule",
                       "benefit_rule", "benefit_cap", "window_start", "window_end", "required_materials",
                       "summary", "rule_version"}),
              Tr::tr("policy"), [](Inserter &i, const Core::Policy &p) {
                  i.bind(4, p.code);
                  i.bind(5, p.title);
                  i.bind(6, toCode(p.type));
                  i.bind(7, p.authority);
                  i.bind(8, p.regionCode);
                  i.bind(9, p.eligibilityRule);
                  i.bind(10, p.benefitRule);
                  i.bind(11, p.benefitCap.fen());
                  i.bind(12, dateValue(p.windowStart));
                  i.bind(13, dateValue(p.windowEnd));
                  i.bind(14, listToJson(p.requiredMaterials));
                  i.bind(15, p.summary);
                  i.bind(16, p.ruleVersion);
              });
    insertAll(
        d.users, QStringLiteral("app_user"),
        columns({"login", "display_name", "role", "park_id", "institution_id", "password_hash", "disabled"}),
        Tr::tr("user"), [](Inserter &i, const Core::User &u) {
            i.bind(4, u.login);
            i.bind(5, u.displayName);
            i.bind(6, toCode(u.role));
            i.bind(7, textOrNull(u.parkId));
            i.bind(8, textOrNull(u.institutionId));
            i.bind(9, u.passwordHash);
            i.bind(10, u.disabled ? 1 : 0);
        });
    insertAll(d.enterprises, QStringLiteral("enterprise"),
              columns({"uscc", "name", "kind", "legal_rep", "legal_rep_id", "established",
                       "registered_capital", "industry_code", "region_code", "park_id", "employees",
                       "annual_revenue", "total_assets", "address", "phone"}),
              Tr::tr("firm"), [](Inserter &i, const Core::Enterprise &e) {
                  i.bind(4, e.uscc);
                  i.bind(5, e.name);
                  i.bind(6, toCode(e.kind));
                  i.bind(7, e.legalRep);
                  i.bind(8, e.legalRepId);
                  i.bind(9, dateValue(e.established));
                  i.bind(10, e.registeredCapital.fen());
                  i.bind(11, e.industryCode);
                  i.bind(12, e.regionCode);
                  i.bind(13, textOrNull(e.parkId));
                  i.bind(14, e.employees);
                  i.bind(15, e.annualRevenue.fen());
                  i.bind(16, e.totalAssets.fen());
                  i.bind(17, e.address);
                  i.bind(18, e.phone);
              });
    if (failure.isEmpty() && !cancelled && !d.series.isEmpty()) {
        // The bulk of a dataset (24 months × 6 series per firm): rows go in groups of seriesBatch per
        // statement, which saves most of the per-statement work; the few distinct kind codes and
        // month texts are made once.
        constexpr int seriesBatch = 64;
        const QStringList cols = columns({"enterprise_id", "kind", "month", "value"});
        const int width = int(cols.size());
        QString kindText[int(Core::MonthlyValue::Kind::BankOutflow) + 1];
        for (int k = 0; k <= int(Core::MonthlyValue::Kind::BankOutflow); ++k)
            kindText[k] = toCode(Core::MonthlyValue::Kind(k));
        QHash<qint64, QVariant> monthText;
        auto prepare = [&](QSqlQuery &query, int rows) {
            QString one = QStringLiteral("(?");
            for (int c = 1; c < width; ++c)
                one += QStringLiteral(", ?");
            one += QLatin1Char(')');
            QStringList groups;
            for (int r = 0; r < rows; ++r)
                groups.append(one);
            return query.prepare(QLatin1String("INSERT INTO monthly_value (") + cols.join(QLatin1String(", "))
                                 + QLatin1String(") VALUES ") + groups.join(QLatin1String(", ")));
        };
        QSqlQuery batch(db);
        QSqlQuery single(db);
        if (!prepare(batch, seriesBatch) || !prepare(single, 1)) {
            failure = Tr::tr("The data could not be loaded: the %1 table could not be prepared (%2).")
                          .arg(QStringLiteral("monthly_value"), batch.lastError().text());
        }
        const qsizetype count = d.series.size();
        for (qsizetype at = 0; failure.isEmpty() && !cancelled && at < count;) {
            const int rows = count - at >= seriesBatch ? seriesBatch : 1;
            QSqlQuery &query = rows == seriesBatch ? batch : single;
            for (int r = 0; r < rows; ++r) {
                const Core::MonthlyValue &v = d.series.at(at + r);
                const int base = r * width;
                query.bindValue(base, idOf(v.meta));
                query.bindValue(base + 1, v.meta.version);
                query.bindValue(base + 2, timeText(v.meta.updatedAt));
                query.bindValue(base + 3, v.meta.deleted ? 1 : 0);
                query.bindValue(base + 4, bindable(v.enterpriseId));
                query.bindValue(base + 5, kindText[int(v.kind)]);
                const qint64 day = v.month.toJulianDay();
                auto it = monthText.constFind(day);
                if (it == monthText.cend())
                    it = monthText.insert(day, dateValue(v.month));
                query.bindValue(base + 6, *it);
                query.bindValue(base + 7, v.value);
            }
            if (!query.exec()) {
                failure = saveErrorMessage(query, Tr::tr("monthly value"));
                break;
            }
            for (int r = 0; r < rows && !cancelled; ++r)
                step();
            at += rows;
        }
    }
    insertAll(
        d.records, QStringLiteral("credit_record"),
        columns({"enterprise_id", "kind", "date", "valid_to", "title", "authority", "amount", "detail"}),
        Tr::tr("credit record"), [](Inserter &i, const Core::CreditRecord &r) {
            i.bind(4, r.enterpriseId);
            i.bind(5, toCode(r.kind));
            i.bind(6, dateValue(r.date));
            i.bind(7, dateValue(r.validTo));
            i.bind(8, r.title);
            i.bind(9, r.authority);
            i.bind(10, r.amount.fen());
            i.bind(11, r.detail);
        });
    insertAll(d.authorizations, QStringLiteral("authorization"),
              columns({"enterprise_id", "institution_ids", "purpose", "valid_from", "valid_to", "revoked",
                       "revoked_at", "scan_sha256", "recorded_by"}),
              Tr::tr("authorization"), [&](Inserter &i, const Core::Authorization &a) {
                  i.bind(4, a.enterpriseId);
                  i.bind(5, listToJson(a.institutionIds));
                  i.bind(6, a.purpose);
                  i.bind(7, dateValue(a.validFrom));
                  i.bind(8, dateValue(a.validTo));
                  i.bind(9, a.revoked ? 1 : 0);
                  i.bind(10, dateTimeValue(a.revokedAt));
                  i.bind(11, a.scanSha256);
                  i.bind(12, textOrNull(a.recordedBy));
              });
    insertAll(
        d.applications, QStringLiteral("application"),
        columns({"number",     "enterprise_id",   "product_id",       "institution_id",       "park_id",
                 "amount",     "term_months",     "purpose",          "collateral",           "state",
                 "created_at", "submitted_at",    "accepted_at",      "decided_at",           "disbursed_at",
                 "settled_at", "approved_amount", "approved_rate_bp", "approved_term_months", "reject_reason",
                 "created_by"}),
        Tr::tr("application"), [&](Inserter &i, const Core::Application &a) {
            i.bind(4, a.number);
            i.bind(5, a.enterpriseId);
            i.bind(6, textOrNull(a.productId));
            i.bind(7, textOrNull(a.institutionId));
            i.bind(8, textOrNull(a.parkId));
            i.bind(9, a.amount.fen());
            i.bind(10, a.termMonths);
            i.bind(11, a.purpose);
            i.bind(12, a.collateral);
            i.bind(13, toCode(a.state));
            i.bind(14, dateTimeValue(a.createdAt));
            i.bind(15, dateTimeValue(a.submittedAt));
            i.bind(16, dateTimeValue(a.acceptedAt));
            i.bind(17, dateTimeValue(a.decidedAt));
            i.bind(18, dateTimeValue(a.disbursedAt));
            i.bind(19, dateTimeValue(a.settledAt));
            i.bind(20, a.approvedAmount.fen());
            i.bind(21, a.approvedRateBp);
            i.bind(22, a.approvedTermMonths);
            i.bind(23, a.rejectReason);
            i.bind(24, textOrNull(a.createdBy));
        });
    insertAll(d.documents, QStringLiteral("document"),
              columns({"enterprise_id", "application_id", "doc_type", "file_name", "mime_type", "size_bytes",
                       "sha256", "added_at"}),
              Tr::tr("document"), [&](Inserter &i, const Core::Document &doc) {
                  i.bind(4, doc.enterpriseId);
                  i.bind(5, textOrNull(doc.applicationId));
                  i.bind(6, doc.docType);
                  i.bind(7, doc.fileName);
                  i.bind(8, doc.mimeType);
                  i.bind(9, doc.sizeBytes);
                  i.bind(10, doc.sha256);
                  i.bind(11, dateTimeValue(doc.addedAt));
              });

    if (failure.isEmpty() && !cancelled && progress && total == 0)
        cancelled = !progress(0, 0);

    if (!failure.isEmpty() || cancelled) {
        m_db.rollback();
        restorePragmas();
        setError(errorMessage,
                 cancelled && failure.isEmpty()
                     ? Tr::tr("The data load was cancelled; nothing of it was kept.")
                     : Tr::tr("The data load failed and nothing of it was kept. %1").arg(failure));
        return false;
    }
    if (!m_db.commit()) {
        const QString reason = db.lastError().text();
        m_db.rollback();
        restorePragmas();
        setError(errorMessage, Tr::tr("The data load failed and nothing of it was kept: %1").arg(reason));
        return false;
    }
    restorePragmas();
    m_rows += total;
    return true;
}

bool BulkLoader::finish(QString *errorMessage)
{
    if (!m_db.isOpen()) {
        setError(errorMessage, Tr::tr("The search index could not be built: the store is not open."));
        return false;
    }
    const QSqlDatabase db = m_db.sql();
    if (SearchIndex::isDeferred(db) && !SearchIndex::rebuild(db, errorMessage))
        return false;
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA optimize"));
    return true;
}

} // namespace XinDai::Store
