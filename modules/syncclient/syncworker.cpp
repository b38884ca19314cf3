#include "store/database.h"
#include "sync/compactpage.h"
#include "sync/pullpage.h"
#include "sync/pullrequest.h"
#include "sync/pushrequest.h"
#include "sync/pushresponse.h"
#include "sync/visiblerequest.h"
#include "sync/visibleresponse.h"
#include "syncclient/pullapplier.h"
#include "syncclient/pushbatch.h"
#include "syncclient/pushresulthandler.h"
#include "syncclient/scopepurge.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/syncstate.h"
#include "syncclient/syncworker_p.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient::Internal {

namespace {

constexpr int transferTimeoutMs = 30000;
/// Longest wait for the next page's request to leave before the current page is applied anyway.
constexpr int requestSendWaitMs = 20;
/// Periodic cycles check the visibility of the local firms at most this often (15 minutes).
constexpr qint64 visibilityIntervalMs = 15 * 60 * 1000;
constexpr int maxBackoffSeconds = 300;
constexpr int maxChecksumRetries = 3;

Sync::Operation toWire(const Store::Outbox::Operation &op)
{
    Sync::Operation w;
    w.opId = op.opId;
    w.entity = op.entity;
    w.rowId = op.rowId;
    w.kind
        = op.kind == QLatin1String("delete") ? Sync::Operation::Kind::Delete : Sync::Operation::Kind::Upsert;
    w.baseVersion = op.baseVersion;
    if (w.kind == Sync::Operation::Kind::Upsert)
        w.fields = op.payload;
    w.createdAt = op.createdAt;
    return w;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s;
}

} // namespace

SyncWorker::SyncWorker(const SyncEngine::Options &options)
    : m_options(options)
{}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    m_network = new QNetworkAccessManager(this);
    m_periodic = new QTimer(this);
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SyncWorker::startCycle);
    connect(m_periodic, &QTimer::timeout, this, [this] {
        if (!m_retry->isActive())
            startCycle();
    });
    m_batchLimit = std::max(1, m_options.pushBatchSize);
    if (m_options.serverUrl.path().isEmpty())
        m_options.serverUrl.setPath(u"/"_s);
    else if (!m_options.serverUrl.path().endsWith(u'/'))
        m_options.serverUrl.setPath(m_options.serverUrl.path() + u'/');

    m_db = std::make_unique<Store::Database>();
    QString error;
    if (!m_db->open(m_options.storePath, &error, Store::Database::OpenMode::MustExist)) {
        m_db.reset();
        m_status.state = SyncStatus::State::NotConfigured;
        m_status.lastError = error;
        emit statusChanged(m_status);
        return;
    }
    PullApplier::prepareConnection(*m_db);
    // Rows written by the engine come from the server: they are never pushed back.
    m_db->setRecordChanges(false);

    const QUrl &url = m_options.serverUrl;
    if (!url.isValid() || url.host().isEmpty()) {
        m_status.lastError = url.isEmpty()
                                 ? QString()
                                 : Tr::tr("The server address “%1” is not a valid URL.").arg(url.toString());
    } else if (url.scheme() == u"http"_s && !isLoopback(url)) {
        m_status.lastError
            = Tr::tr("The server address %1 uses plain HTTP: only https is allowed for a server on "
                     "another computer.")
                  .arg(url.toString());
    } else if (url.scheme() != u"http"_s && url.scheme() != u"https"_s) {
        m_status.lastError = Tr::tr("The server address %1 must start with https://.").arg(url.toString());
    } else {
        m_configured = true;
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_options.caCertificateFile.isEmpty()) {
            const QList<QSslCertificate> certificates
                = QSslCertificate::fromPath(m_options.caCertificateFile);
            if (certificates.isEmpty()) {
                m_configured = false;
                m_status.lastError = Tr::tr("The CA certificate file %1 holds no PEM certificate.")
                                         .arg(m_options.caCertificateFile);
            } else {
                m_ssl.setCaCertificates(certificates);
            }
        }
    }
    m_status.state = m_configured ? SyncStatus::State::SignedOut : SyncStatus::State::NotConfigured;
    publish();
}

