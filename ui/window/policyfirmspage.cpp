#include "policyfirmspage.h"

#include "common/domainlabels.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "matching/thresholdwhatif.h"
#include "policyfirmmodel.h"
#include "store/referencerepository.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
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

    // Near misses: firms one condition away, so that staff can tell them what is missing.
    auto *nearBox = new QGroupBox(tr("Firms missing one condition"), this);
    m_nearMisses = new QListWidget(nearBox);
    m_nearMisses->setObjectName(QStringLiteral("policyFirmsNearMisses"));
    auto *nearLayout = new QVBoxLayout(nearBox);
    nearLayout->addWidget(m_nearMisses);

    // What-if: how many firms of the park a changed threshold would admit or exclude.
    auto *whatIfBox = new QGroupBox(tr("What-if: change a threshold"), this);
    m_whatIfThreshold = new QComboBox(whatIfBox);
    m_whatIfThreshold->setObjectName(QStringLiteral("policyFirmsWhatIfThreshold"));
    m_whatIfValue = new QDoubleSpinBox(whatIfBox);
    m_whatIfValue->setObjectName(QStringLiteral("policyFirmsWhatIfValue"));
    m_whatIfValue->setRange(-1e12, 1e12);
    m_whatIfValue->setDecimals(2);
    m_whatIfRun = new QPushButton(tr("Count firms"), whatIfBox);
    m_whatIfRun->setObjectName(QStringLiteral("policyFirmsWhatIfRun"));
    m_whatIfResult = new QLabel(whatIfBox);
    m_whatIfResult->setObjectName(QStringLiteral("policyFirmsWhatIfResult"));
    m_whatIfResult->setWordWrap(true);
    m_whatIfResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *whatIfRow = new QHBoxLayout;
    whatIfRow->addWidget(new QLabel(tr("Condition:"), whatIfBox));
    whatIfRow->addWidget(m_whatIfThreshold, 1);
    whatIfRow->addWidget(new QLabel(tr("New value:"), whatIfBox));
    whatIfRow->addWidget(m_whatIfValue);
    whatIfRow->addWidget(m_whatIfRun);
    auto *whatIfLayout = new QVBoxLayout(whatIfBox);
    whatIfLayout->addLayout(whatIfRow);
    whatIfLayout->addWidget(m_whatIfResult);

    auto *lower = new QHBoxLayout;
    lower->addWidget(nearBox, 1);
    lower->addWidget(whatIfBox, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 3);
    layout->addLayout(lower, 2);

    connect(m_whatIfThreshold, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_whatIfValue->setValue(m_whatIfThreshold->itemData(index, Qt::UserRole + 1).toDouble());
        m_whatIfResult->clear();
    });
    connect(m_whatIfRun, &QPushButton::clicked, this, &PolicyFirmsPage::runWhatIf);

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
    m_nearMisses->clear();
    m_whatIfThreshold->clear();
    m_whatIfResult->clear();
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
    showNearMisses(*it);
    fillThresholds(*it);
}

void PolicyFirmsPage::showNearMisses(const Core::Policy &policy)
{
    const Matching::Language language = DomainLabels::explanationLanguage();
    const Matching::PolicyMatcher matcher({policy});
    for (const Matching::FirmFacts &firm : std::as_const(m_firms)) {
        const QVector<Matching::PolicyMatch> matches = matcher.match(firm, QDate::currentDate());
        if (matches.isEmpty() || matches.constFirst().status != Matching::PolicyMatch::Status::NearMiss)
            continue;
        const Rules::Value facts = Matching::FactBuilder::facts(firm);
        const Matching::Condition failing = matches.constFirst().explanation.failing().constFirst();
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(firm.name, Matching::Explainer::sentence(failing, language, facts)),
            m_nearMisses);
        item->setData(Qt::UserRole, firm.enterpriseId);
    }
    if (m_nearMisses->count() == 0)
        new QListWidgetItem(tr("No firm of the park misses this policy by exactly one condition."),
                            m_nearMisses);
}

void PolicyFirmsPage::fillThresholds(const Core::Policy &policy)
{
    const QJsonDocument rule = QJsonDocument::fromJson(policy.eligibilityRule.toUtf8());
    const QJsonValue root = rule.isObject() ? QJsonValue(rule.object()) : QJsonValue(rule.array());
    const Matching::Language language = DomainLabels::explanationLanguage();
    for (const Matching::ThresholdWhatIf::Threshold &t : Matching::ThresholdWhatIf::thresholds(root)) {
        m_whatIfThreshold->addItem(Matching::ThresholdWhatIf::describe(t, language), t.pointer);
        m_whatIfThreshold->setItemData(m_whatIfThreshold->count() - 1, t.value, Qt::UserRole + 1);
    }
    // The first addItem() made it current before its value was set: show that value now.
    m_whatIfValue->setValue(m_whatIfThreshold->currentData(Qt::UserRole + 1).toDouble());
    const bool any = m_whatIfThreshold->count() > 0;
    m_whatIfThreshold->setEnabled(any);
    m_whatIfValue->setEnabled(any);
    m_whatIfRun->setEnabled(any);
    if (!any)
        m_whatIfResult->setText(tr("This policy has no numeric threshold to change."));
}

bool PolicyFirmsPage::runWhatIf()
{
    const QString id = policyId();
    const auto it = std::find_if(m_policyList.cbegin(), m_policyList.cend(),
                                 [&id](const Core::Policy &p) { return p.meta.id == id; });
    const int index = m_whatIfThreshold->currentIndex();
    if (it == m_policyList.cend() || index < 0)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(it->eligibilityRule.toUtf8());
    const QJsonValue rule = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    const QString pointer = m_whatIfThreshold->currentData().toString();
    const double value = m_whatIfValue->value();
    QString error;
    const std::optional<QJsonValue> changed
        = Matching::ThresholdWhatIf::withValue(rule, pointer, value, &error);
    if (!changed) {
        m_whatIfResult->setText(error);
        return false;
    }
    const Matching::ThresholdWhatIf::Outcome outcome = Matching::ThresholdWhatIf::compare(
        Rules::CompiledRule::compile(rule), Rules::CompiledRule::compile(*changed), m_firms);
    const auto thresholds = Matching::ThresholdWhatIf::thresholds(rule);
    const auto t
        = std::find_if(thresholds.cbegin(), thresholds.cend(),
                       [&](const Matching::ThresholdWhatIf::Threshold &x) { return x.pointer == pointer; });
    const QString condition
        = Matching::ThresholdWhatIf::describe(*t, DomainLabels::explanationLanguage(), value);
    QStringList gained;
    for (int i : outcome.gained.mid(0, 10))
        gained.append(m_firms.at(i).name);
    QString text = tr("Eligible now: %1 of %2 firms. With “%3”: %4 firms (%5 more, %6 fewer).")
                       .arg(outcome.before)
                       .arg(m_firms.size())
                       .arg(condition)
                       .arg(outcome.after)
                       .arg(outcome.gained.size())
                       .arg(outcome.lost.size());
    if (!gained.isEmpty())
        text += u'\n' + tr("Newly eligible: %1").arg(gained.join(tr(", ")))
                + (outcome.gained.size() > gained.size() ? tr(" …") : QString());
    m_whatIfResult->setText(text);
    return true;
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
