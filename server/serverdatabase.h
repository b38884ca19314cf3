#pragma once

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

class QSqlQuery;

struct sqlite3_stmt;
typedef struct pg_conn PGconn;

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

    /// \a url: "sqlite:PATH" (created when missing) or "postgres://USER[:PASSWORD]@HOST[:PORT]/DB",
    /// optionally with "?schema=NAME" (lower-case identifier; the store lives in that existing schema, e.g.
    /// one per test or per tenant). Fails with a message naming what is wrong (bad URL, cannot connect,
    /// schema newer than this build). Does not migrate: call migrate().
    bool open(const QString &url, QString *errorMessage);
    void close();
    bool isOpen() const;
    /// Before each request: true when the database can be used. A PostgreSQL connection that the
    /// server closed (it restarted, or an administrator terminated the connection) is opened again
    /// with the same URL, statement caches dropped; false and a message when that fails too (the next
    /// call tries again).
    bool ensureConnected(QString *errorMessage);
    /// PostgreSQL: true when the connection broke (a statement found it closed); ensureConnected()
    /// opens it again.
    bool connectionLost() const;
    Dialect dialect() const { return m_dialect; }
    /// The URL without its password, for logs.
    QString displayUrl() const;

    /// Applies the migrations this build has and the database lacks, each in one transaction; safe to
    /// run from several processes at once (PostgreSQL: advisory lock; SQLite: the write lock).
    bool migrate(QString *errorMessage);
    int schemaVersion() const;
    static int latestSchemaVersion();

    QSqlDatabase sql() const;
    /// Opens a write transaction (SQLite: BEGIN IMMEDIATE, so concurrent writers queue on the busy
    /// timeout instead of failing on lock upgrade; PostgreSQL: BEGIN, READ COMMITTED).
    bool transaction();
    /// Opens a read-only snapshot (SQLite: deferred BEGIN; PostgreSQL: REPEATABLE READ READ ONLY).
    bool readTransaction();
    bool commit();
    bool rollback();
    bool inTransaction() const { return m_inTransaction; }
    /// Savepoints inside a transaction (one per pushed operation): a failed statement on PostgreSQL
    /// aborts the whole transaction unless it is rolled back to a savepoint. Rolling back also drops the
    /// cached sequence block of nextSequence() (its reservation may have been undone).
    bool savepoint(const QString &name);
    bool releaseSavepoint(const QString &name);
    /// releaseSavepoint() and savepoint() again (for the next operation): one round trip on PostgreSQL.
    bool renewSavepoint(const QString &name);
    bool rollbackToSavepoint(const QString &name);
    /// Runs \a statements (no placeholders) in order, stopping at the first that fails (false and its
    /// message); one round trip on PostgreSQL (PgPipeline), where each statement's result is checked.
    bool execAll(const QStringList &statements, QString *errorMessage);

    /// A prepared statement for \a sql, cached on this connection (dropped by close()); nullptr and a
    /// message when it does not prepare. The caller binds (addBindValue, in order), executes and calls
    /// finish() when done reading.
    QSqlQuery *prepared(const QString &sql, QString *errorMessage) const;
    /// SQLite only: \a sql prepared directly on the connection's sqlite3 handle, cached like prepared()
    /// (finalized by close()), for reading many rows without QtSql's QVariant and UTF-16 copy of every
    /// value (pull pages). The caller binds, steps and resets it. nullptr and a message when it does not
    /// prepare or the connection is not SQLite.
    sqlite3_stmt *sqliteStatement(const QString &sql, QString *errorMessage) const;

    /// PostgreSQL only: the libpq connection behind Qt's driver, for PgPipeline; nullptr otherwise.
    PGconn *pgConnection() const;

    /// Inside a transaction: reserves \a count consecutive sync sequence numbers and returns the first
    /// (0 on failure). The counter row stays locked until commit, so on PostgreSQL writers commit in
    /// sequence order and a pull never skips a row that commits later with a smaller number.
    qint64 reserveSequence(qint64 count, QString *errorMessage);
    /// Inside a write transaction: takes the sync_clock row lock now (PostgreSQL: an UPDATE that changes
    /// nothing; SQLite: BEGIN IMMEDIATE already holds the write lock), so that what the transaction reads
    /// before it writes cannot be changed by another writer (server process) until it commits. Push
    /// and any read-then-write batch (import) call it first; writers are serialized anyway from their
    /// first reserved number to commit.
    /// Gives up after \a waitMs milliseconds when another writer holds the lock (-1: lockWaitMs(); 0:
    /// waits as long as it takes), then lastErrorIsBusy() is true.
    bool lockWriters(QString *errorMessage, int waitMs = -1);
    /// How long a writer waits for another one before it gives up as busy: any lock on PostgreSQL
    /// (the session's lock_timeout; the writers' lock above all), SQLite's write lock (transaction()).
    /// 10 s by default: a push that meets a long import is answered "busy, try again" instead of
    /// holding a server thread until the import ends.
    void setLockWaitMs(int ms);
    int lockWaitMs() const { return m_lockWaitMs; }
    /// Whether the last failed transaction() or lockWriters() gave up waiting for another writer.
    bool lastErrorIsBusy() const;
    /// The error of the last failed transaction() or statement this class ran itself.
    const QSqlError &lastError() const { return m_lastError; }
    /// Inside a transaction: the next sequence number, taken from a block reserved with
    /// reserveSequence() (blocks grow 1, 2, 4 … 1024 within one transaction; unused numbers are gaps,
    /// which the protocol allows). The block dies with commit(), rollback() and rollbackToSavepoint(),
    /// so a number is never used outside the transaction that reserved it. 0 on failure.
    qint64 nextSequence(QString *errorMessage);
    /// The highest sequence number committed so far (0 for an empty store). Inside this connection's
    /// own write transaction it includes the numbers reserved there.
    qint64 headSequence() const;

    /// \a identifier quoted for SQL ("authorization" is reserved in PostgreSQL).
    static QString quoted(const QString &identifier);
    /// UTC time in the one text form the server stores: yyyy-MM-ddTHH:mm:ss.zzzZ (compares as text).
    static QString timestamp(const QDateTime &time);
    static QString now() { return timestamp(QDateTime::currentDateTimeUtc()); }

private:
    friend class PgPipeline;

    bool exec(const QString &statement, QString *errorMessage);
    /// exec() of a statement run many times per transaction (savepoints).
    bool execOften(const QString &statement);
    bool applyMigration(int version, const QString &path, QString *errorMessage);

    QString m_connectionName;
    QString m_url;
    Dialect m_dialect = Dialect::SQLite;
    bool m_inTransaction = false;
    int m_lockWaitMs = 10000;
    QSqlError m_lastError; ///< of the last failed exec() or transaction()
    qint64 m_blockNext = 0;
    qint64 m_blockEnd = 0; ///< one past the last number of the cached block
    qint64 m_blockSize = 0;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statements; ///< prepared(): a cache
    mutable QHash<QString, sqlite3_stmt *> m_sqliteStatements;       ///< sqliteStatement(): a cache
    QHash<QString, QByteArray> m_pgStatements; ///< statements PgPipeline prepared on this connection, by name
    qint64 m_pgNamed = 0;                      ///< names given on this connection (each used once)
};

} // namespace XinDai::Server