void SyncWorker::signIn(const QString &login, const QString &password)
{
    if (!m_configured || !m_db) {
        emit loginFinished(
            false,
            m_status.lastError.isEmpty() ? Tr::tr("No sync server is configured.") : m_status.lastError, {});
        return;
    }
    post(u"auth/login"_s, QJsonObject{{u"login"_s, login}, {u"password"_s, password}},
         [this](const Reply &reply) {
             if (reply.status == 200 && reply.body.value(u"token"_s).isString()) {
                 m_token = reply.body.value(u"token"_s).toString();
                 m_role = reply.body.value(u"user"_s).toObject().value(u"role"_s).toString();
                 m_visibilityDue = true;
                 m_failures = 0;
                 m_status.lastError.clear();
                 emit loginFinished(true, QString(), reply.body.value(u"user"_s).toObject());
                 if (m_options.intervalSeconds > 0)
                     m_periodic->start(m_options.intervalSeconds * 1000);
                 startCycle();
                 return;
             }
             QString message;
             if (reply.status == 401)
                 message = Tr::tr("The server refused the login name or the password.");
             else if (reply.status == 429)
                 message = Tr::tr("Too many failed sign-ins: wait %n second(s), then try again.", nullptr,
                                  reply.body.value(u"retryAfterSeconds"_s).toInt());
             else if (reply.status == 0)
                 message = networkMessage(reply);
             else
                 message = serverError(reply);
             if (reply.status == 0) {
                 m_status.state = SyncStatus::State::Offline;
                 m_status.lastError = message;
                 publish();
             }
             emit loginFinished(false, message, {});
         });
}

void SyncWorker::signOut()
{
    if (!m_token.isEmpty() && m_configured)
        post(u"auth/logout"_s, {}, [](const Reply &) {});
    m_token.clear();
    m_role.clear();
    m_periodic->stop();
    m_retry->stop();
    m_status.state = m_configured ? SyncStatus::State::SignedOut : SyncStatus::State::NotConfigured;
    m_status.nextAttempt = {};
    publish();
}

void SyncWorker::syncNow()
{
    if (!m_db)
        return;
    m_failures = 0;
    m_retry->stop();
    m_status.nextAttempt = {};
    // The user asks again: operations the server refused as malformed get another chance, and the
    // visibility of the local firms is checked again.
    Store::Outbox(*m_db).clearLastErrors();
    m_visibilityDue = true;
    startCycle();
}

void SyncWorker::stop()
{
    m_stopped = true;
    if (m_periodic)
        m_periodic->stop();
    if (m_retry)
        m_retry->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
    }
    delete m_network;
    m_network = nullptr;
    m_db.reset();
}

void SyncWorker::startCycle()
{
    if (m_stopped || !m_db || !m_configured)
        return;
    if (m_token.isEmpty()) {
        m_status.state = SyncStatus::State::SignedOut;
        publish();
        return;
    }
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_retry->stop();
    m_status.state = SyncStatus::State::Syncing;
    m_status.progressDone = 0;
    m_status.progressTotal = 0;
    m_status.nextAttempt = {};
    publish();
    pushNext();
}

void SyncWorker::pushNext()
{
    Store::Outbox outbox(*m_db);
    m_inFlight = PushBatch::next(outbox, std::min<int>(m_batchLimit, Sync::PushRequest::MaxOperations));
    if (m_inFlight.isEmpty()) {
        m_startCursor = SyncState(*m_db).cursor();
        m_checksumRetries = 0;
        pullNext();
        return;
    }
    Sync::PushRequest request;
    request.clientId = SyncState(*m_db).clientId();
    QStringList ids;
    for (const Store::Outbox::Operation &op : std::as_const(m_inFlight)) {
        request.operations.append(toWire(op));
        ids.append(op.opId);
    }
    // Counted before sending: from now on the server may hold the operation, so it is frozen.
    outbox.markSent(ids);
    post(u"sync/push"_s, request.toJson(), [this](const Reply &reply) { onPushed(reply); });
}

