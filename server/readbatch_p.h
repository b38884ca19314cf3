#pragma once

#include "server/pgpipeline.h"
#include "server/serverdatabase.h"

#include <QString>
#include <QUtf8StringView>
#include <QVariantList>

#include <optional>
#include <sqlite3.h>
#include <vector>

namespace XinDai::Server::Internal {

/// Rows read straight from SQLite: text stays in the UTF-8 it is stored in, no QVariant per value
/// (PgRows is the same on PostgreSQL).
struct SqliteRows
{
    sqlite3_stmt *statement;
    int rc = SQLITE_OK;
    bool next() { return (rc = sqlite3_step(statement)) == SQLITE_ROW; }
    bool isNull(int column) const { return sqlite3_column_type(statement, column) == SQLITE_NULL; }
    qint64 integer(int column) const { return sqlite3_column_int64(statement, column); }
    QUtf8StringView text(int column) const
    {
        const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        return QUtf8StringView(utf8, sqlite3_column_bytes(statement, column));
    }
    bool failed() const { return rc != SQLITE_DONE; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement))); }
};

/// Read statements sent together (a step of a pull, the session lookup of a request). On PostgreSQL
/// they go through a PgPipeline (one round trip, with the read transaction's BEGIN or COMMIT when asked
/// for); on SQLite each runs through the C API when its rows are read (inside the transaction
/// beginRead() opens at once, if asked for). Either way the rows are read in place (SqliteRows,
/// PgRows), with the same interface.
class ReadBatch
{
public:
    explicit ReadBatch(ServerDatabase &db)
        : m_db(db)
    {
        if (db.dialect() == ServerDatabase::Dialect::PostgreSQL)
            m_pipeline.emplace(db);
    }

    /// Opens the read transaction (on PostgreSQL as the batch's first statement).
    bool beginRead()
    {
        if (!m_pipeline)
            return m_db.readTransaction();
        m_pipeline->beginRead();
        return true;
    }
    /// Queues \a sql ("?" placeholders bound to \a binds in order); returns its index for read().
    int add(const QString &sql, const QVariantList &binds)
    {
        m_statements.push_back({sql, binds, m_pipeline ? m_pipeline->add(sql, binds) : -1});
        return int(m_statements.size()) - 1;
    }
    /// PostgreSQL: commits the read transaction after the batch's statements. SQLite runs them as
    /// they are read: the caller commits after reading (ServerDatabase::inTransaction() tells).
    void commitAfter()
    {
        if (m_pipeline)
            m_pipeline->commit();
    }
    /// Sends the batch (PostgreSQL); false and a message when a statement fails.
    bool run(QString *error) { return !m_pipeline || m_pipeline->run(error); }

    /// Calls \a read with a reader of the rows of statement \a index (SqliteRows or PgRows), which
    /// must read them all; false and a message when the statement fails.
    template<typename Read>
    bool read(int index, Read &&read, QString *error)
    {
        const Statement &s = m_statements[size_t(index)];
        if (m_pipeline) {
            PgRows rows = m_pipeline->rows(s.pipelineIndex);
            read(rows);
            return true;
        }
        sqlite3_stmt *statement = m_db.sqliteStatement(s.sql, error);
        if (!statement)
            return false;
        for (qsizetype b = 0; b < s.binds.size(); ++b) {
            const QVariant &value = s.binds.at(b);
            if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
                sqlite3_bind_int64(statement, int(b) + 1, value.toLongLong());
            } else {
                const QByteArray utf8 = value.toString().toUtf8();
                sqlite3_bind_text(statement, int(b) + 1, utf8.constData(), int(utf8.size()),
                                  SQLITE_TRANSIENT);
            }
        }
        SqliteRows rows{statement};
        read(rows);
        const bool ok = !rows.failed();
        if (!ok && error)
            *error = rows.error();
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        return ok;
    }

private:
    struct Statement
    {
        QString sql;
        QVariantList binds;
        int pipelineIndex;
    };
    ServerDatabase &m_db;
    std::optional<PgPipeline> m_pipeline;
    std::vector<Statement> m_statements;
};

} // namespace XinDai::Server::Internal
