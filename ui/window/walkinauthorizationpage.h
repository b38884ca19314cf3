#pragma once

#include "core/domain/document.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 2 of the walk-in wizard: the credit inquiry authorization (授权书). Record a new one
/// (institutions covered, purpose, validity, the signed scan: only its SHA-256, name and size are kept,
/// in a document row of type "authorization"), reuse a valid one of the firm, or go on without one —
/// then the steps showing credit data say why they are disabled and the pre-review blocks submission.
class WalkInAuthorizationPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Choice { RecordNew, Reuse, None };

    explicit WalkInAuthorizationPage(WalkInWizard &wizard);

    Choice choice() const;
    /// RecordNew and None always exist; Reuse picks the valid authorization \a authorizationId.
    /// False when that choice is not offered.
    bool setChoice(Choice choice, const QString &authorizationId = {});
    /// Checks \a path as the signed scan (WalkInAttachment); false with the reason shown when refused.
    bool attachScan(const QString &path);
    /// Ticks the institution \a institutionId in the list of institutions covered.
    bool setInstitutionCovered(const QString &institutionId, bool covered);
    /// The checked scan, until the step is left.
    const std::optional<Core::Document> &scan() const { return m_scan; }
    /// The refusal shown (a scan, or the step); empty when none.
    QString errorText() const;

    QComboBox *choiceCombo() const { return m_choice; }
    QListWidget *institutionList() const { return m_institutions; }
    QLineEdit *purposeEdit() const { return m_purpose; }
    QDateEdit *validFromEdit() const { return m_validFrom; }
    QDateEdit *validToEdit() const { return m_validTo; }
    QPushButton *attachButton() const { return m_attach; }

    void initializePage() override;
    bool validatePage() override;

private:
    bool recordNew();

    WalkInWizard &m_wizard;
    QComboBox *m_choice = nullptr;
    QGroupBox *m_form = nullptr;
    QListWidget *m_institutions = nullptr;
    QLineEdit *m_purpose = nullptr;
    QDateEdit *m_validFrom = nullptr;
    QDateEdit *m_validTo = nullptr;
    QPushButton *m_attach = nullptr;
    QLabel *m_scanStatus = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Core::Document> m_scan;
    QString m_savedAuthorizationId; ///< recorded in this visit: updated, not duplicated, when left again
    QString m_savedScanId;
    QString m_firmId; ///< the firm the saved rows belong to
};

} // namespace XinDai::Ui
