#include "productmatchpage.h"

#include "common/domainlabels.h"
#include "common/firmsearchwidget.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/productmatcher.h"
#include "productmatchmodel.h"
#include "store/referencerepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

ProductMatchPage::ProductMatchPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_model(new ProductMatchModel(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_search = new FirmSearchWidget(db, splitter);
    m_search->setParkFilter(parkId);

    auto *right = new QWidget(splitter);
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    m_firmLabel
        = new QLabel(tr("Choose a firm in the search results, then describe its financing need."), right);
    m_firmLabel->setObjectName(QStringLiteral("productMatchFirmLabel"));
    m_firmLabel->setProperty("role", QStringLiteral("title"));
    m_firmLabel->setWordWrap(true);

    auto *needRow = new QHBoxLayout;
    m_amount = new QSpinBox(right);
    m_amount->setObjectName(QStringLiteral("needAmount"));
    m_amount->setRange(1, 100000);
    m_amount->setValue(100);
    m_amount->setSuffix(tr(" 10k yuan"));
    m_term = new QSpinBox(right);
    m_term->setObjectName(QStringLiteral("needTerm"));
    m_term->setRange(1, 360);
    m_term->setValue(12);
    m_term->setSuffix(tr(" months"));
    m_purpose = new QLineEdit(QStringLiteral("流动资金"), right);
    m_purpose->setObjectName(QStringLiteral("needPurpose"));
    m_collateral = new QComboBox(right);
    m_collateral->setObjectName(QStringLiteral("needCollateral"));
    // Item data are the collateral kinds as stored in the products (Chinese data).
    m_collateral->addItem(tr("Any"), QString());
    m_collateral->addItem(tr("Unsecured (credit)"), QStringLiteral("信用"));
    m_collateral->addItem(tr("Mortgage"), QStringLiteral("抵押"));
    m_collateral->addItem(tr("Pledge"), QStringLiteral("质押"));
    m_collateral->addItem(tr("Guarantee"), QStringLiteral("保证"));
    m_matchButton = new QPushButton(tr("Match products"), right);
    m_matchButton->setObjectName(QStringLiteral("matchProductsButton"));
    m_matchButton->setEnabled(false);
    needRow->addWidget(new QLabel(tr("Amount"), right));
    needRow->addWidget(m_amount);
    needRow->addWidget(new QLabel(tr("Term"), right));
    needRow->addWidget(m_term);
    needRow->addWidget(new QLabel(tr("Purpose"), right));
    needRow->addWidget(m_purpose, 1);
    needRow->addWidget(new QLabel(tr("Collateral"), right));
    needRow->addWidget(m_collateral);
    needRow->addWidget(m_matchButton);

    m_summary = new QLabel(right);
    m_summary->setObjectName(QStringLiteral("productMatchSummary"));
    m_summary->setProperty("role", QStringLiteral("hint"));

    auto *vertical = new QSplitter(Qt::Vertical, right);
    m_table = new QTableView(vertical);
    m_table->setObjectName(QStringLiteral("productMatchTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProductMatchModel::ProductColumn, QHeaderView::Stretch);
    m_detail = new QPlainTextEdit(vertical);
    m_detail->setObjectName(QStringLiteral("productMatchDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(
        tr("Select a product to see how its score is made up, or why the firm does not qualify."));
    vertical->addWidget(m_table);
    vertical->addWidget(m_detail);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    layout->addWidget(m_firmLabel);
    layout->addLayout(needRow);
    layout->addWidget(m_summary);
    layout->addWidget(vertical, 1);

    splitter->addWidget(m_search);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({360, 980});
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    connect(m_search, &FirmSearchWidget::firmActivated, this, &ProductMatchPage::setFirm);
    connect(m_matchButton, &QPushButton::clicked, this, &ProductMatchPage::runMatch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetail(current.isValid() ? current.row() : -1); });
}

bool ProductMatchPage::setFirm(const QString &enterpriseId)
{
    QString error;
    if (!Matching::FactBuilder::load(m_db, enterpriseId, &error)) {
        m_firmId.clear();
        m_model->setMatches({}, {});
        m_detail->clear();
        m_summary->clear();
        m_firmLabel->setText(error);
        m_matchButton->setEnabled(false);
        return false;
    }
    m_firmId = enterpriseId;
    m_matchButton->setEnabled(true);
    return runMatch();
}

bool ProductMatchPage::runMatch()
{
    m_detail->clear();
    if (m_firmId.isEmpty())
        return false;
    QString error;
    const std::optional<Matching::FirmData> data = Matching::FactBuilder::load(m_db, m_firmId, &error);
    if (!data) {
        m_firmLabel->setText(error);
        return false;
    }
    const QDate today = QDate::currentDate();
    const Matching::FirmFacts facts = Matching::FactBuilder::firmFacts(*data, today);
    Matching::FinancingNeed need;
    need.amount = Core::Money::fromWan(m_amount->value());
    need.termMonths = m_term->value();
    need.purpose = m_purpose->text().trimmed();
    need.collateral = m_collateral->currentData().toString();

    const Store::ReferenceRepository reference(m_db);
    QHash<QString, QString> institutionNames;
    for (const Core::Institution &institution : reference.institutions())
        institutionNames.insert(institution.meta.id, institution.name);
    const Matching::ProductMatcher matcher(reference.products(), reference.policies());
    const QVector<Matching::ProductMatch> matches = matcher.match(facts, need, today);
    m_model->setMatches(matches, institutionNames);

    int eligible = 0;
    for (const Matching::ProductMatch &m : matches)
        eligible += m.eligible ? 1 : 0;
    m_firmLabel->setText(tr("%1 (%2)").arg(facts.name, facts.uscc));
    m_summary->setText(
        tr("%1 of %2 products are open to this need of %3 over %n month(s).", nullptr, need.termMonths)
            .arg(eligible)
            .arg(matches.size())
            .arg(need.amount.format(Core::Money::Unit::Wan)));
    if (!matches.isEmpty())
        m_table->selectRow(0);
    return true;
}

void ProductMatchPage::showDetail(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const Matching::ProductMatch &m = m_model->match(row);
    const Matching::Language language = DomainLabels::explanationLanguage();
    QStringList lines;
    if (!m.error.isEmpty()) {
        lines << m.error;
    } else if (m.eligible) {
        lines << Matching::ProductMatcher::explainPosition(m, language);
        lines << QString()
              << tr("Annual interest %1, fees %2, interest subsidy %3: annual cost %4.")
                     .arg(m.annualInterest.format(Core::Money::Unit::Yuan),
                          m.annualFees.format(Core::Money::Unit::Yuan),
                          m.annualSubsidy.format(Core::Money::Unit::Yuan),
                          m.annualCost.format(Core::Money::Unit::Yuan));
        if (!m.subsidyPolicyCode.isEmpty())
            lines << tr("The subsidy comes from the policy %1.").arg(m.subsidyPolicyCode);
        if (!m.matchedZones.isEmpty())
            lines << tr("Matching zones: %1").arg(m.matchedZones.join(QStringLiteral("、")));
    } else {
        lines << tr("%1 is not open to this firm and need. Failing conditions:").arg(m.product.name);
        for (const Matching::Condition &condition : m.failing)
            lines << QStringLiteral("  ") + Matching::Explainer::sentence(condition, language);
    }
    if (!m.product.requiredDocuments.isEmpty()) {
        lines << QString() << tr("Documents the institution asks for:");
        for (const QString &document : m.product.requiredDocuments)
            lines << QStringLiteral("  • ") + document;
    }
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void ProductMatchPage::refresh()
{
    if (m_firmId.isEmpty())
        m_search->searchEdit()->setFocus();
}

} // namespace XinDai::Ui
