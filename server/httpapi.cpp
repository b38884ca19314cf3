#include "server/httpapi.h"

#include "server/audittrail.h"
#include "server/authservice.h"
#include "server/caller.h"
#include "server/serverdatabase.h"
#include "server/syncservice.h"
#include "sync/pullpage.h"
#include "sync/pullrequest.h"
#include "sync/pushrequest.h"
#include "sync/pushresponse.h"
#include "sync/visiblerequest.h"
#include "sync/visibleresponse.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QVariant>

namespace XinDai::Server {

namespace {

HttpApi::Reply json(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

HttpApi::Reply error(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

QList<HttpApi::Route> HttpApi::routes()
{
    const QStringList any;
    return {
        {"GET", QStringLiteral("/health"), false, any},
        {"POST", QStringLiteral("/auth/login"), false, any},
        {"POST", QStringLiteral("/auth/logout"), true, any},
        {"GET", QStringLiteral("/me"), true, any},
        {"POST", QStringLiteral("/sync/push"), true, any},
        {"POST", QStringLiteral("/sync/pull"), true, any},
        {"POST", QStringLiteral("/sync/visible"), true, any},
        {"GET", QStringLiteral("/audit"), true, {QStringLiteral("admin")}},
    };
}

HttpApi::HttpApi(ServerDatabase &db, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_db(db)
{}

HttpApi::~HttpApi() = default;

bool HttpApi::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Reply reply = dispatch(methodName(request.method()), request.url().path(), request.query(),
                           request.value("Authorization"), request.body());
    // The database connection broke under the request (PostgreSQL restarted, the connection was
    // terminated): once more on a new connection. Every route may run twice: a push is idempotent by
    // its operation ids, the others read or replace state.
    if (reply.status == 500 && m_db.connectionLost())
        reply = dispatch(methodName(request.method()), request.url().path(), request.query(),
                         request.value("Authorization"), request.body());
    QHttpServerResponse response(reply.status == 204 ? QByteArray()
                                                     : QByteArrayLiteral("application/json; charset=utf-8"),
                                 reply.body, QHttpServerResponder::StatusCode(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.write(makeResponder(request, socket));
    return true;
}

void HttpApi::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest() answers every request, unknown routes with 404.
    const Reply reply = error(404, tr("There is no route %1.").arg(request.url().path()));
    QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"), reply.body,
                        QHttpServerResponder::StatusCode::NotFound)
        .write(makeResponder(request, socket));
}

HttpApi::Reply HttpApi::dispatch(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                 const QByteArray &authorization, const QByteArray &body)
{
    const Route *route = nullptr;
    QByteArrayList allowed;
    static const QList<Route> all = routes();
    for (const Route &r : all) {
        if (r.path != path)
            continue;
        allowed.append(r.method);
        if (r.method == method)
            route = &r;
    }
    if (allowed.isEmpty())
        return error(404, tr("There is no route %1.").arg(path));
    if (!route) {
        Reply reply = error(
            405, tr("The route %1 does not accept the method %2; use %3.")
                     .arg(path, QString::fromLatin1(method), QString::fromLatin1(allowed.join(", "))));
        reply.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
        return reply;
    }
    if (body.size() > MaxBodyBytes)
        return error(
            413,
            tr("The request body has %1 bytes; the limit is %2 bytes.").arg(body.size()).arg(MaxBodyBytes));
    if (QString dbError; !m_db.ensureConnected(&dbError))
        return error(503, tr("The server's database cannot be reached: %1").arg(dbError));

    if (!route->needsToken)
        return path == QLatin1String("/health") ? health() : login(body);

    QString token;
    if (!authorization.isEmpty()) {
        const QByteArray trimmed = authorization.trimmed();
        if (trimmed.size() > 7 && trimmed.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            token = QString::fromLatin1(trimmed.mid(7).trimmed());
        else
            token = QStringLiteral("-"); // present but not a bearer token: never valid
    }
    AuthService auth(m_db);
    const AuthService::AuthResult authenticated = auth.authenticate(token);
    if (authenticated.status == AuthService::AuthResult::Status::Failed)
        return error(500, authenticated.error);
    if (authenticated.status != AuthService::AuthResult::Status::Ok) {
        Reply reply = error(401, authenticated.error);
        reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return reply;
    }
    const Caller &caller = authenticated.caller;
    if (!route->roles.isEmpty() && !route->roles.contains(caller.role)) {
        AuditTrail(m_db).record(
            caller, QStringLiteral("forbidden"), QString(), QString(),
            {{QStringLiteral("method"), QString::fromLatin1(method)}, {QStringLiteral("path"), path}});
        return error(
            403, tr("The role %1 may not use %2 %3.").arg(caller.role, QString::fromLatin1(method), path));
    }
    if (path == QLatin1String("/auth/logout"))
        return logout(token, caller);
    Reply reply;
    if (path == QLatin1String("/me"))
        reply = me(caller);
    else if (path == QLatin1String("/sync/push"))
        reply = push(caller, body);
    else if (path == QLatin1String("/sync/pull"))
        reply = pull(caller, body);
    else if (path == QLatin1String("/sync/visible"))
        reply = visible(caller, body);
    else
        reply = audit(caller, query);
    if (reply.status < 300)
        auth.recordUse(token, authenticated.lastSeen);
    return reply;
}

namespace {

/// Parses \a body as one JSON object; on failure a 400 reply in *reply.
std::optional<QJsonObject> parseObject(const QByteArray &body, HttpApi::Reply *reply)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *reply = error(400, HttpApi::tr("The request body is not valid JSON: %1 at byte %2.")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *reply = error(400, HttpApi::tr("The request body must be a JSON object."));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

HttpApi::Reply HttpApi::health()
{
    return json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                      {QStringLiteral("schemaVersion"), m_db.schemaVersion()}});
}

HttpApi::Reply HttpApi::login(const QByteArray &body)
{
    Reply reply;
    const std::optional<QJsonObject> object = parseObject(body, &reply);
    if (!object)
        return reply;
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (it.key() != QLatin1String("login") && it.key() != QLatin1String("password"))
            return error(400, tr("The field %1 is not part of a login request.").arg(it.key()));
    }
    for (const QString &key : {QStringLiteral("login"), QStringLiteral("password")}) {
        if (!object->contains(key))
            return error(400, tr("The field %1 is missing from the login request.").arg(key));
        if (!object->value(key).isString())
            return error(400, tr("The field %1 must be a string.").arg(key));
    }
    AuthService auth(m_db);
    const AuthService::LoginResult result = auth.login(object->value(QLatin1String("login")).toString(),
                                                       object->value(QLatin1String("password")).toString());
    switch (result.status) {
    case AuthService::LoginResult::Status::Ok:
        return json(200,
                    {{QStringLiteral("token"), result.token},
                     {QStringLiteral("expiresAt"), result.expiresAt.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("user"), AuthService::userJson(result.caller, result.displayName)}});
    case AuthService::LoginResult::Status::BadCredentials:
        return error(401, result.error);
    case AuthService::LoginResult::Status::Locked: {
        Reply locked = json(429, {{QStringLiteral("error"), result.error},
                                  {QStringLiteral("retryAfterSeconds"), result.retryAfterSeconds}});
        locked.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(result.retryAfterSeconds)});
        return locked;
    }
    case AuthService::LoginResult::Status::Failed:
        break;
    }
    return error(500, result.error);
}

HttpApi::Reply HttpApi::logout(const QString &token, const Caller &)
{
    AuthService auth(m_db);
    QString message;
    if (!auth.logout(token, &message))
        return error(500, message);
    return {204, {}, {}};
}

HttpApi::Reply HttpApi::me(const Caller &caller)
{
    AuthService auth(m_db);
    return json(200, AuthService::userJson(caller, auth.displayName(caller.userId)));
}

HttpApi::Reply HttpApi::push(const Caller &caller, const QByteArray &body)
{
    Reply reply;
    const std::optional<QJsonObject> object = parseObject(body, &reply);
    if (!object)
        return reply;
    QString message;
    const std::optional<Sync::PushRequest> request = Sync::PushRequest::fromJson(*object, &message);
    if (!request)
        return error(400, message);
    SyncService sync(m_db);
    const std::optional<Sync::PushResponse> response = sync.push(caller, *request, &message);
    if (!response && sync.lastFailure() == SyncService::Failure::Busy) {
        // The server thread is not held for the length of an import: the client tries again later.
        reply = error(503, tr("The server is busy writing other changes (an import, for example); "
                              "nothing was written. Try again in a few seconds."));
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
        return reply;
    }
    if (!response)
        return error(500, tr("The push could not be applied; nothing was written: %1").arg(message));
    return json(200, response->toJson());
}

HttpApi::Reply HttpApi::pull(const Caller &caller, const QByteArray &body)
{
    Reply reply;
    const std::optional<QJsonObject> object = parseObject(body, &reply);
    if (!object)
        return reply;
    QString message;
    const std::optional<Sync::PullRequest> request = Sync::PullRequest::fromJson(*object, &message);
    if (!request)
        return error(400, message);
    SyncService sync(m_db);
    std::optional<SyncService::WirePage> page = sync.pullWire(caller, *request, &message);
    if (!page)
        return error(500, tr("The pull could not be served: %1").arg(message));
    reply = {200, std::move(page->bytes), {}}; // written directly: no QJsonObject for thousands of rows
    reply.headers.append({QByteArrayLiteral("X-XinDai-Head"), QByteArray::number(page->head)});
    return reply;
}

HttpApi::Reply HttpApi::visible(const Caller &caller, const QByteArray &body)
{
    Reply reply;
    const std::optional<QJsonObject> object = parseObject(body, &reply);
    if (!object)
        return reply;
    QString message;
    const std::optional<Sync::VisibleRequest> request = Sync::VisibleRequest::fromJson(*object, &message);
    if (!request)
        return error(400, message);
    SyncService sync(m_db);
    const std::optional<Sync::VisibleResponse> response = sync.visible(caller, *request, &message);
    if (!response) {
        if (sync.lastFailure() == SyncService::Failure::BadRequest)
            return error(400, message);
        return error(500, tr("The visibility check could not be served: %1").arg(message));
    }
    return json(200, response->toJson());
}

HttpApi::Reply HttpApi::audit(const Caller &, const QUrlQuery &query)
{
    int limit = DefaultAuditLimit;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("limit"))
            return error(400, tr("The query parameter %1 is not known; only limit is.").arg(key));
        bool ok = false;
        limit = value.toInt(&ok);
        if (!ok || limit < 1 || limit > MaxAuditLimit)
            return error(
                400, tr("The query parameter limit must be a whole number from 1 to %1.").arg(MaxAuditLimit));
    }
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    // Times have millisecond resolution; within one millisecond SQLite keeps insertion order (rowid),
    // PostgreSQL has no such column and the order of those entries is arbitrary.
    q.prepare(
        m_db.dialect() == ServerDatabase::Dialect::SQLite
            ? QStringLiteral("SELECT id, at, user_id, login, action, entity, row_id, detail FROM audit_log "
                             "ORDER BY at DESC, rowid DESC LIMIT ?")
            : QStringLiteral("SELECT id, at, user_id, login, action, entity, row_id, detail FROM audit_log "
                             "ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return error(500, tr("The audit log could not be read: %1.").arg(q.lastError().text()));
    QJsonArray entries;
    const QStringList keys{QStringLiteral("id"),    QStringLiteral("at"),     QStringLiteral("user_id"),
                           QStringLiteral("login"), QStringLiteral("action"), QStringLiteral("entity"),
                           QStringLiteral("row_id")};
    while (q.next()) {
        QJsonObject entry;
        for (int i = 0; i < keys.size(); ++i)
            entry.insert(keys.at(i), q.value(i).isNull() ? QJsonValue() : QJsonValue(q.value(i).toString()));
        const QJsonDocument detail = QJsonDocument::fromJson(q.value(7).toString().toUtf8());
        entry.insert(QStringLiteral("detail"), detail.isObject() ? detail.object() : QJsonObject());
        entries.append(entry);
    }
    return json(200, {{QStringLiteral("entries"), entries}});
}

} // namespace XinDai::Server
