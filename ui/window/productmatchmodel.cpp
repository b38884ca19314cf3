#include "productmatchmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace XinDai::Ui {

ProductMatchModel::ProductMatchModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProductMatchModel::setMatches(const QVector<Matching::ProductMatch> &matches,
                                   const QHash<QString, QString> &institutionNames)
{
    beginResetModel();
    m_matches = matches;
    m_institutionNames = institutionNames;
    endResetModel();
}

int ProductMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int ProductMatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Matching::ProductMatch &m = m_matches.at(index.row());
    switch (role) {
    case RankRole:
        return m.rank;
    case EligibleRole:
        return m.eligible;
    case ScoreRole:
        return m.score;
    case AnnualCostFenRole:
        return m.annualCost.fen();
    case ProductIdRole:
        return m.product.meta.id;
    case Qt::ForegroundRole:
        if (!m.eligible)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != ProductColumn && index.column() != InstitutionColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case RankColumn:
        return m.eligible ? QLocale().toString(m.rank) : tr("Not eligible");
    case ProductColumn:
        return m.product.name;
    case InstitutionColumn:
        return m_institutionNames.value(m.product.institutionId, m.product.institutionId);
    case ScoreColumn:
        return m.eligible ? QLocale().toString(m.score, 'f', 3) : QString();
    case AnnualCostColumn:
        return m.eligible ? m.annualCost.format(Core::Money::Unit::Auto) : QString();
    case DaysToDecisionColumn:
        return tr("%n working day(s)", nullptr, m.product.avgDaysToDecision);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProductMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RankColumn:
        return tr("Rank");
    case ProductColumn:
        return tr("Product");
    case InstitutionColumn:
        return tr("Institution");
    case ScoreColumn:
        return tr("Score");
    case AnnualCostColumn:
        return tr("Annual cost");
    case DaysToDecisionColumn:
        return tr("Days to decision");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace XinDai::Ui
