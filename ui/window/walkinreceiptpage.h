#pragma once

#include <QWizardPage>

class QPlainTextEdit;
class QPushButton;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 7 of the walk-in wizard: the receipt of the submitted applications (WalkInReceipt) as text,
/// with Print and Save as PDF.
class WalkInReceiptPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WalkInReceiptPage(WalkInWizard &wizard);

    /// The receipt text as shown.
    QString receiptText() const;

    void initializePage() override;

private:
    void print();
    void savePdf();

    WalkInWizard &m_wizard;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace XinDai::Ui
