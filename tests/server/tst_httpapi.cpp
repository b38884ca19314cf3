// The HTTP API against REAL xindai-server processes on loopback, on SQLite and (when
// XINDAI_TEST_POSTGRES is set) PostgreSQL: login/logout, bearer tokens, throttling, body validation
// with the database unchanged, roles, routing errors, TLS, two servers on one PostgreSQL.
#include "core/domain/syncmeta.h"
#include "server/authservice.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "servertestsupport.h"
#include "sync/pullpage.h"
#include "sync/pushresponse.h"
#include "sync/visibleresponse.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QTest>

#include <algorithm>

using namespace XinDai;
using namespace XinDai::Tests;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QStringLiteral("correct horse 2026");

/// A fresh database with one park, one institution and the users admin, window (window_staff of the
/// park), bank (bank_officer of the institution) and victim (for throttling), all with Password.
struct Fixture
{
    std::unique_ptr<TestDatabase> db;
    QString parkId;
    QString institutionId;

    bool setUp(const QString &backend, QString *skip)
    {
        db = TestDatabase::create(backend, skip);
        if (!db)
            return false;
        Server::ServerDatabase sdb;
        QString error;
        if (!sdb.open(db->url(), &error) || !sdb.migrate(&error)) {
            *skip = error;
            return false;
        }
        Server::RowStore rows(sdb);
        sdb.transaction();
        const auto park = rows.upsert(QStringLiteral("park"), QString(),
                                      {{QStringLiteral("code"), QStringLiteral("CS-HTZ")},
                                       {QStringLiteral("name"), QStringLiteral("长沙高新技术产业开发区")}},
                                      &error);
        const auto institution
            = rows.upsert(QStringLiteral("institution"), QString(),
                          {{QStringLiteral("code"), QStringLiteral("ICBC-HN")},
                           {QStringLiteral("name"), QStringLiteral("中国工商银行湖南省分行")},
                           {QStringLiteral("type"), QStringLiteral("bank")}},
                          &error);
        if (!park || !institution || !sdb.commit()) {
            *skip = QStringLiteral("seed failed: ") + error;
            return false;
        }
        parkId = park->id;
        institutionId = institution->id;
        Server::AuthService auth(sdb);
        auth.setPasswordIterations(1000); // the check reads the count from the hash: fast logins in tests
        const struct
        {
            const char *login, *role;
        } users[]
            = {{"admin", "admin"}, {"window", "window_staff"}, {"bank", "bank_officer"}, {"victim", "admin"}};
        for (const auto &u : users) {
            const QString role = QLatin1String(u.role);
            if (!auth.addUser(QLatin1String(u.login), role,
                              role == QLatin1String("window_staff") ? parkId : QString(),
                              role == QLatin1String("bank_officer") ? institutionId : QString(), Password,
                              QString(), &error)) {
                *skip = error;
                return false;
            }
        }
        return true;
    }

    /// Every table a request could touch, counted, plus the head sequence: equal before and after
    /// a refused request means nothing was written.
    QString fingerprint() const
    {
        Server::ServerDatabase sdb;
        QString error;
        if (!sdb.open(db->url(), &error))
            return error;
        QStringList parts{QString::number(sdb.headSequence())};
        for (const char *table : {"park", "institution", "app_user", "session_token", "login_failure",
                                  "applied_op", "enterprise", "audit_log"}) {
            QSqlQuery q(sdb.sql());
            q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
            parts.append(QLatin1String(table) + u'='
                         + (q.next() ? q.value(0).toString() : QStringLiteral("?")));
        }
        // Refused requests must not even note a session's use.
        QSqlQuery seen(sdb.sql());
        seen.exec(QStringLiteral("SELECT MIN(last_seen_at) FROM session_token"));
        parts.append(u"seen="_s + (seen.next() ? seen.value(0).toString() : QString()));
        return parts.join(u' ');
    }

    bool execSql(const QString &sql, const QVariantList &binds = {})
    {
        Server::ServerDatabase sdb;
        QString error;
        if (!sdb.open(db->url(), &error))
            return false;
        QSqlQuery q(sdb.sql());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec();
    }
};

QByteArray loginBody(const QString &login, const QString &password)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

