#include "walkinreceiptpage.h"

#include "walkinwizard.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInReceiptPage::WalkInReceiptPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_text(new QPlainTextEdit)
    , m_print(new QPushButton(tr("Print…")))
    , m_save(new QPushButton(tr("Save as PDF…")))
{
    setObjectName(QStringLiteral("walkInReceiptPage"));
    setTitle(tr("7. Receipt"));
    setSubTitle(tr("The applications are submitted. Hand the receipt to the firm."));
    setFinalPage(true);

    m_text->setObjectName(QStringLiteral("receiptText"));
    m_text->setReadOnly(true);
    m_print->setObjectName(QStringLiteral("printReceipt"));
    m_save->setObjectName(QStringLiteral("saveReceipt"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    connect(m_print, &QPushButton::clicked, this, &WalkInReceiptPage::print);
    connect(m_save, &QPushButton::clicked, this, &WalkInReceiptPage::savePdf);
}

QString WalkInReceiptPage::receiptText() const
{
    return m_text->toPlainText();
}

void WalkInReceiptPage::initializePage()
{
    const bool ready = m_wizard.receipt().has_value();
    m_text->setPlainText(ready ? m_wizard.receipt()->text() : QString());
    m_print->setEnabled(ready);
    m_save->setEnabled(ready);
}

void WalkInReceiptPage::print()
{
    if (!m_wizard.receipt())
        return;
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        m_wizard.receipt()->render(&printer);
}

void WalkInReceiptPage::savePdf()
{
    if (!m_wizard.receipt())
        return;
    QString path = m_wizard.chooseSaveFile(this, tr("Save the receipt"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    QString error;
    if (!m_wizard.receipt()->writePdf(path, &error))
        QMessageBox::warning(this, tr("Save the receipt"), error);
}

} // namespace XinDai::Ui
