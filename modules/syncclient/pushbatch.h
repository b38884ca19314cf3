#pragma once

#include "store/outbox.h"

#include <QVector>

namespace XinDai::SyncClient {

/// Picks the next operations to push: oldest first, at most one per row (a later operation of a row
/// waits until the server has answered the earlier one and it has been rebased onto that version,
/// so a client never conflicts with itself), skipping operations the server refused as malformed
/// (last_error set) together with every later operation of their row.
class PushBatch
{
public:
    static QVector<Store::Outbox::Operation> next(const Store::Outbox &outbox, int limit);
};

} // namespace XinDai::SyncClient