void SyncWorker::onPushed(const Reply &reply)
{
    if (reply.status == 200) {
        QString error;
        const std::optional<Sync::PushResponse> response = Sync::PushResponse::fromJson(reply.body, &error);
        if (!response) {
            retryLater(Tr::tr("The server sent an invalid push answer: %1").arg(error));
            return;
        }
        PushResultHandler handler(*m_db);
        if (!handler.handle(m_inFlight, *response, &error)) {
            retryLater(error);
            return;
        }
        m_inFlight.clear();
        m_batchLimit = std::max(1, m_options.pushBatchSize);
        if (!handler.changedEntities().isEmpty())
            emit dataChanged(handler.changedEntities());
        publish();
        pushNext();
        return;
    }
    if (reply.status == 401) {
        signedOut(serverError(reply));
        return;
    }
    if (reply.status == 400 || reply.status == 403 || reply.status == 404 || reply.status == 413) {
        // Not worth retrying as is: halve the batch until the refused operation is alone, then
        // park it with the server's message (the user sees it; "Sync now" tries again).
        if (m_inFlight.size() > 1) {
            m_batchLimit = std::max(1, int(m_inFlight.size() / 2));
        } else if (!m_inFlight.isEmpty()) {
            Store::Outbox(*m_db).setLastError({m_inFlight.first().opId}, serverError(reply));
        }
        m_inFlight.clear();
        publish();
        pushNext();
        return;
    }
    retryLater(reply.status == 0 ? networkMessage(reply) : serverError(reply));
}

void SyncWorker::pullNext()
{
    Sync::PullRequest request;
    request.cursor = SyncState(*m_db).cursor();
    request.pageSize = std::clamp<qint64>(m_options.pullPageSize, Sync::PullRequest::MinPageSize,
                                          Sync::PullRequest::MaxPageSize);
    post(
        u"sync/pull"_s, request.toJson(), [this](const Reply &reply) { onPulled(reply); }, true);
}

void SyncWorker::onPulled(const Reply &reply)
{
    if (reply.status == 401) {
        signedOut(serverError(reply));
        return;
    }
    if (reply.status != 200) {
        retryLater(reply.status == 0 ? networkMessage(reply) : serverError(reply));
        return;
    }
    QString error;
    // Parsed straight from the bytes; the checksum is checked on them too (CompactPage::read).
    std::optional<Sync::CompactPage> page(std::in_place);
    switch (Sync::CompactPage::read(reply.raw, &*page, &error)) {
    case Sync::CompactPage::Status::Invalid:
        retryLater(Tr::tr("The server sent an invalid page of data: %1").arg(error));
        return;
    case Sync::CompactPage::Status::ChecksumMismatch:
        dropPrefetch();
        if (++m_checksumRetries <= maxChecksumRetries) {
            pullNext();
        } else {
            retryLater(error);
        }
        return;
    case Sync::CompactPage::Status::Valid:
        break;
    }
    const qint64 cursor = SyncState(*m_db).cursor();
    if (page->hasMore && page->nextCursor > cursor) {
        QNetworkReply *next = prefetch(page->nextCursor);
        // Qt sends a request only with this thread's event loop running (the reply starts from a
        // queued call, and the HTTP thread fetches the body from here): apply the page once the request
        // is out (or after a short wait), so that the server builds the next page while this one is
        // written instead of after.
        const quint64 generation = m_pullGeneration;
        auto pending = std::make_shared<std::optional<Sync::CompactPage>>(std::move(*page));
        auto run = [this, pending, head = reply.head, cursor, generation] {
            if (!pending->has_value())
                return; // ran already
            const Sync::CompactPage current = std::move(**pending);
            pending->reset();
            if (generation == m_pullGeneration && !m_stopped)
                applyPulled(current, head, cursor);
        };
        if (next) {
            connect(next, &QNetworkReply::uploadProgress, this, [this, run](qint64 sent, qint64 total) {
                if (total > 0 && sent >= total)
                    QTimer::singleShot(0, this, run);
            });
        }
        QTimer::singleShot(requestSendWaitMs, this, run);
        return;
    }
    applyPulled(*page, reply.head, cursor);
}

