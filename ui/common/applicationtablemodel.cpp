#include "applicationtablemodel.h"

#include "domainlabels.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

namespace XinDai::Ui {

ApplicationTableModel::ApplicationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ApplicationTableModel::setApplications(const QVector<Core::Application> &applications,
                                            const Names &names)
{
    beginResetModel();
    m_applications = applications;
    m_names = names;
    endResetModel();
}

void ApplicationTableModel::setApplications(const QVector<Core::Application> &applications,
                                            Store::Database &db)
{
    Names names;
    const Store::EnterpriseRepository firms(db);
    for (const Core::Application &a : applications) {
        if (names.firms.contains(a.enterpriseId))
            continue;
        const std::optional<Core::Enterprise> firm = firms.byId(a.enterpriseId);
        names.firms.insert(a.enterpriseId, firm ? firm->name : a.enterpriseId);
    }
    const Store::ReferenceRepository reference(db);
    for (const Core::FinancingProduct &p : reference.products())
        names.products.insert(p.meta.id, p.name);
    for (const Core::Institution &i : reference.institutions())
        names.institutions.insert(i.meta.id, i.name);
    setApplications(applications, names);
}

int ApplicationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_applications.size());
}

int ApplicationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Application &a = m_applications.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return a.number;
        case FirmColumn:
            return m_names.firms.value(a.enterpriseId, a.enterpriseId);
        case ProductColumn:
            return m_names.products.value(a.productId, a.productId);
        case InstitutionColumn:
            return m_names.institutions.value(a.institutionId, a.institutionId);
        case AmountColumn:
            return DomainLabels::money(a.amount);
        case StateColumn:
            return DomainLabels::applicationState(a.state);
        case SubmittedColumn:
            return DomainLabels::dateTime(a.submittedAt);
        case AcceptedColumn:
            return DomainLabels::dateTime(a.acceptedAt);
        case DecidedColumn:
            return DomainLabels::dateTime(a.decidedAt);
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == AmountColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                              : QVariant();
    case ApplicationIdRole:
        return a.meta.id;
    case EnterpriseIdRole:
        return a.enterpriseId;
    case StateRole:
        return int(a.state);
    case AmountFenRole:
        return QVariant::fromValue(a.amount.fen());
    }
    return {};
}

QVariant ApplicationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case FirmColumn:
        return tr("Firm");
    case ProductColumn:
        return tr("Product");
    case InstitutionColumn:
        return tr("Institution");
    case AmountColumn:
        return tr("Amount requested");
    case StateColumn:
        return tr("State");
    case SubmittedColumn:
        return tr("Submitted");
    case AcceptedColumn:
        return tr("Accepted");
    case DecidedColumn:
        return tr("Decided");
    }
    return {};
}

} // namespace XinDai::Ui
