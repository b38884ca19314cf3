#pragma once

#include "common/workspacepage.h"

class QLabel;
class QPushButton;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ConflictTableModel;
class RejectionTableModel;

/// The Conflicts page (every role): the open rows of the local conflict table — entity, record, field,
/// my value, the server's value (the one kept) and when it was detected — with "Keep the server's
/// value" and "Use my value" (ConflictResolver), and below them the local changes the server rejected,
/// with its reason next to the record, and "Dismiss". Acts on every selected row.
class ConflictsPage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit ConflictsPage(Store::Database &db, QWidget *parent = nullptr);

    ConflictTableModel *conflictModel() const { return m_conflicts; }
    RejectionTableModel *rejectionModel() const { return m_rejections; }
    QTableView *conflictView() const { return m_conflictView; }
    QTableView *rejectionView() const { return m_rejectionView; }
    QPushButton *keepServerButton() const { return m_keepServer; }
    QPushButton *useMineButton() const { return m_useMine; }
    QPushButton *dismissButton() const { return m_dismiss; }
    /// The outcome of the last action (an error in the "error" role).
    QLabel *messageLabel() const { return m_message; }

    /// Applies "keep the server's value" / "use my value" to the selected conflicts, "dismiss" to the
    /// selected rejections; the same as the buttons.
    void keepServerValue();
    void useMyValue();
    void dismissRejections();

Q_SIGNALS:
    /// The store changed (a conflict resolved, a value re-applied, a rejection dismissed): the sync
    /// status counts are stale, and a re-applied value waits in the outbox.
    void changed();

protected:
    void refresh() override;

private:
    enum class Action { KeepServer, UseMine };
    void resolveSelected(Action action);
    void updateButtons();
    void showMessage(const QString &text, bool error);

    Store::Database &m_db;
    ConflictTableModel *m_conflicts = nullptr;
    RejectionTableModel *m_rejections = nullptr;
    QTableView *m_conflictView = nullptr;
    QTableView *m_rejectionView = nullptr;
    QPushButton *m_keepServer = nullptr;
    QPushButton *m_useMine = nullptr;
    QPushButton *m_dismiss = nullptr;
    QLabel *m_conflictTitle = nullptr;
    QLabel *m_rejectionTitle = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace XinDai::Ui
