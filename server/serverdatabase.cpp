#include "server/serverdatabase.h"

#include "server/pgpipeline.h"
#include "server/servertr_p.h"
#include "store/sqlitehandle.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

namespace {

using Internal::Tr;

const QString MigrationDir = u":/xindai/server/migrations"_s;
constexpr qint64 MaxBlock = 1024;
/// Key of the PostgreSQL advisory lock that serializes migrate() across processes ("XDmg").
constexpr qint64 MigrationLockKey = 0x58446d67;

struct Migration
{
    int version = 0;
    QString path;
};

QList<Migration> migrations()
{
    QList<Migration> list;
    static const QRegularExpression name(u"^(\\d{4})_.*\\.sql$"_s);
    const QStringList files = QDir(MigrationDir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch m = name.match(file);
        if (m.hasMatch())
            list.append({m.captured(1).toInt(), MigrationDir + u'/' + file});
    }
    std::sort(list.begin(), list.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return list;
}

/// Statements of a migration file: full-line "--" comments dropped, split at ";" ending a line.
QStringList statements(const QString &text)
{
    QStringList result;
    QString current;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u"--"_s))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            current = current.trimmed();
            current.chop(1);
            result.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result.append(current.trimmed());
    return result;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"xindai-server-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

} // namespace

ServerDatabase::ServerDatabase()
    : m_connectionName(nextConnectionName())
{}

ServerDatabase::~ServerDatabase()
{
    close();
}

bool ServerDatabase::open(const QString &url, QString *errorMessage)
{
    close();
    m_url = url;
    if (url.startsWith(u"sqlite:"_s)) {
        const QString path = url.mid(7);
        if (path.isEmpty()) {
            setError(errorMessage, Tr::tr("The database URL %1 names no file.").arg(url));
            return false;
        }
        const QFileInfo info(path);
        if (!info.absoluteDir().exists()) {
            setError(errorMessage,
                     Tr::tr("The database file %1 cannot be created: its folder does not exist.").arg(path));
            return false;
        }
        m_dialect = Dialect::SQLite;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_lockWaitMs));
        if (!db.open()) {
            setError(errorMessage,
                     Tr::tr("The database file %1 cannot be opened: %2").arg(path, db.lastError().text()));
            close();
            return false;
        }
        QString error;
        if (!exec(u"PRAGMA journal_mode = WAL"_s, &error) || !exec(u"PRAGMA foreign_keys = ON"_s, &error)
            || !exec(u"PRAGMA busy_timeout = %1"_s.arg(m_lockWaitMs), &error)
            || !exec(u"PRAGMA synchronous = NORMAL"_s, &error)
            // 64 MiB page cache: the UUID keys and version indexes are written at random places.
            || !exec(u"PRAGMA cache_size = -65536"_s, &error)) {
            setError(errorMessage, Tr::tr("The database file %1 cannot be set up: %2").arg(path, error));
            close();
            return false;
        }
    } else if (url.startsWith(u"postgres://"_s) || url.startsWith(u"postgresql://"_s)) {
        const QUrl parsed(url, QUrl::StrictMode);
        const QString dbName = parsed.path().mid(1);
        const QUrlQuery query(parsed);
        const QString schema = query.queryItemValue(u"schema"_s);
        static const QRegularExpression identifier(u"^[a-z_][a-z0-9_]{0,62}$"_s);
        if (!parsed.isValid() || parsed.host().isEmpty() || parsed.userName().isEmpty() || dbName.isEmpty()
            || dbName.contains(u'/')
            || (query.hasQueryItem(u"schema"_s) && !identifier.match(schema).hasMatch())
            || query.queryItems().size() > (query.hasQueryItem(u"schema"_s) ? 1 : 0)) {
            setError(errorMessage, Tr::tr("The database URL %1 is not of the form "
                                          "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME].")
                                       .arg(displayUrl()));
            m_url.clear();
            return false;
        }
        m_dialect = Dialect::PostgreSQL;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setUserName(parsed.userName(QUrl::FullyDecoded));
        db.setPassword(parsed.password(QUrl::FullyDecoded));
        db.setDatabaseName(dbName);
        // The name shows in pg_stat_activity (which connections are the server's).
        db.setConnectOptions(u"connect_timeout=10;application_name=xindai-server"_s);
        if (!db.open()) {
            setError(errorMessage, Tr::tr("The PostgreSQL database %1 cannot be reached: %2")
                                       .arg(displayUrl(), db.lastError().text()));
            close();
            return false;
        }
        QString error;
        if (!exec(u"SET client_min_messages TO warning"_s, &error)
            || !exec(u"SET lock_timeout = %1"_s.arg(m_lockWaitMs), &error)
            || (!schema.isEmpty() && !exec(u"SET search_path TO "_s + schema, &error))) {
            setError(errorMessage,
                     Tr::tr("The PostgreSQL database %1 cannot be set up: %2").arg(displayUrl(), error));
            close();
            return false;
        }
    } else {
        setError(errorMessage,
                 Tr::tr("The database URL %1 must start with sqlite: or postgres://.").arg(url));
        m_url.clear();
        return false;
    }
    const int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        setError(errorMessage, Tr::tr("The database %1 has schema version %2, newer than this server (%3): "
                                      "update the server.")
                                   .arg(displayUrl())
                                   .arg(version)
                                   .arg(latestSchemaVersion()));
        close();
        return false;
    }
    return true;
}

