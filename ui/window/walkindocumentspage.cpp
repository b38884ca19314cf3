#include "walkindocumentspage.h"

#include "common/domainlabels.h"
#include "prereview/documenttypes.h"
#include "store/applicationrepository.h"
#include "walkinattachment.h"
#include "walkinwizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInDocumentsPage::WalkInDocumentsPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_product(new QComboBox)
    , m_productInfo(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_summary(new QLabel)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("walkInDocumentsPage"));
    setTitle(tr("4. Documents"));
    setSubTitle(tr("Choose the product applied for; attach each document it requires or mark it to be "
                   "brought next visit."));

    m_product->setObjectName(QStringLiteral("product"));
    for (const Core::FinancingProduct &p : wizard.products()) {
        m_product->addItem(tr("%1 · %2 (%3)").arg(wizard.institutionName(p.institutionId), p.name, p.code),
                           p.meta.id);
    }
    m_productInfo->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("checklist"));
    m_table->setHorizontalHeaderLabels({tr("Document"), tr("Status"), tr("File"), tr("Bring next visit")});
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setObjectName(QStringLiteral("documentsSummary"));
    m_error->setObjectName(QStringLiteral("documentsError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));

    auto *form = new QFormLayout;
    form->addRow(tr("Product applied for:"), m_product);
    form->addRow(QString(), m_productInfo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);

    connect(m_product, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_rebuilding || item->column() != BringColumn)
            return;
        setBringNextVisit(m_required.value(item->row()), item->checkState() == Qt::Checked);
    });
}

QString WalkInDocumentsPage::productId() const
{
    return m_product->currentData().toString();
}

bool WalkInDocumentsPage::setProduct(const QString &productId)
{
    const int index = m_product->findData(productId);
    if (index < 0)
        return false;
    m_product->setCurrentIndex(index);
    rebuild();
    return true;
}

QString WalkInDocumentsPage::errorText() const
{
    return m_error->text();
}

void WalkInDocumentsPage::initializePage()
{
    m_onFile = Store::ApplicationRepository(m_wizard.database()).documents(m_wizard.session().firm.meta.id);
    const QString chosen = m_wizard.session().productId;
    if (!chosen.isEmpty())
        setProduct(chosen);
    else
        rebuild();
}

QString WalkInDocumentsPage::onFile(const QString &required) const
{
    for (const Core::Document &document : m_onFile) {
        if (Prereview::DocumentTypes::satisfies(document, required))
            return document.fileName;
    }
    return {};
}

bool WalkInDocumentsPage::isHandled(const QString &required) const
{
    const WalkInSession &session = m_wizard.session();
    return !onFile(required).isEmpty() || session.attached.contains(required)
           || session.bringNextVisit.contains(required);
}

void WalkInDocumentsPage::rebuild()
{
    WalkInSession &session = m_wizard.session();
    const std::optional<Core::FinancingProduct> product = m_wizard.product(productId());
    m_required = product ? product->requiredDocuments : QStringList();
    session.productId = product ? product->meta.id : QString();
    // Attachments and marks of documents the new product does not ask for are dropped.
    for (auto it = session.attached.begin(); it != session.attached.end();)
        it = m_required.contains(it.key()) ? std::next(it) : session.attached.erase(it);
    session.bringNextVisit.removeIf([this](const QString &name) { return !m_required.contains(name); });

    if (product) {
        m_productInfo->setText(
            tr("%1 to %2, %3 to %4 months, collateral %5.")
                .arg(DomainLabels::money(product->minAmount), DomainLabels::money(product->maxAmount))
                .arg(product->minTermMonths)
                .arg(product->maxTermMonths)
                .arg(product->collateral));
    } else {
        m_productInfo->clear();
    }

    const Matching::Language language = DomainLabels::explanationLanguage();
    m_rebuilding = true;
    m_table->setRowCount(int(m_required.size()));
    for (int row = 0; row < m_required.size(); ++row) {
        const QString &required = m_required.at(row);
        auto *name = new QTableWidgetItem(Prereview::DocumentTypes::displayName(required, language));
        name->setData(Qt::UserRole, required);
        m_table->setItem(row, DocumentColumn, name);
        m_table->setItem(row, StatusColumn, new QTableWidgetItem);
        auto *attach = new QPushButton(tr("Attach…"));
        attach->setObjectName(QStringLiteral("attach_%1").arg(row));
        connect(attach, &QPushButton::clicked, this, [this, required] {
            const QString path
                = m_wizard.chooseOpenFile(this,
                                          tr("Attach %1")
                                              .arg(Prereview::DocumentTypes::displayName(
                                                  required, DomainLabels::explanationLanguage())),
                                          tr("Scans (*.pdf *.jpg *.jpeg *.png)"));
            if (!path.isEmpty())
                attachFile(required, path);
        });
        m_table->setCellWidget(row, AttachColumn, attach);
        m_table->setItem(row, BringColumn, new QTableWidgetItem);
    }
    m_rebuilding = false;
    updateRows();
    m_table->resizeColumnToContents(DocumentColumn);
}

