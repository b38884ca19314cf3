#pragma once

#include "sync/mergeresult.h"

namespace XinDai::Sync {

/// Three-way, field-by-field merge of one row (docs/sync-protocol.md, "Merge rule").
class FieldMerge
{
public:
    /// \a base: the fields at the version both sides started from; \a local: the client's fields;
    /// \a server: the fields now stored. Each is a full snapshot: a key missing from one of them
    /// means that side does not have (or removed) the field. Per field, with values compared as JSON:
    /// unchanged on both sides → kept; changed on one side only → that side's value; changed on both
    /// to the same value → that value, no conflict; changed on both to different values → the
    /// server's value, and a FieldConflict keeps the local one. Pure function.
    static MergeResult merge(const QJsonObject &base, const QJsonObject &local, const QJsonObject &server);
};

} // namespace XinDai::Sync
