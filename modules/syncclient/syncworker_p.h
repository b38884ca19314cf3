#pragma once

#include "store/outbox.h"
#include "syncclient/syncengine.h"
#include "syncclient/syncstatus.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace XinDai::Sync {
struct CompactPage;
}

namespace XinDai::Store {
class Database;
}

namespace XinDai::SyncClient::Internal {

/// The part of SyncEngine that lives on the engine's thread: its own store connection, network
/// access manager and timers. Every slot runs on that thread; the engine forwards its signals.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(const SyncEngine::Options &options);
    ~SyncWorker() override;

    /// One HTTP answer: status 0 = no HTTP answer (network, TLS, timeout); body parsed when JSON.
    struct Reply
    {
        int status = 0;
        QJsonObject body; ///< empty for a 200 answer asked for raw (the pull pages)
        QByteArray raw;   ///< the body's bytes of a 200 answer asked for raw
        QString networkError;
        qint64 head = -1; ///< X-XinDai-Head, -1 when absent
    };

public slots:
    void start();
    void signIn(const QString &login, const QString &password);
    void signOut();
    void syncNow();
    void stop();

signals:
    void statusChanged(const XinDai::SyncClient::SyncStatus &status);
    void loginFinished(bool ok, const QString &message, const QJsonObject &user);
    void dataChanged(const QStringList &entities);

private:
    void startCycle();
    void pushNext();
    void onPushed(const Reply &reply);
    void pullNext();
    void onPulled(const Reply &reply);
    /// Writes a checked page (PullApplier) and moves on: the next page, or the end of the pull.
    /// \a cursor: the local cursor before the page.
    void applyPulled(const Sync::CompactPage &page, qint64 replyHead, qint64 cursor);
    /// Asks for the page after \a cursor while the current page is being applied (the server builds it
    /// and the network carries it meanwhile); the cursor still moves only after each commit.
    /// Returns the request's reply (nullptr without a network).
    QNetworkReply *prefetch(qint64 cursor);
    /// Forgets a prefetched page or one in flight (after a failure the cycle starts over).
    void dropPrefetch();
    void finishCycle();
    /// After the last page of a pull (all roles but admin): asks POST /sync/visible which local firms the
    /// user may no longer see (batches of at most Sync::VisibleRequest::MaxIds ids), purges them
    /// (ScopePurge), then finishCycle(). A failed request or purge does not fail the cycle: the next
    /// cycle asks again.
    void checkVisibility();
    void askVisible();
    /// Purges m_hiddenFirms; false (and the check due again) when the store refused.
    bool purgeHidden();
    void retryLater(const QString &message);
    void signedOut(const QString &message);
    void publish();
    /// \a raw: a 200 answer keeps its bytes in Reply::raw instead of being parsed into Reply::body.
    QNetworkReply *post(const QString &path, const QJsonObject &body, std::function<void(const Reply &)> done,
                        bool raw = false);
    QString serverError(const Reply &reply) const;
    QString networkMessage(const Reply &reply) const;

    SyncEngine::Options m_options;
    std::unique_ptr<Store::Database> m_db;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_periodic = nullptr;
    QTimer *m_retry = nullptr;
    QPointer<QNetworkReply> m_reply;
    QSslConfiguration m_ssl;
    bool m_configured = false;
    bool m_stopped = false;
    QString m_token;
    QString m_role; ///< the signed-in user's role, from the login answer
    bool m_running = false;
    bool m_again = false;
    int m_failures = 0;
    int m_batchLimit = 0;
    int m_checksumRetries = 0;
    std::optional<Reply> m_prefetched; ///< the next page, arrived while the previous one was applied
    bool m_prefetchInFlight = false;
    bool m_waitingForPrefetch = false;
    quint64 m_pullGeneration = 0; ///< bumped by dropPrefetch(): late answers of older requests are ignored
    qint64 m_startCursor = 0;
    QVector<Store::Outbox::Operation> m_inFlight;
    QList<QStringList> m_visibilityBatches; ///< firm ids still to ask /sync/visible about
    QStringList m_hiddenFirms;              ///< firms the server said are hidden, purged at the end
    bool m_visibilityDue = true;            ///< check at the next cycle's end (sign-in, Sync now, failure)
    bool m_visibilityChecking = false;      ///< this cycle's end runs a check
    QElapsedTimer m_visibilityChecked;      ///< since the last complete check
    SyncStatus m_status;
};

} // namespace XinDai::SyncClient::Internal
