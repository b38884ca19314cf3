#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace XinDai::Store {

/// The sqlite3 handle behind \a db, for code that reads or writes many rows through the SQLite C API
/// on Qt's connection (bulk load, pulled pages, the server's pull); nullptr when \a db is not open or
/// its driver is not Qt's SQLite driver linked to the system libsqlite3 (handle type "sqlite3*").
sqlite3 *sqliteHandle(const QSqlDatabase &db);

} // namespace XinDai::Store
