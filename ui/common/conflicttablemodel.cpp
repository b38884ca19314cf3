#include "conflicttablemodel.h"

#include "common/conflictresolver.h"
#include "common/domainlabels.h"
#include "common/syncrecordlabels.h"
#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

ConflictTableModel::ConflictTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConflictTableModel::load(Store::Database &db)
{
    QVector<Entry> entries;
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT id, entity, row_id, field, local_value, server_value, detected_at FROM conflict "
                   "WHERE resolved = 0 ORDER BY detected_at DESC, id DESC"_s)) {
        while (query.next()) {
            Entry e;
            e.id = query.value(0).toLongLong();
            e.entity = query.value(1).toString();
            e.rowId = query.value(2).toString();
            e.field = query.value(3).toString();
            e.localValue = SyncRecordLabels::parseStored(query.value(4));
            e.serverValue = SyncRecordLabels::parseStored(query.value(5));
            e.detectedAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
            entries.append(e);
        }
    }
    SyncRecordLabels::labelEntries(db, entries);

    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

QString ConflictTableModel::renumberingHint()
{
    return tr("Another application had already taken this number, so the server gave this one the next "
              "free number. A receipt printed before shows the old number: tell the firm the new one.");
}

int ConflictTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConflictTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictTableModel::data(const QModelIndex &index, int role) const
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
        case FieldColumn:
            return SyncRecordLabels::field(e.entity, e.field);
        case LocalValueColumn:
            return SyncRecordLabels::value(e.entity, e.field, e.localValue);
        case ServerValueColumn:
            return SyncRecordLabels::value(e.entity, e.field, e.serverValue);
        case DetectedColumn:
            return DomainLabels::dateTime(e.detectedAt);
        }
        return {};
    case Qt::ToolTipRole:
        if (ConflictResolver::isRenumbering(e.entity, e.field))
            return renumberingHint();
        if (index.column() == ServerValueColumn)
            return tr("The server's value is kept in the local data.");
        if (index.column() == LocalValueColumn)
            return tr("Your value, not applied: use \"Use my value\" to send it again.");
        return {};
    case IdRole:
        return e.id;
    case EntityRole:
        return e.entity;
    case RowIdRole:
        return e.rowId;
    case FieldRole:
        return e.field;
    case LocalValueRole:
        return QVariant::fromValue(e.localValue);
    case ServerValueRole:
        return QVariant::fromValue(e.serverValue);
    }
    return {};
}

QVariant ConflictTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EntityColumn:
        return tr("Kind");
    case RecordColumn:
        return tr("Record");
    case FieldColumn:
        return tr("Field");
    case LocalValueColumn:
        return tr("My value");
    case ServerValueColumn:
        return tr("Server's value (kept)");
    case DetectedColumn:
        return tr("Detected at");
    }
    return {};
}

} // namespace XinDai::Ui
