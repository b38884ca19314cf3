#include "server/serverimporter.h"

#include "core/industrycodes.h"
#include "core/money.h"
#include "core/regioncodes.h"
#include "core/uscc.h"
#include "intake/cellformats.h"
#include "intake/columnmapping.h"
#include "intake/csvparser.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "sync/entitycatalog.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace XinDai::Server {

namespace {

using Intake::ColumnMapping;

/// Record columns: key, Chinese header, aliases (docs/import-formats.md, "Public credit records").
struct RecordColumn
{
    const char16_t *key;
    const char16_t *names[4];
};

const QList<RecordColumn> &recordColumns()
{
    static const QList<RecordColumn> columns = {
        {u"uscc", {u"统一社会信用代码", u"信用代码", u"社会信用代码", nullptr}},
        {u"kind", {u"类型", u"记录类型", u"类别", nullptr}},
        {u"date", {u"日期", u"决定日期", u"认定日期", nullptr}},
        {u"valid_to", {u"有效期至", u"截止日期", nullptr, nullptr}},
        {u"title", {u"标题", u"事项", u"名称", nullptr}},
        {u"authority", {u"机关", u"发布机关", u"决定机关", nullptr}},
        {u"amount_fen", {u"金额(分)", u"金额分", nullptr, nullptr}},
        {u"detail", {u"详情", u"说明", u"内容", nullptr}},
    };
    return columns;
}

const QHash<QString, QString> &recordKinds()
{
    static const QHash<QString, QString> kinds = [] {
        QHash<QString, QString> h;
        const Sync::EntitySpec *spec = Sync::EntityCatalog::find(QStringLiteral("credit_record"));
        if (const Sync::FieldSpec *kind = spec ? spec->field(QStringLiteral("kind")) : nullptr) {
            for (const QString &code : kind->allowed)
                h.insert(code, code);
        }
        h.insert(QStringLiteral("纳税信用等级"), QStringLiteral("tax_grade"));
        h.insert(QStringLiteral("纳税信用"), QStringLiteral("tax_grade"));
        h.insert(QStringLiteral("行政处罚"), QStringLiteral("penalty"));
        h.insert(QStringLiteral("失信被执行人"), QStringLiteral("dishonest_debtor"));
        h.insert(QStringLiteral("政府采购"), QStringLiteral("procurement"));
        return h;
    }();
    return kinds;
}

bool parseCount(const QString &text, qint64 *value)
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

/// The row being read: cells by field key, and its errors.
struct RowContext
{
    const QHash<QString, int> &columns;
    const QStringList &header;
    const QStringList &fields;
    int row = 0;
    QVector<Intake::ImportError> errors;

    QString cell(const QString &key) const
    {
        const int c = columns.value(key, -1);
        return c >= 0 && c < fields.size() ? fields.at(c).trimmed() : QString();
    }
    void fail(const QString &key, const QString &reason)
    {
        const int c = columns.value(key, -1);
        errors.append({row, 0, c >= 0 && c < header.size() ? header.at(c).trimmed() : key, reason});
    }
};

/// A checked row waiting for the write of its chunk.
struct Candidate
{
    int row = 0;
    QJsonObject fields;
    QString key;           ///< the natural key, keyText()
    QJsonObject keyFields; ///< the natural key's fields
    QString id;            ///< the existing row, "" for a new one (found when the chunk is written)
    bool valid = true;     ///< false: refused by the catalog's check
    std::optional<RowStore::Written> stored;
};

/// The columns (all TEXT) of each kind's natural key: a firm by USCC, a series value by (firm, kind,
/// month), a public credit record by (firm, kind, date, title).
const QStringList &keyColumns(ServerImporter::Kind kind)
{
    static const QStringList firms{QStringLiteral("uscc")};
    static const QStringList series{QStringLiteral("enterprise_id"), QStringLiteral("kind"),
                                    QStringLiteral("month")};
    static const QStringList records{QStringLiteral("enterprise_id"), QStringLiteral("kind"),
                                     QStringLiteral("date"), QStringLiteral("title")};
    return kind == ServerImporter::Kind::Firms    ? firms
           : kind == ServerImporter::Kind::Series ? series
                                                  : records;
}

constexpr QChar KeySeparator = QChar(0x1f);

/// The values of \a key's columns, in order, joined by U+001F (only the last column is free text, so
/// the join is unambiguous).
QString keyText(const QJsonObject &key, const QStringList &columns)
{
    QString text;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            text += KeySeparator;
        text += key.value(columns.at(i)).toString();
    }
    return text;
}

