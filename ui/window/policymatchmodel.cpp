#include "policymatchmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace XinDai::Ui {

using Status = Matching::PolicyMatch::Status;

PolicyMatchModel::PolicyMatchModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PolicyMatchModel::setMatches(const QVector<Matching::PolicyMatch> &matches)
{
    beginResetModel();
    m_matches = matches;
    endResetModel();
}

QString PolicyMatchModel::statusText(Status status)
{
    switch (status) {
    case Status::Eligible:
        return tr("Eligible");
    case Status::NearMiss:
        return tr("Near miss");
    case Status::OutOfScope:
        return tr("Out of scope");
    case Status::Ineligible:
        return tr("Ineligible");
    case Status::Broken:
        return tr("Broken rule");
    }
    return {};
}

int PolicyMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int PolicyMatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyMatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Matching::PolicyMatch &m = m_matches.at(index.row());
    switch (role) {
    case StatusRole:
        return int(m.status);
    case PolicyIdRole:
        return m.policy.meta.id;
    case BenefitFenRole:
        return m.benefit.fen();
    case WorkdaysLeftRole:
        return m.workdaysLeft;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            if (m.status == Status::Eligible)
                return QBrush(QColor(0x1b, 0x7f, 0x3b));
            if (m.status == Status::NearMiss)
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            if (m.status == Status::Broken)
                return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BenefitColumn || index.column() == DaysLeftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case CodeColumn:
        return m.policy.code;
    case TitleColumn:
        return m.policy.title;
    case StatusColumn:
        return statusText(m.status);
    case BenefitColumn:
        if (m.status != Status::Eligible && m.status != Status::NearMiss)
            return QString();
        return m.benefit.format(Core::Money::Unit::Wan);
    case WindowEndColumn:
        return m.policy.windowEnd.isValid() ? QLocale().toString(m.policy.windowEnd, QLocale::ShortFormat)
                                            : tr("Open-ended");
    case DaysLeftColumn:
        switch (m.window) {
        case Matching::PolicyMatch::Window::Closed:
            return tr("Closed");
        case Matching::PolicyMatch::Window::Upcoming:
            return tr("Opens in %n working day(s)", nullptr, m.workdaysLeft);
        case Matching::PolicyMatch::Window::Open:
            if (m.workdaysLeft < 0)
                return tr("No deadline");
            return tr("%n working day(s)", nullptr, m.workdaysLeft);
        }
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PolicyMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CodeColumn:
        return tr("Code");
    case TitleColumn:
        return tr("Policy");
    case StatusColumn:
        return tr("Status");
    case BenefitColumn:
        return tr("Estimated benefit");
    case WindowEndColumn:
        return tr("Window ends");
    case DaysLeftColumn:
        return tr("Working days left");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace XinDai::Ui
