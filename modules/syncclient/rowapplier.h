#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Sync {
struct Row;
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

    enum class Outcome {
        Written, ///< the row was inserted or updated
        Skipped, ///< the local copy is as new or newer, or a tombstone of a row not held locally
        Unknown, ///< an entity this client does not know (ignored for forward compatibility)
        Failed,  ///< the database refused it; *errorMessage says why
    };

    /// \a exceptOpId: an outbox operation whose fields are not protected (the one being resolved).
    Outcome apply(const Sync::Row &row, QString *errorMessage, const QString &exceptOpId = {});

private:
    /// The prepared statement for \a sql, prepared once per applier (a page has thousands of rows of a
    /// handful of shapes); nullptr when preparing failed (*errorMessage then says why).
    QSqlQuery *statement(const QString &sql, QString *errorMessage);

    Store::Database &m_db;
    QHash<QString, QSqlQuery> m_statements;
    std::optional<bool> m_outboxEmpty; ///< read once: nothing is queued → no field needs protecting
};

} // namespace XinDai::SyncClient
