#pragma once

#include "matching/policyfirmhit.h"

#include <QAbstractTableModel>
#include <QVector>

namespace XinDai::Ui {

/// The firms eligible for one policy (Matching::PolicyMatcher::eligibleFirms, 政策找企业), one row per
/// firm, in the matcher's order (largest benefit first, then name). Read-only.
class PolicyFirmModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UsccColumn, BenefitColumn, StatusColumn, ColumnCount };
    enum Role {
        EnterpriseIdRole = Qt::UserRole, ///< enterprise meta id (QString)
        BenefitFenRole,                  ///< estimated benefit, fen (qint64)
        BenefitCappedRole                ///< the policy's cap lowered the benefit (bool)
    };

    explicit PolicyFirmModel(QObject *parent = nullptr);

    void setHits(const QVector<Matching::PolicyFirmHit> &hits);
    const QVector<Matching::PolicyFirmHit> &hits() const { return m_hits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Matching::PolicyFirmHit> m_hits;
};

} // namespace XinDai::Ui
