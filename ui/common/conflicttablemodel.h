#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonValue>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// The open rows of the local conflict table (docs/store.md): a field whose local value lost against
/// the server's value during a sync. The server's value is the one kept in the store; the local one is
/// shown so that the user can re-apply it (ConflictResolver). Newest first.
class ConflictTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EntityColumn,
        RecordColumn,
        FieldColumn,
        LocalValueColumn,
        ServerValueColumn,
        DetectedColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole, ///< qint64 conflict.id
        EntityRole,            ///< entity name, e.g. "application"
        RowIdRole,             ///< the row's id
        FieldRole,             ///< column name, e.g. "amount"
        LocalValueRole,        ///< QJsonValue of the local (losing) value; Undefined = removed locally
        ServerValueRole,       ///< QJsonValue of the server's (kept) value
    };

    struct Entry
    {
        qint64 id = 0;
        QString entity;
        QString rowId;
        QString field;
        QJsonValue localValue;
        QJsonValue serverValue;
        QDateTime detectedAt; ///< UTC
        QString recordLabel;  ///< firm name, application number … (the row id when unknown)
    };

    explicit ConflictTableModel(QObject *parent = nullptr);

    /// Reads the unresolved conflicts from \a db.
    void load(Store::Database &db);
    const Entry &entry(int row) const { return m_entries.at(row); }
    /// What a conflict on an application's number means (ConflictResolver::isRenumbering()).
    static QString renumberingHint();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Entry> m_entries;
};

} // namespace XinDai::Ui
