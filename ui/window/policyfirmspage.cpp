#include "policyfirmspage.h"

#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "policyfirmmodel.h"
#include "store/referencerepository.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace XinDai::Ui {

namespace {

bool isOpen(const Core::Policy &policy, QDate day)
{
    return (!policy.windowStart.isValid() || policy.windowStart <= day)
           && (!policy.windowEnd.isValid() || day <= policy.windowEnd);
}

} // namespace

PolicyFirmsPage::PolicyFirmsPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_parkId(parkId)
    , m_model(new PolicyFirmModel(this))
{
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("Policy:"), this);
    m_policies = new QComboBox(this);
    m_policies->setObjectName(QStringLiteral("policyFirmsPolicyCombo"));
    m_policies->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_policies->setMinimumContentsLength(40);
    label->setBuddy(m_policies);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("policyFirmsExportButton"));
    m_export->setEnabled(false);
    top->addWidget(label);
    top->addWidget(m_policies, 1);
    top->addWidget(m_export);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("policyFirmsCount"));
    m_count->setProperty("role", QStringLiteral("hint"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("policyFirmsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PolicyFirmModel::NameColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);

    connect(m_policies, &QComboBox::currentIndexChanged, this, &PolicyFirmsPage::showPolicy);
    connect(m_export, &QPushButton::clicked, this, &PolicyFirmsPage::exportClicked);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT firmRequested(index.data(PolicyFirmModel::EnterpriseIdRole).toString());
    });
}

void PolicyFirmsPage::setSavePathProvider(std::function<QString(const QString &)> provider)
{
    m_savePathProvider = std::move(provider);
}

bool PolicyFirmsPage::setPolicy(const QString &policyId)
{
    const int index = m_policies->findData(policyId);
    if (index < 0)
        return false;
    if (index == m_policies->currentIndex())
        showPolicy(index);
    else
        m_policies->setCurrentIndex(index);
    return true;
}

QString PolicyFirmsPage::policyId() const
{
    return m_policies->currentData().toString();
}

void PolicyFirmsPage::refresh()
{
    const QDate today = QDate::currentDate();
    const Store::ReferenceRepository reference(m_db);
    m_firms.clear();
    if (m_parkId.isEmpty()) {
        for (const Core::Park &park : reference.parks())
            m_firms += Matching::FactBuilder::loadPark(m_db, park.meta.id, today);
    } else {
        m_firms = Matching::FactBuilder::loadPark(m_db, m_parkId, today);
    }

    m_policyList.clear();
    for (const Core::Policy &policy : reference.policies()) {
        if (!policy.meta.deleted)
            m_policyList.append(policy);
    }
    // Open windows first, soonest end first (open-ended last among them); then the others by code.
    std::stable_sort(m_policyList.begin(), m_policyList.end(),
                     [today](const Core::Policy &a, const Core::Policy &b) {
                         const bool openA = isOpen(a, today);
                         const bool openB = isOpen(b, today);
                         if (openA != openB)
                             return openA;
                         if (openA && a.windowEnd != b.windowEnd) {
                             if (!a.windowEnd.isValid() || !b.windowEnd.isValid())
                                 return a.windowEnd.isValid();
                             return a.windowEnd < b.windowEnd;
                         }
                         return a.code < b.code;
                     });

    const QString previous = policyId();
    {
        const QSignalBlocker blocker(m_policies);
        m_policies->clear();
        for (const Core::Policy &policy : std::as_const(m_policyList)) {
            QString text;
            if (!isOpen(policy, today))
                text = tr("%1 %2 (window not open)").arg(policy.code, policy.title);
            else if (policy.windowEnd.isValid())
                text = tr("%1 %2 (open until %3)")
                           .arg(policy.code, policy.title,
                                QLocale().toString(policy.windowEnd, QLocale::ShortFormat));
            else
                text = tr("%1 %2 (open, no deadline)").arg(policy.code, policy.title);
            m_policies->addItem(text, policy.meta.id);
        }
        int index = m_policies->findData(previous);
        if (index < 0 && !m_policyList.isEmpty()) {
            // First visit: the first policy (open ones come first) with an eligible firm, else the first.
            index = 0;
            const Matching::PolicyMatcher matcher(m_policyList);
            for (int i = 0; i < m_policyList.size(); ++i) {
                if (!matcher.eligibleFirms(m_policyList.at(i).meta.id, m_firms).isEmpty()) {
                    index = i;
                    break;
                }
            }
        }
        m_policies->setCurrentIndex(index);
    }
    showPolicy(m_policies->currentIndex());
}

void PolicyFirmsPage::showPolicy(int comboIndex)
{
    if (comboIndex < 0 || comboIndex >= m_policyList.size()) {
        m_model->setHits({});
        m_count->setText(tr("No policy is available to search firms for."));
        m_export->setEnabled(false);
        return;
    }
    const QString id = m_policies->itemData(comboIndex).toString();
    const auto it = std::find_if(m_policyList.cbegin(), m_policyList.cend(),
                                 [&id](const Core::Policy &p) { return p.meta.id == id; });
    if (it == m_policyList.cend())
        return;
    const Matching::PolicyMatcher matcher({*it});
    if (!matcher.brokenPolicies().isEmpty()) {
        m_model->setHits({});
        m_count->setText(tr("The rules of policy %1 do not compile, so no firm can be matched: %2")
                             .arg(it->code, matcher.brokenPolicies().constFirst().error));
        m_export->setEnabled(false);
        return;
    }
    m_model->setHits(matcher.eligibleFirms(id, m_firms));
    m_count->setText(tr("%n of %1 firm(s) are eligible for this policy.", nullptr, m_model->rowCount())
                         .arg(m_firms.size()));
    m_export->setEnabled(m_model->rowCount() > 0);
}

bool PolicyFirmsPage::exportCsv(const QString &path, QString *error)
{
    const QString id = policyId();
    const auto it = std::find_if(m_policyList.cbegin(), m_policyList.cend(),
                                 [&id](const Core::Policy &p) { return p.meta.id == id; });
    if (id.isEmpty() || it == m_policyList.cend()) {
        if (error)
            *error = tr("Choose a policy before exporting its eligible firms.");
        return false;
    }
    QFile file(path);
    const QByteArray csv = Matching::PolicyMatcher::toCsv(*it, m_model->hits());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size()
        || !file.flush()) {
        if (error)
            *error = tr("The CSV file %1 could not be written: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void PolicyFirmsPage::exportClicked()
{
    const QString id = policyId();
    const auto it = std::find_if(m_policyList.cbegin(), m_policyList.cend(),
                                 [&id](const Core::Policy &p) { return p.meta.id == id; });
    const QString suggested = (it != m_policyList.cend() ? it->code : QString()) + QStringLiteral("_")
                              + QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".csv");
    const QString path = m_savePathProvider
                             ? m_savePathProvider(suggested)
                             : QFileDialog::getSaveFileName(this, tr("Export eligible firms"), suggested,
                                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), error);
}

} // namespace XinDai::Ui