QByteArray pushParkBody(const QString &rowId, const QString &name,
                        const QString &code = QStringLiteral("ZZ-GXQ"))
{
    const QJsonObject op{{QStringLiteral("opId"), Core::newId()},
                         {QStringLiteral("entity"), QStringLiteral("park")},
                         {QStringLiteral("rowId"), rowId},
                         {QStringLiteral("kind"), QStringLiteral("upsert")},
                         {QStringLiteral("baseVersion"), 0},
                         {QStringLiteral("fields"),
                          QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}}},
                         {QStringLiteral("createdAt"), QStringLiteral("2026-11-25T08:30:00.125Z")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("clientId"), Core::newId()},
                                     {QStringLiteral("operations"), QJsonArray{op}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestHttpApi : public QObject
{
    Q_OBJECT

private:
    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }
    /// Sets up the fixture and a plain-HTTP server in English; false after QSKIP/QFAIL.
    static bool start(const QString &backend, Fixture &fx, ServerProcess &server,
                      const QStringList &extra = {})
    {
        QString why;
        if (!fx.setUp(backend, &why)) {
            if (backend == QLatin1String("postgres")
                && qEnvironmentVariable("XINDAI_REQUIRE_POSTGRES") != u"1")
                QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
            else
                QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        if (!server.start(QStringList{QStringLiteral("--db"), fx.db->url(), QStringLiteral("--insecure-dev"),
                                      QStringLiteral("--lang"), QStringLiteral("en")}
                              + extra,
                          &why)) {
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        return true;
    }
    /// A fixture and server shared by the rows of one test function and backend (rows that cannot
    /// disturb each other); rebuilt when the function or the backend changes.
    struct Shared
    {
        Fixture fx;
        ServerProcess server; // declared after fx: stopped before the database is dropped
    };
    std::unique_ptr<Shared> m_shared;
    QString m_sharedKey;
    Shared *shared(const QString &backend)
    {
        const QString key = QString::fromLatin1(QTest::currentTestFunction()) + u'/' + backend;
        if (m_sharedKey != key || !m_shared) {
            m_shared.reset();
            m_sharedKey.clear();
            auto fresh = std::make_unique<Shared>();
            if (!start(backend, fresh->fx, fresh->server))
                return nullptr;
            m_shared = std::move(fresh);
            m_sharedKey = key;
        }
        return m_shared.get();
    }

    static QString login(QNetworkAccessManager &nam, const ServerProcess &server, const QString &user)
    {
        const HttpResult r
            = httpRequest(nam, "POST", server.url() + u"/auth/login", loginBody(user, Password));
        return r.json.value(QLatin1String("token")).toString();
    }

private slots:
    void cleanupTestCase() { m_shared.reset(); }

    void healthAndRouting_data() { addBackends(); }
    void healthAndRouting()
    {
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        QNetworkAccessManager nam;
        const HttpResult health = httpRequest(nam, "GET", server.url() + u"/health");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.contentType, QByteArrayLiteral("application/json; charset=utf-8"));
        QCOMPARE(health.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.json.value(QLatin1String("schemaVersion")).toInt(),
                 Server::ServerDatabase::latestSchemaVersion());

        // Unknown path → 404; known path, other method → 405 with Allow; both JSON errors.
        const HttpResult missing = httpRequest(nam, "GET", server.url() + u"/nowhere");
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.json.value(QLatin1String("error")).toString().contains(u"/nowhere"));
        const HttpResult wrongMethod = httpRequest(nam, "GET", server.url() + u"/sync/push");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArrayLiteral("POST"));
        QVERIFY(!wrongMethod.json.value(QLatin1String("error")).toString().isEmpty());

        // SIGTERM → clean exit with code 0.
        QCOMPARE(server.stop(), 0);
    }

    void loginLogout_data() { addBackends(); }
    void loginLogout()
    {
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        QNetworkAccessManager nam;
        const HttpResult ok
            = httpRequest(nam, "POST", server.url() + u"/auth/login", loginBody(u"window"_s, Password));
        QCOMPARE(ok.status, 200);
        const QString token = ok.json.value(QLatin1String("token")).toString();
        QCOMPARE(token.size(), 43); // 32 bytes base64url without padding
        const QDateTime expires
            = QDateTime::fromString(ok.json.value(QLatin1String("expiresAt")).toString(), Qt::ISODateWithMs);
        // 12 h from now, give or take the test's own run time.
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 12 * 3600) < 120);
        const QJsonObject user = ok.json.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("login")).toString(), QStringLiteral("window"));
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("window_staff"));
        QCOMPARE(user.value(QLatin1String("park_id")).toString(), fx.parkId);
        QVERIFY(user.value(QLatin1String("institution_id")).isNull());

        // The database holds the token's SHA-256, never the token.
        {
            Server::ServerDatabase sdb;
            QString error;
            QVERIFY2(sdb.open(fx.db->url(), &error), qPrintable(error));
            QSqlQuery q(sdb.sql());
            QVERIFY(q.exec(QStringLiteral("SELECT token_hash FROM session_token")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), Server::AuthService::tokenHash(token));
            QVERIFY(!q.next());
        }

        const HttpResult me = httpRequest(nam, "GET", server.url() + u"/me", {}, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json, user);

        const HttpResult wrong
            = httpRequest(nam, "POST", server.url() + u"/auth/login", loginBody(u"window"_s, u"nope-nope"_s));
        QCOMPARE(wrong.status, 401);
        QVERIFY(!wrong.json.value(QLatin1String("error")).toString().isEmpty());
        QVERIFY(!wrong.json.contains(QLatin1String("token")));

        const HttpResult out = httpRequest(nam, "POST", server.url() + u"/auth/logout", {}, token);
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        const HttpResult after = httpRequest(nam, "GET", server.url() + u"/me", {}, token);
        QCOMPARE(after.status, 401);
    }

    void refusedTokens_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("how");
        for (const char *backend : {"sqlite", "postgres"}) {
            // No header at all.
            QTest::addRow("%s-missing", backend) << QString::fromLatin1(backend) << QStringLiteral("missing");
            // 43 random base64url characters: well-formed but never issued.
            QTest::addRow("%s-forged", backend) << QString::fromLatin1(backend) << QStringLiteral("forged");
            // A real token with one character changed.
            QTest::addRow("%s-tampered", backend)
                << QString::fromLatin1(backend) << QStringLiteral("tampered");
            // Not a bearer scheme.
            QTest::addRow("%s-basic", backend) << QString::fromLatin1(backend) << QStringLiteral("basic");
            // expires_at moved into the past in the database.
            QTest::addRow("%s-expired", backend) << QString::fromLatin1(backend) << QStringLiteral("expired");
            // revoked = 1 in the database (as an admin revocation would).
            QTest::addRow("%s-revoked", backend) << QString::fromLatin1(backend) << QStringLiteral("revoked");
            // The user was disabled after logging in.
            QTest::addRow("%s-disabled", backend)
                << QString::fromLatin1(backend) << QStringLiteral("disabled");
        }
    }
    void refusedTokens()
    {
        QFETCH(QString, backend);
        QFETCH(QString, how);
        Shared *sh = shared(backend);
        if (!sh)
            return;
        const ServerProcess &server = sh->server;
        QNetworkAccessManager nam;
        // Each row has a session of its own; "disabled" uses the bank officer, the others the admin.
        const QString user = how == QLatin1String("disabled") ? u"bank"_s : u"admin"_s;
        QString token = login(nam, server, user);
        QCOMPARE(token.size(), 43);
        QCOMPARE(httpRequest(nam, "GET", server.url() + u"/me", {}, token).status, 200);
        const QString hash = Server::AuthService::tokenHash(token);
        QByteArray raw;
        if (how == QLatin1String("missing")) {
            token.clear();
        } else if (how == QLatin1String("forged")) {
            token = QString::fromLatin1(
                QByteArray(32, 'x').toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        } else if (how == QLatin1String("tampered")) {
            token[5] = token[5] == u'A' ? u'B' : u'A';
        } else if (how == QLatin1String("basic")) {
            raw = "Basic " + token.toLatin1();
            token.clear();
        } else if (how == QLatin1String("expired")) {
            QVERIFY(sh->fx.execSql(u"UPDATE session_token SET expires_at = ? WHERE token_hash = ?"_s,
                                   {u"2020-01-01T00:00:00.000Z"_s, hash}));
        } else if (how == QLatin1String("revoked")) {
            QVERIFY(sh->fx.execSql(u"UPDATE session_token SET revoked = 1 WHERE token_hash = ?"_s, {hash}));
        } else {
            Server::ServerDatabase sdb;
            QString error;
            QVERIFY(sdb.open(sh->fx.db->url(), &error));
            QVERIFY2(Server::AuthService(sdb).disableUser(user, &error), qPrintable(error));
        }
        const HttpResult r = httpRequest(nam, "GET", server.url() + u"/me", {}, token, std::nullopt, raw);
        QCOMPARE(r.status, 401);
        QVERIFY(!r.json.value(QLatin1String("error")).toString().isEmpty());
        QCOMPARE(r.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    }

    void throttling_data() { addBackends(); }
    void throttling()
    {
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        QNetworkAccessManager nam;
        // Failures 1-4 are plain 401s; the fifth within 15 minutes locks the login (429).
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(httpRequest(nam, "POST", server.url() + u"/auth/login",
                                 loginBody(u"victim"_s, u"wrong-password"_s))
                         .status,
                     401);
        const HttpResult locked = httpRequest(nam, "POST", server.url() + u"/auth/login",
                                              loginBody(u"victim"_s, u"wrong-password"_s));
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.json.value(QLatin1String("retryAfterSeconds")).toInt(), 900);
        QCOMPARE(locked.header("Retry-After"), QByteArrayLiteral("900"));
        // Even the right password is refused while locked, without being checked.
        const HttpResult stillLocked
            = httpRequest(nam, "POST", server.url() + u"/auth/login", loginBody(u"victim"_s, Password));
        QCOMPARE(stillLocked.status, 429);
        const int retry = stillLocked.json.value(QLatin1String("retryAfterSeconds")).toInt();
        QVERIFY2(retry > 880 && retry <= 900, qPrintable(QString::number(retry)));
        // Other logins are not affected.
        QCOMPARE(login(nam, server, QStringLiteral("admin")).size(), 43);
        // When the lock has passed (moved into the past in the database) the right password works.
        QVERIFY(fx.execSql(
            QStringLiteral("UPDATE login_failure SET locked_until = ?, first_failure_at = ?"),
            {QStringLiteral("2020-01-01T00:00:00.000Z"), QStringLiteral("2020-01-01T00:00:00.000Z")}));
        QCOMPARE(login(nam, server, QStringLiteral("victim")).size(), 43);
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mention"); // a word the error must contain
        for (const char *b : {"sqlite", "postgres"}) {
            const QString backend = QLatin1String(b);
            // Truncated JSON: a parse error, nothing is looked at.
            QTest::addRow("%s-login-malformed", b)
                << backend << u"/auth/login"_s << QByteArray("{\"login\":") << 400 << u"JSON"_s;
            // An array is JSON but not an object.
            QTest::addRow("%s-login-array", b)
                << backend << u"/auth/login"_s << QByteArray("[]") << 400 << u"object"_s;
            // login must be a string.
            QTest::addRow("%s-login-type", b)
                << backend << u"/auth/login"_s << QByteArray("{\"login\":1,\"password\":\"x\"}") << 400
                << u"login"_s;
            // Unknown field: refused, even next to valid credentials.
            QTest::addRow("%s-login-unknown", b)
                << backend << u"/auth/login"_s
                << QByteArray("{\"login\":\"admin\",\"password\":\"x\",\"otp\":1}") << 400 << u"otp"_s;
            // Push: operations must be an array.
            QTest::addRow("%s-push-type", b)
                << backend << u"/sync/push"_s
                << QByteArray("{\"clientId\":\"c1c1c1c1-0000-4000-8000-000000000001\",\"operations\":5}")
                << 400 << u"operations"_s;
            // Push: unknown top-level field.
            QTest::addRow("%s-push-unknown", b)
                << backend << u"/sync/push"_s
                << QByteArray(
                       "{\"clientId\":\"c1c1c1c1-0000-4000-8000-000000000001\",\"operations\":[],\"x\":1}")
                << 400 << u"x"_s;
            // Pull: pageSize 0 is below the minimum of 1.
            QTest::addRow("%s-pull-range", b)
                << backend << u"/sync/pull"_s << QByteArray("{\"cursor\":0,\"pageSize\":0}") << 400
                << u"pageSize"_s;
            // Pull: cursor as a string.
            QTest::addRow("%s-pull-type", b)
                << backend << u"/sync/pull"_s << QByteArray("{\"cursor\":\"0\",\"pageSize\":10}") << 400
                << u"cursor"_s;
            // Visible: an unknown top-level field.
            QTest::addRow("%s-visible-unknown", b)
                << backend << u"/sync/visible"_s
                << QByteArray("{\"entity\":\"enterprise\",\"ids\":[],\"x\":1}") << 400 << u"x"_s;
            // Visible: ids missing, or not an array.
            QTest::addRow("%s-visible-missing", b)
                << backend << u"/sync/visible"_s << QByteArray("{\"entity\":\"enterprise\"}") << 400
                << u"ids"_s;
            QTest::addRow("%s-visible-type", b)
                << backend << u"/sync/visible"_s << QByteArray("{\"entity\":\"enterprise\",\"ids\":\"a\"}")
                << 400 << u"ids"_s;
            // Visible: applications are not firm-scoped; an unknown entity neither.
            QTest::addRow("%s-visible-entity", b)
                << backend << u"/sync/visible"_s << QByteArray("{\"entity\":\"application\",\"ids\":[]}")
                << 400 << u"entity"_s;
            QTest::addRow("%s-visible-entity-unknown", b)
                << backend << u"/sync/visible"_s << QByteArray("{\"entity\":\"nosuch\",\"ids\":[]}") << 400
                << u"entity"_s;
            // Visible: an upper-case UUID, a number, a repeated id: the entry is named.
            QTest::addRow("%s-visible-uuid", b)
                << backend << u"/sync/visible"_s
                << QByteArray(
                       "{\"entity\":\"enterprise\",\"ids\":[\"7D3B1A52-0C1E-4F7A-8E3B-2A1C9D8E7F60\"]}")
                << 400 << u"ids[0]"_s;
            QTest::addRow("%s-visible-number", b)
                << backend << u"/sync/visible"_s
                << QByteArray(
                       "{\"entity\":\"enterprise\",\"ids\":[\"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60\",7]}")
                << 400 << u"ids[1]"_s;
            QTest::addRow("%s-visible-repeat", b)
                << backend << u"/sync/visible"_s
                << QByteArray("{\"entity\":\"enterprise\",\"ids\":[\"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60\","
                              "\"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60\"]}")
                << 400 << u"ids[1]"_s;
            // Visible: 5,001 ids, one over the limit.
            {
                QJsonArray many;
                for (int i = 0; i < 5001; ++i)
                    many.append(Core::newId());
                QTest::addRow("%s-visible-too-many", b)
                    << backend << u"/sync/visible"_s
                    << QJsonDocument(QJsonObject{{u"entity"_s, u"enterprise"_s}, {u"ids"_s, many}})
                           .toJson(QJsonDocument::Compact)
                    << 400 << u"5000"_s;
            }
            // 17 MiB of whitespace-padded JSON: over the 16 MiB limit, refused before parsing.
            QTest::addRow("%s-push-oversized", b)
                << backend << u"/sync/push"_s << (QByteArray(17 * 1024 * 1024, ' ') + "{}") << 413
                << u"limit"_s;
        }
    }
    void badBodies()
    {
        QFETCH(QString, backend);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, mention);
        Shared *sh = shared(backend);
        if (!sh)
            return;
        const ServerProcess &server = sh->server;
        Fixture &fx = sh->fx;
        QNetworkAccessManager nam;
        const QString token = login(nam, server, QStringLiteral("admin"));
        QCOMPARE(token.size(), 43);
        // An old last use: a request that wrongly noted the use would move it.
        QVERIFY(fx.execSql(u"UPDATE session_token SET last_seen_at = ?"_s, {u"2020-01-01T00:00:00.000Z"_s}));
        const QString before = fx.fingerprint();
        const HttpResult r = httpRequest(nam, "POST", server.url() + path, body,
                                         path == QLatin1String("/auth/login") ? QString() : token);
        QCOMPARE(r.status, status);
        const QString message = r.json.value(QLatin1String("error")).toString();
        QVERIFY2(message.contains(mention), qPrintable(message));
        QCOMPARE(fx.fingerprint(), before);
    }

    void roles_data() { addBackends(); }
    void roles()
    {
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        QNetworkAccessManager nam;
        for (const QString &user : {QStringLiteral("window"), QStringLiteral("bank")}) {
            const QString token = login(nam, server, user);
            QTest::qWait(3); // audit times have millisecond resolution: keep the events apart
            const HttpResult r = httpRequest(nam, "GET", server.url() + u"/audit", {}, token);
            QCOMPARE(r.status, 403);
            QVERIFY(!r.json.value(QLatin1String("error")).toString().isEmpty());
            QTest::qWait(3); // audit times have millisecond resolution: keep the events apart
        }
        const QString admin = login(nam, server, QStringLiteral("admin"));
        const HttpResult bad = httpRequest(nam, "GET", server.url() + u"/audit?limit=0", {}, admin);
        QCOMPARE(bad.status, 400);
        const HttpResult audit = httpRequest(nam, "GET", server.url() + u"/audit?limit=3", {}, admin);
        QCOMPARE(audit.status, 200);
        const QJsonArray entries = audit.json.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        // Newest first: the admin's login, then the bank officer's refusal, then its login.
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("action")).toString(), QStringLiteral("login"));
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("login")).toString(), QStringLiteral("admin"));
        QCOMPARE(entries.at(1).toObject().value(QLatin1String("action")).toString(),
                 QStringLiteral("forbidden"));
        QCOMPARE(entries.at(1).toObject().value(QLatin1String("login")).toString(), QStringLiteral("bank"));
        QCOMPARE(entries.at(2).toObject().value(QLatin1String("action")).toString(), QStringLiteral("login"));
    }

    void pushPull_data() { addBackends(); }
    void pushPull()
    {
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        QNetworkAccessManager nam;
        const QString admin = login(nam, server, QStringLiteral("admin"));
        const QString rowId = Core::newId();
        const HttpResult pushed
            = httpRequest(nam, "POST", server.url() + u"/sync/push",
                          pushParkBody(rowId, QStringLiteral("株洲高新技术产业开发区")), admin);
        QCOMPARE(pushed.status, 200);
        QString error;
        const auto response = Sync::PushResponse::fromJson(pushed.json, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->results.size(), 1);
        QCOMPARE(response->results.first().status, Sync::OpResult::Status::Applied);

        const HttpResult pulled
            = httpRequest(nam, "POST", server.url() + u"/sync/pull",
                          QByteArray("{\"cursor\":0,\"pageSize\":100,\"entities\":[\"park\"]}"), admin);
        QCOMPARE(pulled.status, 200);
        const auto page = Sync::PullPage::fromJson(pulled.json, &error);
        QVERIFY2(page, qPrintable(error));
        QVERIFY2(page->verify(&error), qPrintable(error));
        QCOMPARE(page->rows.size(), 2); // the fixture's park and the pushed one
        QCOMPARE(page->rows.last().id, rowId);
        Server::ServerDatabase sdb;
        QVERIFY(sdb.open(fx.db->url(), &error));
        QCOMPARE(pulled.header("X-XinDai-Head"), QByteArray::number(sdb.headSequence()));
    }

    void visibleRoute_data() { addBackends(); }
    void visibleRoute()
    {
        // POST /sync/visible answers which of the given firms the caller may not see now, by the rule of
        // pull: a bank sees a firm with a non-draft application addressed to it AND a valid
        // authorization covering it.
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server))
            return;
        // Four firms of the fixture's park, each with a submitted application to the bank's institution:
        // covered (valid authorization), uncovered (none), revoked (its authorization revoked), gone
        // (covered, but the firm is deleted); plus an id the server never held.
        QString covered, uncovered, revoked, gone;
        const QString unknown = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f69"_s;
        {
            Server::ServerDatabase sdb;
            QString error;
            QVERIFY2(sdb.open(fx.db->url(), &error), qPrintable(error));
            Server::RowStore rows(sdb);
            QVERIFY(sdb.transaction());
            const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date(); // China
            int n = 0;
            auto firm = [&](std::optional<bool> authorizationRevoked) {
                ++n;
                const auto f = rows.upsert(u"enterprise"_s, QString(),
                                           {{u"uscc"_s, u"91430100MA4L00000%1"_s.arg(n)},
                                            {u"name"_s, u"长沙测试企业%1有限公司"_s.arg(n)},
                                            {u"kind"_s, u"company"_s},
                                            {u"park_id"_s, fx.parkId}},
                                           &error);
                if (!f)
                    return QString();
                const auto app = rows.upsert(u"application"_s, QString(),
                                             {{u"enterprise_id"_s, f->id},
                                              {u"park_id"_s, fx.parkId},
                                              {u"institution_id"_s, fx.institutionId},
                                              {u"amount"_s, 100000000},
                                              {u"state"_s, u"submitted"_s}},
                                             &error);
                if (!app)
                    return QString();
                if (authorizationRevoked
                    && !rows.upsert(u"authorization"_s, QString(),
                                    {{u"enterprise_id"_s, f->id},
                                     {u"institution_ids"_s, QString(u"[\""_s + fx.institutionId + u"\"]"_s)},
                                     {u"valid_from"_s, today.addDays(-30).toString(Qt::ISODate)},
                                     {u"valid_to"_s, today.addDays(335).toString(Qt::ISODate)},
                                     {u"revoked"_s, *authorizationRevoked}},
                                    &error))
                    return QString();
                return f->id;
            };
            covered = firm(false);
            uncovered = firm(std::nullopt);
            revoked = firm(true);
            gone = firm(false);
            QVERIFY2(!covered.isEmpty() && !uncovered.isEmpty() && !revoked.isEmpty() && !gone.isEmpty(),
                     qPrintable(error));
            QVERIFY2(rows.remove(u"enterprise"_s, gone, &error), qPrintable(error));
            QVERIFY(sdb.commit());
        }
        const QStringList asked{covered, uncovered, unknown, revoked, gone};
        const QByteArray body = QJsonDocument(QJsonObject{{u"entity"_s, u"enterprise"_s},
                                                          {u"ids"_s, QJsonArray::fromStringList(asked)}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkAccessManager nam;

        // Without a token: 401, and nothing about the firms.
        const HttpResult anonymous = httpRequest(nam, "POST", server.url() + u"/sync/visible", body);
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
        QVERIFY(!anonymous.json.contains(u"hidden"_s));
        // A token of nobody: 401 too.
        const HttpResult forged
            = httpRequest(nam, "POST", server.url() + u"/sync/visible", body, QString(43, u'x'));
        QCOMPARE(forged.status, 401);

        const auto hiddenFor = [&](const QString &user) {
            const HttpResult r
                = httpRequest(nam, "POST", server.url() + u"/sync/visible", body, login(nam, server, user));
            if (r.status != 200)
                qWarning("%s: %d %s", qPrintable(user), r.status, r.body.constData());
            QString error;
            const auto response = Sync::VisibleResponse::fromJson(r.json, &error);
            if (!response)
                qWarning("%s", qPrintable(error));
            return response ? response->hidden : QStringList{u"(invalid answer)"_s};
        };
        // The bank: only the covered firm is visible; hidden ids come in the request's order.
        QCOMPARE(hiddenFor(u"bank"_s), QStringList({uncovered, unknown, revoked, gone}));
        // The park's window staff and the admin see every live firm of the park.
        QCOMPARE(hiddenFor(u"window"_s), QStringList({unknown, gone}));
        QCOMPARE(hiddenFor(u"admin"_s), QStringList({unknown, gone}));

        // An empty list is a valid question with an empty answer.
        const HttpResult empty = httpRequest(nam, "POST", server.url() + u"/sync/visible",
                                             QByteArray("{\"entity\":\"enterprise\",\"ids\":[]}"),
                                             login(nam, server, u"bank"_s));
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.body, QByteArray("{\"hidden\":[]}"));
    }

    void parallelThreads_data() { addBackends(); }
    void parallelThreads()
    {
        // --threads 3: the main thread and two workers answer on one port, each with its own database
        // connection. Pushes and pulls sent at once from several connections all succeed, and the
        // pushed rows get distinct versions in commit order.
        QFETCH(QString, backend);
        Fixture fx;
        ServerProcess server;
        if (!start(backend, fx, server, {QStringLiteral("--threads"), QStringLiteral("3")}))
            return;
        QStringList threadNames;
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(server.process().processId()));
        for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(task + u"/comm"));
            if (comm.open(QIODevice::ReadOnly))
                threadNames.append(QString::fromUtf8(comm.readAll().trimmed()));
        }
        QVERIFY2(threadNames.contains(u"http-1"_s) && threadNames.contains(u"http-2"_s),
                 qPrintable(threadNames.join(u", ")));

        QNetworkAccessManager loginNam;
        const QString admin = login(loginNam, server, QStringLiteral("admin"));
        QVERIFY(!admin.isEmpty());
        constexpr int Clients = 6;
        constexpr int PushesPerClient = 4;
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
        QList<QNetworkReply *> replies;
        QStringList pushedIds;
        for (int c = 0; c < Clients; ++c) {
            nams.push_back(std::make_unique<QNetworkAccessManager>());
            for (int i = 0; i < PushesPerClient; ++i) {
                const QString id = Core::newId();
                pushedIds.append(id);
                for (const auto &[path, body] :
                     {std::pair{u"/sync/push"_s,
                                pushParkBody(id, u"园区 %1-%2"_s.arg(c).arg(i), u"P%1-%2"_s.arg(c).arg(i))},
                      std::pair{u"/sync/pull"_s, QByteArray("{\"cursor\":0,\"pageSize\":50}")}}) {
                    QNetworkRequest request{QUrl(server.url() + path)};
                    request.setHeader(QNetworkRequest::ContentTypeHeader,
                                      QByteArrayLiteral("application/json"));
                    request.setRawHeader("Authorization", "Bearer " + admin.toLatin1());
                    replies.append(nams.back()->post(request, body));
                }
            }
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && std::any_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) {
                   return !r->isFinished();
               }))
            QTest::qWait(20);
        for (QNetworkReply *reply : std::as_const(replies)) {
            QVERIFY(reply->isFinished());
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }

        const HttpResult pulled
            = httpRequest(loginNam, "POST", server.url() + u"/sync/pull",
                          QByteArray("{\"cursor\":0,\"pageSize\":1000,\"entities\":[\"park\"]}"), admin);
        QCOMPARE(pulled.status, 200);
        QString error;
        const auto page = Sync::PullPage::fromJson(pulled.json, &error);
        QVERIFY2(page, qPrintable(error));
        QVERIFY2(page->verify(&error), qPrintable(error));
        QSet<QString> seen;
        for (const Sync::Row &row : page->rows)
            seen.insert(row.id);
        for (const QString &id : std::as_const(pushedIds))
            QVERIFY2(seen.contains(id), qPrintable(id));
        QCOMPARE(page->rows.size(), Clients * PushesPerClient + 1); // + the fixture's park
        QCOMPARE(server.stop(), 0);
    }

    void reconnectsWhenPostgresDropsTheConnection()
    {
        // PostgreSQL restarts, or an administrator terminates the server's connections: the next
        // request reconnects instead of failing until the server is restarted.
        Fixture fx;
        ServerProcess server;
        if (!start(QStringLiteral("postgres"), fx, server,
                   {QStringLiteral("--threads"), QStringLiteral("2")}))
            return;
        QNetworkAccessManager nam;
        const QString admin = login(nam, server, QStringLiteral("admin"));
        const QByteArray pull("{\"cursor\":0,\"pageSize\":100,\"entities\":[\"park\"]}");
        const HttpResult before = httpRequest(nam, "POST", server.url() + u"/sync/pull", pull, admin);
        QCOMPARE(before.status, 200);

        const QUrl url(fx.db->url());
        QSqlDatabase dba
            = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("reconnect-dba"));
        dba.setHostName(url.host());
        dba.setPort(url.port(5432));
        dba.setUserName(url.userName());
        dba.setPassword(url.password());
        dba.setDatabaseName(url.path().mid(1));
        QVERIFY2(dba.open(), qPrintable(dba.lastError().text()));
        auto serverConnections = [&dba] {
            QSqlQuery q(dba);
            q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND application_name = 'xindai-server'"));
            return q.next() ? q.value(0).toInt() : -1;
        };
        QVERIFY(serverConnections() >= 1);
        {
            QSqlQuery kill(dba);
            QVERIFY2(kill.exec(QStringLiteral(
                         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                         "datname = current_database() AND application_name = 'xindai-server'")),
                     qPrintable(kill.lastError().text()));
        }
        QTRY_COMPARE(serverConnections(), 0);

        // Every request works again, on whichever thread answers it.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(httpRequest(nam, "GET", server.url() + u"/me", {}, admin).status, 200);
            const HttpResult after = httpRequest(nam, "POST", server.url() + u"/sync/pull", pull, admin);
            QCOMPARE(after.status, 200);
            QCOMPARE(after.json, before.json);
        }
        QVERIFY(serverConnections() >= 1);
        dba.close();
        dba = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("reconnect-dba"));
    }

    void twoServersOnePostgres()
    {
        Fixture fx;
        ServerProcess a;
        if (!start(QStringLiteral("postgres"), fx, a))
            return;
        ServerProcess b;
        QString why;
        QVERIFY2(b.start({QStringLiteral("--db"), fx.db->url(), QStringLiteral("--insecure-dev")}, &why),
                 qPrintable(why));
        QVERIFY(a.url() != b.url());
        QNetworkAccessManager nam;
        // A token issued by one process is accepted by the other: sessions live in the database.
        const QString admin = login(nam, a, QStringLiteral("admin"));
        QCOMPARE(httpRequest(nam, "GET", b.url() + u"/me", {}, admin).status, 200);
        const QString rowId = Core::newId();
        const HttpResult pushed
            = httpRequest(nam, "POST", a.url() + u"/sync/push",
                          pushParkBody(rowId, QStringLiteral("湘潭经济技术开发区")), admin);
        QCOMPARE(pushed.status, 200);
        const HttpResult pulled
            = httpRequest(nam, "POST", b.url() + u"/sync/pull",
                          QByteArray("{\"cursor\":0,\"pageSize\":100,\"entities\":[\"park\"]}"), admin);
        QCOMPARE(pulled.status, 200);
        QString error;
        const auto page = Sync::PullPage::fromJson(pulled.json, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->rows.size(), 2);
        QCOMPARE(page->rows.last().id, rowId);
        QCOMPARE(page->rows.last().fields.value(QLatin1String("name")).toString(),
                 QStringLiteral("湘潭经济技术开发区"));
        // Logout through B ends the session for A too.
        QCOMPARE(httpRequest(nam, "POST", b.url() + u"/auth/logout", {}, admin).status, 204);
        QCOMPARE(httpRequest(nam, "GET", a.url() + u"/me", {}, admin).status, 401);
    }

    void tls()
    {
        Fixture fx;
        QString why;
        QVERIFY2(fx.setUp(QStringLiteral("sqlite"), &why), qPrintable(why));
        const QString cert = fx.db->dir() + u"/cert.pem";
        const QString key = fx.db->dir() + u"/key.pem";
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForStarted(5000))
            QSKIP("the openssl command is not installed");
        QVERIFY(openssl.waitForFinished(30000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        // Without certificate and without --insecure-dev the server refuses to start (usage error 2).
        {
            QProcess refused;
            refused.start(QStringLiteral(XINDAI_SERVER_BIN),
                          {QStringLiteral("serve"), QStringLiteral("--db"), fx.db->url(),
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
            QVERIFY(refused.waitForFinished(10000));
            QCOMPARE(refused.exitCode(), 2);
            QVERIFY(refused.readAllStandardError().contains("TLS is required"));
        }

        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--db"), fx.db->url(), QStringLiteral("--tls-cert"), cert,
                               QStringLiteral("--tls-key"), key},
                              &why),
                 qPrintable(why));
        QVERIFY2(server.url().startsWith(u"https://127.0.0.1:"), qPrintable(server.url()));

        QNetworkAccessManager nam;
        // A client that trusts this certificate as its CA: the request goes through.
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslCertificate::fromPath(cert));
        const HttpResult ok = httpRequest(nam, "GET", server.url() + u"/health", {}, {}, trusting);
        QCOMPARE(ok.error, QNetworkReply::NoError);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        // A client with the system CAs only: the handshake fails, no HTTP answer.
        QNetworkAccessManager other;
        const HttpResult refused = httpRequest(other, "GET", server.url() + u"/health", {}, {},
                                               QSslConfiguration::defaultConfiguration());
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);
        // Plain HTTP to the TLS port gets no HTTP answer either.
        QString plain = server.url();
        plain.replace(QStringLiteral("https://"), QStringLiteral("http://"));
        const HttpResult cleartext = httpRequest(other, "GET", plain + u"/health");
        QCOMPARE(cleartext.status, 0);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_httpapi.moc"