/// The ids of the rows of \a table whose \a columns equal one of \a keys (keyText()s), by key; of rows
/// sharing a key, the first read (as RowStore::findId). One statement per up to 512 keys (SQLite: 64),
/// the list padded with its last key to a power of two so that few shapes are prepared: the keys as a
/// VALUES list joined to the table, which both databases answer through the key's index (SQLite scans
/// the table for a row-value IN (VALUES …)).
std::optional<QHash<QString, QString>> findIds(ServerDatabase &db, const QString &table,
                                               const QStringList &columns, const QStringList &keys,
                                               QString *errorMessage)
{
    QHash<QString, QString> ids;
    const qsizetype maxKeys = db.dialect() == ServerDatabase::Dialect::SQLite ? 64 : 512;
    const qsizetype width = columns.size();
    QString tuple = QStringLiteral("(?");
    for (qsizetype c = 1; c < width; ++c)
        tuple += QStringLiteral(", ?");
    tuple += u')';
    QString select = QStringLiteral("SELECT t.id");
    QString join;
    for (qsizetype c = 0; c < width; ++c) {
        select += QStringLiteral(", t.") + ServerDatabase::quoted(columns.at(c));
        join += (c == 0 ? QStringLiteral(" ON ") : QStringLiteral(" AND ")) + QStringLiteral("t.")
                + ServerDatabase::quoted(columns.at(c)) + QStringLiteral(" = k.column%1").arg(c + 1);
    }
    for (qsizetype offset = 0; offset < keys.size(); offset += maxKeys) {
        const qsizetype n = std::min(maxKeys, keys.size() - offset);
        qsizetype shape = 8;
        while (shape < n)
            shape *= 2;
        QString sql = select + QStringLiteral(" FROM (VALUES ") + tuple;
        for (qsizetype i = 1; i < shape; ++i)
            sql += QStringLiteral(", ") + tuple;
        sql += QStringLiteral(") AS k JOIN ") + ServerDatabase::quoted(table) + QStringLiteral(" AS t")
               + join;
        QSqlQuery *read = db.prepared(sql, errorMessage);
        if (!read)
            return std::nullopt;
        for (qsizetype i = 0; i < shape; ++i) {
            const QString &key = keys.at(offset + std::min(i, n - 1));
            qsizetype from = 0;
            for (qsizetype c = 0; c < width; ++c) {
                const qsizetype to = c + 1 < width ? key.indexOf(KeySeparator, from) : key.size();
                read->addBindValue(key.mid(from, to < 0 ? key.size() - from : to - from));
                from = to < 0 ? key.size() : to + 1;
            }
        }
        if (!read->exec()) {
            if (errorMessage)
                *errorMessage = read->lastError().text();
            read->finish();
            return std::nullopt;
        }
        while (read->next()) {
            QString key = read->value(1).toString();
            for (qsizetype c = 1; c < width; ++c)
                key += KeySeparator + read->value(int(c) + 1).toString();
            if (!ids.contains(key))
                ids.insert(key, read->value(0).toString());
        }
        read->finish();
    }
    return ids;
}

} // namespace

QJsonObject ServerImporter::Result::toJson() const
{
    QJsonArray list;
    for (const Intake::ImportError &e : errors)
        list.append(QJsonObject{{QStringLiteral("row"), e.row},
                                {QStringLiteral("column"), e.column},
                                {QStringLiteral("reason"), e.reason}});
    QJsonObject json{{QStringLiteral("imported"), imported},
                     {QStringLiteral("updated"), updated},
                     {QStringLiteral("unchanged"), unchanged},
                     {QStringLiteral("rejected"), rejected},
                     {QStringLiteral("errors"), list}};
    if (!fatalError.isEmpty())
        json.insert(QStringLiteral("error"), fatalError);
    return json;
}

ServerImporter::ServerImporter(ServerDatabase &db)
    : m_db(db)
{}

bool ServerImporter::kindFromName(const QString &name, Kind *kind)
{
    if (name == QLatin1String("firms"))
        *kind = Kind::Firms;
    else if (name == QLatin1String("records"))
        *kind = Kind::Records;
    else if (name == QLatin1String("series"))
        *kind = Kind::Series;
    else
        return false;
    return true;
}

