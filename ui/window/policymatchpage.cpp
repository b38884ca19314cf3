#include "policymatchpage.h"

#include "common/domainlabels.h"
#include "common/firmsearchwidget.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "policymatchmodel.h"
#include "store/referencerepository.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

PolicyMatchPage::PolicyMatchPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_model(new PolicyMatchModel(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_search = new FirmSearchWidget(db, splitter);
    m_search->setParkFilter(parkId);

    auto *right = new QWidget(splitter);
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    m_firmLabel
        = new QLabel(tr("Choose a firm in the search results to match it against the policies."), right);
    m_firmLabel->setObjectName(QStringLiteral("policyMatchFirmLabel"));
    m_firmLabel->setProperty("role", QStringLiteral("title"));
    m_firmLabel->setWordWrap(true);
    m_summary = new QLabel(right);
    m_summary->setObjectName(QStringLiteral("policyMatchSummary"));
    m_summary->setProperty("role", QStringLiteral("hint"));

    m_reminderTitle
        = new QLabel(tr("Closing soon (within %n working day(s))", nullptr, ReminderWorkdays), right);
    m_reminderTitle->setObjectName(QStringLiteral("policyMatchReminderTitle"));
    m_reminderList = new QListWidget(right);
    m_reminderList->setObjectName(QStringLiteral("policyMatchReminders"));
    m_reminderList->setMaximumHeight(96);
    m_reminderTitle->hide();
    m_reminderList->hide();

    auto *vertical = new QSplitter(Qt::Vertical, right);
    m_table = new QTableView(vertical);
    m_table->setObjectName(QStringLiteral("policyMatchTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PolicyMatchModel::TitleColumn, QHeaderView::Stretch);
    m_detail = new QPlainTextEdit(vertical);
    m_detail->setObjectName(QStringLiteral("policyMatchDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(
        tr("Select a policy to see why it matches or not, and the materials to prepare."));
    vertical->addWidget(m_table);
    vertical->addWidget(m_detail);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    layout->addWidget(m_firmLabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_reminderTitle);
    layout->addWidget(m_reminderList);
    layout->addWidget(vertical, 1);

    splitter->addWidget(m_search);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({360, 980});
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    connect(m_search, &FirmSearchWidget::firmActivated, this, &PolicyMatchPage::setFirm);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetail(current.isValid() ? current.row() : -1); });
}

bool PolicyMatchPage::setFirm(const QString &enterpriseId)
{
    QString error;
    const std::optional<Matching::FirmData> data = Matching::FactBuilder::load(m_db, enterpriseId, &error);
    m_detail->clear();
    if (!data) {
        m_firmId.clear();
        m_model->setMatches({});
        showReminders({});
        m_firmLabel->setText(error);
        m_summary->clear();
        return false;
    }
    m_firmId = enterpriseId;
    const QDate today = QDate::currentDate();
    const Matching::FirmFacts facts = Matching::FactBuilder::firmFacts(*data, today);
    const Matching::PolicyMatcher matcher(Store::ReferenceRepository(m_db).policies());
    const QVector<Matching::PolicyMatch> matches = matcher.match(facts, today);
    m_facts = Matching::FactBuilder::facts(facts);
    m_model->setMatches(matches);
    showReminders(matcher.deadlineReminders(facts, today, ReminderWorkdays));

    int eligible = 0;
    int nearMiss = 0;
    for (const Matching::PolicyMatch &m : matches) {
        eligible += m.status == Matching::PolicyMatch::Status::Eligible ? 1 : 0;
        nearMiss += m.status == Matching::PolicyMatch::Status::NearMiss ? 1 : 0;
    }
    m_firmLabel->setText(tr("%1 (%2)").arg(facts.name, facts.uscc));
    m_summary->setText(tr("%1 policies assessed on %2: %3 eligible, %4 near misses.")
                           .arg(matches.size())
                           .arg(QLocale().toString(today, QLocale::ShortFormat))
                           .arg(eligible)
                           .arg(nearMiss));
    if (!matches.isEmpty())
        m_table->selectRow(0);
    return true;
}

void PolicyMatchPage::showReminders(const QVector<Matching::PolicyMatch> &reminders)
{
    m_reminders = reminders;
    m_reminderList->clear();
    for (const Matching::PolicyMatch &m : reminders) {
        auto *item
            = new QListWidgetItem(tr("%1 %2 — closes on %3, %n working day(s) left", nullptr, m.workdaysLeft)
                                      .arg(m.policy.code, m.policy.title,
                                           QLocale().toString(m.policy.windowEnd, QLocale::ShortFormat)),
                                  m_reminderList);
        item->setData(Qt::UserRole, m.policy.meta.id);
    }
    m_reminderTitle->setVisible(!reminders.isEmpty());
    m_reminderList->setVisible(!reminders.isEmpty());
}

void PolicyMatchPage::showDetail(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const Matching::PolicyMatch &m = m_model->match(row);
    QStringList lines;
    lines << tr("%1 %2 — %3").arg(m.policy.code, m.policy.title, PolicyMatchModel::statusText(m.status));
    if (!m.policy.authority.isEmpty())
        lines << tr("Issued by: %1").arg(m.policy.authority);
    if (m.status == Matching::PolicyMatch::Status::Broken) {
        lines << m.error;
    } else {
        lines << QString() << tr("Conditions:");
        const QStringList sentences
            = Matching::Explainer::render(m.explanation, DomainLabels::explanationLanguage(), m_facts);
        if (sentences.isEmpty())
            lines << tr("No conditions: every firm is eligible.");
        for (const QString &sentence : sentences)
            lines << QStringLiteral("  ") + sentence;
    }
    lines << QString() << tr("Required materials:");
    if (m.requiredMaterials.isEmpty())
        lines << tr("None listed.");
    for (const QString &material : m.requiredMaterials)
        lines << QStringLiteral("  • ") + material;
    lines << QString() << tr("Rule version: %1").arg(m.ruleVersion);
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void PolicyMatchPage::refresh()
{
    if (!m_firmId.isEmpty())
        setFirm(m_firmId);
    else
        m_search->searchEdit()->setFocus();
}

} // namespace XinDai::Ui
