#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace XinDai::Store {

/// A statement prepared directly on the SQLite connection behind a QSqlDatabase (sqliteHandle()), for
/// the paths that write many rows (bulk load, the client's apply of pulled pages): binding through the
/// C API avoids a QVariant copy and a conversion per value. Text bound with bindStatic() must stay
/// alive and unchanged until the statement is stepped and reset.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    /// \a sql as UTF-8.
    SqliteStatement(sqlite3 *db, QByteArrayView sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isPrepared() const { return m_stmt != nullptr; }
    /// For stepping and reading columns through the C API (reset it after use).
    sqlite3_stmt *handle() const { return m_stmt; }

    /// Positions are 0-based (as with QSqlQuery::bindValue).
    void bindNull(int position);
    void bindInt(int position, qint64 value);
    /// Copies nothing: \a utf8 must outlive the step. Empty text is text, not NULL.
    void bindStatic(int position, QByteArrayView utf8);
    /// UTF-16 text without copying; a null QString binds the empty text (not NULL).
    void bindText(int position, const QString &text);
    /// Invalid QVariant → NULL; QString → text (null string → empty text); integers and bool →
    /// integer; double → real; QByteArray → blob; anything else → its toString().
    void bind(int position, const QVariant &value);

    /// Runs the statement to completion and resets it (bindings stay); false on an error, then
    /// errorText() says why.
    bool exec();
    /// The last error of the connection, as SQLite words it ("CHECK constraint failed: month").
    QString errorText() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace XinDai::Store