void SyncWorker::applyPulled(const Sync::CompactPage &page, qint64 replyHead, qint64 cursor)
{
    QString error;
    PullApplier applier(*m_db);
    switch (applier.apply(page, &error)) {
    case PullApplier::Result::ChecksumMismatch: // checked by read() above
    case PullApplier::Result::Failed:
        dropPrefetch();
        retryLater(error);
        return;
    case PullApplier::Result::Applied:
        break;
    }
    m_checksumRetries = 0;
    if (!applier.changedEntities().isEmpty())
        emit dataChanged(applier.changedEntities());
    const qint64 head = std::max(replyHead, page.nextCursor);
    m_status.progressTotal = std::max<qint64>(0, head - m_startCursor);
    m_status.progressDone = std::max<qint64>(0, page.nextCursor - m_startCursor);
    if (page.hasMore && page.nextCursor <= cursor) {
        retryLater(Tr::tr("The server sent a page that does not move the sync cursor forward."));
        return;
    }
    if (page.hasMore) {
        publish();
        if (m_prefetched) {
            const Reply next = *std::exchange(m_prefetched, std::nullopt);
            const quint64 generation = m_pullGeneration;
            // Queued, not recursive: a long first sync would otherwise nest one call per page.
            QTimer::singleShot(0, this, [this, next, generation] {
                if (generation == m_pullGeneration && !m_stopped)
                    onPulled(next);
            });
        } else if (m_prefetchInFlight) {
            m_waitingForPrefetch = true;
        } else {
            pullNext();
        }
        return;
    }
    dropPrefetch();
    checkVisibility();
}

QNetworkReply *SyncWorker::prefetch(qint64 cursor)
{
    dropPrefetch();
    Sync::PullRequest request;
    request.cursor = cursor;
    request.pageSize = std::clamp<qint64>(m_options.pullPageSize, Sync::PullRequest::MinPageSize,
                                          Sync::PullRequest::MaxPageSize);
    m_prefetchInFlight = true;
    const quint64 generation = m_pullGeneration;
    return post(
        u"sync/pull"_s, request.toJson(),
        [this, generation](const Reply &reply) {
            if (generation != m_pullGeneration)
                return;
            m_prefetchInFlight = false;
            if (m_waitingForPrefetch) {
                m_waitingForPrefetch = false;
                onPulled(reply);
            } else {
                m_prefetched = reply;
            }
        },
        true);
}

void SyncWorker::dropPrefetch()
{
    ++m_pullGeneration;
    m_prefetched.reset();
    m_prefetchInFlight = false;
    m_waitingForPrefetch = false;
}

void SyncWorker::finishCycle()
{
    m_running = false;
    m_failures = 0;
    m_status.state = SyncStatus::State::UpToDate;
    m_status.lastError.clear();
    m_status.lastSuccess = QDateTime::currentDateTimeUtc();
    m_status.nextAttempt = {};
    publish();
    if (m_again) {
        m_again = false;
        startCycle();
    }
}

void SyncWorker::checkVisibility()
{
    m_visibilityBatches.clear();
    m_hiddenFirms.clear();
    // A scope can shrink under a client (a bank's authorization revoked or expired, a firm moved to
    // another park): the pull sends nothing then, so the client asks. Administrators see everything.
    // Every id is sent, so not at every periodic cycle: after sign-in, on "Sync now", after a failed
    // check, and otherwise at most every visibilityIntervalMs.
    const bool due = m_visibilityDue || !m_visibilityChecked.isValid()
                     || m_visibilityChecked.hasExpired(visibilityIntervalMs);
    m_visibilityChecking = due && !m_role.isEmpty() && m_role != u"admin"_s;
    if (m_visibilityChecking)
        m_visibilityBatches = ScopePurge::batches(ScopePurge(*m_db).firmIds(), Sync::VisibleRequest::MaxIds);
    askVisible();
}

