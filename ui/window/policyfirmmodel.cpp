#include "policyfirmmodel.h"

#include <QBrush>
#include <QColor>

namespace XinDai::Ui {

PolicyFirmModel::PolicyFirmModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PolicyFirmModel::setHits(const QVector<Matching::PolicyFirmHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

int PolicyFirmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int PolicyFirmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyFirmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Matching::PolicyFirmHit &hit = m_hits.at(index.row());
    switch (role) {
    case EnterpriseIdRole:
        return hit.firm.enterpriseId;
    case BenefitFenRole:
        return hit.benefit.fen();
    case BenefitCappedRole:
        return hit.benefitCapped;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BenefitColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == BenefitColumn && hit.benefitCapped)
            return tr("The estimated benefit is limited by the policy's cap.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case NameColumn:
        return hit.firm.name;
    case UsccColumn:
        return hit.firm.uscc;
    case BenefitColumn:
        return hit.benefit.format(Core::Money::Unit::Wan);
    case StatusColumn:
        return tr("Eligible");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PolicyFirmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Firm");
    case UsccColumn:
        return tr("Unified social credit code");
    case BenefitColumn:
        return tr("Estimated benefit");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace XinDai::Ui
