#pragma once

#include "core/domain/syncmeta.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Store::Internal {

/// Wraps one repository save so that, when the database records changes
/// (Database::recordsChanges()), the change goes into the outbox in the same transaction: reads the
/// stored row before the write, and after it diffs the stored and written columns in wire form
/// (Sync::EntityCatalog::toJson) and calls Outbox::record() with the changed fields and the stored
/// version as the base version. The write and the outbox row share one SAVEPOINT (its own
/// transaction outside, nested inside a caller's transaction); a failure or a destruction before
/// finish() rolls both back.
class ChangeRecorder
{
public:
    /// \a columns: the table's columns as the repository writes them, meta columns first
    /// (metaColumns()); the stored row is the one matching \a where (e.g. "id = ?").
    ChangeRecorder(Database &db, const QString &entity, const QStringList &columns, const QString &where,
                   const QVariantList &whereValues);
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder &) = delete;
    ChangeRecorder &operator=(const ChangeRecorder &) = delete;

    /// Opens the savepoint and reads the stored row; false (with a message) when the database fails.
    bool begin(QString *errorMessage);
    /// Local edits never change the server version: when recording and the row exists, sets
    /// meta.version to the stored version.
    void keepStoredVersion(Core::SyncMeta &meta) const;
    /// After a successful write of \a written (values in \a columns' order) of row \a rowId: records
    /// the change and releases the savepoint.
    bool finish(const QString &rowId, const QVariantList &written, QString *errorMessage);

    /// The whole save of one row keyed by id, shared by the repositories: stamps \a meta
    /// (stampForSave), keeps the stored server version, writes metaValues(meta) + \a fieldValues
    /// in \a columns' order with an upsert (\a label names the record in an error) and records the
    /// change. On failure nothing is written and *errorMessage says why.
    static bool saveById(Database &db, const QString &entity, const QStringList &columns,
                         Core::SyncMeta &meta, const QVariantList &fieldValues, const QString &label,
                         QString *errorMessage);

private:
    Database &m_db;
    QString m_entity;
    QStringList m_columns;
    QString m_where;
    QVariantList m_whereValues;
    std::optional<QVariantList> m_stored;
    bool m_open = false;
};

} // namespace XinDai::Store::Internal
