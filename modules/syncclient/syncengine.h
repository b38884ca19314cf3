#pragma once

#include "syncclient/syncstatus.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace XinDai::SyncClient {

/// Background synchronisation of one local store with xindai-server (docs/sync-protocol.md). All
/// network and database work runs on the engine's own thread with its own store connection, so the UI
/// never blocks; the public slots may be called from any thread and the signals arrive queued.
/// One cycle = push the outbox in batches, then pull pages until hasMore is false. Failures retry
/// with exponential backoff (1 s, 2 s, 4 s … capped at 5 minutes, with jitter). The outbox lives in
/// the store, so pending operations survive a crash or restart.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString storePath;         ///< the local store file (must exist and be migrated)
        QUrl serverUrl;            ///< e.g. https://xindai.example:8443/ or http://127.0.0.1:8080/ (dev only)
        QString caCertificateFile; ///< PEM with the CA that signed the server certificate ("" = system CAs)
        int intervalSeconds = 60;  ///< automatic cycle period once signed in (0 = only syncNow())
        int pushBatchSize = 500;   ///< operations per push request
        int pullPageSize = 2000;   ///< rows per pull page
    };

    explicit SyncEngine(const Options &options, QObject *parent = nullptr);
    ~SyncEngine() override;

    SyncStatus status() const; ///< thread-safe copy of the last published status

public slots:
    /// Signs in at the server (POST /auth/login); loginFinished reports the outcome. On success the
    /// token is kept in memory only and a first cycle starts.
    void signIn(const QString &login, const QString &password);
    void signOut();
    /// Starts a cycle now (or as soon as the running one ends); resets the backoff.
    void syncNow();
    /// Stops timers and waits for the running request to end; called by the destructor too.
    void shutdown();

signals:
    void statusChanged(const XinDai::SyncClient::SyncStatus &status);
    /// \a user: the signed-in user as the server describes it (GET /me): id, login, display_name,
    /// role, park_id, institution_id. \a message: a translated reason on failure.
    void loginFinished(bool ok, const QString &message, const QJsonObject &user);
    /// Rows of these entities changed in the local store (pulled or merged): views should reload.
    void dataChanged(const QStringList &entities);

private:
    class Worker;
    std::unique_ptr<Worker> d;
};

} // namespace XinDai::SyncClient
