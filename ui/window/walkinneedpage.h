#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 3 of the walk-in wizard: the financing need — amount in 万元 (stored in fen), term in months,
/// purpose and the collateral the firm can offer.
class WalkInNeedPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WalkInNeedPage(WalkInWizard &wizard);

    QLineEdit *amountEdit() const { return m_amount; }
    QSpinBox *termSpin() const { return m_term; }
    QComboBox *purposeCombo() const { return m_purpose; }
    /// Item data: "" (not specified), 信用, 抵押, 质押 or 保证 (the products' vocabulary).
    QComboBox *collateralCombo() const { return m_collateral; }
    QString errorText() const;

    bool validatePage() override;

private:
    WalkInWizard &m_wizard;
    QLineEdit *m_amount = nullptr;
    QSpinBox *m_term = nullptr;
    QComboBox *m_purpose = nullptr;
    QComboBox *m_collateral = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace XinDai::Ui
