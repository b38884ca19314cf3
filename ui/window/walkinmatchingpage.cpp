#include "walkinmatchingpage.h"

#include "common/domainlabels.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "matching/productmatcher.h"
#include "store/referencerepository.h"
#include "walkinwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInMatchingPage::WalkInMatchingPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_notice(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_policyList(new QListWidget)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("walkInMatchingPage"));
    setTitle(tr("6. Matching and submission"));
    setSubTitle(tr("Choose the products to apply for; one application is submitted per product."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Submit"));

    m_notice->setObjectName(QStringLiteral("creditNotice"));
    m_notice->setWordWrap(true);
    m_notice->setProperty("role", QStringLiteral("hint"));
    m_table->setObjectName(QStringLiteral("products"));
    m_table->setHorizontalHeaderLabels({tr("Apply"), tr("Rank"), tr("Institution"), tr("Product"),
                                        tr("Score"), tr("Annual cost"), tr("Explanation")});
    m_table->horizontalHeader()->setSectionResizeMode(ExplanationColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_policyList->setObjectName(QStringLiteral("policies"));
    m_error->setObjectName(QStringLiteral("matchingError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 3);
    layout->addWidget(new QLabel(tr("Policies the firm is eligible for (for information):")));
    layout->addWidget(m_policyList, 1);
    layout->addWidget(m_error);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == ChooseColumn)
            Q_EMIT completeChanged();
    });
}

void WalkInMatchingPage::initializePage()
{
    m_error->clear();
    m_products.clear();
    m_policies.clear();
    m_table->setRowCount(0);
    m_policyList->clear();

    const WalkInSession &session = m_wizard.session();
    // Scores are credit data: nothing is computed unless an authorization permits some institution.
    QString refusal;
    bool anyPermitted = false;
    for (const Core::Institution &institution : m_wizard.institutions()) {
        const Report::AuthorizationCheck::Result check = m_wizard.creditCheck(institution.meta.id);
        if (check.permitted()) {
            anyPermitted = true;
            break;
        }
        if (refusal.isEmpty() || check.verdict != Report::AuthorizationCheck::Verdict::InstitutionNotCovered)
            refusal = check.message;
    }
    if (!anyPermitted) {
        m_notice->setText(tr("Matching scores are credit data and are shown only under a valid authorization "
                             "of the firm: %1")
                              .arg(refusal.isEmpty() ? tr("The firm has no authorization.") : refusal));
        m_table->setEnabled(false);
        Q_EMIT completeChanged();
        return;
    }
    m_notice->clear();
    m_table->setEnabled(true);

    QString error;
    const std::optional<Matching::FirmData> data
        = Matching::FactBuilder::load(m_wizard.database(), session.firm.meta.id, &error);
    if (!data) {
        m_error->setText(error);
        Q_EMIT completeChanged();
        return;
    }
    const QDate today = m_wizard.today();
    const Matching::FirmFacts facts = Matching::FactBuilder::firmFacts(*data, today);
    const Store::ReferenceRepository reference(m_wizard.database());
    const QVector<Core::Policy> policies = reference.policies();
    const Matching::ProductMatcher matcher(m_wizard.products(), policies, {}, m_wizard.calendar());
    const Matching::Language language = DomainLabels::explanationLanguage();
    for (const Matching::ProductMatch &match : matcher.match(facts, session.need, today)) {
        if (match.eligible)
            m_products << match;
    }

    m_table->blockSignals(true);
    m_table->setRowCount(int(m_products.size()));
    for (int row = 0; row < m_products.size(); ++row) {
        const Matching::ProductMatch &match = m_products.at(row);
        const Report::AuthorizationCheck::Result check = m_wizard.creditCheck(match.product.institutionId);
        auto *choose = new QTableWidgetItem;
        choose->setData(Qt::UserRole, match.product.meta.id);
        choose->setFlags(check.permitted() ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        choose->setCheckState(
            check.permitted() && match.product.meta.id == session.productId ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, ChooseColumn, choose);
        m_table->setItem(row, RankColumn, new QTableWidgetItem(QString::number(match.rank)));
        m_table->setItem(row, InstitutionColumn,
                         new QTableWidgetItem(m_wizard.institutionName(match.product.institutionId)));
        m_table->setItem(row, ProductColumn, new QTableWidgetItem(match.product.name));
        if (check.permitted()) {
            m_table->setItem(row, ScoreColumn, new QTableWidgetItem(QString::number(match.score, 'f', 3)));
            m_table->setItem(row, CostColumn, new QTableWidgetItem(DomainLabels::money(match.annualCost)));
            m_table->setItem(
                row, ExplanationColumn,
                new QTableWidgetItem(Matching::ProductMatcher::explainPosition(match, language)));
        } else {
            m_table->setItem(row, ScoreColumn, new QTableWidgetItem(QStringLiteral("—")));
            m_table->setItem(row, CostColumn, new QTableWidgetItem(QStringLiteral("—")));
            m_table->setItem(
                row, ExplanationColumn,
                new QTableWidgetItem(tr("Not shown and cannot be chosen: %1").arg(check.message)));
        }
    }
    m_table->blockSignals(false);
    m_table->resizeColumnsToContents();

    const Matching::PolicyMatcher policyMatcher(policies, m_wizard.calendar());
    for (const Matching::PolicyMatch &match : policyMatcher.match(facts, today, session.need)) {
        if (match.status != Matching::PolicyMatch::Status::Eligible)
            continue;
        m_policies << match;
        m_policyList->addItem(
            tr("%1 (%2): estimated benefit %3")
                .arg(match.policy.title, match.policy.authority, DomainLabels::money(match.benefit)));
    }
    Q_EMIT completeChanged();
}

bool WalkInMatchingPage::setChosen(const QString &productId, bool chosen)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, ChooseColumn);
        if (item->data(Qt::UserRole).toString() != productId)
            continue;
        if (!(item->flags() & Qt::ItemIsUserCheckable))
            return false;
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        return true;
    }
    return false;
}

QStringList WalkInMatchingPage::chosenProductIds() const
{
    QStringList ids;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, ChooseColumn);
        if (item->checkState() == Qt::Checked && (item->flags() & Qt::ItemIsUserCheckable))
            ids << item->data(Qt::UserRole).toString();
    }
    return ids;
}

QString WalkInMatchingPage::creditNotice() const
{
    return m_notice->text();
}

QString WalkInMatchingPage::errorText() const
{
    return m_error->text();
}

bool WalkInMatchingPage::isComplete() const
{
    return !chosenProductIds().isEmpty();
}

bool WalkInMatchingPage::validatePage()
{
    m_error->clear();
    const QStringList chosen = chosenProductIds();
    const Matching::Language language = DomainLabels::explanationLanguage();
    QStringList problems;
    for (const QString &id : chosen) {
        const std::optional<Core::FinancingProduct> product = m_wizard.product(id);
        if (!product)
            continue;
        // The other products may ask for documents or limits the documents step did not check.
        const Prereview::PrereviewResult result = m_wizard.prereview(*product);
        for (const Prereview::Finding &f : result.findings) {
            if (f.severity == Prereview::Finding::Severity::Block)
                problems << tr("%1: %2").arg(product->name, f.message(language));
        }
    }
    if (!problems.isEmpty()) {
        m_error->setText(tr("Nothing was submitted; the pre-review blocks these applications:\n%1")
                             .arg(problems.join(QLatin1Char('\n'))));
        return false;
    }
    m_wizard.session().chosenProductIds = chosen;
    QString error;
    if (!m_wizard.submit(&error)) {
        m_error->setText(error);
        return false;
    }
    return true;
}

} // namespace XinDai::Ui
