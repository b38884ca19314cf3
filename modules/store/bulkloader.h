#pragma once

#include "core/domain/dataset.h"

#include <functional>

namespace XinDai::Store {

class Database;

/// Loads a whole Dataset in few large transactions with prepared statements (the fast path used by
/// the demo generator and the bulk-load benchmark). All or nothing: on error, nothing is kept.
///
/// Each load() call is one transaction; a big dataset may be loaded in chunks by calling load()
/// repeatedly (parents before children: a chunk's series may only name firms already loaded or in
/// the same chunk). Rows are inserted, not upserted: a row whose id is already stored fails the call.
/// Rows without an id get a time-ordered UUID (version 7), which keeps the primary-key indexes
/// append-only and the load fast; rows without updatedAt get the time of the call.
///
/// For big loads call setDeferSearchIndex(true) before the first chunk and finish() after the last:
/// the firm search index is then built once at the end instead of row by row (if the program stops
/// in between, the next Database::open rebuilds it).
class BulkLoader
{
public:
    /// Called with (rows done, rows total) of the current call; return false to cancel (then
    /// nothing of that call is kept).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit BulkLoader(Database &db);
    bool load(const Core::Dataset &dataset, QString *errorMessage, const Progress &progress = {});
    /// Rows written by all successful load() calls of this loader.
    qint64 rowsWritten() const { return m_rows; }

    /// When true, load() leaves the firm search index to finish(). Default false.
    void setDeferSearchIndex(bool defer) { m_deferSearchIndex = defer; }
    bool defersSearchIndex() const { return m_deferSearchIndex; }
    /// Builds the firm search index if a load deferred it, then refreshes the query planner's
    /// statistics (PRAGMA optimize). Call once after the last load(); cheap when nothing was deferred.
    bool finish(QString *errorMessage);

private:
    Database &m_db;
    qint64 m_rows = 0;
    bool m_deferSearchIndex = false;
};

} // namespace XinDai::Store