ServerImporter::Result ServerImporter::importFile(const QString &path, Kind kind,
                                                  Intake::TextEncoding::Encoding encoding)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.fatalError = tr("The file %1 cannot be read: %2.").arg(path, file.errorString());
        result.errors.append({0, 0, QString(), result.fatalError});
        return result;
    }
    return importBytes(file.readAll(), kind, encoding);
}

ServerImporter::Result ServerImporter::importBytes(const QByteArray &bytes, Kind kind,
                                                   Intake::TextEncoding::Encoding encoding,
                                                   const QDate &today)
{
    Result result;
    auto fatal = [&result](const QString &message) {
        result.fatalError = message;
        result.errors.append({0, 0, QString(), message});
        return result;
    };
    const QDate now = today.isValid() ? today : QDate::currentDate();
    const Intake::TextEncoding::Decoded decoded = Intake::TextEncoding::decode(bytes, encoding);
    if (!decoded.ok)
        return fatal(decoded.error);
    Intake::CsvParser parser(decoded.text);
    Intake::CsvRecord header;
    if (!parser.next(&header) || !header.error.isEmpty())
        return fatal(header.error.isEmpty() ? tr("The file is empty: it has no header row.") : header.error);

    // Column of each field key.
    QHash<QString, int> columns;
    QStringList missing;
    if (kind == Kind::Records) {
        for (const RecordColumn &rc : recordColumns()) {
            const QString key = QString::fromUtf16(rc.key);
            QStringList names{Intake::CellFormats::normalizeHeader(key)};
            for (const char16_t *name : rc.names) {
                if (name)
                    names.append(Intake::CellFormats::normalizeHeader(QString::fromUtf16(name)));
            }
            for (int i = 0; i < header.fields.size(); ++i) {
                if (names.contains(Intake::CellFormats::normalizeHeader(header.fields.at(i)))) {
                    columns.insert(key, i);
                    break;
                }
            }
        }
        for (const char *key : {"uscc", "kind", "date"}) {
            if (!columns.contains(QLatin1String(key)))
                missing.append(QLatin1String(key));
        }
    } else {
        const ColumnMapping::Kind mappingKind
            = kind == Kind::Firms ? ColumnMapping::Kind::Firms : ColumnMapping::Kind::Series;
        const ColumnMapping mapping = ColumnMapping::detect(mappingKind, header.fields);
        for (const ColumnMapping::Field f : ColumnMapping::fields(mappingKind)) {
            if (mapping.column(f) >= 0)
                columns.insert(ColumnMapping::key(f), mapping.column(f));
        }
        for (const ColumnMapping::Field f : mapping.missingRequired())
            missing.append(ColumnMapping::chineseName(f) + u'/' + ColumnMapping::key(f));
    }
    if (!missing.isEmpty())
        return fatal(
            tr("The header lacks the required column(s) %1.").arg(missing.join(QStringLiteral(", "))));

    if (!m_db.transaction())
        return fatal(tr("The import could not start a transaction on the server's database."));
    // Rows are written in bulk on PostgreSQL, one by one on SQLite (below).
    const bool oneByOne = m_db.dialect() == ServerDatabase::Dialect::SQLite;
    // Every push waits from here to the commit: the import reads what it writes (existing rows, keys).
    // The savepoint lets a chunk whose bulk write fails be written again row by row (below).
    if (!m_db.lockWriters(nullptr, 0) || (!oneByOne && !m_db.savepoint(QStringLiteral("import_chunk")))) {
        m_db.rollback();
        return fatal(tr("The import could not start a transaction on the server's database."));
    }
    if (m_db.dialect() == ServerDatabase::Dialect::PostgreSQL) {
        // The tables grow while the import runs (in this transaction, unseen by ANALYZE), so the plan of
        // the key lookups, cached from their first runs on a small table, would stay a hash join over a
        // full scan of the table for every chunk: only nested loops over the key's index (until commit).
        if (!m_db.execAll({QStringLiteral("SET LOCAL enable_hashjoin = off"),
                           QStringLiteral("SET LOCAL enable_mergejoin = off")},
                          nullptr)) {
            m_db.rollback();
            return fatal(tr("The import could not start a transaction on the server's database."));
        }
    }
    RowStore rows(m_db);
    const QString entity = kind == Kind::Firms    ? QStringLiteral("enterprise")
                           : kind == Kind::Series ? QStringLiteral("monthly_value")
                                                  : QStringLiteral("credit_record");
    const QStringList &naturalKey = keyColumns(kind);

    QHash<QString, QString> parkByKey;
    if (kind == Kind::Firms) {
        QSqlQuery q(m_db.sql());
        if (!q.exec(QStringLiteral("SELECT id, code, name FROM park WHERE deleted = 0"))) {
            m_db.rollback();
            return fatal(tr("The parks could not be read: %1.").arg(q.lastError().text()));
        }
        while (q.next()) {
            parkByKey.insert(q.value(1).toString().trimmed().toLower(), q.value(0).toString());
            parkByKey.insert(q.value(2).toString().trimmed().toLower(), q.value(0).toString());
        }
    }
    // Firm ids by USCC ("" = not on the server), looked up for a block of records at a time.
    QHash<QString, QString> firmIdByUscc;
    QHash<QString, Core::IdCheckResult> usccChecks; // of the current block, by cell
    auto checkUscc = [&](RowContext &ctx) {
        const QString raw = ctx.cell(QStringLiteral("uscc"));
        if (raw.isEmpty()) {
            ctx.fail(QStringLiteral("uscc"), tr("The USCC is missing."));
            return QString();
        }
        const auto known = usccChecks.constFind(raw);
        const Core::IdCheckResult check = known != usccChecks.constEnd() ? *known : Core::Uscc::check(raw);
        if (!check.valid) {
            ctx.fail(QStringLiteral("uscc"), tr("The USCC “%1” is invalid: %2").arg(raw, check.reason));
            return QString();
        }
        return check.normalized;
    };
    auto existingFirm = [&](RowContext &ctx, const QString &uscc) {
        const QString id = uscc.isEmpty() ? QString() : firmIdByUscc.value(uscc);
        if (!uscc.isEmpty() && id.isEmpty())
            ctx.fail(
                QStringLiteral("uscc"),
                tr("No firm with the USCC %1 is on the server; import the firm roster first.").arg(uscc));
        return id;
    };

    const int width = int(header.fields.size());
    // Checks one record: its errors, or none and the row's fields and natural key in *candidate.
    auto readRecord = [&](const Intake::CsvRecord &record, int row, Candidate *candidate) {
        RowContext ctx{columns, header.fields, record.fields, row, {}};
        QJsonObject fields;
        QJsonObject key;
        if (!record.error.isEmpty()) {
            ctx.errors.append({row, 0, QString(), record.error});
        } else if (record.fields.size() != width) {
            ctx.errors.append({row, 0, QString(),
                               tr("The row has %1 fields but the header has %2 columns.")
                                   .arg(record.fields.size())
                                   .arg(width)});
        } else if (kind == Kind::Firms) {
            const QString uscc = checkUscc(ctx);
            const QString name = ctx.cell(QStringLiteral("name"));
            if (name.isEmpty())
                ctx.fail(QStringLiteral("name"), tr("The firm name is missing."));
            else if (name.size() > 200)
                ctx.fail(QStringLiteral("name"), tr("The firm name is longer than 200 characters."));
            fields.insert(QStringLiteral("uscc"), uscc);
            fields.insert(QStringLiteral("name"), name);
            if (const QString text = ctx.cell(QStringLiteral("legal_rep")); !text.isEmpty()) {
                if (text.size() > 100)
                    ctx.fail(QStringLiteral("legal_rep"),
                             tr("The legal representative is longer than 100 characters."));
                fields.insert(QStringLiteral("legal_rep"), text);
            }
            if (const QString text = ctx.cell(QStringLiteral("established")); !text.isEmpty()) {
                const QDate d = Intake::CellFormats::parseDate(text);
                if (!d.isValid())
                    ctx.fail(QStringLiteral("established"),
                             tr("The establishment date “%1” is not a date written YYYY-MM-DD.").arg(text));
                else if (d > now)
                    ctx.fail(QStringLiteral("established"),
                             tr("The establishment date %1 is in the future.").arg(d.toString(Qt::ISODate)));
                else
                    fields.insert(QStringLiteral("established"), d.toString(Qt::ISODate));
            }
            if (const QString text = ctx.cell(QStringLiteral("registered_capital_wan")); !text.isEmpty()) {
                const Core::Money::ParseResult parsed = Core::Money::parse(text, Core::Money::Unit::Wan);
                if (!parsed.ok)
                    ctx.fail(QStringLiteral("registered_capital_wan"),
                             tr("The registered capital “%1” (in 万元) is not an amount: %2")
                                 .arg(text, parsed.error));
                else if (parsed.value.isNegative())
                    ctx.fail(
                        QStringLiteral("registered_capital_wan"),
                        tr("The registered capital “%1” is negative; it must be zero or more.").arg(text));
                else
                    fields.insert(QStringLiteral("registered_capital"), parsed.value.fen());
            }
            if (const QString text = ctx.cell(QStringLiteral("industry")); !text.isEmpty()) {
                QString industry = Core::IndustryCodes::divisionOf(text);
                if (industry.isEmpty() && text.size() == 1)
                    industry = Core::IndustryCodes::sectionOf(text);
                if (industry.isEmpty() || !Core::IndustryCodes::isKnown(industry))
                    ctx.fail(
                        QStringLiteral("industry"),
                        tr("The industry code “%1” is not a GB/T 4754-2017 section or division.").arg(text));
                else
                    fields.insert(QStringLiteral("industry_code"), industry);
            }
            if (const QString text = ctx.cell(QStringLiteral("region")); !text.isEmpty()) {
                if (!Core::RegionCodes::isKnown(text))
                    ctx.fail(QStringLiteral("region"),
                             tr("The region code “%1” is not a known GB/T 2260 code.").arg(text));
                else
                    fields.insert(QStringLiteral("region_code"), text);
            }
            if (const QString text = ctx.cell(QStringLiteral("park")); !text.isEmpty()) {
                const QString park = parkByKey.value(text.toLower());
                if (park.isEmpty())
                    ctx.fail(QStringLiteral("park"),
                             tr("The park “%1” is not known to the server (give its code or full name).")
                                 .arg(text));
                else
                    fields.insert(QStringLiteral("park_id"), park);
            }
            if (const QString text = ctx.cell(QStringLiteral("employees")); !text.isEmpty()) {
                qint64 n = 0;
                if (!parseCount(text, &n) || n > 10000000)
                    ctx.fail(
                        QStringLiteral("employees"),
                        tr("The number of employees “%1” is not a whole number of zero or more.").arg(text));
                else
                    fields.insert(QStringLiteral("employees"), n);
            }
            if (ctx.errors.isEmpty())
                key = {{QStringLiteral("uscc"), uscc}};
        } else if (kind == Kind::Series) {
            const QString firm = existingFirm(ctx, checkUscc(ctx));
            const QString monthText = ctx.cell(QStringLiteral("month"));
            const QDate month = QDate::fromString(monthText, QStringLiteral("yyyy-MM"));
            if (!month.isValid() || month.year() < 1900)
                ctx.fail(QStringLiteral("month"),
                         tr("The month “%1” is not written YYYY-MM (e.g. 2025-03).").arg(monthText));
            else if (month > now)
                ctx.fail(QStringLiteral("month"), tr("The month %1 is in the future.").arg(monthText));
            const QString kindText = ctx.cell(QStringLiteral("kind"));
            const std::optional<Intake::CellFormats::SeriesKind> seriesKind
                = Intake::CellFormats::seriesKind(kindText);
            qint64 value = 0;
            const QString valueText = ctx.cell(QStringLiteral("value"));
            if (!seriesKind) {
                ctx.fail(
                    QStringLiteral("kind"),
                    tr("The kind of series “%1” is not known; use tax_paid, social_insured, housing_fund, "
                       "electricity, bank_inflow or bank_outflow.")
                        .arg(kindText));
            } else if (seriesKind->money) {
                const Core::Money::ParseResult parsed
                    = Core::Money::parse(valueText, Core::Money::Unit::Yuan);
                if (!parsed.ok)
                    ctx.fail(QStringLiteral("value"), tr("The value “%1” of %2 is not an amount in yuan: %3")
                                                          .arg(valueText, kindText, parsed.error));
                else if (parsed.value.isNegative())
                    ctx.fail(QStringLiteral("value"),
                             tr("The value “%1” of %2 is negative; it must be zero or more.")
                                 .arg(valueText, kindText));
                else
                    value = parsed.value.fen();
            } else if (!parseCount(valueText, &value)) {
                ctx.fail(QStringLiteral("value"),
                         tr("The value “%1” of %2 is not a whole number of zero or more.")
                             .arg(valueText, kindText));
            }
            if (ctx.errors.isEmpty()) {
                key = {{QStringLiteral("enterprise_id"), firm},
                       {QStringLiteral("kind"), QString::fromLatin1(seriesKind->code)},
                       {QStringLiteral("month"), month.toString(Qt::ISODate)}};
                fields = key;
                fields.insert(QStringLiteral("value"), value);
            }
        } else {
            const QString firm = existingFirm(ctx, checkUscc(ctx));
            const QString kindText = ctx.cell(QStringLiteral("kind"));
            const QString recordKind = recordKinds().value(kindText.toLower(), recordKinds().value(kindText));
            if (recordKind.isEmpty())
                ctx.fail(
                    QStringLiteral("kind"),
                    tr("The kind of record “%1” is not known; use tax_grade, penalty, dishonest_debtor or "
                       "procurement.")
                        .arg(kindText));
            const QString dateText = ctx.cell(QStringLiteral("date"));
            const QDate date = Intake::CellFormats::parseDate(dateText);
            if (!date.isValid())
                ctx.fail(QStringLiteral("date"),
                         tr("The date “%1” is not a date written YYYY-MM-DD.").arg(dateText));
            else if (date > now)
                ctx.fail(QStringLiteral("date"),
                         tr("The date %1 of the record is in the future.").arg(date.toString(Qt::ISODate)));
            if (const QString text = ctx.cell(QStringLiteral("valid_to")); !text.isEmpty()) {
                const QDate validTo = Intake::CellFormats::parseDate(text);
                if (!validTo.isValid())
                    ctx.fail(QStringLiteral("valid_to"),
                             tr("The end of validity “%1” is not a date written YYYY-MM-DD.").arg(text));
                else if (date.isValid() && validTo < date)
                    ctx.fail(QStringLiteral("valid_to"),
                             tr("The end of validity %1 is before the record's date %2.")
                                 .arg(validTo.toString(Qt::ISODate), date.toString(Qt::ISODate)));
                else
                    fields.insert(QStringLiteral("valid_to"), validTo.toString(Qt::ISODate));
            }
            if (const QString text = ctx.cell(QStringLiteral("amount_fen")); !text.isEmpty()) {
                qint64 amount = 0;
                if (!parseCount(text, &amount))
                    ctx.fail(QStringLiteral("amount_fen"),
                             tr("The amount “%1” is not a whole number of fen of zero or more.").arg(text));
                else
                    fields.insert(QStringLiteral("amount"), amount);
            }
            const QString title = ctx.cell(QStringLiteral("title"));
            const struct
            {
                const char *key;
                int max;
            } texts[] = {{"title", 400}, {"authority", 200}, {"detail", 4000}};
            for (const auto &t : texts) {
                const QString k = QLatin1String(t.key);
                const QString text = ctx.cell(k);
                if (text.size() > t.max)
                    ctx.fail(k, tr("The column %1 is longer than %2 characters.").arg(k).arg(t.max));
                else if (!text.isEmpty())
                    fields.insert(k, text);
            }
            if (ctx.errors.isEmpty()) {
                key = {{QStringLiteral("enterprise_id"), firm},
                       {QStringLiteral("kind"), recordKind},
                       {QStringLiteral("date"), date.toString(Qt::ISODate)},
                       {QStringLiteral("title"), title}};
                for (auto it = key.begin(); it != key.end(); ++it)
                    fields.insert(it.key(), it.value());
            }
        }

        if (ctx.errors.isEmpty()) {
            candidate->row = row;
            candidate->fields = fields;
            candidate->key = keyText(key, naturalKey);
            candidate->keyFields = key;
        }
        return ctx.errors;
    };

    // The rows read since the last write, in file order: errors, or a candidate to write.
    struct Outcome
    {
        QVector<Intake::ImportError> errors;
        qsizetype candidate = -1;
    };
    QList<Outcome> outcomes;
    QList<Candidate> candidates;
    QHash<QString, qsizetype> candidateByKey;
    struct Failure
    {
        int row = 0;
        QString message;
    };
    // A row that could not be stored: nothing of the import stays.
    auto failed = [&](const Failure &failure) {
        m_db.rollback();
        result.imported = result.updated = result.unchanged = 0;
        return fatal(tr("Row %1 could not be stored, so nothing was imported: %2")
                         .arg(failure.row)
                         .arg(failure.message));
    };
    // Writes the candidates and counts the outcomes; a database failure (the first row that could not
    // be stored, when known) leaves the counts of the rows before it.
    auto writeCandidates = [&]() -> std::optional<Failure> {
        const auto countUpTo = [&](int failedRow) {
            for (const Outcome &o : std::as_const(outcomes)) {
                const int row = o.candidate >= 0 ? candidates.at(o.candidate).row
                                                 : (o.errors.isEmpty() ? 0 : o.errors.first().row);
                if (failedRow > 0 && row >= failedRow)
                    break;
                if (!o.errors.isEmpty()) {
                    ++result.rejected;
                    result.errors += o.errors;
                } else if (const Candidate &c = candidates.at(o.candidate); c.stored) {
                    if (c.stored->created)
                        ++result.imported;
                    else if (c.stored->changed)
                        ++result.updated;
                    else
                        ++result.unchanged;
                    if (kind == Kind::Firms)
                        firmIdByUscc.insert(c.key, c.stored->id);
                }
            }
        };
        const auto done = [&](std::optional<Failure> failure) {
            countUpTo(failure ? failure->row : 0);
            outcomes.clear();
            candidates.clear();
            candidateByKey.clear();
            return failure;
        };
        if (candidates.isEmpty())
            return done(std::nullopt);
        QString message;

        // 1. Existing rows by natural key: firms from the USCC lookup, the others in a few statements
        // (SQLite: one by one, which costs no round trip and less binding).
        if (kind == Kind::Firms) {
            for (Candidate &c : candidates)
                c.id = firmIdByUscc.value(c.key);
        } else if (oneByOne) {
            for (Candidate &c : candidates)
                c.id = rows.findId(entity, c.keyFields);
        } else {
            QStringList keys;
            keys.reserve(candidates.size());
            for (const Candidate &c : std::as_const(candidates))
                keys.append(c.key);
            const std::optional<QHash<QString, QString>> ids
                = findIds(m_db, entity, naturalKey, keys, &message);
            if (!ids)
                return done(Failure{candidates.first().row, message});
            for (Candidate &c : candidates)
                c.id = ids->value(c.key);
        }

        // 2. The catalog's own limits (types, lengths, enumerations): the last guard.
        const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
        QStringList existing;
        for (Outcome &o : outcomes) {
            if (o.candidate < 0)
                continue;
            Candidate &c = candidates[o.candidate];
            if (kind == Kind::Firms && c.id.isEmpty())
                c.fields.insert(QStringLiteral("kind"), c.key.startsWith(u"92")
                                                            ? QStringLiteral("individual_business")
                                                            : QStringLiteral("company"));
            QString why;
            if (!spec
                || !Sync::EntityCatalog::validateFields(*spec, c.fields, QStringLiteral("row"), &why,
                                                        c.id.isEmpty())) {
                o.errors.append({c.row, 0, QString(), why});
                c.valid = false;
            } else if (!c.id.isEmpty()) {
                existing.append(c.id);
            }
        }

        // 3. The writes: existing rows loaded together and updated where a value changed (no second
        // read), new rows in multi-row INSERTs (the same stored row as upsert() would write: the named
        // fields, a version of its own, every field at that version in field_versions). SQLite: one by
        // one (QtSql's SQLite driver binds a long statement's parameters more slowly than it runs
        // short ones, and there is no round trip to save).
        const bool written = !oneByOne && [&] {
            std::optional<QHash<QString, RowStore::Loaded>> loaded = QHash<QString, RowStore::Loaded>();
            if (!existing.isEmpty())
                loaded = rows.loadMany(entity, existing, &message);
            if (!loaded)
                return false;
            QHash<QString, QList<qsizetype>> newByFields; // same named fields → one insertMany()
            QList<QString> shapes;
            for (qsizetype i = 0; i < candidates.size(); ++i) {
                Candidate &c = candidates[i];
                if (!c.valid)
                    continue;
                if (c.id.isEmpty()) {
                    const QString shape = c.fields.keys().join(u',');
                    auto it = newByFields.find(shape);
                    if (it == newByFields.end()) {
                        it = newByFields.insert(shape, {});
                        shapes.append(shape);
                    }
                    it->append(i);
                    continue;
                }
                const auto current = loaded->constFind(c.id);
                c.stored = current == loaded->constEnd()
                               ? rows.upsert(entity, c.id, c.fields, &message)
                               : rows.upsert(current->row, current->fieldVersions, c.fields, &message);
                if (!c.stored)
                    return false;
            }
            for (const QString &shape : std::as_const(shapes)) {
                const QList<qsizetype> &indexes = newByFields.value(shape);
                QList<std::pair<QString, QJsonObject>> batch;
                batch.reserve(indexes.size());
                for (const qsizetype i : indexes)
                    batch.append({QString(), candidates.at(i).fields});
                const std::optional<QList<RowStore::Written>> inserted
                    = rows.insertMany(entity, batch, &message);
                if (!inserted)
                    return false;
                for (qsizetype j = 0; j < indexes.size(); ++j)
                    candidates[indexes.at(j)].stored = inserted->at(j);
            }
            return true;
        }();
        if (!written) {
            // After a failed bulk write: which row? Undo the chunk and write its rows one by one.
            if (!oneByOne && !m_db.rollbackToSavepoint(QStringLiteral("import_chunk")))
                return done(Failure{candidates.first().row, message});
            for (Candidate &c : candidates) {
                if (!c.valid)
                    continue;
                c.stored = rows.upsert(entity, c.id, c.fields, &message);
                if (!c.stored)
                    return done(Failure{c.row, message});
            }
        }
        if (!oneByOne && !m_db.renewSavepoint(QStringLiteral("import_chunk")))
            return done(Failure{candidates.first().row, m_db.sql().lastError().text()});
        return done(std::nullopt);
    };

    Intake::CsvRecord record;
    int row = 0;
    bool more = true;
    while (more) {
        // A block of records, whose firms are looked up together.
        QList<std::pair<int, Intake::CsvRecord>> block;
        while (block.size() < ChunkRows && (more = parser.next(&record)))
            block.append({++row, record});
        const int usccColumn = columns.value(QStringLiteral("uscc"), -1);
        usccChecks.clear();
        QStringList unknown;
        for (const auto &[r, rec] : std::as_const(block)) {
            if (!rec.error.isEmpty() || rec.fields.size() != width || usccColumn >= rec.fields.size())
                continue;
            const QString raw = rec.fields.at(usccColumn).trimmed();
            if (raw.isEmpty())
                continue;
            auto known = usccChecks.constFind(raw);
            if (known == usccChecks.constEnd())
                known = usccChecks.insert(raw, Core::Uscc::check(raw));
            const Core::IdCheckResult &check = *known;
            if (check.valid && !firmIdByUscc.contains(check.normalized)) {
                firmIdByUscc.insert(check.normalized, QString());
                unknown.append(check.normalized);
            }
        }
        if (oneByOne) {
            for (const QString &uscc : std::as_const(unknown))
                firmIdByUscc.insert(
                    uscc, rows.findId(QStringLiteral("enterprise"), {{QStringLiteral("uscc"), uscc}}));
        } else if (!unknown.isEmpty()) {
            QString message;
            const std::optional<QHash<QString, QString>> ids
                = findIds(m_db, QStringLiteral("enterprise"), {QStringLiteral("uscc")}, unknown, &message);
            if (!ids) {
                m_db.rollback();
                result.imported = result.updated = result.unchanged = 0;
                return fatal(tr("Row %1 could not be stored, so nothing was imported: %2")
                                 .arg(block.first().first)
                                 .arg(message));
            }
            for (auto it = ids->begin(); it != ids->end(); ++it)
                firmIdByUscc.insert(it.key(), it.value());
        }
        for (const auto &[r, rec] : std::as_const(block)) {
            Candidate candidate;
            Outcome outcome;
            outcome.errors = readRecord(rec, r, &candidate);
            if (outcome.errors.isEmpty()) {
                // The same natural key again: the earlier row is written first, then this one is
                // matched against it (the later row wins).
                if (candidateByKey.contains(candidate.key)) {
                    if (const std::optional<Failure> failure = writeCandidates())
                        return failed(*failure);
                }
                outcome.candidate = candidates.size();
                candidateByKey.insert(candidate.key, candidates.size());
                candidates.append(candidate);
            }
            outcomes.append(outcome);
        }
        if (const std::optional<Failure> failure = writeCandidates())
            return failed(*failure);
    }
    if (!m_db.commit()) {
        m_db.rollback();
        result.imported = result.updated = result.unchanged = 0;
        return fatal(tr("The import could not be committed; nothing was written."));
    }
    result.completed = true;
    return result;
}

} // namespace XinDai::Server
