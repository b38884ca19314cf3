#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Asks for the requesting institution and the purpose of a credit report (信用报告). The purpose
/// defaults to 贷款审批 (the purpose most authorizations name); OK is enabled while the purpose is not
/// blank and an institution is chosen.
class CreditReportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Lists the institutions of \a db (by name) in the combo box.
    explicit CreditReportDialog(Store::Database &db, QWidget *parent = nullptr);

    /// Institution::meta.id of the chosen institution; empty when none.
    QString institutionId() const;
    /// The purpose, trimmed.
    QString purpose() const;
    /// Chooses the institution with id \a institutionId; false when it is not listed.
    bool setInstitutionId(const QString &institutionId);

    QComboBox *institutionCombo() const { return m_institution; }
    QLineEdit *purposeEdit() const { return m_purpose; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    QComboBox *m_institution = nullptr;
    QLineEdit *m_purpose = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace XinDai::Ui
