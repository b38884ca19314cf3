#include "intake/csvimporter.h"

#include "core/domain/series.h"
#include "core/industrycodes.h"
#include "core/money.h"
#include "core/regioncodes.h"
#include "core/uscc.h"
#include "intake/cellformats.h"
#include "intake/csvparser.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <sqlite3.h>

namespace XinDai::Intake {

using Field = ColumnMapping::Field;
using Kind = ColumnMapping::Kind;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Intake::CsvImporter)
};

/// Collects the errors of the row being processed.
struct RowContext
{
    const ColumnMapping &mapping;
    const QStringList &fields;
    int row = 0;
    int line = 0;
    QVector<ImportError> errors;

    QString cell(Field f) const
    {
        const int c = mapping.column(f);
        return c >= 0 && c < fields.size() ? fields.at(c).trimmed() : QString();
    }
    bool mapped(Field f) const { return mapping.column(f) >= 0; }
    void fail(Field f, const QString &reason) { errors.append({row, line, mapping.columnName(f), reason}); }
};

/// Fast path for "123", "123.4", "123.45" (元 → fen); anything else goes through Money::parse.
bool parseYuanFast(QStringView text, qint64 *fen)
{
    if (text.isEmpty() || text.size() > 15)
        return false;
    qint64 whole = 0;
    qsizetype i = 0;
    for (; i < text.size() && text[i].isDigit() && text[i].unicode() < 128; ++i)
        whole = whole * 10 + (text[i].unicode() - '0');
    if (i == 0)
        return false;
    qint64 cents = 0;
    if (i < text.size()) {
        if (text[i] != u'.' || text.size() - i - 1 > 2 || text.size() - i - 1 < 1)
            return false;
        int digits = 0;
        for (++i; i < text.size(); ++i, ++digits) {
            if (!text[i].isDigit() || text[i].unicode() >= 128)
                return false;
            cents = cents * 10 + (text[i].unicode() - '0');
        }
        if (digits == 1)
            cents *= 10;
    }
    *fen = whole * 100 + cents;
    return true;
}

bool parseCount(QStringView text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 15)
        return false;
    qint64 v = 0;
    for (QChar c : text) {
        if (c.unicode() < '0' || c.unicode() > '9')
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    *value = v;
    return true;
}

/// A prepared statement on the store's SQLite connection (the store's bulk path binds the same way).
class Statement
{
public:
    Statement(const QSqlDatabase &db, const char *sql)
    {
        const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_db)
            sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    void bindText(int pos, const QString &text)
    {
        sqlite3_bind_text16(m_stmt, pos, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
    }
    void bindUtf8(int pos, const QByteArray &text)
    {
        sqlite3_bind_text(m_stmt, pos, text.constData(), int(text.size()), SQLITE_STATIC);
    }
    void bindInt(int pos, qint64 v) { sqlite3_bind_int64(m_stmt, pos, v); }
    bool exec()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }
    QString errorText() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString(); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

/// A validated series row waiting to be written (rows are written sorted by the table's key, which
/// turns random B-tree inserts into appends).
struct PendingValue
{
    QByteArray firmId; ///< UTF-8 enterprise id
    const char *kindCode = nullptr;
    int month = 0; ///< yyyy * 100 + mm
    qint64 value = 0;
    int row = 0;
    int line = 0;
};

class Run
{
public:
    Run(Store::Database &db, const CsvImporter::Options &options, ImportResult &result)
        : m_db(db)
        , m_options(options)
        , m_result(result)
        , m_today(options.today.isValid() ? options.today : QDate::currentDate())
    {}

