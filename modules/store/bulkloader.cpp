#include "store/bulkloader.h"

#include "store/database.h"
#include "store/enumcodes.h"
#include "store/searchindex_p.h"
#include "store/sqlitehandle.h"
#include "store/sqlitestatement.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <vector>

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

    QVariant operator()(const QDateTime &value) { return text(value); }

    /// Valid until the next call.
    const QString &text(const QDateTime &value)
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
    Inserter(sqlite3 *db, const QString &table, const QStringList &columns)
        : m_statement(db, insertSql(table, columns))
    {}

    static QString insertSql(const QString &table, const QStringList &columns)
    {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(QStringLiteral("?"));
        return QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns.join(QLatin1String(", "))
               + QLatin1String(") VALUES (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
    }

    bool isPrepared() const { return m_statement.isPrepared(); }
    void bind(int position, const QVariant &value) { m_statement.bind(position, value); }
    bool exec() { return m_statement.exec(); }
    QString errorText() const { return m_statement.errorText(); }

private:
    SqliteStatement m_statement;
};

QStringList columns(std::initializer_list<const char *> names)
{
    QStringList out = metaColumns();
    for (const char *name : names)
        out.append(QLatin1String(name));
    return out;
}

/// Inserts the monthly series, the bulk of a dataset (24 months × 6 series per firm), in the order
/// of the table's primary key (firm, kind code, month; schema 3 clusters the table on it): each
/// firm's rows then go into one place of the B-tree instead of 144. Values are bound through the
/// SQLite C API, 128 rows per statement; firm ids, kind codes, months and time stamps are converted
/// to UTF-8 once per distinct value.
template<typename Step>
void insertSeries(sqlite3 *handle, const QVector<Core::MonthlyValue> &series, QString &failure,
                  OrderedIdGenerator &ids, TimeText &timeText, Step &step)
{
    constexpr int kinds = int(Core::MonthlyValue::Kind::BankOutflow) + 1;
    QByteArray kindText[kinds];
    for (int k = 0; k < kinds; ++k)
        kindText[k] = toCode(Core::MonthlyValue::Kind(k)).toUtf8();
    // Rank of each kind in the byte order of its code, which is the order SQLite keeps.
    int kindRank[kinds];
    for (int k = 0; k < kinds; ++k) {
        kindRank[k] = 0;
        for (int other = 0; other < kinds; ++other)
            kindRank[k] += kindText[other] < kindText[k] ? 1 : 0;
    }

    // Sort keys of plain integers: the firm's rank among the distinct ids (rows usually come grouped
    // by firm, so only the groups' ids are compared as text), the kind's rank, the month's day number.
    struct Key
    {
        qint32 firm;
        qint32 kind;
        qint64 day;
        qsizetype row;
    };
    const qsizetype count = series.size();
    std::vector<qsizetype> groupStarts;
    for (qsizetype i = 0; i < count; ++i)
        if (i == 0 || series.at(i).enterpriseId != series.at(i - 1).enterpriseId)
            groupStarts.push_back(i);
    std::vector<qsizetype> groupOrder(groupStarts.size());
    for (size_t g = 0; g < groupOrder.size(); ++g)
        groupOrder[g] = qsizetype(g);
    std::sort(groupOrder.begin(), groupOrder.end(), [&](qsizetype a, qsizetype b) {
        return series.at(groupStarts[size_t(a)]).enterpriseId
               < series.at(groupStarts[size_t(b)]).enterpriseId;
    });
    std::vector<qint32> groupRank(groupStarts.size());
    qint32 rank = -1;
    for (size_t at = 0; at < groupOrder.size(); ++at) {
        const QString &id = series.at(groupStarts[size_t(groupOrder[at])]).enterpriseId;
        if (at == 0 || id != series.at(groupStarts[size_t(groupOrder[at - 1])]).enterpriseId)
            ++rank;
        groupRank[size_t(groupOrder[at])] = rank;
    }
    std::vector<Key> keys;
    keys.reserve(size_t(count));
    size_t group = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (group + 1 < groupStarts.size() && groupStarts[group + 1] == i)
            ++group;
        const Core::MonthlyValue &v = series.at(i);
        keys.push_back(
            {groupRank[group], kindRank[int(v.kind)], v.month.isValid() ? v.month.toJulianDay() : 0, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        if (a.firm != b.firm)
            return a.firm < b.firm;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.day != b.day)
            return a.day < b.day;
        return a.row < b.row;
    });

    // Rows go seriesBatch per statement (one statement start, statement journal and foreign-key
    // set-up per batch instead of per row); the tail goes one by one.
    constexpr int seriesBatch = 128;
    constexpr int width = 8;
    auto insertSql = [](int rows) {
        QString sql = QStringLiteral("INSERT INTO monthly_value (enterprise_id, kind, month, id, version, "
                                     "updated_at, deleted, value) VALUES ");
        for (int r = 0; r < rows; ++r)
            sql += r == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?)")
                          : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?)");
        return sql;
    };
    SqliteStatement batch(handle, insertSql(seriesBatch));
    SqliteStatement single(handle, insertSql(1));
    if (!batch.isPrepared() || !single.isPrepared()) {
        failure = Tr::tr("The data could not be loaded: the %1 table could not be prepared (%2).")
                      .arg(QStringLiteral("monthly_value"),
                           batch.isPrepared() ? single.errorText() : batch.errorText());
        return;
    }
    // Texts bound without copying must live until the statement ran: firm ids per firm, months and
    // time stamps per distinct value, row ids in a per-batch buffer (ASCII ids, i.e. every UUID) or a
    // per-batch list.
    std::vector<QByteArray> firmText(size_t(rank + 1));
    for (size_t g = 0; g < groupStarts.size(); ++g)
        if (firmText[size_t(groupRank[g])].isNull())
            firmText[size_t(groupRank[g])] = series.at(groupStarts[g]).enterpriseId.toUtf8();
    QHash<qint64, QByteArray> monthText;
    QHash<qint64, QByteArray> stampText;
    const QByteArray nowText = timeText.text(QDateTime()).toUtf8();
    constexpr int idSlot = 64;
    std::vector<char> idBuffer(size_t(seriesBatch * idSlot));
    std::vector<QByteArray> otherIds;
    otherIds.reserve(size_t(seriesBatch));

    const size_t total = keys.size();
    for (size_t at = 0; at < total;) {
        const int rows = total - at >= size_t(seriesBatch) ? seriesBatch : 1;
        SqliteStatement &insert = rows == seriesBatch ? batch : single;
        otherIds.clear();
        for (int r = 0; r < rows; ++r) {
            const Key &key = keys[at + size_t(r)];
            const Core::MonthlyValue &v = series.at(key.row);
            const int base = r * width;
            insert.bindStatic(base, firmText[size_t(key.firm)]);
            insert.bindStatic(base + 1, kindText[int(v.kind)]);
            if (v.month.isValid()) {
                auto it = monthText.constFind(key.day);
                if (it == monthText.cend())
                    it = monthText.insert(key.day, v.month.toString(Qt::ISODate).toUtf8());
                insert.bindStatic(base + 2, *it);
            } else {
                insert.bindNull(base + 2);
            }
            const QString id = v.meta.id.isEmpty() ? ids.next() : v.meta.id;
            char *slot = idBuffer.data() + r * idSlot;
            bool ascii = id.size() <= idSlot;
            for (qsizetype c = 0; ascii && c < id.size(); ++c) {
                const char16_t unit = id.at(c).unicode();
                ascii = unit < 0x80;
                slot[c] = char(unit);
            }
            if (ascii) {
                insert.bindStatic(base + 3, QByteArrayView(slot, id.size()));
            } else {
                otherIds.push_back(id.toUtf8());
                insert.bindStatic(base + 3, otherIds.back());
            }
            insert.bindInt(base + 4, v.meta.version);
            if (v.meta.updatedAt.isValid()) {
                const qint64 ms = v.meta.updatedAt.toMSecsSinceEpoch();
                auto it = stampText.constFind(ms);
                if (it == stampText.cend())
                    it = stampText.insert(ms, timeText.text(v.meta.updatedAt).toUtf8());
                insert.bindStatic(base + 5, *it);
            } else {
                insert.bindStatic(base + 5, nowText);
            }
            insert.bindInt(base + 6, v.meta.deleted ? 1 : 0);
            insert.bindInt(base + 7, v.value);
        }
        if (!insert.exec()) {
            failure = saveErrorMessage(insert.errorText(), insert.errorText(), Tr::tr("monthly value"));
            return;
        }
        at += size_t(rows);
        for (int r = 0; r < rows; ++r)
            if (!step())
                return;
    }
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
    sqlite3 *const handle = sqliteHandle(db);
    if (!handle) {
        setError(errorMessage, Tr::tr("The data could not be loaded: the SQLite driver of this Qt build does "
                                      "not give access to its connection."));
        return false;
    }
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
        Inserter ins(handle, table, cols);
        if (!ins.isPrepared()) {
            failure = Tr::tr("The data could not be loaded: the %1 table could not be prepared (%2).")
                          .arg(table, ins.errorText());
            return;
        }
        for (const auto &row : rows) {
            bindMeta(ins, row.meta);
            bindRow(ins, row);
            if (!ins.exec()) {
                failure = saveErrorMessage(ins.errorText(), ins.errorText(), noun);
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
    if (failure.isEmpty() && !cancelled && !d.series.isEmpty())
        insertSeries(handle, d.series, failure, ids, timeText, step);
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
