#pragma once

#include "server/caller.h"

#include <QJsonObject>
#include <QString>

namespace XinDai::Server {

class ServerDatabase;

/// The server's audit table: every read of credit data (pulled firm records, per page), every
/// decision (application state changes), every login, logout and refused request. Append-only.
class AuditTrail
{
public:
    explicit AuditTrail(ServerDatabase &db);
    /// \a action: e.g. "login", "login_failed", "pull_credit_data", "decision", "forbidden".
    bool record(const Caller &caller, const QString &action, const QString &entity, const QString &rowId,
                const QJsonObject &detail, QString *errorMessage = nullptr);

private:
    ServerDatabase &m_db;
};

} // namespace XinDai::Server
