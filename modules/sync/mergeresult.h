#pragma once

#include "sync/fieldconflict.h"

#include <QList>

namespace XinDai::Sync {

/// Outcome of FieldMerge::merge.
struct MergeResult
{
    QJsonObject merged;             ///< the row's fields after the merge (absent key = field removed)
    QList<FieldConflict> conflicts; ///< fields both sides changed differently, sorted by field name

    friend bool operator==(const MergeResult &, const MergeResult &) = default;
};

} // namespace XinDai::Sync
