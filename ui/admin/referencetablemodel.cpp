#include "referencetablemodel.h"

#include "common/domainlabels.h"
#include "core/regioncodes.h"
#include "rules/compiledrule.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"

#include <QColor>
#include <QHash>

namespace XinDai::Ui {

namespace {

QString range(const QString &from, const QString &to)
{
    return from == to ? from : from + QStringLiteral(" – ") + to;
}

QString regionName(const QString &code)
{
    const QString name = Core::RegionCodes::fullName(code);
    return name.isEmpty() ? code : name;
}

/// The compile error of the first of \a rules that is not empty and does not compile, with its name;
/// empty when every rule compiles.
QString ruleError(std::initializer_list<std::pair<QString, QString>> rules)
{
    for (const auto &[name, text] : rules) {
        QString error;
        if (!text.trimmed().isEmpty() && !Rules::CompiledRule::compileJson(text.toUtf8(), &error).isValid())
            return name + QStringLiteral(": ") + error;
    }
    return {};
}

} // namespace

ReferenceTableModel::ReferenceTableModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
    switch (kind) {
    case Kind::Users:
        m_headers = {tr("Login"), tr("Name"), tr("Role"), tr("Scope"), tr("Status")};
        break;
    case Kind::Institutions:
        m_headers = {tr("Code"), tr("Name"), tr("Type"), tr("Region")};
        break;
    case Kind::Products:
        m_headers = {tr("Code"),   tr("Name"),          tr("Institution"), tr("Collateral"),
                     tr("Amount"), tr("Term (months)"), tr("Annual rate"), tr("Rule")};
        break;
    case Kind::Policies:
        m_headers = {tr("Code"),        tr("Title"),  tr("Type"),
                     tr("Authority"),   tr("Region"), tr("Application window"),
                     tr("Benefit cap"), tr("Rule")};
        break;
    }
}

void ReferenceTableModel::load(Store::Database &db)
{
    const Store::ReferenceRepository reference(db);
    QHash<QString, QString> parks;
    QHash<QString, QString> institutions;
    const QVector<Core::Institution> allInstitutions = reference.institutions();
    for (const Core::Institution &i : allInstitutions)
        institutions.insert(i.meta.id, i.name);

    QVector<Row> rows;
    switch (m_kind) {
    case Kind::Users:
        for (const Core::Park &p : reference.parks())
            parks.insert(p.meta.id, p.name);
        for (const Core::User &u : Store::UserRepository(db).users()) {
            const QString scope = u.role == Core::Role::Admin         ? tr("All")
                                  : u.role == Core::Role::BankOfficer ? institutions.value(u.institutionId)
                                                                      : parks.value(u.parkId);
            rows.append({u.meta.id,
                         {u.login, u.displayName, DomainLabels::role(u.role), scope,
                          u.disabled ? tr("Disabled") : tr("Active")}});
        }
        break;
    case Kind::Institutions:
        for (const Core::Institution &i : allInstitutions) {
            rows.append({i.meta.id,
                         {i.code, i.name, DomainLabels::institutionType(i.type), regionName(i.regionCode)}});
        }
        break;
    case Kind::Products:
        for (const Core::FinancingProduct &p : reference.products()) {
            const QString error = ruleError({{tr("eligibility rule"), p.eligibilityRule}});
            rows.append({p.meta.id,
                         {p.code, p.name, institutions.value(p.institutionId), p.collateral,
                          range(DomainLabels::money(p.minAmount), DomainLabels::money(p.maxAmount)),
                          range(QString::number(p.minTermMonths), QString::number(p.maxTermMonths)),
                          range(DomainLabels::rateBp(p.rateMinBp), DomainLabels::rateBp(p.rateMaxBp)),
                          error.isEmpty() ? tr("OK") : tr("Rule invalid")},
                         error});
        }
        break;
    case Kind::Policies:
        for (const Core::Policy &p : reference.policies()) {
            const QString error = ruleError(
                {{tr("eligibility rule"), p.eligibilityRule}, {tr("benefit rule"), p.benefitRule}});
            rows.append(
                {p.meta.id,
                 {p.code, p.title, DomainLabels::policyType(p.type), p.authority, regionName(p.regionCode),
                  range(DomainLabels::date(p.windowStart), DomainLabels::date(p.windowEnd)),
                  DomainLabels::money(p.benefitCap),
                  error.isEmpty() ? tr("v%1").arg(p.ruleVersion) : tr("Rule invalid")},
                 error});
        }
        break;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ReferenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReferenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ReferenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.cells.value(index.column());
    case IdRole:
        return row.id;
    case BrokenRole:
        return !row.ruleError.isEmpty();
    case Qt::ToolTipRole:
        if (!row.ruleError.isEmpty())
            return tr("This rule does not compile, so matching reports the item as broken instead of passing "
                      "or failing every firm. %1")
                .arg(row.ruleError);
        break;
    case Qt::ForegroundRole:
        if (!row.ruleError.isEmpty() && index.column() == int(m_headers.size()) - 1)
            return QColor(0xc0, 0x39, 0x2b);
        break;
    }
    return {};
}

QVariant ReferenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace XinDai::Ui