void ServerDatabase::close()
{
    m_statements.clear();
    for (sqlite3_stmt *statement : std::as_const(m_sqliteStatements))
        sqlite3_finalize(statement);
    m_sqliteStatements.clear();
    m_pgStatements.clear();
    m_pgNamed = 0;
    m_inTransaction = false;
    m_blockNext = m_blockEnd = m_blockSize = 0;
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool ServerDatabase::ensureConnected(QString *errorMessage)
{
    if (m_dialect != Dialect::PostgreSQL || m_url.isEmpty()) {
        if (isOpen())
            return true;
        setError(errorMessage, Tr::tr("The server's database is not open."));
        return false;
    }
    if (PGconn *conn = pgConnection(); conn && PQstatus(conn) == CONNECTION_OK) {
        if (m_inTransaction)
            return true;
        // A connection the server closed (it restarted, or the connection was terminated) is mostly
        // noticed here, without waiting, instead of by the request's first statement: the socket was
        // shut down by the other end.
        pollfd socket{PQsocket(conn), short(POLLIN | POLLRDHUP), 0};
        if (::poll(&socket, 1, 0) <= 0 || !(socket.revents & (POLLRDHUP | POLLHUP | POLLERR)))
            return true;
    }
    const QString url = m_url;
    QString error;
    if (open(url, &error))
        return true;
    m_url = url; // open() forgets a URL it could not use: keep trying the same one
    setError(errorMessage, error);
    return false;
}

bool ServerDatabase::connectionLost() const
{
    if (m_dialect != Dialect::PostgreSQL || m_url.isEmpty())
        return false;
    PGconn *conn = pgConnection();
    return !conn || PQstatus(conn) != CONNECTION_OK;
}

bool ServerDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && sql().isOpen();
}

QString ServerDatabase::displayUrl() const
{
    if (!m_url.startsWith(u"postgres"_s))
        return m_url;
    QUrl parsed(m_url);
    parsed.setPassword(QString());
    return parsed.toString();
}

QSqlDatabase ServerDatabase::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool ServerDatabase::exec(const QString &statement, QString *errorMessage)
{
    QSqlQuery q(sql());
    if (!q.exec(statement)) {
        m_lastError = q.lastError();
        setError(errorMessage, m_lastError.text());
        return false;
    }
    return true;
}

