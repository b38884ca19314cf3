#include "seriestablemodel.h"

#include "domainlabels.h"

#include <algorithm>

namespace XinDai::Ui {

SeriesTableModel::SeriesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SeriesTableModel::setSeries(const QVector<Core::MonthlyValue> &values)
{
    beginResetModel();
    m_months.clear();
    m_values.clear();
    for (const Core::MonthlyValue &v : values) {
        const QDate month(v.month.year(), v.month.month(), 1);
        auto it = m_values.find(month);
        if (it == m_values.end()) {
            it = m_values.insert(month, {});
            m_months.append(month);
        }
        it->insert(int(v.kind), v.value);
    }
    std::sort(m_months.begin(), m_months.end());
    endResetModel();
}

std::optional<qint64> SeriesTableModel::value(QDate month, Core::MonthlyValue::Kind kind) const
{
    const auto row = m_values.constFind(month);
    if (row == m_values.cend())
        return std::nullopt;
    const auto cell = row->constFind(int(kind));
    if (cell == row->cend())
        return std::nullopt;
    return *cell;
}

Core::MonthlyValue::Kind SeriesTableModel::kindOfColumn(int column)
{
    return DomainLabels::seriesKinds().at(column - TaxPaidColumn);
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_months.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate month = m_months.at(index.row());
    if (role == MonthRole)
        return month;
    if (index.column() == MonthColumn) {
        if (role == Qt::DisplayRole)
            return month.toString(QStringLiteral("yyyy-MM"));
        return {};
    }
    const Core::MonthlyValue::Kind kind = kindOfColumn(index.column());
    const std::optional<qint64> v = value(month, kind);
    switch (role) {
    case Qt::DisplayRole:
        return v ? DomainLabels::seriesValue(kind, *v) : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case RawValueRole:
        return v ? QVariant::fromValue(*v) : QVariant();
    }
    return {};
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == MonthColumn)
        return tr("Month");
    if (section > MonthColumn && section < ColumnCount) {
        const Core::MonthlyValue::Kind kind = kindOfColumn(section);
        // Two lines keep the seven columns narrow enough for the profile pane.
        return tr("%1\n(%2)").arg(DomainLabels::seriesKind(kind), DomainLabels::seriesUnit(kind));
    }
    return {};
}

} // namespace XinDai::Ui
