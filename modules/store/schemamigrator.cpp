#include "store/schemamigrator_p.h"
#include "store/storetr_p.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace XinDai::Store::Internal {

namespace {

/// Migration number → resource path, from the file names "NNNN_description.sql".
QMap<int, QString> migrationFiles()
{
    QMap<int, QString> files;
    const QDir dir(QStringLiteral(":/xindai/store/migrations"));
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const int number = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok && number > 0)
            files.insert(number, dir.filePath(name));
    }
    return files;
}

} // namespace

int SchemaMigrator::latestVersion()
{
    static const int latest = [] {
        const QMap<int, QString> files = migrationFiles();
        return files.isEmpty() ? 0 : files.lastKey();
    }();
    return latest;
}

int SchemaMigrator::userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QStringList SchemaMigrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (current.isEmpty() && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = inTrigger ? line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : line.endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

bool SchemaMigrator::migrate(const QSqlDatabase &db, int targetVersion, QString *errorMessage)
{
    const int current = userVersion(db);
    if (current < 0) {
        if (errorMessage)
            *errorMessage = Tr::tr("The schema version of the store could not be read.");
        return false;
    }
    if (current > targetVersion) {
        if (errorMessage)
            *errorMessage = Tr::tr("The store has schema version %1, newer than the requested version %2.")
                                .arg(current)
                                .arg(targetVersion);
        return false;
    }
    const QMap<int, QString> files = migrationFiles();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const int number = it.key();
        if (number <= current || number > targetVersion)
            continue;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly)) {
            if (errorMessage)
                *errorMessage = Tr::tr("Schema migration %1 is missing from this build.").arg(number);
            return false;
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        QSqlDatabase connection = db;
        if (!connection.transaction()) {
            if (errorMessage)
                *errorMessage = Tr::tr("Schema migration %1 could not start a transaction: %2")
                                    .arg(number)
                                    .arg(connection.lastError().text());
            return false;
        }
        QSqlQuery query(db);
        bool ok = true;
        QString failed;
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                ok = false;
                failed = query.lastError().text();
                break;
            }
        }
        if (ok && !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(number))) {
            ok = false;
            failed = query.lastError().text();
        }
        query.finish();
        if (!ok || !connection.commit()) {
            connection.rollback();
            if (errorMessage)
                *errorMessage = Tr::tr("Schema migration %1 failed and was undone: %2")
                                    .arg(number)
                                    .arg(failed.isEmpty() ? connection.lastError().text() : failed);
            return false;
        }
    }
    return true;
}

} // namespace XinDai::Store::Internal