void ServerDatabase::setLockWaitMs(int ms)
{
    m_lockWaitMs = std::max(1, ms);
    if (m_dialect == Dialect::SQLite)
        exec(u"PRAGMA busy_timeout = %1"_s.arg(m_lockWaitMs), nullptr);
    else if (isOpen())
        exec(u"SET lock_timeout = %1"_s.arg(m_lockWaitMs), nullptr);
}

bool ServerDatabase::lastErrorIsBusy() const
{
    // SQLITE_BUSY, SQLITE_LOCKED; PostgreSQL lock_not_available (lock_timeout).
    const QString code = m_lastError.nativeErrorCode();
    return m_dialect == Dialect::SQLite ? code == u"5"_s || code == u"6"_s : code == u"55P03"_s;
}

bool ServerDatabase::transaction()
{
    m_blockNext = m_blockEnd = m_blockSize = 0;
    bool ok = false;
    m_lastError = QSqlError();
    if (m_dialect == Dialect::SQLite)
        ok = exec(u"BEGIN IMMEDIATE"_s, nullptr);
    else if (!(ok = sql().transaction()))
        m_lastError = sql().lastError();
    m_inTransaction = ok;
    return ok;
}

bool ServerDatabase::readTransaction()
{
    m_blockNext = m_blockEnd = m_blockSize = 0;
    bool ok = false;
    if (m_dialect == Dialect::SQLite)
        ok = exec(u"BEGIN"_s, nullptr);
    else
        ok = exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s, nullptr);
    m_inTransaction = ok;
    return ok;
}

bool ServerDatabase::commit()
{
    for (const auto &q : std::as_const(m_statements))
        q->finish();
    m_blockNext = m_blockEnd = m_blockSize = 0;
    m_inTransaction = false;
    if (m_dialect == Dialect::SQLite)
        return exec(u"COMMIT"_s, nullptr) || (rollback(), false);
    return sql().commit();
}

bool ServerDatabase::rollback()
{
    for (const auto &q : std::as_const(m_statements))
        q->finish();
    m_blockNext = m_blockEnd = m_blockSize = 0;
    m_inTransaction = false;
    if (m_dialect == Dialect::SQLite)
        return exec(u"ROLLBACK"_s, nullptr);
    return sql().rollback();
}

bool ServerDatabase::savepoint(const QString &name)
{
    return execOften(u"SAVEPOINT "_s + name);
}

bool ServerDatabase::releaseSavepoint(const QString &name)
{
    return execOften(u"RELEASE SAVEPOINT "_s + name);
}

bool ServerDatabase::renewSavepoint(const QString &name)
{
    // SQLite runs one statement per call (and has no round trip to save).
    if (m_dialect == Dialect::SQLite)
        return releaseSavepoint(name) && savepoint(name);
    return execAll({u"RELEASE SAVEPOINT "_s + name, u"SAVEPOINT "_s + name}, nullptr);
}

bool ServerDatabase::execAll(const QStringList &statements, QString *errorMessage)
{
    if (m_dialect == Dialect::SQLite) {
        for (const QString &statement : statements) {
            if (!exec(statement, errorMessage))
                return false;
        }
        return true;
    }
    // Not one text "a; b": Qt's driver reports only the first statement's result of such a text.
    PgPipeline pipeline(*this);
    for (const QString &statement : statements)
        pipeline.add(statement);
    return pipeline.run(errorMessage);
}

bool ServerDatabase::execOften(const QString &statement)
{
    // SQLite: prepared once (a push runs these twice per operation). PostgreSQL cannot PREPARE them.
    if (m_dialect != Dialect::SQLite)
        return exec(statement, nullptr);
    QSqlQuery *q = prepared(statement, nullptr);
    if (!q)
        return false;
    const bool ok = q->exec();
    q->finish();
    return ok;
}