    bool prepare();
    void firmRow(RowContext &ctx);
    void seriesRow(RowContext &ctx);
    /// Writes the pending series rows; false when the progress callback cancelled.
    bool flushSeries(const CsvImporter::Progress &progress, qint64 total);

private:
    Store::Database &m_db;
    const CsvImporter::Options &m_options;
    ImportResult &m_result;
    QDate m_today;
    // firms
    QHash<QString, QString> m_parkByKey; // lower-cased park code or name → park id
    QSet<QString> m_storedUscc;          // every USCC in the store (a new one needs no lookup)
    // series
    QHash<QString, QByteArray> m_firmIdByUscc;
    QVector<PendingValue> m_pending;
    std::unique_ptr<Statement> m_upsert;
    QByteArray m_now;
};

bool Run::prepare()
{
    if (m_options.kind == Kind::Firms) {
        const Store::ReferenceRepository refs(m_db);
        for (const Core::Park &p : refs.parks()) {
            m_parkByKey.insert(p.code.trimmed().toLower(), p.meta.id);
            m_parkByKey.insert(p.name.trimmed().toLower(), p.meta.id);
        }
        QSqlQuery q(m_db.sql());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT uscc FROM enterprise"))) {
            m_result.fatalError
                = Tr::tr("The store's firms could not be read: %1.").arg(q.lastError().text());
            return false;
        }
        while (q.next())
            m_storedUscc.insert(q.value(0).toString());
        return true;
    }
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT uscc, id FROM enterprise WHERE deleted = 0"))) {
        m_result.fatalError = Tr::tr("The store's firms could not be read: %1.").arg(q.lastError().text());
        return false;
    }
    while (q.next())
        m_firmIdByUscc.insert(q.value(0).toString(), q.value(1).toString().toUtf8());
    m_upsert = std::make_unique<Statement>(
        m_db.sql(),
        "INSERT INTO monthly_value (enterprise_id, kind, month, id, version, updated_at, deleted, value) "
        "VALUES (?1, ?2, ?3, ?4, 0, ?5, 0, ?6) "
        "ON CONFLICT(enterprise_id, kind, month) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at, deleted = 0 "
        "WHERE monthly_value.value <> excluded.value OR monthly_value.deleted <> 0");
    if (!m_upsert->isValid()) {
        m_result.fatalError = Tr::tr("The store cannot take series rows: %1.").arg(m_upsert->errorText());
        return false;
    }
    m_now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    return true;
}

void Run::firmRow(RowContext &ctx)
{
    const QString rawUscc = ctx.cell(Field::Uscc);
    QString uscc;
    if (rawUscc.isEmpty()) {
        ctx.fail(Field::Uscc, Tr::tr("The USCC is missing."));
    } else {
        const Core::IdCheckResult check = Core::Uscc::check(rawUscc);
        if (!check.valid)
            ctx.fail(Field::Uscc, Tr::tr("The USCC “%1” is invalid: %2").arg(rawUscc, check.reason));
        else
            uscc = check.normalized;
    }
    const QString name = ctx.cell(Field::Name);
    if (name.isEmpty())
        ctx.fail(Field::Name, Tr::tr("The firm name is missing."));
    else if (name.size() > 200)
        ctx.fail(Field::Name, Tr::tr("The firm name is longer than 200 characters."));

    QDate established;
    if (const QString text = ctx.cell(Field::Established); !text.isEmpty()) {
        established = CellFormats::parseDate(text);
        if (!established.isValid())
            ctx.fail(Field::Established,
                     Tr::tr("The establishment date “%1” is not a date written YYYY-MM-DD.").arg(text));
        else if (established > m_today)
            ctx.fail(
                Field::Established,
                Tr::tr("The establishment date %1 is in the future.").arg(established.toString(Qt::ISODate)));
    }
    std::optional<Core::Money> capital;
    if (const QString text = ctx.cell(Field::RegisteredCapitalWan); !text.isEmpty()) {
        const Core::Money::ParseResult parsed = Core::Money::parse(text, Core::Money::Unit::Wan);
        if (!parsed.ok)
            ctx.fail(
                Field::RegisteredCapitalWan,
                Tr::tr("The registered capital “%1” (in 万元) is not an amount: %2").arg(text, parsed.error));
        else if (parsed.value.isNegative())
            ctx.fail(Field::RegisteredCapitalWan,
                     Tr::tr("The registered capital “%1” is negative; it must be zero or more.").arg(text));
        else
            capital = parsed.value;
    }
    QString industry;
    if (const QString text = ctx.cell(Field::Industry); !text.isEmpty()) {
        industry = Core::IndustryCodes::divisionOf(text);
        if (industry.isEmpty() && text.trimmed().size() == 1)
            industry = Core::IndustryCodes::sectionOf(text);
        if (industry.isEmpty() || !Core::IndustryCodes::isKnown(industry))
            ctx.fail(Field::Industry,
                     Tr::tr("The industry code “%1” is not a GB/T 4754-2017 section or division.").arg(text));
    }
    const QString region = ctx.cell(Field::Region);
    if (!region.isEmpty() && !Core::RegionCodes::isKnown(region))
        ctx.fail(Field::Region, Tr::tr("The region code “%1” is not a known GB/T 2260 code.").arg(region));
    QString parkId;
    if (const QString text = ctx.cell(Field::Park); !text.isEmpty()) {
        parkId = m_parkByKey.value(text.toLower());
        if (parkId.isEmpty())
            ctx.fail(
                Field::Park,
                Tr::tr("The park “%1” is not known to this store (give its code or full name).").arg(text));
        else if (!m_options.ownPark.isEmpty() && parkId != m_options.ownPark)
            ctx.fail(Field::Park, Tr::tr("The park “%1” is not your park: you may import only the firms of "
                                         "your own park.")
                                      .arg(text));
    }
    std::optional<int> employees;
    if (const QString text = ctx.cell(Field::Employees); !text.isEmpty()) {
        qint64 n = 0;
        if (!parseCount(text, &n) || n > 10000000)
            ctx.fail(Field::Employees,
                     Tr::tr("The number of employees “%1” is not a whole number of zero or more.").arg(text));
        else
            employees = int(n);
    }
    if (!ctx.errors.isEmpty())
        return;

    Store::EnterpriseRepository repo(m_db);
    const std::optional<Core::Enterprise> stored
        = m_storedUscc.contains(uscc) ? repo.byUscc(uscc) : std::optional<Core::Enterprise>();
    if (stored && !m_options.ownPark.isEmpty() && stored->parkId != m_options.ownPark) {
        ctx.fail(Field::Uscc, Tr::tr("The firm %1 is registered in another park: only that park's staff may "
                                     "change it.")
                                  .arg(uscc));
        return;
    }
    if (stored && m_options.onDuplicate == CsvImporter::OnDuplicate::Skip) {
        ++m_result.skipped;
        return;
    }
    Core::Enterprise firm;
    if (stored) {
        firm = *stored;
    } else {
        firm.uscc = uscc;
        firm.kind = uscc.startsWith(u"92") ? Core::Enterprise::Kind::IndividualBusiness
                                           : Core::Enterprise::Kind::Company;
    }
    const Core::Enterprise before = firm;
    firm.name = name;
    if (!ctx.cell(Field::LegalRep).isEmpty())
        firm.legalRep = ctx.cell(Field::LegalRep);
    if (established.isValid())
        firm.established = established;
    if (capital)
        firm.registeredCapital = *capital;
    if (!industry.isEmpty())
        firm.industryCode = industry;
    if (!region.isEmpty())
        firm.regionCode = region;
    if (!parkId.isEmpty())
        firm.parkId = parkId;
    else if (!stored && !m_options.ownPark.isEmpty())
        firm.parkId = m_options.ownPark;
    if (employees)
        firm.employees = *employees;
    const bool unchanged = stored && firm.name == before.name && firm.legalRep == before.legalRep
                           && firm.established == before.established
                           && firm.registeredCapital == before.registeredCapital
                           && firm.industryCode == before.industryCode && firm.regionCode == before.regionCode
                           && firm.parkId == before.parkId && firm.employees == before.employees;
    if (!unchanged) {
        QString error;
        if (!repo.save(firm, &error)) {
            ctx.errors.append({ctx.row, ctx.line, QString(), error});
            return;
        }
        m_storedUscc.insert(uscc);
        if (stored)
            ++m_result.updated;
    }
    ++m_result.imported;
}

