#pragma once

#include <QSqlDatabase>
#include <QString>

namespace XinDai::Server {

/// One connection to the central store: SQLite (embedded default) or PostgreSQL (production), the
/// same schema and the same forward-only migrations (server/migrations/NNNN_*.sql, portable SQL).
/// The server keeps no state outside this database, so several server processes can share one
/// PostgreSQL. Not thread-safe: one ServerDatabase per thread (each has its own connection name).
class ServerDatabase
{
public:
    enum class Dialect { SQLite, PostgreSQL };

    ServerDatabase();
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    /// \a url: "sqlite:PATH" (created when missing) or "postgres://USER[:PASSWORD]@HOST[:PORT]/DB".
    /// Fails with a message naming what is wrong (bad URL, cannot connect, schema newer than this build).
    /// Does not migrate: call migrate().
    bool open(const QString &url, QString *errorMessage);
    void close();
    bool isOpen() const;
    Dialect dialect() const { return m_dialect; }
    /// The URL without its password, for logs.
    QString displayUrl() const;

    /// Applies the migrations this build has and the database lacks, each in one transaction; safe to
    /// run from several processes at once (PostgreSQL: advisory lock; SQLite: the write lock).
    bool migrate(QString *errorMessage);
    int schemaVersion() const;
    static int latestSchemaVersion();

    QSqlDatabase sql() const;
    bool transaction();
    bool commit();
    bool rollback();

    /// Inside a transaction: reserves \a count consecutive sync sequence numbers and returns the first
    /// (0 on failure). The counter row stays locked until commit, so on PostgreSQL writers commit in
    /// sequence order and a pull never skips a row that commits later with a smaller number.
    qint64 reserveSequence(qint64 count, QString *errorMessage);
    /// The highest sequence number committed so far (0 for an empty store).
    qint64 headSequence() const;

private:
    QString m_connectionName;
    QString m_url;
    Dialect m_dialect = Dialect::SQLite;
};

} // namespace XinDai::Server
