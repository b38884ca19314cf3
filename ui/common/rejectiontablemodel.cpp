#include "rejectiontablemodel.h"

#include "common/domainlabels.h"
#include "common/syncrecordlabels.h"
#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

RejectionTableModel::RejectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RejectionTableModel::load(Store::Database &db)
{
    QVector<Entry> entries;
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT op_id, entity, row_id, reason, rejected_at FROM sync_rejection "
                   "WHERE dismissed = 0 ORDER BY rejected_at DESC, op_id"_s)) {
        while (query.next()) {
            Entry e;
            e.opId = query.value(0).toString();
            e.entity = query.value(1).toString();
            e.rowId = query.value(2).toString();
            e.reason = query.value(3).toString();
            e.rejectedAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
            entries.append(e);
        }
    }
    SyncRecordLabels::labelEntries(db, entries);

    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int RejectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RejectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EntityColumn:
            return SyncRecordLabels::entity(e.entity);
        case RecordColumn:
            return e.recordLabel;
        case ReasonColumn:
            return e.reason;
        case RejectedColumn:
            return DomainLabels::dateTime(e.rejectedAt);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn ? e.reason : QVariant();
    case OpIdRole:
        return e.opId;
    case EntityRole:
        return e.entity;
    case RowIdRole:
        return e.rowId;
    }
    return {};
}

QVariant RejectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EntityColumn:
        return tr("Kind");
    case RecordColumn:
        return tr("Record");
    case ReasonColumn:
        return tr("The server's reason");
    case RejectedColumn:
        return tr("Rejected at");
    }
    return {};
}

} // namespace XinDai::Ui
