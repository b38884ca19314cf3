#include "store/database.h"

#include "store/schemamigrator_p.h"
#include "store/searchindex_p.h"
#include "store/storetr_p.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace XinDai::Store {

namespace {

using Internal::Tr;

/// PRAGMA application_id written by migration 0001 ("XDai" as a big-endian integer).
constexpr quint32 xindaiApplicationId = 1481196644;

quint32 bigEndian32(const QByteArray &bytes, int offset)
{
    return (quint32(quint8(bytes.at(offset))) << 24) | (quint32(quint8(bytes.at(offset + 1))) << 16)
           | (quint32(quint8(bytes.at(offset + 2))) << 8) | quint32(quint8(bytes.at(offset + 3)));
}

/// Checks the 100-byte SQLite header (https://sqlite.org/fileformat.html) without letting SQLite
/// touch the file: magic, page size, size against the page count, schema version.
bool checkHeader(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = Tr::tr("The store file %1 cannot be read: %2.")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const qint64 size = file.size();
    if (size == 0)
        return true; // an empty file becomes a new store
    const QByteArray header = file.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!header.startsWith(magic)) {
        *errorMessage = Tr::tr("The file %1 is not a XinDai store: it is not a SQLite database.")
                            .arg(QDir::toNativeSeparators(path));
        return false;
    }
    const QString damaged = Tr::tr("The store file %1 is damaged (it is shorter than its header says, for "
                                   "example an interrupted copy). Restore it from a backup.")
                                .arg(QDir::toNativeSeparators(path));
    if (header.size() < 100) {
        *errorMessage = damaged;
        return false;
    }
    quint32 pageSize = (quint32(quint8(header.at(16))) << 8) | quint32(quint8(header.at(17)));
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0 || size % pageSize != 0) {
        *errorMessage = damaged;
        return false;
    }
    const quint32 pageCount = bigEndian32(header, 28);
    const bool pageCountValid = pageCount != 0 && bigEndian32(header, 24) == bigEndian32(header, 92);
    if (pageCountValid && qint64(pageCount) * pageSize > size) {
        *errorMessage = damaged;
        return false;
    }
    const int version = int(bigEndian32(header, 60));
    if (version > Database::latestSchemaVersion()) {
        *errorMessage
            = Tr::tr("The store file %1 was made by a newer XinDai (schema %2, this build knows %3). "
                     "Update XinDai Workbench to open it.")
                  .arg(QDir::toNativeSeparators(path))
                  .arg(version)
                  .arg(Database::latestSchemaVersion());
        return false;
    }
    const quint32 applicationId = bigEndian32(header, 68);
    if (applicationId != 0 && applicationId != xindaiApplicationId) {
        *errorMessage = Tr::tr("The file %1 is a SQLite database of another program, not a XinDai store.")
                            .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("xindai-store-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, QString *errorMessage, OpenMode mode)
{
    close();
    QString ignored;
    QString &error = errorMessage ? *errorMessage : ignored;
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty()) {
        error = Tr::tr("No store file was given.");
        return false;
    }
    if (!info.absoluteDir().exists()) {
        if (mode == OpenMode::MustExist || !QDir().mkpath(info.absolutePath())) {
            error = Tr::tr("The folder %1 of the store file does not exist.")
                        .arg(QDir::toNativeSeparators(info.absolutePath()));
            return false;
        }
    }
    const bool existed = info.exists();
    if (!existed && mode == OpenMode::MustExist) {
        error = Tr::tr("The store file %1 does not exist.").arg(shown);
        return false;
    }
    if (existed) {
        if (info.isDir()) {
            error = Tr::tr("The store path %1 is a folder, not a file.").arg(shown);
            return false;
        }
        if (!checkHeader(path, &error))
            return false;
        if (!info.isWritable()) {
            error = Tr::tr("The store file %1 is read-only: XinDai needs to write to it.").arg(shown);
            return false;
        }
    }

    const QString name = nextConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        ok = [&] {
            if (!db.open()) {
                error
                    = Tr::tr("The store file %1 could not be opened: %2.").arg(shown, db.lastError().text());
                return false;
            }
            QSqlQuery query(db);
            // Read-only checks first: nothing below writes until the file is known to be ours.
            if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
                error = Tr::tr(
                            "The store file %1 is damaged and cannot be read (%2). Restore it from a backup.")
                            .arg(shown, query.lastError().text());
                return false;
            }
            const int objects = query.value(0).toInt();
            const int version = Internal::SchemaMigrator::userVersion(db);
            if (version > latestSchemaVersion()) {
                error
                    = Tr::tr("The store file %1 was made by a newer XinDai (schema %2, this build knows %3). "
                             "Update XinDai Workbench to open it.")
                          .arg(shown)
                          .arg(version)
                          .arg(latestSchemaVersion());
                return false;
            }
            if (version <= 0 && objects > 0) {
                error = Tr::tr("The file %1 is a SQLite database of another program, not a XinDai store.")
                            .arg(shown);
                return false;
            }
            query.finish();
            if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
                || query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
                error = Tr::tr("The store file %1 could not be switched to write-ahead logging: %2.")
                            .arg(shown, query.lastError().text());
                return false;
            }
            query.finish();
            // A 16 MB page cache and memory-mapped reads keep the search walks out of read() calls
            // on a multi-gigabyte store.
            if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
                || !query.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
                || !query.exec(QStringLiteral("PRAGMA cache_size = -16384"))
                || !query.exec(QStringLiteral("PRAGMA mmap_size = 1073741824"))) {
                error = Tr::tr("The store file %1 could not be configured: %2.")
                            .arg(shown, query.lastError().text());
                return false;
            }
            QString migrationError;
            if (!Internal::SchemaMigrator::migrate(db, latestSchemaVersion(), &migrationError)) {
                error = Tr::tr("The store file %1 could not be brought up to date: %2")
                            .arg(shown, migrationError);
                return false;
            }
            if (Internal::SearchIndex::isDeferred(db)
                && !Internal::SearchIndex::rebuild(db, &migrationError)) {
                error = migrationError;
                return false;
            }
            return true;
        }();
        if (!ok)
            db.close();
    }
    if (!ok) {
        QSqlDatabase::removeDatabase(name);
        if (!existed) {
            QFile::remove(path);
            QFile::remove(path + QLatin1String("-wal"));
            QFile::remove(path + QLatin1String("-shm"));
        }
        return false;
    }
    m_connectionName = name;
    m_path = path;
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_path.clear();
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString Database::path() const
{
    return m_path;
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return -1;
    return Internal::SchemaMigrator::userVersion(sql());
}

int Database::latestSchemaVersion()
{
    return Internal::SchemaMigrator::latestVersion();
}

QSqlDatabase Database::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::transaction()
{
    QSqlDatabase db = sql();
    return db.transaction();
}

bool Database::commit()
{
    QSqlDatabase db = sql();
    return db.commit();
}

bool Database::rollback()
{
    QSqlDatabase db = sql();
    return db.rollback();
}

} // namespace XinDai::Store
