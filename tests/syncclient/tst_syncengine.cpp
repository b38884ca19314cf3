// SyncEngine's reactions to the server, against a scripted HTTP server on loopback: transport
// rules, backoff, sign-out on 401, malformed operations parked, checksum refetch, progress.

#include "core/domain/syncmeta.h"
#include "fakehttpserver.h"
#include "store/outbox.h"
#include "sync/pullpage.h"
#include "syncclient/syncengine.h"
#include "syncclient/syncstate.h"
#include "syncfixtures.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace XinDai;
using namespace XinDai::SyncClient;
using namespace XinDai::SyncClient::Test;
using Answer = FakeHttpServer::Answer;

namespace {

Answer login()
{
    return {200,
            {{QStringLiteral("token"), QStringLiteral("t0k3n")},
             {QStringLiteral("expiresAt"), QStringLiteral("2026-11-26T08:00:00.000Z")},
             {QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), QStringLiteral("window.cs")}}}},
            {},
            {}};
}

/// The login answer for a user of \a role.
Answer loginAs(const QString &role)
{
    Answer a = login();
    a.body.insert(QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), QStringLiteral("bank.icbc")},
                                                      {QStringLiteral("role"), role}});
    return a;
}

Answer page(qint64 nextCursor, bool hasMore, const QList<Sync::Row> &rows = {}, qint64 head = -1)
{
    Sync::PullPage p;
    p.rows = rows;
    p.nextCursor = nextCursor;
    p.hasMore = hasMore;
    p.seal();
    Answer a{200, p.toJson(), {}, {}};
    if (head >= 0)
        a.extraHeaders = "X-XinDai-Head: " + QByteArray::number(head) + "\r\n";
    return a;
}

Answer error(int status, const QString &message)
{
    return {status, {{QStringLiteral("error"), message}}, {}, {}};
}

/// Milliseconds from now to \a t.
qint64 fromNow(const QDateTime &t)
{
    return QDateTime::currentDateTimeUtc().msecsTo(t);
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void plainHttpOnlyOnLoopback();
    void missingStoreIsReported();
    void serverErrorsBackOff();
    void unauthorizedSignsOut();
    void malformedOperationsAreParked();
    void checksumMismatchIsFetchedAgain();
    void progressAndDataChanged();
    void bankPurgesHiddenFirms();
    void visibilityFailureKeepsCycle();
    void adminsDoNotAskAboutVisibility();
    void parkStaffPurgeFirmsMovedAway();
    void periodicCyclesCheckVisibilityRarely();

private:
    std::unique_ptr<SyncEngine> engine(const QUrl &url);

    SyncFixture f;
    QString m_path;
};

void TestSyncEngine::init()
{
    QVERIFY(f.create());
    m_path = f.db->path();
}

void TestSyncEngine::cleanup()
{
    f = SyncFixture();
}

std::unique_ptr<SyncEngine> TestSyncEngine::engine(const QUrl &url)
{
    SyncEngine::Options options;
    options.storePath = m_path;
    options.serverUrl = url;
    options.intervalSeconds = 0;
    return std::make_unique<SyncEngine>(options);
}

void TestSyncEngine::plainHttpOnlyOnLoopback()
{
    // Passwords and tokens must not cross a network in clear text.
    auto e = engine(QUrl(QStringLiteral("http://xindai.example:8080/")));
    QTRY_VERIFY(!e->status().lastError.isEmpty());
    QCOMPARE(e->status().state, SyncStatus::State::NotConfigured);
    QVERIFY2(e->status().lastError.contains(QStringLiteral("https")), qPrintable(e->status().lastError));
    QSignalSpy spy(e.get(), &SyncEngine::loginFinished);
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("x"));
    QVERIFY(spy.wait());
    QCOMPARE(spy.first().at(0).toBool(), false);
}

void TestSyncEngine::missingStoreIsReported()
{
    m_path = f.dir->filePath(QStringLiteral("missing.db"));
    auto e = engine(QUrl(QStringLiteral("http://127.0.0.1:9/")));
    QTRY_VERIFY(!e->status().lastError.isEmpty());
    QCOMPARE(e->status().state, SyncStatus::State::NotConfigured);
    QVERIFY(!QFile::exists(m_path)); // never created by the engine
}

