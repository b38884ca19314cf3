#pragma once

#include "server/caller.h"
#include "sync/pullpage.h"
#include "sync/pullrequest.h"
#include "sync/pushrequest.h"
#include "sync/pushresponse.h"
#include "sync/visiblerequest.h"
#include "sync/visibleresponse.h"

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

    /// One page of a pull as it goes on the wire (Sync::PageBuilder::finish()), with what the
    /// response needs besides the bytes.
    struct WirePage
    {
        QByteArray bytes; ///< the page's JSON, checksum first
        qint64 rows = 0;  ///< rows in the page
        qint64 nextCursor = 0;
        bool hasMore = false;
        qint64 head = 0; ///< the server's sequence when the page was read (X-XinDai-Head)
    };

    /// Rows with version > cursor that the caller may see, in version order, at most pageSize; sealed.
    /// Written straight from the SQL results into the wire form (no Row or QJsonObject per row).
    /// Reads of credit data (firm records of firms outside the caller's park) are audited.
    std::optional<WirePage> pullWire(const Caller &caller, const Sync::PullRequest &request,
                                     QString *errorMessage);
    /// pullWire() parsed back into a PullPage (strictly, checksum verified); for tests and tools.
    std::optional<Sync::PullPage> pull(const Caller &caller, const Sync::PullRequest &request,
                                       QString *errorMessage);

    /// POST /sync/visible: the ids of \a request the caller may NOT see now, by the read rule of pull
    /// (Scope::readPredicate), including ids that do not exist or are deleted; in request order.
    /// Read-only. nullopt: an entity that is not firm-scoped (BadRequest) or a database failure.
    std::optional<Sync::VisibleResponse> visible(const Caller &caller, const Sync::VisibleRequest &request,
                                                 QString *errorMessage);

    /// Applies the scope changes that come with the date alone, once per day (China time) for all
    /// server processes on the store: the firms of authorizations recorded before their first valid
    /// day, which has come since the last run, are re-stamped (RowStore::restampFirm()) when a bank
    /// sees them now, so that the bank's next pull brings them although its cursor is past their rows.
    /// (Visibility that ends with the date is the client's visibility check: POST /sync/visible.)
    /// `serve` runs it at start-up and every ten minutes. Returns how many firms were re-stamped (0
    /// when today was done already); nullopt and a message when the database fails.
    std::optional<qint64> startDay(QString *errorMessage);

    /// Why the last push()/pull() returned nullopt: BadRequest (the body names something this server
    /// does not have, e.g. an unknown entity in PullRequest::entities: answer 400), Busy (a push gave up
    /// waiting for another writer, e.g. a long import: answer 503, try again) or Database (500).
    enum class Failure { None, BadRequest, Busy, Database };
    Failure lastFailure() const { return m_failure; }

    /// The date authorizations are judged on (default: today in China); for tests.
    void setToday(QDate today) { m_today = today; }

    /// Audit entries of one pull page list at most this many firm ids (and say "truncated").
    static constexpr int MaxAuditedIds = 200;

private:
    /// Rolls an open transaction back and records the failure \a kind with \a message.
    std::nullopt_t failure(Failure kind, const QString &message, QString *errorMessage);
    /// Opens the read snapshot of a pull or visibility check; false after failure(Database, …).
    bool beginRead(QString *errorMessage);

    ServerDatabase &m_db;
    Failure m_failure = Failure::None;
    QDate m_today;
};

} // namespace XinDai::Server
