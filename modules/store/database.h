#pragma once

#include <QSqlDatabase>
#include <QString>

namespace XinDai::Store {

/// One SQLite connection to a XinDai store file: WAL, foreign keys on, schema migrated on open.
/// Not thread-safe: one Database per thread (each gets its own connection name).
class Database
{
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens \a path and migrates it forward to latestSchemaVersion().
    /// Fails with a message for the user (never crashes, never changes the file) when the file is
    /// not a SQLite database or is damaged, or when its schema is newer than this build knows.
    bool open(const QString &path, QString *errorMessage, OpenMode mode = OpenMode::CreateIfMissing);
    void close();
    bool isOpen() const;
    QString path() const;

    int schemaVersion() const;
    static int latestSchemaVersion();

    QSqlDatabase sql() const;

    bool transaction();
    bool commit();
    bool rollback();

    /// Whether the repositories' save() records each change in the outbox (Store::Outbox) in the
    /// same transaction, for the sync engine to push. On by default (user-facing edits); a caller
    /// that writes data which must not go to the server turns it off on its connection. The bulk
    /// loader and the sync engine's pull apply never record.
    void setRecordChanges(bool record) { m_recordChanges = record; }
    bool recordsChanges() const { return m_recordChanges; }

private:
    QString m_connectionName;
    QString m_path;
    bool m_recordChanges = true;
};

} // namespace XinDai::Store
