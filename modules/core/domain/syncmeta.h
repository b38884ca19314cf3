#pragma once

#include <QDateTime>
#include <QString>

namespace XinDai::Core {

/// Bookkeeping every synced row carries (see docs/ARCHITECTURE.md, "Data").
struct SyncMeta
{
    QString id;           ///< UUID without braces, generated where the row is created
    qint64 version = 0;   ///< server sequence number; 0 = never synced
    QDateTime updatedAt;  ///< UTC
    bool deleted = false; ///< tombstone, kept so deletions sync
};

/// A new UUID in the form the store uses (36 chars, lower case, no braces).
QString newId();

} // namespace XinDai::Core
