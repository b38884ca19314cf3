#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace XinDai::Sync {
struct Row;
}

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

    /// The current row (wire fields only, no server-only fields), or nullopt when absent.
    std::optional<Sync::Row> load(const QString &entity, const QString &id,
                                  QString *errorMessage = nullptr) const;
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

private:
    bool afterWrite(const QString &entity, const QString &enterpriseBefore, const QStringList &banksBefore,
                    const QString &enterpriseAfter, bool parkChanged, QString *errorMessage);

    ServerDatabase &m_db;
    bool m_restamp = true;
};

} // namespace XinDai::Server