bool ServerDatabase::rollbackToSavepoint(const QString &name)
{
    for (const auto &q : std::as_const(m_statements))
        q->finish();
    m_blockNext = m_blockEnd = 0;
    return exec(u"ROLLBACK TO SAVEPOINT "_s + name, nullptr);
}

QSqlQuery *ServerDatabase::prepared(const QString &statement, QString *errorMessage) const
{
    auto it = m_statements.constFind(statement);
    if (it != m_statements.constEnd())
        return it->get();
    auto q = std::make_shared<QSqlQuery>(sql());
    // Every cached statement is read front to back once: forward-only spares QtSql its row cache.
    q->setForwardOnly(true);
    if (!q->prepare(statement)) {
        setError(errorMessage, q->lastError().text());
        return nullptr;
    }
    m_statements.insert(statement, q);
    return q.get();
}

sqlite3_stmt *ServerDatabase::sqliteStatement(const QString &statement, QString *errorMessage) const
{
    if (sqlite3_stmt *cached = m_sqliteStatements.value(statement))
        return cached;
    sqlite3 *db = m_dialect == Dialect::SQLite ? Store::sqliteHandle(sql()) : nullptr;
    if (!db) {
        setError(errorMessage, Tr::tr("The database connection is not SQLite."));
        return nullptr;
    }
    sqlite3_stmt *prepared = nullptr;
    const QByteArray utf8 = statement.toUtf8();
    if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &prepared,
                           nullptr)
        != SQLITE_OK) {
        setError(errorMessage, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_finalize(prepared);
        return nullptr;
    }
    m_sqliteStatements.insert(statement, prepared);
    return prepared;
}

int ServerDatabase::latestSchemaVersion()
{
    const QList<Migration> list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

int ServerDatabase::schemaVersion() const
{
    // No such table yet (a fresh store) reads as 0; outside a transaction the failed query is harmless.
    QSqlQuery q(sql());
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool ServerDatabase::migrate(QString *errorMessage)
{
    if (!isOpen()) {
        setError(errorMessage, Tr::tr("The database is not open."));
        return false;
    }
    const QList<Migration> list = migrations();
    for (;;) {
        // One transaction per step; the lock is taken first so that a second process waits here and
        // then sees the version the first one reached.
        if (!transaction()) {
            setError(errorMessage, Tr::tr("The database %1 could not start a transaction: %2")
                                       .arg(displayUrl(), sql().lastError().text()));
            return false;
        }
        QString error;
        bool ok = true;
        // Another process's migration is waited for however long it takes (not lockWaitMs()).
        if (m_dialect == Dialect::PostgreSQL)
            ok = exec(u"SET LOCAL lock_timeout = 0"_s, &error)
                 && exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(MigrationLockKey), &error);
        ok = ok
             && exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY NOT NULL, "
                     "applied_at TEXT NOT NULL)"_s,
                     &error);
        int current = 0;
        if (ok) {
            QSqlQuery q(sql());
            ok = q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) && q.next();
            if (ok)
                current = q.value(0).toInt();
            else
                error = q.lastError().text();
        }
        if (!ok) {
            rollback();
            setError(errorMessage,
                     Tr::tr("The schema version of %1 could not be read: %2").arg(displayUrl(), error));
            return false;
        }
        const auto next = std::find_if(list.begin(), list.end(),
                                       [current](const Migration &m) { return m.version > current; });
        if (next == list.end()) {
            if (!commit()) {
                setError(errorMessage, Tr::tr("The database %1 could not commit: %2")
                                           .arg(displayUrl(), sql().lastError().text()));
                return false;
            }
            if (current > latestSchemaVersion()) {
                setError(errorMessage,
                         Tr::tr("The database %1 has schema version %2, newer than this server (%3).")
                             .arg(displayUrl())
                             .arg(current)
                             .arg(latestSchemaVersion()));
                return false;
            }
            return true;
        }
        if (!applyMigration(next->version, next->path, &error) || !commit()) {
            if (error.isEmpty())
                error = sql().lastError().text();
            rollback();
            setError(errorMessage, Tr::tr("Migration %1 of the database %2 failed: %3")
                                       .arg(next->version)
                                       .arg(displayUrl(), error));
            return false;
        }
    }
}

