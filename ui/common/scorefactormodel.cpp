#include "scorefactormodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace XinDai::Ui {

ScoreFactorModel::ScoreFactorModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ScoreFactorModel::setRows(const QVector<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ScoreFactorModel::setData(const Scoring::Scorecard &model, const Scoring::ScoreResult &result)
{
    QVector<Row> rows;
    rows.reserve(result.contributions.size());
    for (const Scoring::ScoreResult::Contribution &c : result.contributions) {
        Row row;
        row.factor = model.factors().at(c.factor).label;
        row.value = model.binText(c.factor, c.bin);
        row.points = c.points;
        row.bestPoints = c.bestPoints;
        row.missing = c.missing;
        rows.append(row);
    }
    setRows(rows);
}

void ScoreFactorModel::setData(const Scoring::ExpertModel &model, const Scoring::ExpertModel::Result &result)
{
    const QLocale locale;
    QVector<Row> rows;
    rows.reserve(result.contributions.size());
    for (const Scoring::ExpertModel::Contribution &c : result.contributions) {
        Row row;
        row.factor = model.indicators().at(c.indicator).label;
        row.value = c.missing ? tr("no data (weight %1 %)").arg(locale.toString(100 * c.weight, 'f', 1))
                              : tr("%1 of 1 (weight %2 %)")
                                    .arg(locale.toString(c.normalised, 'f', 2),
                                         locale.toString(100 * c.weight, 'f', 1));
        row.points = c.points;
        row.bestPoints = 100 * c.weight;
        row.missing = c.missing;
        rows.append(row);
    }
    setRows(rows);
}

int ScoreFactorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScoreFactorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScoreFactorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case FactorColumn:
            return row.factor;
        case ValueColumn:
            return row.value;
        case PointsColumn:
            return QLocale().toString(row.points, 'f', 1);
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PointsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (row.missing)
            return QBrush(QColor(0x80, 0x80, 0x80));
        break;
    case PointsRole:
        return row.points;
    case PointsLostRole:
        return std::max(0.0, row.bestPoints - row.points);
    case MissingRole:
        return row.missing;
    default:
        break;
    }
    return {};
}

QVariant ScoreFactorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case FactorColumn:
        return tr("Factor");
    case ValueColumn:
        return tr("Value or band");
    case PointsColumn:
        return tr("Points");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace XinDai::Ui