void SyncWorker::askVisible()
{
    if (m_visibilityBatches.isEmpty()) {
        if (purgeHidden() && m_visibilityChecking) {
            m_visibilityDue = false;
            m_visibilityChecked.start();
        }
        m_visibilityChecking = false;
        finishCycle();
        return;
    }
    Sync::VisibleRequest request;
    request.entity = u"enterprise"_s;
    request.ids = m_visibilityBatches.takeFirst();
    post(u"sync/visible"_s, request.toJson(), [this, asked = request.ids](const Reply &reply) {
        QString error;
        std::optional<Sync::VisibleResponse> response;
        if (reply.status == 200)
            response = Sync::VisibleResponse::fromJson(reply.body, &error);
        if (!response) {
            // The pulled rows are committed: this cycle succeeded. The next one asks again.
            if (error.isEmpty())
                error = reply.status == 0 ? networkMessage(reply) : serverError(reply);
            qWarning("The visibility check failed: %s", qPrintable(error));
            m_visibilityBatches.clear();
            m_visibilityDue = true;
        } else {
            const QSet<QString> mine(asked.cbegin(), asked.cend());
            for (const QString &id : std::as_const(response->hidden)) {
                if (mine.contains(id))
                    m_hiddenFirms.append(id);
            }
        }
        askVisible();
    });
}

bool SyncWorker::purgeHidden()
{
    if (m_hiddenFirms.isEmpty() || !m_db)
        return true;
    ScopePurge purge(*m_db);
    QString error;
    if (!purge.purge(std::exchange(m_hiddenFirms, {}), &error)) {
        qWarning("%s", qPrintable(error));
        m_visibilityDue = true;
        return false;
    }
    if (!purge.changedEntities().isEmpty())
        emit dataChanged(purge.changedEntities());
    return true;
}

void SyncWorker::retryLater(const QString &message)
{
    dropPrefetch();
    m_running = false;
    m_again = false;
    m_inFlight.clear();
    ++m_failures;
    // 1 s, 2 s, 4 s … capped at 5 minutes; ±25 % jitter so that many clients do not retry in step.
    const double seconds
        = std::min<double>(maxBackoffSeconds, double(qint64(1) << std::min(m_failures - 1, 16)));
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    const int delayMs = std::max(200, int(seconds * jitter * 1000));
    m_retry->start(delayMs);
    m_status.state = SyncStatus::State::Offline;
    m_status.lastError = message;
    m_status.nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    publish();
}

void SyncWorker::signedOut(const QString &message)
{
    dropPrefetch();
    m_running = false;
    m_again = false;
    m_inFlight.clear();
    m_token.clear();
    m_periodic->stop();
    m_retry->stop();
    m_status.state = SyncStatus::State::SignedOut;
    m_status.lastError = message;
    m_status.nextAttempt = {};
    publish();
}

void SyncWorker::publish()
{
    if (m_db) {
        SyncState state(*m_db);
        m_status.pendingOperations = state.pendingOperations();
        m_status.openConflicts = state.openConflicts();
        m_status.rejections = state.rejections();
    }
    emit statusChanged(m_status);
}

QNetworkReply *SyncWorker::post(const QString &path, const QJsonObject &body,
                                std::function<void(const Reply &)> done, bool raw)
{
    if (!m_network)
        return nullptr;
    QNetworkRequest request(m_options.serverUrl.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(transferTimeoutMs);
    if (m_options.serverUrl.scheme() == u"https"_s)
        request.setSslConfiguration(m_ssl);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, raw, done = std::move(done)] {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_stopped)
            return;
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (raw && r.status == 200)
            r.raw = bytes;
        else
            r.body = QJsonDocument::fromJson(bytes).object();
        if (r.status == 0)
            r.networkError = reply->errorString();
        const QByteArray head = reply->rawHeader("X-XinDai-Head");
        bool ok = false;
        const qint64 value = head.toLongLong(&ok);
        r.head = ok ? value : -1;
        done(r);
    });
    return reply;
}

QString SyncWorker::serverError(const Reply &reply) const
{
    const QString error = reply.body.value(u"error"_s).toString();
    if (!error.isEmpty())
        return error;
    return Tr::tr("The server answered with HTTP status %1.").arg(reply.status);
}

QString SyncWorker::networkMessage(const Reply &reply) const
{
    return Tr::tr("The server %1 cannot be reached: %2")
        .arg(m_options.serverUrl.toString(), reply.networkError);
}

} // namespace XinDai::SyncClient::Internal
