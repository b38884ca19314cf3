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
    RowStore rows(m_db);

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
    QHash<QString, QString> firmIdByUscc; // cache of lookups
    auto firmId = [&](const QString &uscc) {
        auto it = firmIdByUscc.constFind(uscc);
        if (it != firmIdByUscc.constEnd())
            return *it;
        const QString id = rows.findId(QStringLiteral("enterprise"), {{QStringLiteral("uscc"), uscc}});
        firmIdByUscc.insert(uscc, id);
        return id;
    };
    auto checkUscc = [&](RowContext &ctx) {
        const QString raw = ctx.cell(QStringLiteral("uscc"));
        if (raw.isEmpty()) {
            ctx.fail(QStringLiteral("uscc"), tr("The USCC is missing."));
            return QString();
        }
        const Core::IdCheckResult check = Core::Uscc::check(raw);
        if (!check.valid) {
            ctx.fail(QStringLiteral("uscc"), tr("The USCC “%1” is invalid: %2").arg(raw, check.reason));
            return QString();
        }
        return check.normalized;
    };
    auto existingFirm = [&](RowContext &ctx, const QString &uscc) {
        const QString id = uscc.isEmpty() ? QString() : firmId(uscc);
        if (!uscc.isEmpty() && id.isEmpty())
            ctx.fail(
                QStringLiteral("uscc"),
                tr("No firm with the USCC %1 is on the server; import the firm roster first.").arg(uscc));
        return id;
    };

    const int width = int(header.fields.size());
    Intake::CsvRecord record;
    int row = 0;
    while (parser.next(&record)) {
        ++row;
        RowContext ctx{columns, header.fields, record.fields, row, {}};
        QString entity;
        QString id;
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
            entity = QStringLiteral("enterprise");
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
            if (ctx.errors.isEmpty()) {
                id = firmId(uscc);
                if (id.isEmpty())
                    fields.insert(QStringLiteral("kind"), uscc.startsWith(u"92")
                                                              ? QStringLiteral("individual_business")
                                                              : QStringLiteral("company"));
            }
        } else if (kind == Kind::Series) {
            entity = QStringLiteral("monthly_value");
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
                id = rows.findId(entity, key);
            }
        } else {
            entity = QStringLiteral("credit_record");
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
                id = rows.findId(entity, key);
            }
        }

        if (ctx.errors.isEmpty()) {
            // Last guard: the catalog's own limits (types, lengths, enumerations).
            QString message;
            const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
            if (!spec
                || !Sync::EntityCatalog::validateFields(*spec, fields, QStringLiteral("row"), &message,
                                                        id.isEmpty())) {
                ctx.errors.append({row, 0, QString(), message});
            } else {
                const std::optional<RowStore::Written> written = rows.upsert(entity, id, fields, &message);
                if (!written) {
                    m_db.rollback();
                    result.imported = result.updated = result.unchanged = 0;
                    return fatal(
                        tr("Row %1 could not be stored, so nothing was imported: %2").arg(row).arg(message));
                }
                if (kind == Kind::Firms)
                    firmIdByUscc.insert(fields.value(QLatin1String("uscc")).toString(), written->id);
                if (written->created)
                    ++result.imported;
                else if (written->changed)
                    ++result.updated;
                else
                    ++result.unchanged;
            }
        }
        if (!ctx.errors.isEmpty()) {
            ++result.rejected;
            result.errors += ctx.errors;
        }
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
