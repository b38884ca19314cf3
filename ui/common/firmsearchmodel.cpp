#include "firmsearchmodel.h"

#include "core/industrycodes.h"
#include "core/regioncodes.h"

namespace XinDai::Ui {

FirmSearchModel::FirmSearchModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FirmSearchModel::setHits(const QVector<Store::EnterpriseHit> &hits,
                              const QHash<QString, QString> &parkNames)
{
    beginResetModel();
    m_hits = hits;
    m_parkNames = parkNames;
    endResetModel();
}

int FirmSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int FirmSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FirmSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::EnterpriseHit &h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return h.name;
        case UsccColumn:
            return h.uscc;
        case RegionColumn:
            return Core::RegionCodes::fullName(h.regionCode);
        case IndustryColumn:
            return Core::IndustryCodes::name(h.industryCode);
        case ParkColumn:
            return m_parkNames.value(h.parkId);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == IndustryColumn ? h.industryCode : QVariant();
    case EnterpriseIdRole:
        return h.id;
    case UsccRole:
        return h.uscc;
    }
    return {};
}

QVariant FirmSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsccColumn:
        return tr("USCC");
    case RegionColumn:
        return tr("Region");
    case IndustryColumn:
        return tr("Industry");
    case ParkColumn:
        return tr("Park");
    }
    return {};
}

} // namespace XinDai::Ui
