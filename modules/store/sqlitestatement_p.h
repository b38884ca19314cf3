#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace XinDai::Store::Internal {

/// A statement prepared directly on the SQLite connection behind a QSqlDatabase, for the bulk-load
/// path: binding through the C API avoids a QVariant copy and a conversion per value.
/// Text bound with bindStatic() must stay alive and unchanged until the next reset() or step().
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isPrepared() const { return m_stmt != nullptr; }

    /// Positions are 0-based (as with QSqlQuery::bindValue).
    void bindNull(int position);
    void bindInt(int position, qint64 value);
    /// Copies nothing: \a utf8 must outlive the step.
    void bindStatic(int position, const QByteArray &utf8);
    /// The same for \a size bytes of UTF-8 at \a utf8.
    void bindStatic(int position, const char *utf8, int size);
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

} // namespace XinDai::Store::Internal
