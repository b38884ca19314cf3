#include "store/sqlitestatement.h"

#include "store/sqlitehandle.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace XinDai::Store {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant value = db.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : SqliteStatement(db, QByteArrayView(sql.toUtf8()))
{}

SqliteStatement::SqliteStatement(sqlite3 *db, QByteArrayView sql)
    : m_db(db)
{
    if (!m_db) {
        m_error = QStringLiteral("no SQLite connection");
        return;
    }
    if (sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bindNull(int position)
{
    sqlite3_bind_null(m_stmt, position + 1);
}

void SqliteStatement::bindInt(int position, qint64 value)
{
    sqlite3_bind_int64(m_stmt, position + 1, value);
}

void SqliteStatement::bindStatic(int position, QByteArrayView utf8)
{
    // An empty view may have no data: "" binds the empty text, not NULL.
    sqlite3_bind_text(m_stmt, position + 1, utf8.isEmpty() ? "" : utf8.data(), int(utf8.size()),
                      SQLITE_STATIC);
}

void SqliteStatement::bindText(int position, const QString &text)
{
    static const char16_t empty[1] = {0};
    const void *data
        = text.isNull() ? static_cast<const void *>(empty) : static_cast<const void *>(text.utf16());
    sqlite3_bind_text16(m_stmt, position + 1, data, int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bind(int position, const QVariant &value)
{
    if (!value.isValid()) {
        bindNull(position);
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        // Copied (SQLITE_TRANSIENT): the QVariant passed in may be a temporary. A null string binds
        // the empty text, as Internal::bindable() does for QSqlQuery.
        const QString &text = *static_cast<const QString *>(value.constData());
        static const char16_t empty[1] = {0};
        const void *data
            = text.isNull() ? static_cast<const void *>(empty) : static_cast<const void *>(text.utf16());
        sqlite3_bind_text16(m_stmt, position + 1, data, int(text.size() * 2), SQLITE_TRANSIENT);
        return;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        bindInt(position, value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, position + 1, value.toDouble());
        return;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob(m_stmt, position + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        return;
    }
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        sqlite3_bind_text(m_stmt, position + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    }
}

bool SqliteStatement::exec()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        sqlite3_reset(m_stmt);
        return true;
    }
    // With sqlite3_prepare_v3 the step already returns the specific error; reset would repeat it.
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    return false;
}

QString SqliteStatement::errorText() const
{
    return m_error;
}

} // namespace XinDai::Store
