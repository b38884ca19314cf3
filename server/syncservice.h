#pragma once

#include "server/caller.h"
#include "sync/pullpage.h"
#include "sync/pullrequest.h"
#include "sync/pushrequest.h"
#include "sync/pushresponse.h"

#include <QDate>

#include <optional>

namespace XinDai::Server {

class ServerDatabase;

/// Push and pull (docs/sync-protocol.md) for one authenticated caller. The request bodies have passed
/// the strict fromJson() checks; everything else (entity known, fields valid for the entity, RBAC
/// scope, state transitions, references) is checked here. A nullopt result is a server failure (the
/// database), reported as 500 with *errorMessage; nothing was written.
class SyncService
{
public:
    explicit SyncService(ServerDatabase &db);

    /// Applies the batch in one transaction, in order. A replayed opId returns its first result,
    /// unchanged. Per operation: applied / conflict (field-by-field merge, the server's value wins, the
    /// losing value is returned) / rejected with a reason for the user (scope, state transition,
    /// unknown entity or field, broken reference...). Rejections write nothing but their stored result.
    std::optional<Sync::PushResponse> push(const Caller &caller, const Sync::PushRequest &request,
                                           QString *errorMessage);

    /// Rows with version > cursor that the caller may see, in version order, at most pageSize; sealed.
    /// Reads of credit data (firm records of firms outside the caller's park) are audited.
    std::optional<Sync::PullPage> pull(const Caller &caller, const Sync::PullRequest &request,
                                       QString *errorMessage);

    /// Why the last push()/pull() returned nullopt: BadRequest (the body names something this server
    /// does not have, e.g. an unknown entity in PullRequest::entities: answer 400) or Database (500).
    enum class Failure { None, BadRequest, Database };
    Failure lastFailure() const { return m_failure; }

    /// The date authorizations are judged on (default: today in China); for tests.
    void setToday(QDate today) { m_today = today; }

    /// Audit entries of one pull page list at most this many firm ids (and say "truncated").
    static constexpr int MaxAuditedIds = 200;

private:
    ServerDatabase &m_db;
    Failure m_failure = Failure::None;
    QDate m_today;
};

} // namespace XinDai::Server
