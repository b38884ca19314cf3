#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace XinDai::Intake {

/// Which file column feeds which import field. Detected from the header row (Chinese or English
/// names, see docs/import-formats.md) and overridable, e.g. by a mapping dialog.
/// Invariant: column indexes are 0-based positions in the header, or -1 when the field is unmapped.
class ColumnMapping
{
public:
    /// What a file holds.
    enum class Kind {
        Firms, ///< one firm (企业) per row
        Series ///< one monthly value per row: firm, month, kind of series, value
    };

    enum class Field {
        Uscc,                 ///< 统一社会信用代码 / uscc (both kinds)
        Name,                 ///< 企业名称 / name
        LegalRep,             ///< 法定代表人 / legal_rep
        Established,          ///< 成立日期 / established, YYYY-MM-DD
        RegisteredCapitalWan, ///< 注册资本(万元) / registered_capital_wan, in 万元
        Industry,             ///< 行业代码 / industry, GB/T 4754-2017
        Region,               ///< 行政区划代码 / region, GB/T 2260
        Park,                 ///< 所属园区 / park, park code or name
        Employees,            ///< 从业人数 / employees
        Month,                ///< 月份 / month, YYYY-MM (series)
        SeriesKind,           ///< 指标 / kind (series)
        Value                 ///< 数值 / value (series)
    };

    ColumnMapping() = default;
    explicit ColumnMapping(Kind kind, const QStringList &header = {});

    /// Maps every header cell whose (normalised) name is a known name of a field of \a kind; the
    /// first matching column wins. Unknown columns are ignored.
    static ColumnMapping detect(Kind kind, const QStringList &header);

    /// Fields of \a kind in documentation order.
    static QVector<Field> fields(Kind kind);
    /// Fields that must be mapped before an import can run.
    static QVector<Field> requiredFields(Kind kind);
    /// English key, e.g. "registered_capital_wan".
    static QString key(Field field);
    /// Chinese header, e.g. "注册资本(万元)".
    static QString chineseName(Field field);
    /// The field a header cell names, for either kind; nullopt when not recognised. Case, spaces,
    /// full-width parentheses and a UTF-8 BOM are ignored.
    static std::optional<Field> fieldForHeader(const QString &header);

    Kind kind() const { return m_kind; }
    QStringList header() const { return m_header; }
    /// 0-based column of \a field, or -1.
    int column(Field field) const { return m_columns.value(int(field), -1); }
    /// Maps \a field to \a column (-1 unmaps it).
    void setColumn(Field field, int column);
    /// Required fields of kind() that are not mapped.
    QVector<Field> missingRequired() const;
    /// Name of column \a column as written in the header, or the field's key when out of range.
    QString columnName(Field field) const;

private:
    Kind m_kind = Kind::Firms;
    QStringList m_header;
    QHash<int, int> m_columns;
};

} // namespace XinDai::Intake
