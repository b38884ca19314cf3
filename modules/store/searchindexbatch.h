#pragma once

#include <QString>

namespace XinDai::Store {

class Database;

/// Indexes the firms a caller inserts in one transaction in bulk rather than row by row (the firm
/// search index, docs/store.md): begin() switches the per-row index triggers off, finish() indexes
/// every enterprise row inserted since begin() with a few set statements and switches the triggers
/// on again. Both run inside the caller's transaction, so a rollback undoes all of it; a crash in
/// between leaves the index marked deferred, and Database::open() rebuilds it.
///
/// Only inserts are covered: between begin() and finish() the caller must not update or delete
/// enterprise rows (their index entries would go stale). The sync engine uses it for pulled pages
/// whose firms are all new to the store (a first sync).
class SearchIndexBatch
{
public:
    explicit SearchIndexBatch(Database &db);

    /// False with a message when the store refused; when the index is already deferred (a bulk load
    /// left it so) nothing is switched and finish() leaves it to Database::open()'s rebuild.
    bool begin(QString *errorMessage);
    /// Indexes the enterprise rows inserted since begin() and switches the triggers on again.
    bool finish(QString *errorMessage);

private:
    Database &m_db;
    qint64 m_lastRowid = 0; ///< rowids above it were inserted after begin()
    bool m_active = false;
};

} // namespace XinDai::Store