void TestSyncEngine::serverErrorsBackOff()
{
    FakeHttpServer server([](const QByteArray &path, const QJsonObject &) {
        return path == "/auth/login" ? login()
                                     : error(503, QStringLiteral("The server is being maintained."));
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("xindai2026"));
    QTRY_COMPARE(server.requests("/sync/pull"), 1);
    QTRY_COMPARE(e->status().state, SyncStatus::State::Offline);
    QCOMPARE(e->status().lastError, QStringLiteral("The server is being maintained."));
    // First retry after 1 s ± 25 %, the second after 2 s ± 25 % (some slack for a busy machine).
    const qint64 first = fromNow(e->status().nextAttempt);
    QVERIFY2(first > 250 && first <= 1250, qPrintable(QString::number(first)));
    QTRY_COMPARE_WITH_TIMEOUT(server.requests("/sync/pull"), 2, 5000);
    QTRY_VERIFY(fromNow(e->status().nextAttempt) > 1250);
    const qint64 second = fromNow(e->status().nextAttempt);
    QVERIFY2(second > 1250 && second <= 2500, qPrintable(QString::number(second)));
    // "Sync now" resets the backoff and tries at once.
    e->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(server.requests("/sync/pull"), 3, 1000);
}

void TestSyncEngine::unauthorizedSignsOut()
{
    FakeHttpServer server([](const QByteArray &path, const QJsonObject &) {
        return path == "/auth/login" ? login() : error(401, QStringLiteral("The session has expired."));
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("xindai2026"));
    // Wait for the server's reason, not just the state: before the sign-in answer arrives the engine
    // may already report SignedOut (no token yet), without a message.
    QTRY_COMPARE(e->status().lastError, QStringLiteral("The session has expired."));
    QCOMPARE(e->status().state, SyncStatus::State::SignedOut);
    QVERIFY(!e->status().nextAttempt.isValid()); // no retry without a new sign-in
    QTest::qWait(1500);
    QCOMPARE(server.requests("/sync/pull"), 1);
}

void TestSyncEngine::malformedOperationsAreParked()
{
    // Two local edits; the server refuses every push as malformed (400). The batch is halved until
    // each operation is alone, then each is parked with the server's message; the pull still runs.
    Core::Enterprise firm = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    firm.employees = 99;
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(firm, &error), qPrintable(error));
    Core::Application a = *Store::ApplicationRepository(*f.db).application(f.application.meta.id);
    a.purpose = QStringLiteral("扩大产能");
    QVERIFY2(Store::ApplicationRepository(*f.db).save(a, &error), qPrintable(error));
    QCOMPARE(Store::Outbox(*f.db).count(), 2);
    const QString message = QStringLiteral("The field operations[0].fields.employees is not allowed.");
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &) {
        if (path == "/auth/login")
            return login();
        if (path == "/sync/push")
            return ::error(400, message);
        return page(0, false);
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("xindai2026"));
    QTRY_COMPARE(e->status().state, SyncStatus::State::UpToDate);
    QCOMPARE(server.requests("/sync/push"), 3); // both, then each alone
    QCOMPARE(e->status().pendingOperations, 2); // kept, not dropped
    Store::Outbox box(*f.db);
    QCOMPARE(box.failedCount(), 2);
    QCOMPARE(box.pending().first().lastError, message);
    QCOMPARE(box.pending().first().attempts, 2);
}

