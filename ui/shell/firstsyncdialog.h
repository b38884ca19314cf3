#pragma once

#include "syncclient/syncstatus.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace XinDai::Ui {

/// Shown after the first online sign-in on an empty local store: the progress of the first sync,
/// which downloads the user's scope. Accepted as soon as a status says UpToDate; when the sync fails
/// it shows the reason and keeps retrying (the engine's backoff). "Continue in the background" closes
/// it (rejected) and the sync goes on while the user works.
class FirstSyncDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstSyncDialog(QWidget *parent = nullptr);

    /// Follows SyncEngine::statusChanged.
    void setStatus(const XinDai::SyncClient::SyncStatus &status);

    QProgressBar *progressBar() const { return m_progress; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *backgroundButton() const { return m_background; }

private:
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_background = nullptr;
};

} // namespace XinDai::Ui
