#pragma once

#include "core/domain/dataset.h"

#include <functional>

namespace XinDai::Store {

class Database;

/// Loads a whole Dataset in few large transactions with prepared statements (the fast path used by
/// the demo generator and the bulk-load benchmark). All or nothing: on error, nothing is kept.
class BulkLoader
{
public:
    /// Called with (rows done, rows total); return false to cancel (then nothing is kept).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit BulkLoader(Database &db);
    bool load(const Core::Dataset &dataset, QString *errorMessage, const Progress &progress = {});
    qint64 rowsWritten() const { return m_rows; }

private:
    Database &m_db;
    qint64 m_rows = 0;
};

} // namespace XinDai::Store
