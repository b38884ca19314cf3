#pragma once

#include "store/outbox.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Sync {
struct PushResponse;
}

namespace XinDai::SyncClient {

/// Records the server's answers to a push in the local store, in ONE transaction; an operation
/// leaves the outbox only together with what its result left behind:
/// - applied: the row's local version becomes newVersion (never lowered);
/// - conflict: the merged server row is written locally (RowApplier; fields of other queued
///   operations of the row keep their local value), one row per FieldConflict goes into the
///   conflict table (values as compact JSON text, NULL for an absent value);
/// - rejected: the reason goes into sync_rejection; the row is made to come back as the server has
///   it: a row the server never had (base version 0) is marked deleted, otherwise its local version
///   drops below the base version and the pull cursor moves back to before it, so the next pull
///   brings the server's copy again (rows already held are skipped by version).
/// Later operations of the same row are rebased onto the version the server answered. Operations
/// without a result in the response stay queued and are sent again.
class PushResultHandler
{
public:
    explicit PushResultHandler(Store::Database &db);

    /// \a sent: the operations of the request, as read from the outbox.
    bool handle(const QVector<Store::Outbox::Operation> &sent, const Sync::PushResponse &response,
                QString *errorMessage);

    /// Entities whose local rows changed (conflicts, restored rejections) in the last handle().
    QStringList changedEntities() const { return m_changed; }
    int applied() const { return m_applied; }
    int conflicts() const { return m_conflicts; }
    int rejected() const { return m_rejected; }

private:
    Store::Database &m_db;
    QStringList m_changed;
    int m_applied = 0;
    int m_conflicts = 0;
    int m_rejected = 0;
};

} // namespace XinDai::SyncClient