void Run::seriesRow(RowContext &ctx)
{
    const QString rawUscc = ctx.cell(Field::Uscc);
    QByteArray firmId = m_firmIdByUscc.value(rawUscc);
    if (firmId.isEmpty()) {
        if (rawUscc.isEmpty()) {
            ctx.fail(Field::Uscc, Tr::tr("The USCC is missing."));
        } else {
            const Core::IdCheckResult check = Core::Uscc::check(rawUscc);
            if (!check.valid)
                ctx.fail(Field::Uscc, Tr::tr("The USCC “%1” is invalid: %2").arg(rawUscc, check.reason));
            else if (firmId = m_firmIdByUscc.value(check.normalized); firmId.isEmpty())
                ctx.fail(Field::Uscc, Tr::tr("No firm with the USCC %1 is in the store; import the firm "
                                             "roster first.")
                                          .arg(check.normalized));
        }
    }
    const QString monthText = ctx.cell(Field::Month);
    int month = 0;
    {
        bool ok = monthText.size() == 7 && monthText[4] == u'-';
        int y = 0, m = 0;
        for (int i = 0; ok && i < 7; ++i) {
            if (i == 4)
                continue;
            const char16_t c = monthText[i].unicode();
            ok = c >= u'0' && c <= u'9';
            (i < 4 ? y : m) = (i < 4 ? y : m) * 10 + (c - u'0');
        }
        if (!ok || m < 1 || m > 12 || y < 1900) {
            ctx.fail(Field::Month,
                     Tr::tr("The month “%1” is not written YYYY-MM (e.g. 2025-03).").arg(monthText));
        } else if (QDate(y, m, 1) > m_today) {
            ctx.fail(Field::Month, Tr::tr("The month %1 is in the future.").arg(monthText));
        } else {
            month = y * 100 + m;
        }
    }
    const QString kindText = ctx.cell(Field::SeriesKind);
    const std::optional<CellFormats::SeriesKind> kind = CellFormats::seriesKind(kindText);
    if (!kind)
        ctx.fail(Field::SeriesKind,
                 Tr::tr("The kind of series “%1” is not known; use tax_paid, social_insured, housing_fund, "
                        "electricity, bank_inflow or bank_outflow.")
                     .arg(kindText));
    const QString valueText = ctx.cell(Field::Value);
    qint64 value = 0;
    if (kind) {
        if (kind->money) {
            if (!parseYuanFast(valueText, &value)) {
                const Core::Money::ParseResult parsed
                    = Core::Money::parse(valueText, Core::Money::Unit::Yuan);
                if (!parsed.ok)
                    ctx.fail(Field::Value, Tr::tr("The value “%1” of %2 is not an amount in yuan: %3")
                                               .arg(valueText, kindText, parsed.error));
                else if (parsed.value.isNegative())
                    ctx.fail(Field::Value,
                             Tr::tr("The value “%1” of %2 is negative; it must be zero or more.")
                                 .arg(valueText, kindText));
                else
                    value = parsed.value.fen();
            }
        } else if (!parseCount(valueText, &value)) {
            ctx.fail(Field::Value, Tr::tr("The value “%1” of %2 is not a whole number of zero or more.")
                                       .arg(valueText, kindText));
        }
    }
    if (!ctx.errors.isEmpty())
        return;

    m_pending.append({firmId, kind->code, month, value, ctx.row, ctx.line});
}

