#pragma once

#include <QHash>
#include <QString>
#include <QUtf8StringView>
#include <QVariantList>

#include <vector>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace XinDai::Server {

class ServerDatabase;

/// The rows of one PostgreSQL result in libpq's text format, read in place: UTF-8 views and integers
/// parsed from their text, no QVariant and no UTF-16 copy (the reader the pull also has for SQLite).
class PgRows
{
public:
    explicit PgRows(const PGresult *result);
    /// Moves to the next row (the first on the first call); false after the last.
    bool next() { return ++m_row < m_count; }
    int count() const { return m_count; }
    bool isNull(int column) const;
    /// An integer column, or a boolean one (true is 1).
    qint64 integer(int column) const;
    QUtf8StringView text(int column) const;

private:
    const PGresult *m_result;
    int m_count = 0;
    int m_row = -1;
};

/// Statements sent to the PostgreSQL connection of a ServerDatabase straight through libpq, all of
/// them at once in pipeline mode: one round trip however many there are. Each statement is prepared
/// on the connection the first time it is sent (the server neither parses nor re-plans it on later
/// runs, and the binds travel as parameters instead of literals in a query text), and each result
/// is fetched whole (Qt's driver fetches a forward-only query row by row, a result object each).
///
/// The pipeline may open and end the connection's read transaction (beginRead(), commit()), so
/// that a whole pull costs two round trips. Use it between QtSql statements, never while one is
/// still being read (finish() them first).
class PgPipeline
{
public:
    explicit PgPipeline(ServerDatabase &db);
    ~PgPipeline();
    PgPipeline(const PgPipeline &) = delete;
    PgPipeline &operator=(const PgPipeline &) = delete;

    /// Queues BEGIN of a read-only REPEATABLE READ snapshot (ServerDatabase::readTransaction()).
    void beginRead();
    /// Queues \a sql, with "?" placeholders bound in order to \a binds (integers, strings or null);
    /// returns the index of its result for rows().
    int add(const QString &sql, const QVariantList &binds = {});
    /// Queues COMMIT of the transaction.
    void commit();

    /// Sends what is queued and waits for every result. False and the first error when a statement
    /// fails: the ones after it are not run, and a transaction it was in is left for the caller to
    /// roll back (ServerDatabase::rollback()).
    bool run(QString *errorMessage);
    /// The rows of the statement \a index returned by add(), valid until the pipeline is destroyed.
    PgRows rows(int index) const;

    /// \a sql with its "?" placeholders numbered $1, $2 … as PostgreSQL expects (not inside quotes).
    static QByteArray numberedPlaceholders(const QString &sql);

private:
    struct Queued
    {
        QString sql;
        std::vector<QByteArray> params;
        std::vector<bool> null;
        bool prepareFirst = false; ///< first use on this connection: Parse before Bind/Execute
        QByteArray name;
    };

    ServerDatabase &m_db;
    std::vector<Queued> m_queued;
    std::vector<PGresult *> m_results; ///< one per queued statement, after run()
    bool m_begins = false;
    bool m_commits = false;
};

} // namespace XinDai::Server
