#include "intake/columnmapping.h"

#include "intake/cellformats.h"

namespace XinDai::Intake {

namespace {

struct FieldNames
{
    ColumnMapping::Field field;
    const char16_t *key;
    const char16_t *chinese;
    const char16_t *aliases[4]; ///< nullptr-terminated when shorter
};

const QVector<FieldNames> &fieldTable()
{
    using F = ColumnMapping::Field;
    static const QVector<FieldNames> table = {
        {F::Uscc, u"uscc", u"统一社会信用代码", {u"信用代码", u"社会信用代码", u"credit_code"}},
        {F::Name, u"name", u"企业名称", {u"名称", u"firm_name", u"enterprise_name"}},
        {F::LegalRep,
         u"legal_rep",
         u"法定代表人",
         {u"法人", u"法人代表", u"经营者", u"legal_representative"}},
        {F::Established, u"established", u"成立日期", {u"注册日期", u"established_on"}},
        {F::RegisteredCapitalWan,
         u"registered_capital_wan",
         u"注册资本(万元)",
         {u"注册资本", u"registered_capital"}},
        {F::Industry, u"industry", u"行业代码", {u"行业", u"industry_code"}},
        {F::Region, u"region", u"行政区划代码", {u"区划代码", u"region_code"}},
        {F::Park, u"park", u"所属园区", {u"园区", u"park_code"}},
        {F::Employees, u"employees", u"从业人数", {u"员工人数", u"职工人数"}},
        {F::Month, u"month", u"月份", {u"年月", u"所属期"}},
        {F::SeriesKind, u"kind", u"指标", {u"指标名称", u"series", u"indicator"}},
        {F::Value, u"value", u"数值", {u"值", u"金额", u"amount"}},
    };
    return table;
}

const QHash<QString, ColumnMapping::Field> &headerIndex()
{
    static const QHash<QString, ColumnMapping::Field> index = [] {
        QHash<QString, ColumnMapping::Field> h;
        for (const FieldNames &f : fieldTable()) {
            h.insert(CellFormats::normalizeHeader(QString::fromUtf16(f.key)), f.field);
            h.insert(CellFormats::normalizeHeader(QString::fromUtf16(f.chinese)), f.field);
            for (const char16_t *alias : f.aliases) {
                if (alias)
                    h.insert(CellFormats::normalizeHeader(QString::fromUtf16(alias)), f.field);
            }
        }
        return h;
    }();
    return index;
}

} // namespace

ColumnMapping::ColumnMapping(Kind kind, const QStringList &header)
    : m_kind(kind)
    , m_header(header)
{}

ColumnMapping ColumnMapping::detect(Kind kind, const QStringList &header)
{
    ColumnMapping mapping(kind, header);
    const QVector<Field> wanted = fields(kind);
    for (int i = 0; i < header.size(); ++i) {
        const std::optional<Field> field = fieldForHeader(header.at(i));
        if (field && wanted.contains(*field) && mapping.column(*field) < 0)
            mapping.setColumn(*field, i);
    }
    return mapping;
}

QVector<ColumnMapping::Field> ColumnMapping::fields(Kind kind)
{
    if (kind == Kind::Series)
        return {Field::Uscc, Field::Month, Field::SeriesKind, Field::Value};
    return {Field::Uscc,     Field::Name,   Field::LegalRep, Field::Established, Field::RegisteredCapitalWan,
            Field::Industry, Field::Region, Field::Park,     Field::Employees};
}

QVector<ColumnMapping::Field> ColumnMapping::requiredFields(Kind kind)
{
    if (kind == Kind::Series)
        return fields(kind);
    return {Field::Uscc, Field::Name};
}

QString ColumnMapping::key(Field field)
{
    for (const FieldNames &f : fieldTable()) {
        if (f.field == field)
            return QString::fromUtf16(f.key);
    }
    return {};
}

QString ColumnMapping::chineseName(Field field)
{
    for (const FieldNames &f : fieldTable()) {
        if (f.field == field)
            return QString::fromUtf16(f.chinese);
    }
    return {};
}

std::optional<ColumnMapping::Field> ColumnMapping::fieldForHeader(const QString &header)
{
    const auto it = headerIndex().constFind(CellFormats::normalizeHeader(header));
    if (it == headerIndex().constEnd())
        return std::nullopt;
    return *it;
}

void ColumnMapping::setColumn(Field field, int column)
{
    if (column < 0)
        m_columns.remove(int(field));
    else
        m_columns.insert(int(field), column);
}

QVector<ColumnMapping::Field> ColumnMapping::missingRequired() const
{
    QVector<Field> missing;
    for (Field f : requiredFields(m_kind)) {
        if (column(f) < 0)
            missing.append(f);
    }
    return missing;
}

QString ColumnMapping::columnName(Field field) const
{
    const int c = column(field);
    if (c >= 0 && c < m_header.size()) {
        QString name = m_header.at(c).trimmed();
        if (name.startsWith(QChar(0xFEFF)))
            name.remove(0, 1);
        if (!name.isEmpty())
            return name;
    }
    return key(field);
}

} // namespace XinDai::Intake