bool Run::flushSeries(const CsvImporter::Progress &progress, qint64 total)
{
    std::sort(m_pending.begin(), m_pending.end(), [](const PendingValue &a, const PendingValue &b) {
        if (const int c = a.firmId.compare(b.firmId); c != 0)
            return c < 0;
        if (const int c = qstrcmp(a.kindCode, b.kindCode); c != 0)
            return c < 0;
        if (a.month != b.month)
            return a.month < b.month;
        return a.row < b.row; // the same key twice in a file: the later row wins
    });
    // Ids for new rows: random (version 4) UUIDs from a generator seeded once from the system source.
    QRandomGenerator64 random(QRandomGenerator::system()->generate64());
    static const char hex[] = "0123456789abcdef";
    char id[36];
    char month[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '1'};
    qsizetype done = 0;
    for (const PendingValue &v : std::as_const(m_pending)) {
        const quint64 hi = random.generate64(), lo = random.generate64();
        for (int i = 0, bit = 0; i < 36; ++i) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                id[i] = '-';
                continue;
            }
            const int nibble = bit < 16 ? int((hi >> (4 * bit)) & 0xF) : int((lo >> (4 * (bit - 16))) & 0xF);
            id[i] = hex[nibble];
            ++bit;
        }
        id[14] = '4';                 // version 4
        id[19] = hex[8 + (lo & 0x3)]; // variant 10xx
        const int y = v.month / 100, m = v.month % 100;
        month[0] = char('0' + y / 1000);
        month[1] = char('0' + y / 100 % 10);
        month[2] = char('0' + y / 10 % 10);
        month[3] = char('0' + y % 10);
        month[5] = char('0' + m / 10);
        month[6] = char('0' + m % 10);
        m_upsert->bindUtf8(1, v.firmId);
        m_upsert->bindUtf8(2, QByteArray::fromRawData(v.kindCode, qstrlen(v.kindCode)));
        m_upsert->bindUtf8(3, QByteArray::fromRawData(month, 10));
        m_upsert->bindUtf8(4, QByteArray::fromRawData(id, 36));
        m_upsert->bindUtf8(5, m_now);
        m_upsert->bindInt(6, v.value);
        if (m_upsert->exec()) {
            ++m_result.imported;
        } else {
            ++m_result.rejected;
            m_result.errors.append({v.row, v.line, QString(),
                                    Tr::tr("The row could not be stored: %1.").arg(m_upsert->errorText())});
        }
        if (progress && (++done & 4095) == 0
            && !progress(total * 9 / 10 + total / 10 * done / m_pending.size(), total))
            return false;
    }
    return true;
}

} // namespace

CsvImporter::CsvImporter(Store::Database &db)
    : m_db(db)
{}

ImportResult CsvImporter::importFile(const QString &path, const Options &options, const Progress &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportResult result;
        result.fatalError = tr("The file %1 cannot be read: %2.").arg(path, file.errorString());
        return result;
    }
    return importBytes(file.readAll(), options, progress);
}

