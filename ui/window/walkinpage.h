#pragma once

#include "common/workspacepage.h"
#include "core/domain/user.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class WalkInWizard;

/// 接待新企业: the window staff's entry to the walk-in wizard, with the receipt of the last visit.
class WalkInPage : public WorkspacePage
{
    Q_OBJECT

public:
    WalkInPage(Store::Database &db, const Core::User &staff, QWidget *parent = nullptr);

    /// A new wizard for this staff member (not shown); the page keeps the receipt when it finishes.
    WalkInWizard *createWizard(QWidget *parent);
    /// Opens the wizard (modal), starting with \a enterpriseId when given.
    void receiveFirm(const QString &enterpriseId = {});

    QPushButton *startButton() const { return m_start; }
    QString lastReceipt() const;

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    Core::User m_staff;
    QPushButton *m_start = nullptr;
    QPlainTextEdit *m_last = nullptr;
};

} // namespace XinDai::Ui