void WalkInDocumentsPage::updateRows()
{
    const WalkInSession &session = m_wizard.session();
    m_rebuilding = true;
    int open = 0;
    for (int row = 0; row < m_required.size(); ++row) {
        const QString &required = m_required.at(row);
        const QString stored = onFile(required);
        QString status;
        if (!stored.isEmpty()) {
            status = tr("On file: %1").arg(stored);
        } else if (session.attached.contains(required)) {
            const Core::Document &d = session.attached[required];
            status = tr("Attached: %1 (%2)").arg(d.fileName, WalkInAttachment::sizeText(d.sizeBytes));
        } else if (session.bringNextVisit.contains(required)) {
            status = tr("To bring next visit");
        } else {
            status = tr("Missing: attach it or mark it to bring next visit");
            ++open;
        }
        m_table->item(row, StatusColumn)->setText(status);
        m_table->cellWidget(row, AttachColumn)->setEnabled(stored.isEmpty());
        QTableWidgetItem *bring = m_table->item(row, BringColumn);
        bring->setFlags(stored.isEmpty() ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        bring->setCheckState(session.bringNextVisit.contains(required) ? Qt::Checked : Qt::Unchecked);
    }
    m_rebuilding = false;
    m_summary->setText(open == 0 ? tr("Every required document is on file, attached or to be brought.")
                                 : tr("%n document(s) still need a file or a mark.", nullptr, open));
    Q_EMIT completeChanged();
}

bool WalkInDocumentsPage::attachFile(const QString &required, const QString &path)
{
    if (!m_required.contains(required)) {
        m_error->setText(tr("The document “%1” is not required by the chosen product.").arg(required));
        return false;
    }
    QString error;
    std::optional<Core::Document> document
        = WalkInAttachment::inspect(path, Prereview::DocumentTypes::typeCode(required), &error);
    if (!document) {
        m_error->setText(error);
        return false;
    }
    m_error->clear();
    WalkInSession &session = m_wizard.session();
    session.attached.insert(required, *document);
    session.bringNextVisit.removeAll(required);
    updateRows();
    return true;
}

bool WalkInDocumentsPage::setBringNextVisit(const QString &required, bool bring)
{
    if (!m_required.contains(required))
        return false;
    WalkInSession &session = m_wizard.session();
    session.bringNextVisit.removeAll(required);
    if (bring) {
        session.bringNextVisit << required;
        session.attached.remove(required);
    }
    updateRows();
    return true;
}

bool WalkInDocumentsPage::isComplete() const
{
    if (productId().isEmpty())
        return false;
    for (const QString &required : m_required) {
        if (!isHandled(required))
            return false;
    }
    return true;
}

bool WalkInDocumentsPage::validatePage()
{
    if (isComplete())
        return true;
    m_error->setText(tr("Some required documents are neither attached nor marked to bring next visit."));
    return false;
}

} // namespace XinDai::Ui
