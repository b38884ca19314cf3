#pragma once

#include "sync/row.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace XinDai::Server {

class ServerDatabase;

/// The one write path for synced rows on the server (push, import, demo seed, admin commands): each
/// change gets a new sequence number as the row's version, and field_versions records, per field,
/// the version that last changed it (the base of the field-by-field merge). Callers open and commit
/// the transaction; every method assumes one is open.
class RowStore
{
public:
    explicit RowStore(ServerDatabase &db);

    struct Written
    {
        QString id;
        qint64 version = 0;   ///< the row's version after the write (unchanged when nothing changed)
        bool created = false; ///< the row did not exist before
        bool changed = false; ///< at least one field (or the deleted flag) changed
    };

    /// Inserts or updates \a id of \a entity with \a fields (a subset of the entity's fields, already
    /// validated; server-only fields allowed). Fields not named keep their value (a new row takes the
    /// schema defaults). Unchanged values do not bump the version. \a id empty: a new UUID.
    std::optional<Written> upsert(const QString &entity, const QString &id, const QJsonObject &fields,
                                  QString *errorMessage);
    /// upsert() of the existing row \a current, read with load(…, &\a fieldVersions) in this
    /// transaction and not written since: the row and its field versions are not read again (a push
    /// reads each row once). Reads them after all when \a fields name a field load() does not return.
    std::optional<Written> upsert(const Sync::Row &current, const QJsonObject &fieldVersions,
                                  const QJsonObject &fields, QString *errorMessage);
    /// Bulk insert of new rows of \a entity: each pair is (id, fields), id "" = a new UUID; every row
    /// names the same fields. Written in multi-row INSERT statements (a few hundred rows per round
    /// trip), each row with its own new version; no per-row SELECT. Fails (nothing reported written)
    /// when a row already exists: use upsert() for rows that may. When re-stamping is on, rows of
    /// application and authorization go through upsert() (they can widen a bank's scope).
    std::optional<QList<Written>> insertMany(const QString &entity,
                                             const QList<std::pair<QString, QJsonObject>> &rows,
                                             QString *errorMessage);
    /// Tombstones the row (deleted = 1, new version); false when it does not exist.
    std::optional<Written> remove(const QString &entity, const QString &id, QString *errorMessage);

    /// The current row (wire fields only, no server-only fields), or nullopt when absent. With
    /// \a fieldVersions, also the row's per-field versions (as fieldVersions()), in the same statement.
    std::optional<Sync::Row> load(const QString &entity, const QString &id, QString *errorMessage = nullptr,
                                  QJsonObject *fieldVersions = nullptr) const;
    /// A row as load() returns it, with its field versions.
    struct Loaded
    {
        Sync::Row row;
        QJsonObject fieldVersions;
    };
    /// load(…, &fieldVersions) of the rows \a ids of \a entity in a few statements (one per up to 128
    /// ids): the rows that exist, by id; nullopt and a message when the entity is unknown or the
    /// database fails.
    std::optional<QHash<QString, Loaded>> loadMany(const QString &entity, const QStringList &ids,
                                                   QString *errorMessage) const;
    /// Per-field versions of the row ({"field": version}); fields never changed since the row was
    /// created carry the creation version.
    QJsonObject fieldVersions(const QString &entity, const QString &id) const;
    /// The id of the row whose \a key fields equal the given values (e.g. {"uscc": "…"} or the
    /// natural key of monthly_value), "" when none.
    QString findId(const QString &entity, const QJsonObject &key) const;

    /// Gives the firm's enterprise row and every row of its FirmRecord entities (monthly_value,
    /// credit_record, authorization, document) a new version each, fields and updated_at unchanged,
    /// so that a caller whose cursor is already past them receives them (docs/server.md, "Scope
    /// changes"). Returns the number of rows re-stamped, -1 on failure.
    qint64 restampFirm(const QString &enterpriseId, QString *errorMessage);
    /// Whether upsert()/remove() re-stamp a firm when a write makes it visible to a bank that could not
    /// see it before (an application to that bank leaves draft, an authorization starts covering the
    /// bank) or moves it to another park. On by default; a bulk load into a store no client has
    /// synced from yet may turn it off.
    void setRestampOnScopeChange(bool on) { m_restamp = on; }
    /// How many times restampFirm() has run on this object (rows read before may have new versions).
    qint64 restampCount() const { return m_restampCount; }

private:
    std::optional<Written> write(const QString &entity, const QString &id, const QJsonObject &fields,
                                 QString *errorMessage, const Sync::Row *current,
                                 const QJsonObject *currentVersions);
    bool afterWrite(const QString &entity, const QString &enterpriseBefore, const QStringList &banksBefore,
                    const QString &enterpriseAfter, bool parkChanged, QString *errorMessage);

    ServerDatabase &m_db;
    bool m_restamp = true;
    qint64 m_restampCount = 0;
};

} // namespace XinDai::Server
