#include "syncstatuswidget.h"

#include "common/domainlabels.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStringList>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

using State = SyncClient::SyncStatus::State;

namespace {

/// Progress bar resolution: done / total is shown in thousandths so that totals above 2^31 rows fit.
constexpr int ProgressSteps = 1000;

} // namespace

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_issues(new QToolButton(this))
    , m_progress(new QProgressBar(this))
    , m_syncNow(new QPushButton(tr("Sync now"), this))
{
    setObjectName(u"syncStatus"_s);
    m_state->setObjectName(u"syncState"_s);
    m_pending->setObjectName(u"syncPending"_s);
    m_issues->setObjectName(u"syncIssues"_s);
    m_issues->setAutoRaise(true);
    m_issues->setToolTip(tr("Show the Conflicts page."));
    m_progress->setObjectName(u"syncProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_syncNow->setObjectName(u"syncNow"_s);
    m_syncNow->setToolTip(tr("Send the local changes and fetch the server's changes now."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(10);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_pending);
    layout->addWidget(m_issues);
    layout->addWidget(m_syncNow);

    connect(m_syncNow, &QPushButton::clicked, this, &SyncStatusWidget::syncNowRequested);
    connect(m_issues, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);

    setStatus(SyncClient::SyncStatus{});
}

QString SyncStatusWidget::stateText(State state)
{
    switch (state) {
    case State::NotConfigured:
        return tr("Local data only");
    case State::Offline:
        return tr("Offline · working on local data");
    case State::SignedOut:
        return tr("Signed out · please sign in again to synchronise");
    case State::Syncing:
        return tr("Synchronising…");
    case State::UpToDate:
        return tr("Up to date");
    }
    return {};
}

QString SyncStatusWidget::stateKey(State state)
{
    switch (state) {
    case State::NotConfigured:
        return u"notConfigured"_s;
    case State::Offline:
        return u"offline"_s;
    case State::SignedOut:
        return u"signedOut"_s;
    case State::Syncing:
        return u"syncing"_s;
    case State::UpToDate:
        return u"upToDate"_s;
    }
    return {};
}

void SyncStatusWidget::setStatus(const SyncClient::SyncStatus &status)
{
    m_status = status;
    setVisible(status.state != State::NotConfigured);

    m_state->setText(stateText(status.state));
    m_state->setProperty("state", stateKey(status.state));
    // The style sheet colours the label by its state property: re-polish after a change.
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);

    const bool syncing = status.state == State::Syncing;
    m_progress->setVisible(syncing);
    if (syncing && status.progressTotal > 0) {
        m_progress->setRange(0, ProgressSteps);
        const qint64 done = qBound<qint64>(0, status.progressDone, status.progressTotal);
        m_progress->setValue(int(done * ProgressSteps / status.progressTotal));
    } else {
        m_progress->setRange(0, 0); // total unknown: a busy indicator
    }

    m_pending->setVisible(status.pendingOperations > 0);
    m_pending->setText(tr("%n local change(s) waiting to be sent", nullptr, status.pendingOperations));

    QStringList issues;
    if (status.openConflicts > 0)
        issues.append(tr("%n conflict(s)", nullptr, status.openConflicts));
    if (status.rejections > 0)
        issues.append(tr("%n rejected change(s)", nullptr, status.rejections));
    m_issues->setVisible(!issues.isEmpty());
    m_issues->setText(issues.join(u" · "_s));

    // Signed out, the button asks for the password again (the desktop shows a prompt).
    const bool signedOut = status.state == State::SignedOut;
    m_syncNow->setText(signedOut ? tr("Sign in again…") : tr("Sync now"));
    m_syncNow->setEnabled(!syncing);
    setToolTip(toolTipText());
    m_state->setToolTip(toolTip());
}

QString SyncStatusWidget::toolTipText() const
{
    QStringList lines;
    lines.append(
        m_status.lastSuccess.isValid()
            ? tr("Last successful synchronisation: %1.").arg(DomainLabels::dateTime(m_status.lastSuccess))
            : tr("Not synchronised with the server yet."));
    if (m_status.state == State::Syncing && m_status.progressTotal > 0)
        lines.append(tr("Received %1 of %2 rows.").arg(m_status.progressDone).arg(m_status.progressTotal));
    if (!m_status.lastError.isEmpty())
        lines.append(tr("Last error: %1").arg(m_status.lastError));
    if (m_status.state == State::Offline && m_status.nextAttempt.isValid())
        lines.append(
            tr("Next attempt at %1.").arg(m_status.nextAttempt.toLocalTime().toString(u"HH:mm:ss"_s)));
    return lines.join(u'\n');
}

} // namespace XinDai::Ui