bool ServerDatabase::applyMigration(int version, const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(errorMessage, Tr::tr("The migration file %1 cannot be read.").arg(path));
        return false;
    }
    const QStringList list = statements(QString::fromUtf8(file.readAll()));
    for (const QString &statement : list) {
        if (!exec(statement, errorMessage))
            return false;
    }
    QSqlQuery q(sql());
    q.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
    q.addBindValue(version);
    q.addBindValue(now());
    if (!q.exec()) {
        setError(errorMessage, q.lastError().text());
        return false;
    }
    return true;
}

qint64 ServerDatabase::reserveSequence(qint64 count, QString *errorMessage)
{
    if (count < 1) {
        setError(errorMessage, Tr::tr("At least one sequence number must be reserved."));
        return 0;
    }
    QSqlQuery *q
        = prepared(u"UPDATE sync_clock SET seq = seq + ? WHERE id = 1 RETURNING seq"_s, errorMessage);
    if (!q)
        return 0;
    q->addBindValue(count);
    if (!q->exec() || !q->next()) {
        setError(errorMessage,
                 Tr::tr("The sync sequence could not be advanced: %1").arg(q->lastError().text()));
        q->finish();
        return 0;
    }
    const qint64 last = q->value(0).toLongLong();
    q->finish();
    return last - count + 1;
}

bool ServerDatabase::lockWriters(QString *errorMessage, int waitMs)
{
    if (m_dialect == Dialect::SQLite)
        return true;
    // The row lock is taken by an update that changes nothing, not by SELECT … FOR UPDATE: a lock of
    // the transaction and the update of a savepoint would leave a MultiXact as the row's xmax, which
    // every reader of the head (each pull) would then have to look up.
    QString error;
    const QString lock = u"UPDATE sync_clock SET seq = seq WHERE id = 1"_s;
    if (!(waitMs >= 0 && waitMs != m_lockWaitMs
              ? execAll({u"SET LOCAL lock_timeout = %1"_s.arg(waitMs), lock}, &error)
              : exec(lock, &error))) {
        setError(errorMessage, Tr::tr("The sync sequence could not be locked: %1").arg(error));
        return false;
    }
    return true;
}

PGconn *ServerDatabase::pgConnection() const
{
    if (m_dialect != Dialect::PostgreSQL || !isOpen() || !sql().driver())
        return nullptr;
    const QVariant handle = sql().driver()->handle();
    // Qt's driver registers the handle's type under libpq's struct name.
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

qint64 ServerDatabase::nextSequence(QString *errorMessage)
{
    if (m_blockNext >= m_blockEnd) {
        m_blockSize = std::clamp<qint64>(m_blockSize * 2, 1, MaxBlock);
        const qint64 first = reserveSequence(m_blockSize, errorMessage);
        if (first == 0)
            return 0;
        m_blockNext = first;
        m_blockEnd = first + m_blockSize;
    }
    return m_blockNext++;
}

qint64 ServerDatabase::headSequence() const
{
    QSqlQuery *q = prepared(u"SELECT seq FROM sync_clock WHERE id = 1"_s, nullptr);
    if (!q)
        return 0;
    const qint64 seq = q->exec() && q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return seq;
}

QString ServerDatabase::quoted(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

QString ServerDatabase::timestamp(const QDateTime &time)
{
    // Written for every stored row and result: by hand, the format string costs microseconds each.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (!utc.isValid() || date.year() < 1 || date.year() > 9999)
        return utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    const QTime clock = utc.time();
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(),
                  date.day(), clock.hour(), clock.minute(), clock.second(), clock.msec());
    return QString::fromLatin1(text);
}

} // namespace XinDai::Server
