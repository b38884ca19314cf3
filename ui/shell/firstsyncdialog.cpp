#include "firstsyncdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

namespace {

constexpr int ProgressSteps = 1000; ///< thousandths, so that row counts above 2^31 fit

} // namespace

FirstSyncDialog::FirstSyncDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new QLabel(this))
    , m_background(new QPushButton(tr("Continue in the background"), this))
{
    setObjectName(u"firstSyncDialog"_s);
    setWindowTitle(tr("First synchronisation"));
    auto *intro = new QLabel(tr("This computer has no local data yet. XinDai Workbench is downloading the "
                                "records you may see from the server."),
                             this);
    intro->setWordWrap(true);
    m_message->setObjectName(u"firstSyncMessage"_s);
    m_progress->setObjectName(u"firstSyncProgress"_s);
    m_progress->setRange(0, 0);
    m_error->setObjectName(u"firstSyncError"_s);
    m_error->setProperty("role", u"error"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    m_background->setObjectName(u"firstSyncBackground"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_background);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    setMinimumWidth(460);

    connect(m_background, &QPushButton::clicked, this, &QDialog::reject);
    setStatus(SyncClient::SyncStatus{SyncClient::SyncStatus::State::Syncing});
}

void FirstSyncDialog::setStatus(const SyncClient::SyncStatus &status)
{
    using State = SyncClient::SyncStatus::State;
    switch (status.state) {
    case State::UpToDate:
        m_progress->setRange(0, ProgressSteps);
        m_progress->setValue(ProgressSteps);
        m_message->setText(tr("All records are downloaded."));
        m_error->hide();
        accept();
        return;
    case State::Syncing:
        m_error->hide();
        if (status.progressTotal > 0) {
            const qint64 done = qBound<qint64>(0, status.progressDone, status.progressTotal);
            m_progress->setRange(0, ProgressSteps);
            m_progress->setValue(int(done * ProgressSteps / status.progressTotal));
            const QLocale locale;
            m_message->setText(tr("Downloaded %1 of %2 records.")
                                   .arg(locale.toString(done), locale.toString(status.progressTotal)));
        } else {
            m_progress->setRange(0, 0);
            m_message->setText(tr("Connecting to the server…"));
        }
        return;
    case State::Offline:
    case State::SignedOut:
    case State::NotConfigured:
        m_progress->setRange(0, ProgressSteps);
        m_message->setText(status.state == State::SignedOut
                               ? tr("The server ended the session: sign in again to download the records.")
                               : tr("The download is interrupted; it is retried automatically."));
        m_error->setText(status.lastError.isEmpty() ? tr("The server cannot be reached.") : status.lastError);
        m_error->show();
        return;
    }
}

} // namespace XinDai::Ui
