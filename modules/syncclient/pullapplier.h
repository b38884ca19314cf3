#pragma once

#include <QString>
#include <QStringList>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Sync {
struct CompactPage;
struct PullPage;
} // namespace XinDai::Sync

namespace XinDai::SyncClient {

/// Applies one pulled page to the local store (docs/sync-protocol.md, "Cursor rule"), without network:
/// checks the page checksum, then writes every row (RowApplier) and the page's nextCursor into
/// store_state 'sync_cursor' in ONE transaction. Any failure rolls the whole page back: no row and
/// no cursor change, so the page is simply fetched again.
///
/// Foreign keys are not enforced while a page is applied (PRAGMA foreign_keys is switched off on
/// this connection around the transaction): the server sends each row in the order of its last
/// change, so a child can arrive pages before its parent, and a caller may legitimately see a row
/// whose parent is outside its scope (a bank officer sees an application, not always the firm).
///
/// A page whose firms are all new to the store indexes them for search in bulk
/// (Store::SearchIndexBatch).
class PullApplier
{
public:
    explicit PullApplier(Store::Database &db);

    /// Sets up the connection that applies pulled pages, once after opening it: a first sync writes
    /// hundreds of MB through the WAL, so it is checkpointed every 64 MB rather than every 4 MB (each
    /// checkpoint syncs the files; fewer of them halved the apply time of a large first sync).
    static void prepareConnection(Store::Database &db);

    enum class Result {
        Applied,          ///< committed; the cursor is page.nextCursor
        ChecksumMismatch, ///< verify() failed: nothing written, fetch the page again
        Failed,           ///< the database refused a row or the commit: nothing written
    };

    /// verify(), then the rows (their fields checked by EntityCatalog::validateFields()).
    Result apply(const Sync::PullPage &page, QString *errorMessage);
    /// A page read by Sync::CompactPage::read() (checksum and fields already checked): never
    /// ChecksumMismatch.
    Result apply(const Sync::CompactPage &page, QString *errorMessage);

    /// Entities with at least one row written by the last apply() (catalog names, no duplicates).
    QStringList changedEntities() const { return m_changed; }
    /// Rows written (not skipped) by the last apply().
    int writtenRows() const { return m_written; }

    /// Test hook: make apply() fail after writing this many rows (-1 = never), as a crash in the
    /// middle of a page would.
    void setFailAfterRows(int rows) { m_failAfter = rows; }

private:
    Store::Database &m_db;
    QStringList m_changed;
    int m_written = 0;
    int m_failAfter = -1;
};

} // namespace XinDai::SyncClient