void TestSyncEngine::checksumMismatchIsFetchedAgain()
{
    FakeHttpServer server([](const QByteArray &path, const QJsonObject &) {
        if (path == "/auth/login")
            return login();
        Answer a = page(3, false);
        a.body.insert(QStringLiteral("nextCursor"), 4); // changed after sealing: corrupt
        return a;
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("xindai2026"));
    QTRY_COMPARE(e->status().state, SyncStatus::State::Offline);
    QCOMPARE(server.requests("/sync/pull"), 4); // the first fetch and three more
    QCOMPARE(SyncState(*f.db).cursor(), 0);
}

void TestSyncEngine::progressAndDataChanged()
{
    Sync::Row park;
    park.entity = QStringLiteral("park");
    park.id = QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60");
    park.version = 5;
    park.updatedAt = Store::Test::utc(2026, 11, 25);
    park.fields = {{QStringLiteral("name"), QStringLiteral("湘潭高新区")}};
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &body) {
        if (path == "/auth/login")
            return login();
        // Two pages: one row up to sequence 5, then nothing more up to the head, 10.
        return body.value(QStringLiteral("cursor")).toInteger() == 0 ? page(5, true, {park}, 10)
                                                                     : page(10, false, {}, 10);
    });
    auto e = engine(server.url());
    QSignalSpy changed(e.get(), &SyncEngine::dataChanged);
    QList<SyncStatus> statuses;
    connect(e.get(), &SyncEngine::statusChanged, this, [&](const SyncStatus &s) { statuses.append(s); });
    e->signIn(QStringLiteral("window.cs"), QStringLiteral("xindai2026"));
    QTRY_COMPARE(e->status().state, SyncStatus::State::UpToDate);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toStringList(), QStringList{QStringLiteral("park")});
    // Half way after the first page (sequence 5 of 10), complete at the end.
    bool half = false;
    for (const SyncStatus &s : std::as_const(statuses))
        half = half || (s.progressDone == 5 && s.progressTotal == 10);
    QVERIFY(half);
    QCOMPARE(e->status().progressDone, 10);
    QCOMPARE(e->status().progressTotal, 10);
    QVERIFY(e->status().lastSuccess.isValid());
    QCOMPARE(SyncState(*f.db).cursor(), 10);
    QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM park WHERE id = ?"), {park.id}).toString(),
             QStringLiteral("湘潭高新区"));
}

void TestSyncEngine::bankPurgesHiddenFirms()
{
    // After its last page a bank officer's engine asks which of its firms it may still see, in
    // requests of at most 5000 ids, and drops the hidden ones with their records.
    const QString hiddenFirm = f.firm.meta.id;
    QVERIFY(f.exec(
        QStringLiteral("INSERT INTO monthly_value (id, version, enterprise_id, kind, month, value) "
                       "VALUES ('0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01', 7, ?, 'tax_paid', '2026-10-01', 5)"),
        {hiddenFirm}));
    // 5001 more firms (still visible): 5002 ids, two requests.
    QVERIFY(f.db->transaction());
    for (int i = 0; i < 5001; ++i)
        QVERIFY(f.exec(
            QStringLiteral("INSERT INTO enterprise (id, version, uscc, name, kind) VALUES (?, 1, ?, ?, "
                           "'company')"),
            {Core::newId(), QStringLiteral("9143%1").arg(i, 14, 10, QLatin1Char('0')),
             QStringLiteral("测试企业%1").arg(i)}));
    QVERIFY(f.db->commit());
    QList<QJsonObject> asked;
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &body) {
        if (path == "/auth/login")
            return loginAs(QStringLiteral("bank_officer"));
        if (path == "/sync/visible") {
            asked.append(body);
            const QJsonArray ids = body.value(QStringLiteral("ids")).toArray();
            // The hidden firm, plus an id that was not asked about (ignored).
            QJsonArray hidden{QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f69")};
            if (ids.contains(hiddenFirm))
                hidden.append(hiddenFirm);
            return Answer{200, {{QStringLiteral("hidden"), hidden}}, {}, {}};
        }
        return page(10, false, {}, 10);
    });
    auto e = engine(server.url());
    QSignalSpy changed(e.get(), &SyncEngine::dataChanged);
    e->signIn(QStringLiteral("bank.icbc"), QStringLiteral("xindai2026"));
    QTRY_VERIFY(e->status().lastSuccess.isValid());
    QCOMPARE(e->status().state, SyncStatus::State::UpToDate);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(0).value(QStringLiteral("entity")).toString(), QStringLiteral("enterprise"));
    QCOMPARE(asked.at(0).value(QStringLiteral("ids")).toArray().size(), 5000);
    QCOMPARE(asked.at(1).value(QStringLiteral("ids")).toArray().size(), 2);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 5001);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM enterprise WHERE id = ?"), {hiddenFirm}).toInt(),
             0);
    QCOMPARE(f.count(QStringLiteral("monthly_value")), 0);
    QCOMPARE(f.count(QStringLiteral("application")), 1); // the bank still sees its application
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toStringList(),
             QStringList({QStringLiteral("enterprise"), QStringLiteral("monthly_value")}));
}

