#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace XinDai::Store::Internal {

/// Forward-only schema migrations: the numbered SQL files in modules/store/migrations, embedded as
/// resources under :/xindai/store/migrations. The schema version lives in PRAGMA user_version.
class SchemaMigrator
{
public:
    /// The highest migration number embedded in this build.
    static int latestVersion();

    /// Applies every migration with a number in (current version, \a targetVersion], each in its own
    /// transaction that also sets user_version. Exposed so tests can build an old-schema database.
    /// Fails (changing nothing of the failing step) when a migration fails or the database is already
    /// newer than \a targetVersion.
    static bool migrate(const QSqlDatabase &db, int targetVersion, QString *errorMessage);

    /// Splits a migration file into statements (a CREATE TRIGGER … END; block stays one statement;
    /// "--" comment lines are dropped).
    static QStringList splitStatements(const QString &sql);

    static int userVersion(const QSqlDatabase &db);
};

} // namespace XinDai::Store::Internal
