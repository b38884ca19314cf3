#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// The Conflicts page's actions on the local store, without widgets.
///
/// A conflict row (docs/store.md) says that the local value of one field lost against the server's
/// value, which is already in the local row. "Keep the server's value" only marks the conflict
/// resolved. "Use my value" writes the local value into the row again as a new local edit through the
/// entity's repository (so the repository records it in the outbox and the next sync pushes it, based
/// on the row's current server version), then marks the conflict resolved. A refused edit (e.g. an
/// application state change that is no longer legal from the server's state) changes nothing and
/// leaves the conflict open, with the repository's message.
class ConflictResolver
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::ConflictResolver)

public:
    explicit ConflictResolver(Store::Database &db);

    /// Marks conflict \a conflictId resolved; the store keeps the server's value.
    bool keepServerValue(qint64 conflictId, QString *errorMessage);
    /// Re-applies the local value of conflict \a conflictId and marks it resolved (see above).
    bool useLocalValue(qint64 conflictId, QString *errorMessage);
    /// Whether useLocalValue() can re-apply \a field of \a entity: the firm's registration fields,
    /// the application's fields and monthly values (the rows users edit in this client); other
    /// entities are reference data edited on the server. Not an application's number: the server
    /// gave it a new one because another application had taken it (isRenumbering()).
    static bool canUseLocalValue(const QString &entity, const QString &field);
    /// Whether a conflict on \a field of \a entity is the server renumbering an application whose
    /// number another application had taken (docs/server.md, "Application numbers").
    static bool isRenumbering(const QString &entity, const QString &field)
    {
        return entity == QLatin1String("application") && field == QLatin1String("number");
    }

    /// Hides the rejection of operation \a opId from the Conflicts page (sync_rejection.dismissed).
    bool dismissRejection(const QString &opId, QString *errorMessage);

private:
    bool markResolved(qint64 conflictId, QString *errorMessage);
    bool apply(const QString &entity, const QString &rowId, const QString &field, const QJsonValue &value,
               QString *errorMessage);

    Store::Database &m_db;
};

} // namespace XinDai::Ui