std::optional<ColumnMapping> CsvImporter::detectMapping(const QByteArray &bytes, ColumnMapping::Kind kind,
                                                        TextEncoding::Encoding encoding,
                                                        QString *errorMessage)
{
    const TextEncoding::Decoded decoded = TextEncoding::decode(bytes, encoding);
    if (!decoded.ok) {
        if (errorMessage)
            *errorMessage = decoded.error;
        return std::nullopt;
    }
    CsvParser parser(decoded.text);
    CsvRecord header;
    if (!parser.next(&header) || !header.error.isEmpty()) {
        if (errorMessage)
            *errorMessage
                = header.error.isEmpty() ? tr("The file is empty: it has no header row.") : header.error;
        return std::nullopt;
    }
    return ColumnMapping::detect(kind, header.fields);
}

ImportResult CsvImporter::importBytes(const QByteArray &bytes, const Options &options,
                                      const Progress &progress)
{
    ImportResult result;
    result.dryRun = options.dryRun;
    const TextEncoding::Decoded decoded = TextEncoding::decode(bytes, options.encoding);
    if (!decoded.ok) {
        result.fatalError = decoded.error;
        result.errors.append({0, 0, QString(), decoded.error});
        return result;
    }
    result.encoding = decoded.used;
    CsvParser parser(decoded.text);
    CsvRecord header;
    if (!parser.next(&header) || !header.error.isEmpty()) {
        result.fatalError
            = header.error.isEmpty() ? tr("The file is empty: it has no header row.") : header.error;
        result.errors.append({0, header.line, QString(), result.fatalError});
        return result;
    }
    result.mapping = options.mapping && options.mapping->kind() == options.kind
                         ? *options.mapping
                         : ColumnMapping::detect(options.kind, header.fields);
    if (const QVector<Field> missing = result.mapping.missingRequired(); !missing.isEmpty()) {
        QStringList names;
        for (Field f : missing)
            names.append(ColumnMapping::chineseName(f) + u'/' + ColumnMapping::key(f));
        result.fatalError
            = tr("The header lacks the required column(s) %1.").arg(names.join(QStringLiteral(", ")));
        result.errors.append({0, header.line, QString(), result.fatalError});
        return result;
    }

    if (!m_db.transaction()) {
        result.fatalError = tr("The import could not start a transaction on the store.");
        result.errors.append({0, 0, QString(), result.fatalError});
        return result;
    }
    Run run(m_db, options, result);
    if (!run.prepare()) {
        m_db.rollback();
        result.errors.append({0, 0, QString(), result.fatalError});
        return result;
    }
    const qint64 total = decoded.text.size();
    const int columns = int(header.fields.size());
    CsvRecord record;
    int row = 0;
    while (parser.next(&record)) {
        ++row;
        RowContext ctx{result.mapping, record.fields, row, record.line, {}};
        if (!record.error.isEmpty()) {
            ctx.errors.append({row, record.line, QString(), record.error});
        } else if (record.fields.size() != columns) {
            ctx.errors.append({row, record.line, QString(),
                               tr("The row has %1 fields but the header has %2 columns.")
                                   .arg(record.fields.size())
                                   .arg(columns)});
        } else if (options.kind == Kind::Firms) {
            run.firmRow(ctx);
        } else {
            run.seriesRow(ctx);
        }
        if (!ctx.errors.isEmpty()) {
            ++result.rejected;
            result.errors += ctx.errors;
        }
        if (progress && (row & 1023) == 0 && !progress(parser.position() * 9 / 10, total)) {
            result.cancelled = true;
            break;
        }
    }
    if (!result.cancelled && options.kind == Kind::Series && !run.flushSeries(progress, total))
        result.cancelled = true;
    if (!result.cancelled && progress && !progress(total, total))
        result.cancelled = true;
    // Rows that failed when written come after the parse errors: restore file order.
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const ImportError &a, const ImportError &b) { return a.row < b.row; });
    if (result.cancelled) {
        m_db.rollback();
        result.imported = 0;
        result.skipped = 0;
        result.updated = 0;
        return result;
    }
    if (options.dryRun) {
        m_db.rollback();
        return result;
    }
    if (!m_db.commit()) {
        m_db.rollback();
        result.fatalError = tr("The import could not be committed to the store; nothing was written.");
        result.errors.append({0, 0, QString(), result.fatalError});
        result.imported = 0;
        result.skipped = 0;
        result.updated = 0;
        return result;
    }
    result.completed = true;
    return result;
}

} // namespace XinDai::Intake