void TestSyncEngine::visibilityFailureKeepsCycle()
{
    // The pulled rows are committed whatever the visibility check answers: a failure leaves the firm
    // for now, the cycle ends up to date, and the next cycle asks again.
    bool failing = true;
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &) {
        if (path == "/auth/login")
            return loginAs(QStringLiteral("bank_officer"));
        if (path == "/sync/visible") {
            if (failing)
                return error(500, QStringLiteral("The database is down."));
            return Answer{200, {{QStringLiteral("hidden"), QJsonArray{f.firm.meta.id}}}, {}, {}};
        }
        return page(10, false, {}, 10);
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("bank.icbc"), QStringLiteral("xindai2026"));
    QTRY_COMPARE(server.requests("/sync/visible"), 1);
    QTRY_VERIFY(e->status().lastSuccess.isValid());
    QCOMPARE(e->status().state, SyncStatus::State::UpToDate);
    QVERIFY(e->status().lastError.isEmpty());
    QVERIFY(!e->status().nextAttempt.isValid());
    QCOMPARE(SyncState(*f.db).cursor(), 10);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 1);

    failing = false;
    const QDateTime before = e->status().lastSuccess;
    QTest::qWait(2);
    e->syncNow();
    QTRY_VERIFY(e->status().lastSuccess > before);
    QCOMPARE(server.requests("/sync/visible"), 2);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 0);
}

void TestSyncEngine::adminsDoNotAskAboutVisibility()
{
    // Administrators see everything: no request, nothing removed.
    for (const QString &role : {QStringLiteral("admin")}) {
        FakeHttpServer server([&](const QByteArray &path, const QJsonObject &) {
            if (path == "/auth/login")
                return loginAs(role);
            if (path == "/sync/visible")
                return Answer{200, {{QStringLiteral("hidden"), QJsonArray{f.firm.meta.id}}}, {}, {}};
            return page(10, false, {}, 10);
        });
        auto e = engine(server.url());
        e->signIn(QStringLiteral("x"), QStringLiteral("xindai2026"));
        QTRY_VERIFY(e->status().lastSuccess.isValid());
        QCOMPARE(server.requests("/sync/pull"), 1);
        QCOMPARE(server.requests("/sync/visible"), 0);
        QCOMPARE(f.count(QStringLiteral("enterprise")), 1);
    }
}

void TestSyncEngine::parkStaffPurgeFirmsMovedAway()
{
    // A firm moved to another park is hidden from this park's window: its copy goes at the next sync.
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &body) {
        if (path == "/auth/login")
            return loginAs(QStringLiteral("window_staff"));
        if (path == "/sync/visible") {
            if (body.value(QLatin1String("ids")).toArray() != QJsonArray{f.firm.meta.id})
                return Answer{400, {{QStringLiteral("error"), QStringLiteral("unexpected ids")}}, {}, {}};
            return Answer{200, {{QStringLiteral("hidden"), QJsonArray{f.firm.meta.id}}}, {}, {}};
        }
        return page(10, false, {}, 10);
    });
    auto e = engine(server.url());
    e->signIn(QStringLiteral("x"), QStringLiteral("xindai2026"));
    QTRY_VERIFY(e->status().lastSuccess.isValid());
    QCOMPARE(server.requests("/sync/visible"), 1);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 0);
}

void TestSyncEngine::periodicCyclesCheckVisibilityRarely()
{
    // The check sends every local firm id: after sign-in and on "Sync now", but not at every periodic
    // cycle (at most every 15 minutes).
    FakeHttpServer server([&](const QByteArray &path, const QJsonObject &) {
        if (path == "/auth/login")
            return loginAs(QStringLiteral("window_staff"));
        if (path == "/sync/visible")
            return Answer{200, {{QStringLiteral("hidden"), QJsonArray{}}}, {}, {}};
        return page(10, false, {}, 10);
    });
    SyncEngine::Options options;
    options.storePath = m_path;
    options.serverUrl = server.url();
    options.intervalSeconds = 1;
    SyncEngine e(options);
    e.signIn(QStringLiteral("x"), QStringLiteral("xindai2026"));
    QTRY_VERIFY_WITH_TIMEOUT(server.requests("/sync/pull") >= 3, 15000);
    QCOMPARE(server.requests("/sync/visible"), 1);
    const qsizetype pulls = server.requests("/sync/pull");
    e.syncNow();
    QTRY_VERIFY(server.requests("/sync/pull") > pulls);
    QTRY_COMPARE(server.requests("/sync/visible"), 2);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 1);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
