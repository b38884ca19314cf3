#include "importerrormodel.h"

namespace XinDai::Ui {

ImportErrorModel::ImportErrorModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportErrorModel::setErrors(const QVector<Intake::ImportError> &errors)
{
    beginResetModel();
    m_errors = errors;
    endResetModel();
}

int ImportErrorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int ImportErrorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportErrorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Intake::ImportError &e = m_errors.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case RowColumn:
            return e.row > 0 ? QVariant(e.row) : QVariant(tr("whole file"));
        case LineColumn:
            return e.line > 0 ? QVariant(e.line) : QVariant();
        case FileColumn:
            return e.column;
        case ReasonColumn:
            return e.reason;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn ? QVariant(e.reason) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == RowColumn || index.column() == LineColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RowRole:
        return e.row;
    case LineRole:
        return e.line;
    default:
        break;
    }
    return {};
}

QVariant ImportErrorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RowColumn:
        return tr("Row");
    case LineColumn:
        return tr("Line");
    case FileColumn:
        return tr("Column");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace XinDai::Ui
