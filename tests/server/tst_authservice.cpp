// AuthService in process, on SQLite and (XINDAI_TEST_POSTGRES) PostgreSQL, with a test clock:
// user administration checks, tokens stored hashed, expiry, revocation, disabling, throttling, audit.
#include "server/authservice.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "servertestsupport.h"

#include <QTest>

using namespace XinDai;
using namespace XinDai::Tests;
using namespace Qt::StringLiterals;
using Status = Server::AuthService::LoginResult::Status;
using AuthStatus = Server::AuthService::AuthResult::Status;

namespace {

const QString Password = u"s3cret-password"_s;

} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Server::ServerDatabase> m_db;
    std::unique_ptr<Server::AuthService> m_auth;
    QDateTime m_now;
    QString m_parkId;
    QString m_institutionId;

    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    /// Fresh database with one park, one institution and the admin "alice"; false after a skip.
    bool setUp(const QString &backend)
    {
        QString why;
        m_testDb = TestDatabase::create(backend, &why);
        if (!m_testDb) {
            if (qEnvironmentVariable("XINDAI_REQUIRE_POSTGRES") == u"1")
                QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            else
                QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        m_db = std::make_unique<Server::ServerDatabase>();
        if (!m_db->open(m_testDb->url(), &why) || !m_db->migrate(&why)) {
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        Server::RowStore rows(*m_db);
        m_db->transaction();
        const auto park = rows.upsert(u"park"_s, QString(),
                                      {{u"code"_s, u"CS-HTZ"_s}, {u"name"_s, u"长沙高新区"_s}}, &why);
        const auto inst = rows.upsert(
            u"institution"_s, QString(),
            {{u"code"_s, u"CSBANK"_s}, {u"name"_s, u"长沙银行"_s}, {u"type"_s, u"bank"_s}}, &why);
        if (!park || !inst || !m_db->commit()) {
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        m_parkId = park->id;
        m_institutionId = inst->id;
        m_now = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC);
        m_auth = std::make_unique<Server::AuthService>(*m_db);
        m_auth->setPasswordIterations(1000);
        m_auth->setClock([this] { return m_now; });
        if (!m_auth->addUser(u"alice"_s, u"admin"_s, QString(), QString(), Password, u"Alice"_s, &why)) {
            QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        return true;
    }

    qint64 count(const QString &table, const QString &where = {})
    {
        QSqlQuery q(m_db->sql());
        q.exec(u"SELECT COUNT(*) FROM "_s + table + (where.isEmpty() ? QString() : u" WHERE "_s + where));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void cleanup()
    {
        m_auth.reset();
        m_db.reset();
        m_testDb.reset();
    }

    void addUserRefusals_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("park");        // "park" = the fixture's park id
        QTest::addColumn<QString>("institution"); // "inst" = the fixture's institution id
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("mention");
        for (const char *b : {"sqlite", "postgres"}) {
            const QString be = QLatin1String(b);
            // A role outside the four of the schema.
            QTest::addRow("%s-role", b)
                << be << u"bob"_s << u"root"_s << QString() << QString() << Password << u"role"_s;
            // Window staff without a park could see nothing and push nothing.
            QTest::addRow("%s-staff-no-park", b)
                << be << u"bob"_s << u"window_staff"_s << QString() << QString() << Password << u"park"_s;
            // A bank officer needs the institution whose applications they decide.
            QTest::addRow("%s-bank-no-inst", b) << be << u"bob"_s << u"bank_officer"_s << QString()
                                                << QString() << Password << u"institution"_s;
            // Seven characters: one below the minimum of 8.
            QTest::addRow("%s-short-password", b)
                << be << u"bob"_s << u"admin"_s << QString() << QString() << u"1234567"_s << u"8"_s;
            // Logins are unique: alice exists.
            QTest::addRow("%s-duplicate", b)
                << be << u"alice"_s << u"admin"_s << QString() << QString() << Password << u"alice"_s;
            // A park id that is not a row of the park table.
            QTest::addRow("%s-unknown-park", b)
                << be << u"bob"_s << u"park_manager"_s << u"00000000-0000-4000-8000-000000000000"_s
                << QString() << Password << u"00000000-0000-4000-8000-000000000000"_s;
            // Leading space in the login would make two logins look alike.
            QTest::addRow("%s-login-space", b)
                << be << u" bob"_s << u"admin"_s << QString() << QString() << Password << u"login"_s;
        }
    }
    void addUserRefusals()
    {
        QFETCH(QString, backend);
        QFETCH(QString, login);
        QFETCH(QString, role);
        QFETCH(QString, park);
        QFETCH(QString, institution);
        QFETCH(QString, password);
        QFETCH(QString, mention);
        if (!setUp(backend))
            return;
        const qint64 users = count(u"app_user"_s);
        const qint64 head = m_db->headSequence();
        QString error;
        const auto id = m_auth->addUser(login, role, park == u"park" ? m_parkId : park,
                                        institution == u"inst" ? m_institutionId : institution, password,
                                        QString(), &error);
        QVERIFY(!id);
        QVERIFY2(error.contains(mention), qPrintable(error));
        QCOMPARE(count(u"app_user"_s), users);
        QCOMPARE(m_db->headSequence(), head);
    }

    void addUserStoresScopeAndHash_data() { addBackends(); }
    void addUserStoresScopeAndHash()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        QString error;
        const auto id = m_auth->addUser(u"bank.cs"_s, u"bank_officer"_s, QString(), m_institutionId, Password,
                                        u"长沙银行 信贷员"_s, &error);
        QVERIFY2(id, qPrintable(error));
        QSqlQuery q(m_db->sql());
        q.prepare(
            u"SELECT role, park_id, institution_id, password_hash, disabled, version FROM app_user WHERE id = ?"_s);
        q.addBindValue(*id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), u"bank_officer"_s);
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(2).toString(), m_institutionId);
        QVERIFY(q.value(3).toString().startsWith(u"pbkdf2-sha256$1000$"));
        QVERIFY(!q.value(3).toString().contains(Password));
        QCOMPARE(q.value(4).toInt(), 0);
        QVERIFY(q.value(5).toLongLong() >= 1); // written through RowStore: stamped with a sync version
        // The code lookups the CLI uses.
        QCOMPARE(m_auth->parkIdByCode(u"CS-HTZ"_s), m_parkId);
        QCOMPARE(m_auth->institutionIdByCode(u"CSBANK"_s), m_institutionId);
        QCOMPARE(m_auth->parkIdByCode(u"NOPE"_s), QString());
    }

    void sessions_data() { addBackends(); }
    void sessions()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const auto login = m_auth->login(u"alice"_s, Password);
        QCOMPARE(login.status, Status::Ok);
        QCOMPARE(login.token.size(), 43);
        QCOMPARE(login.expiresAt, m_now.addSecs(12 * 3600));
        QCOMPARE(login.caller.role, u"admin"_s);
        QCOMPARE(login.displayName, u"Alice"_s);
        // Only the hash is stored.
        QCOMPARE(count(u"session_token"_s,
                       u"token_hash = '%1'"_s.arg(Server::AuthService::tokenHash(login.token))),
                 1);
        QCOMPARE(count(u"session_token"_s, u"token_hash = '%1'"_s.arg(login.token)), 0);
        // Two logins give two different tokens (256 random bits each).
        const auto second = m_auth->login(u"alice"_s, Password);
        QVERIFY(second.token != login.token);

        QCOMPARE(m_auth->authenticate(login.token).status, AuthStatus::Ok);
        QCOMPARE(m_auth->authenticate(login.token).caller.login, u"alice"_s);
        // Use is noted at most once a minute: 59 s later nothing moves, 61 s later it does.
        const QString seenWhere = u"last_seen_at = '%1' AND token_hash = '%2'"_s;
        const QString hash = Server::AuthService::tokenHash(login.token);
        const QDateTime loginAt = m_now;
        m_now = loginAt.addSecs(59);
        m_auth->recordUse(login.token);
        QCOMPARE(count(u"session_token"_s, seenWhere.arg(loginAt.toString(Qt::ISODateWithMs), hash)), 1);
        m_now = loginAt.addSecs(61);
        m_auth->recordUse(login.token);
        QCOMPARE(count(u"session_token"_s, seenWhere.arg(m_now.toString(Qt::ISODateWithMs), hash)), 1);
        // authenticate() reports when the session was last seen, so a request needs no UPDATE
        // within the minute; a minute later the same call writes.
        const QDateTime seenAt = m_now;
        const auto authenticated = m_auth->authenticate(login.token);
        QCOMPARE(authenticated.lastSeen, seenAt);
        m_now = seenAt.addSecs(30);
        m_auth->recordUse(login.token, authenticated.lastSeen);
        QCOMPARE(count(u"session_token"_s, seenWhere.arg(seenAt.toString(Qt::ISODateWithMs), hash)), 1);
        m_now = seenAt.addSecs(90);
        m_auth->recordUse(login.token, authenticated.lastSeen);
        QCOMPARE(count(u"session_token"_s, seenWhere.arg(m_now.toString(Qt::ISODateWithMs), hash)), 1);
        m_now = loginAt;
        QCOMPARE(m_auth->authenticate(QString()).status, AuthStatus::Missing);
        QCOMPARE(m_auth->authenticate(u"short"_s).status, AuthStatus::Unknown);
        QString forged = login.token;
        forged[0] = forged[0] == u'a' ? u'b' : u'a';
        QCOMPARE(m_auth->authenticate(forged).status, AuthStatus::Unknown);

        // One second before the 12 hours are up the token works; at 12 h it has expired.
        m_now = m_now.addSecs(12 * 3600 - 1);
        QCOMPARE(m_auth->authenticate(login.token).status, AuthStatus::Ok);
        m_now = m_now.addSecs(1);
        const auto expired = m_auth->authenticate(login.token);
        QCOMPARE(expired.status, AuthStatus::Expired);
        QVERIFY(!expired.error.isEmpty());

        // Logout revokes; a second logout of the same token is refused.
        const auto fresh = m_auth->login(u"alice"_s, Password);
        QString error;
        QVERIFY2(m_auth->logout(fresh.token, &error), qPrintable(error));
        QCOMPARE(m_auth->authenticate(fresh.token).status, AuthStatus::Revoked);
        QVERIFY(!m_auth->logout(fresh.token, &error));

        // Disabling a user ends their sessions and refuses their logins.
        const auto before = m_auth->login(u"alice"_s, Password);
        QVERIFY2(m_auth->disableUser(u"alice"_s, &error), qPrintable(error));
        QCOMPARE(m_auth->authenticate(before.token).status, AuthStatus::Revoked);
        QCOMPARE(m_auth->login(u"alice"_s, Password).status, Status::BadCredentials);
        QVERIFY(!m_auth->disableUser(u"nobody"_s, &error));
        QVERIFY(error.contains(u"nobody"));
    }

    void resetPassword_data() { addBackends(); }
    void resetPassword()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const auto old = m_auth->login(u"alice"_s, Password);
        QCOMPARE(old.status, Status::Ok);
        QString error;
        QVERIFY(!m_auth->resetPassword(u"alice"_s, u"short"_s, &error));
        QVERIFY2(m_auth->resetPassword(u"alice"_s, u"another-password"_s, &error), qPrintable(error));
        QCOMPARE(m_auth->authenticate(old.token).status, AuthStatus::Revoked);
        QCOMPARE(m_auth->login(u"alice"_s, Password).status, Status::BadCredentials);
        QCOMPARE(m_auth->login(u"alice"_s, u"another-password"_s).status, Status::Ok);
    }

    void throttling_data() { addBackends(); }
    void throttling()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        // Four failures 200 s apart (0 … 600 s) stay under the limit.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(m_auth->login(u"alice"_s, u"wrong-one"_s).status, Status::BadCredentials);
            m_now = m_now.addSecs(200);
        }
        // The fifth failure, 800 s after the first (inside 15 minutes), locks the login for 15 minutes.
        const auto fifth = m_auth->login(u"alice"_s, u"wrong-one"_s);
        QCOMPARE(fifth.status, Status::Locked);
        QCOMPARE(fifth.retryAfterSeconds, 900);
        // Ten minutes later: still locked, even with the right password; 5 minutes to go.
        m_now = m_now.addSecs(600);
        const auto locked = m_auth->login(u"alice"_s, Password);
        QCOMPARE(locked.status, Status::Locked);
        QCOMPARE(locked.retryAfterSeconds, 300);
        // After the lock: the right password works and clears the counter.
        m_now = m_now.addSecs(301);
        QCOMPARE(m_auth->login(u"alice"_s, Password).status, Status::Ok);
        QCOMPARE(count(u"login_failure"_s), 0);

        // Failures older than the 15-minute window do not add up: 4 failures, 16 minutes, 4 more → no lock.
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 4; ++i)
                QCOMPARE(m_auth->login(u"alice"_s, u"wrong-one"_s).status, Status::BadCredentials);
            m_now = m_now.addSecs(16 * 60);
        }
        QCOMPARE(m_auth->login(u"alice"_s, Password).status, Status::Ok);
    }

    void unknownLoginsAreThrottledToo()
    {
        if (!setUp(u"sqlite"_s))
            return;
        // Same answers for an unknown login as for a wrong password: nothing tells which logins exist.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_auth->login(u"mallory"_s, u"guess-guess"_s).status, Status::BadCredentials);
        QCOMPARE(m_auth->login(u"mallory"_s, u"guess-guess"_s).status, Status::Locked);
        QCOMPARE(count(u"login_failure"_s, u"login = 'mallory'"_s), 1);
    }

    void audited_data() { addBackends(); }
    void audited()
    {
        QFETCH(QString, backend);
        if (!setUp(backend))
            return;
        const auto ok = m_auth->login(u"alice"_s, Password);
        QCOMPARE(m_auth->login(u"alice"_s, u"wrong-one"_s).status, Status::BadCredentials);
        QString error;
        QVERIFY(m_auth->logout(ok.token, &error));
        QCOMPARE(count(u"audit_log"_s, u"action = 'login' AND login = 'alice'"_s), 1);
        QCOMPARE(count(u"audit_log"_s, u"action = 'login_failed' AND login = 'alice'"_s), 1);
        QCOMPARE(count(u"audit_log"_s, u"action = 'logout' AND login = 'alice'"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
