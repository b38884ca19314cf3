#pragma once

#include "core/domain/creditrecord.h"

#include <QAbstractTableModel>
#include <QVector>

namespace XinDai::Ui {

/// A firm's dated records (qualifications, patents, tax grades, penalties, listings, contracts, subsidies).
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        DateColumn,
        TitleColumn,
        AuthorityColumn,
        AmountColumn,
        ValidToColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole, ///< int(Core::CreditRecord::Kind)
        AmountFenRole,           ///< qint64 fen
    };
    Q_ENUM(Column)

    explicit RecordTableModel(QObject *parent = nullptr);

    void setRecords(const QVector<Core::CreditRecord> &records);
    const Core::CreditRecord &record(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Core::CreditRecord> m_records;
};

} // namespace XinDai::Ui
