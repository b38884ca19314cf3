#pragma once

#include "syncclient/syncstatus.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace XinDai::Ui {

/// The sync part of the status bar: the connection state (offline / syncing / up to date / signed
/// out), the number of local changes waiting to be sent, the open conflicts and rejected changes (a
/// button that opens the Conflicts page), a progress bar while a cycle runs, a "Sync now" button and a
/// tooltip with the last error, the last success and the next retry. Hidden while the state is
/// NotConfigured (no server: the client works on its local store only, as before sync existed).
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    /// Shows \a status (SyncEngine::statusChanged).
    void setStatus(const XinDai::SyncClient::SyncStatus &status);
    const SyncClient::SyncStatus &status() const { return m_status; }

    /// Translated one-line text of \a state, as shown in the status bar.
    static QString stateText(SyncClient::SyncStatus::State state);
    /// Stable, untranslated name of \a state ("offline", "syncing" …): the "state" property used by
    /// the style sheet and by tests.
    static QString stateKey(SyncClient::SyncStatus::State state);

    QLabel *stateLabel() const { return m_state; }
    QLabel *pendingLabel() const { return m_pending; }
    QToolButton *issuesButton() const { return m_issues; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *syncNowButton() const { return m_syncNow; }

Q_SIGNALS:
    /// "Sync now" (or, signed out, "Sign in again…") was clicked.
    void syncNowRequested();
    /// The user clicked the conflicts / rejections count: show the Conflicts page.
    void conflictsRequested();

private:
    QString toolTipText() const;

    SyncClient::SyncStatus m_status;
    QLabel *m_state = nullptr;
    QLabel *m_pending = nullptr;
    QToolButton *m_issues = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_syncNow = nullptr;
};

} // namespace XinDai::Ui
