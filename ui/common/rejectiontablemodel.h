#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Local changes the server refused (table sync_rejection, migration 0005), not yet dismissed: the
/// record they concern and the server's reason next to it. The server's version of the row comes back
/// with the next pull. Newest first.
class RejectionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { EntityColumn, RecordColumn, ReasonColumn, RejectedColumn, ColumnCount };
    enum Role {
        OpIdRole = Qt::UserRole, ///< the refused operation's id (sync_rejection.op_id)
        EntityRole,
        RowIdRole,
    };

    struct Entry
    {
        QString opId;
        QString entity;
        QString rowId;
        QString reason;       ///< the server's sentence, shown as is
        QDateTime rejectedAt; ///< UTC
        QString recordLabel;
    };

    explicit RejectionTableModel(QObject *parent = nullptr);

    /// Reads the rejections not yet dismissed from \a db.
    void load(Store::Database &db);
    const Entry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Entry> m_entries;
};

} // namespace XinDai::Ui
