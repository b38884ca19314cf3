#include "store/enterpriserepository.h"

#include "store/changerecorder_p.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QStringList &enterpriseColumns()
{
    static const QStringList columns = metaColumns()
                                       + QStringList{QStringLiteral("uscc"),
                                                     QStringLiteral("name"),
                                                     QStringLiteral("kind"),
                                                     QStringLiteral("legal_rep"),
                                                     QStringLiteral("legal_rep_id"),
                                                     QStringLiteral("established"),
                                                     QStringLiteral("registered_capital"),
                                                     QStringLiteral("industry_code"),
                                                     QStringLiteral("region_code"),
                                                     QStringLiteral("park_id"),
                                                     QStringLiteral("employees"),
                                                     QStringLiteral("annual_revenue"),
                                                     QStringLiteral("total_assets"),
                                                     QStringLiteral("address"),
                                                     QStringLiteral("phone")};
    return columns;
}

Core::Enterprise readEnterprise(const QSqlQuery &q)
{
    Core::Enterprise e;
    e.meta = readMeta(q);
    e.uscc = q.value(4).toString();
    e.name = q.value(5).toString();
    fromCode(q.value(6).toString(), &e.kind);
    e.legalRep = q.value(7).toString();
    e.legalRepId = q.value(8).toString();
    e.established = toDate(q.value(9));
    e.registeredCapital = Core::Money::fromFen(q.value(10).toLongLong());
    e.industryCode = q.value(11).toString();
    e.regionCode = q.value(12).toString();
    e.parkId = toText(q.value(13));
    e.employees = q.value(14).toInt();
    e.annualRevenue = Core::Money::fromFen(q.value(15).toLongLong());
    e.totalAssets = Core::Money::fromFen(q.value(16).toLongLong());
    e.address = q.value(17).toString();
    e.phone = q.value(18).toString();
    return e;
}

/// How many index entries make a text "dense": at least this many candidates (about 3 % of
/// 100,000 firms) are cheaper found by walking the name index in name order until the limit than by
/// joining and sorting them (about 1–2 µs per candidate).
constexpr int denseCount = 3000;

