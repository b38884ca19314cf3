#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace XinDai::SyncClient {

/// What the status bar shows about synchronisation (SyncEngine::statusChanged).
struct SyncStatus
{
    enum class State {
        NotConfigured, ///< no server set: the client works on its local store only
        Offline,       ///< the server cannot be reached (or the last attempt failed); retrying with backoff
        SignedOut,     ///< the server answered 401: the user must sign in again
        Syncing,       ///< a push or pull is running
        UpToDate,      ///< the last cycle succeeded
    };

    State state = State::NotConfigured;
    int pendingOperations = 0; ///< outbox rows not yet acknowledged by the server
    int openConflicts = 0;     ///< unresolved rows of the local conflict table
    int rejections = 0;        ///< operations the server refused, not yet dismissed
    qint64 progressDone = 0;   ///< rows pulled in the running cycle
    qint64 progressTotal = 0;  ///< rows the server has for this cycle (0 = unknown)
    QString lastError;         ///< translated sentence for the status bar tooltip ("" when none)
    QDateTime lastSuccess;     ///< UTC end of the last successful cycle (invalid = never)
    QDateTime nextAttempt;     ///< UTC time of the next retry while Offline (invalid = none planned)

    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

} // namespace XinDai::SyncClient

Q_DECLARE_METATYPE(XinDai::SyncClient::SyncStatus)
