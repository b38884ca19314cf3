#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace XinDai::Server {

class ServerDatabase;
struct Caller;

/// The HTTP API of xindai-server (docs/openapi.yaml) on QAbstractHttpServer: routing, bearer
/// authentication, role checks and JSON (de)serialisation; the work is done by AuthService and
/// SyncService. Handlers validate the whole body before anything is written. Errors are
/// {"error": "<translated sentence>"} with 400, 401, 403, 404, 405, 413, 429 or 500. HTTPS through
/// QAbstractHttpServer::sslSetup() (the caller's choice). Single-threaded: requests are served one
/// after another on the thread that owns the object and its ServerDatabase.
class HttpApi : public QAbstractHttpServer
{
    Q_OBJECT
public:
    /// Largest request body accepted (16 MiB); a larger one is answered 413.
    static constexpr qint64 MaxBodyBytes = 16 * 1024 * 1024;
    /// Largest and default number of entries of GET /audit.
    static constexpr int MaxAuditLimit = 1000;
    static constexpr int DefaultAuditLimit = 100;

    struct Route
    {
        QByteArray method; ///< "GET", "POST"
        QString path;      ///< e.g. "/sync/pull"
        bool needsToken = true;
        QStringList roles; ///< roles allowed; empty = every authenticated role
    };
    /// Every route this server answers (docs/openapi.yaml lists the same set; tst_openapi checks it).
    static QList<Route> routes();

    /// A complete answer: status, JSON body (empty for 204) and extra headers.
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    /// \a db must stay open for the object's life time.
    explicit HttpApi(ServerDatabase &db, QObject *parent = nullptr);
    ~HttpApi() override;

    /// Answers one request (what handleRequest() does, without a socket; used by tests too).
    /// \a authorization is the raw Authorization header.
    Reply dispatch(const QByteArray &method, const QString &path, const QUrlQuery &query,
                   const QByteArray &authorization, const QByteArray &body);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Reply health();
    Reply login(const QByteArray &body);
    Reply logout(const QString &token, const Caller &caller);
    Reply me(const Caller &caller);
    Reply push(const Caller &caller, const QByteArray &body);
    Reply pull(const Caller &caller, const QByteArray &body);
    Reply visible(const Caller &caller, const QByteArray &body);
    Reply audit(const Caller &caller, const QUrlQuery &query);

    ServerDatabase &m_db;
};

} // namespace XinDai::Server
