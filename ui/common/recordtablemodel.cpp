#include "recordtablemodel.h"

#include "domainlabels.h"

#include <QBrush>
#include <QColor>

namespace XinDai::Ui {

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecordTableModel::setRecords(const QVector<Core::CreditRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::CreditRecord &r = m_records.at(index.row());
    const bool adverse
        = r.kind == Core::CreditRecord::Kind::Penalty || r.kind == Core::CreditRecord::Kind::DishonestDebtor;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return DomainLabels::recordKind(r.kind);
        case DateColumn:
            return DomainLabels::date(r.date);
        case TitleColumn:
            return r.title;
        case AuthorityColumn:
            return r.authority;
        case AmountColumn:
            return r.amount.fen() == 0 ? QString() : DomainLabels::money(r.amount);
        case ValidToColumn:
            return r.validTo.isValid() ? DomainLabels::date(r.validTo) : QString();
        case DetailColumn:
            return r.detail;
        }
        return {};
    case Qt::ForegroundRole:
        // Adverse records stand out: a loan officer must not miss them.
        return adverse ? QVariant::fromValue(QBrush(QColor(0xb4, 0x23, 0x18))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == AmountColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                              : QVariant();
    case KindRole:
        return int(r.kind);
    case AmountFenRole:
        return QVariant::fromValue(r.amount.fen());
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Title");
    case AuthorityColumn:
        return tr("Authority");
    case AmountColumn:
        return tr("Amount");
    case ValidToColumn:
        return tr("Valid to");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace XinDai::Ui
