#pragma once

#include <QWizardPage>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace XinDai::Ui {

class FirmSearchWidget;
class WalkInWizard;

/// Step 1 of the walk-in wizard: find the firm (USCC or name, in the staff's park) or register it.
/// Registration checks the USCC (the exact reason when invalid), refuses a code already registered
/// (offering to open that firm instead), the legal representative's ID number (shown masked), an
/// established date not in the future and the registered capital in 万元. The firm is saved when the
/// step is left; the park is the staff's park.
class WalkInFirmPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Mode { Find, Register };

    explicit WalkInFirmPage(WalkInWizard &wizard);

    Mode mode() const;
    void setMode(Mode mode);
    /// Chooses the existing firm \a enterpriseId (switches to Find); false when it does not exist.
    bool chooseFirm(const QString &enterpriseId);
    /// The firm chosen in Find mode; empty when none.
    QString chosenFirmId() const { return m_chosenId; }
    /// Why the typed USCC cannot be registered (invalid, or already registered); empty when it can.
    QString usccProblem() const { return m_usccProblem; }
    /// The refusal shown when the step could not be left; empty otherwise.
    QString errorText() const;

    FirmSearchWidget *searchWidget() const { return m_search; }
    QLineEdit *usccEdit() const { return m_uscc; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *legalRepEdit() const { return m_legalRep; }
    QLineEdit *legalRepIdEdit() const { return m_legalRepId; }
    QDateEdit *establishedEdit() const { return m_established; }
    QLineEdit *capitalEdit() const { return m_capital; }
    QComboBox *industryCombo() const { return m_industry; }
    QComboBox *regionCombo() const { return m_region; }
    QSpinBox *employeesSpin() const { return m_employees; }
    QPushButton *openDuplicateButton() const { return m_openDuplicate; }

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void checkUscc();
    void checkLegalRepId();
    bool registerFirm();
    void showError(const QString &message);

    WalkInWizard &m_wizard;
    QTabWidget *m_tabs = nullptr;
    FirmSearchWidget *m_search = nullptr;
    QLabel *m_chosen = nullptr;
    QLineEdit *m_uscc = nullptr;
    QLabel *m_usccStatus = nullptr;
    QPushButton *m_openDuplicate = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_legalRep = nullptr;
    QLineEdit *m_legalRepId = nullptr;
    QLabel *m_legalRepIdStatus = nullptr;
    QDateEdit *m_established = nullptr;
    QLineEdit *m_capital = nullptr;
    QComboBox *m_industry = nullptr;
    QComboBox *m_region = nullptr;
    QSpinBox *m_employees = nullptr;
    QLabel *m_error = nullptr;
    QString m_chosenId;
    QString m_duplicateId;
    QString m_usccProblem;
    QString m_registeredId; ///< the firm registered in this visit, updated when the step is left again
};

} // namespace XinDai::Ui
