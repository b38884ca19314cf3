#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

struct sqlite3;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Sync {
struct CompactPage;
struct Row;
} // namespace XinDai::Sync

namespace XinDai::Store {
class SqliteStatement;
}

namespace XinDai::SyncClient {

/// Writes rows as the server sends them (pulled rows, the merged row of a push conflict) into the
/// local store through Sync::EntityCatalog, without recording them in the outbox. Runs inside the
/// caller's transaction.
///
/// - Identity: by id; monthly_value by its natural key (enterprise_id, kind, month), the server's id
///   replacing a local one.
/// - A row whose version is <= the local copy's version is a no-op (re-applying a page is harmless).
/// - Fields that a queued outbox operation of the row changes keep their local value: they will be
///   pushed, and the server merges them.
/// - A tombstone marks the local copy deleted (deleted = 1; rows are never removed, so local rows
///   that refer to it stay valid).
class RowApplier
{
public:
    explicit RowApplier(Store::Database &db);
    ~RowApplier();
    RowApplier(const RowApplier &) = delete;
    RowApplier &operator=(const RowApplier &) = delete;

    enum class Outcome {
        Written, ///< the row was inserted or updated
        Skipped, ///< the local copy is as new or newer, or a tombstone of a row not held locally
        Unknown, ///< an entity this client does not know (ignored for forward compatibility)
        Failed,  ///< the database refused it; *errorMessage says why
    };

    /// \a exceptOpId: an outbox operation whose fields are not protected (the one being resolved).
    /// The fields are checked by EntityCatalog::validateFields() first.
    Outcome apply(const Sync::Row &row, QString *errorMessage, const QString &exceptOpId = {});
    /// The row \a index of \a page (its fields already checked, as CompactPage guarantees).
    ///
    /// With an empty outbox a row carrying every field is written by one INSERT … ON CONFLICT DO
    /// UPDATE … WHERE excluded.version > version (by id, monthly_value by its natural key); otherwise
    /// the local copy is looked up first. Statements are prepared once per applier and shape.
    Outcome apply(const Sync::CompactPage &page, qsizetype index, QString *errorMessage,
                  const QString &exceptOpId = {});

private:
    /// The prepared statement for \a key, built by \a sql on first use; nullptr when preparing
    /// failed (*errorMessage then says why).
    template<typename Sql>
    Store::SqliteStatement *statement(quint64 key, Sql &&sql, QString *errorMessage);

    Store::Database &m_db;
    sqlite3 *m_handle = nullptr;
    std::unordered_map<quint64, std::unique_ptr<Store::SqliteStatement>> m_statements;
    std::optional<bool> m_outboxEmpty; ///< read once: nothing is queued → no field needs protecting
};

} // namespace XinDai::SyncClient
