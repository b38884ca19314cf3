#pragma once

#include "store/enterpriserepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace XinDai::Ui {

/// Firm search results: one row per Store::EnterpriseHit, in the order the store returned them.
class FirmSearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UsccColumn, RegionColumn, IndustryColumn, ParkColumn, ColumnCount };
    enum Role {
        EnterpriseIdRole = Qt::UserRole, ///< QString, Enterprise.meta.id
        UsccRole,                        ///< QString, 18-character code
    };
    Q_ENUM(Column)

    explicit FirmSearchModel(QObject *parent = nullptr);

    /// Replaces all rows. \a parkNames maps Park.meta.id to the park's name (firms outside parks: empty id).
    void setHits(const QVector<Store::EnterpriseHit> &hits, const QHash<QString, QString> &parkNames = {});
    const Store::EnterpriseHit &hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Store::EnterpriseHit> m_hits;
    QHash<QString, QString> m_parkNames;
};

} // namespace XinDai::Ui