/// Greater than every string that starts with \a prefix (SQLite compares UTF-8 bytes).
QString prefixUpperBound(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

/// Collects hits from successive tiers, skipping firms already found, up to the limit.
class HitCollector
{
public:
    explicit HitCollector(int limit)
        : m_limit(limit)
    {}

    bool full() const { return m_hits.size() >= m_limit; }
    /// How many rows a tier must fetch so that, after skipping duplicates, it can fill the limit.
    int fetchLimit() const { return m_limit; }

    void add(QVector<EnterpriseHit> tier)
    {
        for (EnterpriseHit &hit : tier) {
            if (full())
                return;
            if (m_seen.contains(hit.id))
                continue;
            m_seen.insert(hit.id);
            m_hits.append(std::move(hit));
        }
    }

    QVector<EnterpriseHit> take() { return std::move(m_hits); }

private:
    int m_limit;
    QSet<QString> m_seen;
    QVector<EnterpriseHit> m_hits;
};

const QString hitColumns = QStringLiteral("e.id, e.uscc, e.name, e.park_id, e.region_code, e.industry_code");

QVector<EnterpriseHit> readHits(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    return readAll<EnterpriseHit>(db, sql, values, [](const QSqlQuery &q) {
        return EnterpriseHit{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             toText(q.value(3)),    q.value(4).toString(), q.value(5).toString()};
    });
}

int scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (!run(query, sql, values) || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace

EnterpriseRepository::EnterpriseRepository(Database &db)
    : m_db(db)
{}

std::optional<Core::Enterprise> EnterpriseRepository::byId(const QString &id) const
{
    return readOne<Core::Enterprise>(m_db.sql(),
                                     selectSql(enterpriseColumns(), QStringLiteral("enterprise"),
                                               QStringLiteral("id = ?"), QStringLiteral("id")),
                                     {id}, readEnterprise);
}

std::optional<Core::Enterprise> EnterpriseRepository::byUscc(const QString &uscc) const
{
    return readOne<Core::Enterprise>(m_db.sql(),
                                     selectSql(enterpriseColumns(), QStringLiteral("enterprise"),
                                               QStringLiteral("uscc = ?"), QStringLiteral("id")),
                                     {uscc.trimmed().toUpper()}, readEnterprise);
}

QVector<EnterpriseHit> EnterpriseRepository::search(const QString &text, int limit,
                                                    const QString &parkId) const
{
    const QString query = text.trimmed();
    if (query.isEmpty() || limit <= 0 || !m_db.isOpen())
        return {};
    const QSqlDatabase db = m_db.sql();
    const bool ascii = isAscii(query);
    const QString upper = ascii ? query.toUpper() : query; // USCCs are stored in upper case
    const qsizetype length = query.toUcs4().size();
    const bool byPark = !parkId.isEmpty();
    const QString parkCondition = byPark ? QStringLiteral(" AND e.park_id = ?") : QString();
    auto withPark = [&](QVariantList values) {
        if (byPark)
            values.append(parkId);
        return values;
    };
    // Walking an index in name order and stopping at the limit: fast when matches are dense.
    const QString nameWalk = byPark ? QStringLiteral(" INDEXED BY enterprise_park_idx")
                                    : QStringLiteral(" INDEXED BY enterprise_name_idx");

    // All rows in name order (of the park, when filtered) that satisfy \a condition (on the columns
    // name and uscc), stopping at \a fetch. Exact; fast when matches are dense, a whole index walk
    // (10–15 ms at 100,000 firms) when they are rare. The inner query reads the covering index
    // only (no table row per walked entry, about 15 % faster); the table is read for the hits.
    auto fullWalk = [&](const QString &condition, const QVariantList &conditionValues, int fetch) {
        return readHits(
            db,
            QLatin1String("SELECT ") + hitColumns
                + QLatin1String(" FROM (SELECT rowid AS r, name FROM enterprise") + nameWalk
                + QLatin1String(" WHERE ") + condition + QLatin1String(" AND deleted = 0")
                + (byPark ? QLatin1String(" AND park_id = ?") : QLatin1String(""))
                + QLatin1String(" ORDER BY name LIMIT ?) w CROSS JOIN enterprise e ON e.rowid = w.r"
                                " ORDER BY w.name"),
            withPark(conditionValues) << fetch);
    };
    // Whether \a candidateSql (a query of rowids r) yields at least denseCount rows, counted on the
    // index only and stopping there (under 2 ms).
    auto isDense = [&](const QString &candidateSql, const QVariantList &values) {
        return scalar(db,
                      QLatin1String("SELECT count(*) FROM (") + candidateSql + QLatin1String(" LIMIT ")
                          + QString::number(denseCount) + QLatin1String(")"),
                      values)
               >= denseCount;
    };

    HitCollector hits(limit);

    // Tier 1: the exact USCC.
    if (ascii && length == 18) {
        hits.add(readHits(db,
                          QLatin1String("SELECT ") + hitColumns
                              + QLatin1String(" FROM enterprise e WHERE e.uscc = ? AND e.deleted = 0")
                              + parkCondition,
                          withPark({upper})));
    }

    // Tier 2: names and USCCs starting with the query, by name.
    if (!hits.full()) {
        QVector<EnterpriseHit> prefix
            = readHits(db,
                       QLatin1String("SELECT ") + hitColumns + QLatin1String(" FROM enterprise e") + nameWalk
                           + QLatin1String(" WHERE e.name >= ? AND e.name < ? AND e.deleted = 0")
                           + parkCondition + QLatin1String(" ORDER BY e.name LIMIT ?"),
                       withPark({query, prefixUpperBound(query)}) << hits.fetchLimit());
        if (ascii) {
            const QString usccRange = QStringLiteral("SELECT rowid AS r FROM enterprise INDEXED BY "
                                                     "enterprise_uscc_idx WHERE uscc >= ? AND uscc < ?");
            const QVariantList rangeValues{upper, prefixUpperBound(upper)};
            QVector<EnterpriseHit> usccPrefix;
            if (isDense(usccRange, rangeValues)) {
                // A range test on the index entry is cheaper per row than substr().
                usccPrefix
                    = fullWalk(QStringLiteral("uscc >= ? AND uscc < ?"), rangeValues, hits.fetchLimit());
            } else {
                // Few USCCs start with the text: collect them from the USCC index and sort by name.
                usccPrefix
                    = readHits(db,
                               QLatin1String("SELECT ") + hitColumns
                                   + QLatin1String(" FROM enterprise e INDEXED BY enterprise_uscc_idx "
                                                   "WHERE e.uscc >= ? AND e.uscc < ? AND e.deleted = 0")
                                   + parkCondition + QLatin1String(" ORDER BY e.name LIMIT ?"),
                               withPark(rangeValues) << hits.fetchLimit());
            }
            prefix += usccPrefix;
            std::stable_sort(prefix.begin(), prefix.end(),
                             [](const EnterpriseHit &a, const EnterpriseHit &b) { return a.name < b.name; });
        }
        hits.add(std::move(prefix));
    }

    // Tier 3: the query anywhere in the name or the USCC, by name.
    if (!hits.full()) {
        const int fetch = hits.fetchLimit();
        // For an ASCII text (a USCC fragment, most likely) the 18-byte USCC is tested first; a text
        // with any non-ASCII character can only occur in names (USCCs are ASCII), so the walk then
        // evaluates one instr() per row instead of two (a quarter less time per row).
        const QString condition = ascii ? QStringLiteral("(instr(uscc, ?) > 0 OR instr(name, ?) > 0)")
                                        : QStringLiteral("instr(name, ?) > 0");
        const QVariantList conditionValues = ascii ? QVariantList{upper, query} : QVariantList{query};
        // Candidates from an index: trigram FTS for 3+ characters, the bigram table for 1–2 Chinese
        // characters. 1–2 ASCII characters have no index.
        QString candidateSql;
        QVariantList candidateValues;
        if (length >= 3) {
            QString phrase = query;
            phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
            candidateSql
                = QStringLiteral("SELECT rowid AS r FROM enterprise_fts WHERE enterprise_fts MATCH ?");
            candidateValues = {QString(QLatin1Char('"') + phrase + QLatin1Char('"'))};
        } else if (!ascii && length == 2) {
            candidateSql = QStringLiteral("SELECT ent AS r FROM enterprise_gram WHERE gram = ?");
            candidateValues = {query};
        } else if (!ascii) {
            candidateSql
                = QStringLiteral("SELECT ent AS r FROM enterprise_gram WHERE gram >= ? AND gram < ?");
            candidateValues = {query, prefixUpperBound(query)};
        }
        if (candidateSql.isEmpty() || isDense(candidateSql, candidateValues)) {
            // No index, or many matches: walking in name order reaches the limit long before the end
            // (1–2 ASCII characters such as “9” or “X” are dense in practice).
            hits.add(fullWalk(condition, conditionValues, fetch));
        } else {
            // Few matches (fewer than denseCount index entries): join them and sort by name.
            hits.add(readHits(
                db,
                QLatin1String("SELECT ") + hitColumns + QLatin1String(" FROM (SELECT DISTINCT r FROM (")
                    + candidateSql
                    + QLatin1String(")) c CROSS JOIN enterprise e ON e.rowid = c.r WHERE e.deleted = 0")
                    + parkCondition + QLatin1String(" ORDER BY e.name LIMIT ?"),
                withPark(candidateValues) << fetch));
        }
    }
    return hits.take();
}

bool EnterpriseRepository::save(Core::Enterprise &enterprise, QString *errorMessage)
{
    Core::Enterprise row = enterprise;
    row.uscc = row.uscc.trimmed().toUpper();
    row.name = row.name.trimmed();
    if (row.uscc.isEmpty()) {
        setError(errorMessage, Tr::tr("Could not save the firm: the field “USCC” is required."));
        return false;
    }
    if (row.name.isEmpty()) {
        setError(errorMessage, Tr::tr("Could not save the firm: the field “name” is required."));
        return false;
    }
    const QSqlDatabase db = m_db.sql();
    {
        QSqlQuery query(db);
        if (run(query, QStringLiteral("SELECT name FROM enterprise WHERE uscc = ? AND id <> ?"),
                {row.uscc, row.meta.id})
            && query.next()) {
            setError(errorMessage,
                     Tr::tr("USCC %1 is already registered to %2.").arg(row.uscc, query.value(0).toString()));
            return false;
        }
    }
    if (!ChangeRecorder::saveById(m_db, QStringLiteral("enterprise"), enterpriseColumns(), row.meta,
                                  QVariantList{row.uscc, row.name, toCode(row.kind), row.legalRep,
                                               row.legalRepId, dateValue(row.established),
                                               row.registeredCapital.fen(), row.industryCode, row.regionCode,
                                               textOrNull(row.parkId), row.employees, row.annualRevenue.fen(),
                                               row.totalAssets.fen(), row.address, row.phone},
                                  Tr::tr("firm"), errorMessage))
        return false;
    enterprise = row;
    return true;
}

int EnterpriseRepository::count(const QString &parkId) const
{
    if (parkId.isEmpty())
        return scalar(m_db.sql(), QStringLiteral("SELECT count(*) FROM enterprise WHERE deleted = 0"), {});
    return scalar(m_db.sql(),
                  QStringLiteral("SELECT count(*) FROM enterprise WHERE deleted = 0 AND park_id = ?"),
                  {parkId});
}

} // namespace XinDai::Store
