// End to end against a REAL xindai-server started by the test on loopback (SQLite, --insecure-dev,
// demo data): two clients editing one application offline, a push whose answer is cut, the first
// sync of a fresh store, and the outbox across an engine restart; a holiday calendar imported on the
// server reaching the client's working-day calendar.

#include "core/domain/application.h"
#include "core/domain/authorization.h"
#include "core/workcalendar.h"
#include "cuttingproxy.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/outbox.h"
#include "store/referencedocrepository.h"
#include "syncclient/syncengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace XinDai;
using SyncClient::SyncEngine;
using SyncClient::SyncStatus;
using namespace Qt::StringLiterals;

namespace {

const QString password = QStringLiteral("xindai2026");
constexpr int waitMs = 60000;

/// xindai-server on a SQLite file, as a child process.
class ServerProcess
{
public:
    QString dbPath;
    QUrl url;
    quint16 port = 0;

    ~ServerProcess() { stop(); }

    bool seed(int firms)
    {
        QProcess p;
        p.start(QStringLiteral(XINDAI_SERVER_BIN),
                {QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--db"), u"sqlite:" + dbPath,
                 QStringLiteral("--firms"), QString::number(firms)});
        if (!p.waitForFinished(180000) || p.exitCode() != 0) {
            qWarning("demo seed failed: %s", p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    /// \a tls: {certificate, key} files, or empty for --insecure-dev (plain http on loopback).
    bool start(const QStringList &tls = {})
    {
        m_process = std::make_unique<QProcess>();
        QStringList args{QStringLiteral("serve"), QStringLiteral("--db"), u"sqlite:" + dbPath,
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)};
        if (tls.isEmpty())
            args << QStringLiteral("--insecure-dev");
        else
            args << QStringLiteral("--tls-cert") << tls.value(0) << QStringLiteral("--tls-key")
                 << tls.value(1);
        m_process->start(QStringLiteral(XINDAI_SERVER_BIN), args);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            if (!m_process->canReadLine() && !m_process->waitForReadyRead(1000)) {
                if (m_process->state() == QProcess::NotRunning)
                    break;
                continue;
            }
            while (m_process->canReadLine()) {
                const QJsonObject line = QJsonDocument::fromJson(m_process->readLine()).object();
                if (line.contains(QStringLiteral("listening"))) {
                    url = QUrl(line.value(QStringLiteral("listening")).toString());
                    port = quint16(url.port());
                    return true;
                }
            }
        }
        qWarning("xindai-server did not start: %s", m_process->readAllStandardError().constData());
        return false;
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

/// One desktop installation: a local store file and a sync engine on it.
class Client
{
public:
    QString path;
    std::unique_ptr<SyncEngine> engine;
    QList<SyncStatus> statuses;
    QJsonObject user;

    bool create(const QString &file)
    {
        path = file;
        Store::Database db;
        QString error;
        if (!db.open(path, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

    void start(const QUrl &url, int pageSize = 500)
    {
        SyncEngine::Options options;
        options.storePath = path;
        options.serverUrl = url;
        options.intervalSeconds = 0; // the test decides when to sync ("offline" otherwise)
        options.pullPageSize = pageSize;
        engine = std::make_unique<SyncEngine>(options);
        QObject::connect(engine.get(), &SyncEngine::statusChanged,
                         [this](const SyncStatus &s) { statuses.append(s); });
    }

    void stop() { engine.reset(); }

    /// Signs in and waits for the first cycle to end.
    bool signIn(const QString &login)
    {
        QSignalSpy spy(engine.get(), &SyncEngine::loginFinished);
        engine->signIn(login, password);
        if (!spy.wait(waitMs) || !spy.first().at(0).toBool()) {
            qWarning("sign-in failed: %s",
                     spy.isEmpty() ? "timeout" : qPrintable(spy.first().at(1).toString()));
            return false;
        }
        user = spy.first().at(2).toJsonObject();
        return waitUpToDate(QDateTime());
    }

    bool waitUpToDate(const QDateTime &after)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < waitMs) {
            const SyncStatus s = engine->status();
            if (s.state == SyncStatus::State::UpToDate && s.lastSuccess.isValid()
                && (!after.isValid() || s.lastSuccess > after))
                return true;
            QTest::qWait(20);
        }
        qWarning("no successful cycle; last error: %s", qPrintable(engine->status().lastError));
        return false;
    }

    bool sync()
    {
        const QDateTime before = engine->status().lastSuccess;
        QTest::qWait(2); // lastSuccess has millisecond resolution
        engine->syncNow();
        return waitUpToDate(before.isValid() ? before : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    }
};

/// Rows per entity in a store (local or the server's), counting live rows only.
QMap<QString, int> countRows(const QString &connection, const QStringList &entities,
                             const QString &where = {})
{
    QMap<QString, int> counts;
    QSqlDatabase db = QSqlDatabase::database(connection);
    for (const QString &entity : entities) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE deleted = 0 %2").arg(entity, where));
        counts.insert(entity, q.next() ? q.value(0).toInt() : -1);
    }
    return counts;
}

/// One value read from the SQLite file \a path, through a connection of its own (WAL: the engine
/// may have the file open).
QVariant scalarAt(const QString &path, const QString &sql, const QVariantList &binds = {})
{
    static int connections = 0;
    const QString name = QStringLiteral("scalar-%1").arg(++connections);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestSyncEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstSyncDownloadsScope();
    void syncedHolidayCalendar();
    void twoClientsMergeAndConflict();
    void cutPushIsNotDuplicated();
    void outboxSurvivesEngineRestart();
    void bankDropsFirmAfterRevocation();
    void tlsVerifiesServerCertificate();

private:
    /// A new draft application of a firm of the user's park, saved in \a client's store.
    QString createDraft(Client &client, const QString &purpose);
    Core::Application application(Client &client, const QString &id);
    bool saveApplication(Client &client, Core::Application &a);

    QTemporaryDir m_dir;
    ServerProcess m_server;
    Client m_a;
    Client m_b;
};

void TestSyncEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server.dbPath = m_dir.filePath(QStringLiteral("server.db"));
    QVERIFY(m_server.seed(40));
    QVERIFY(m_server.start());
    QVERIFY(m_a.create(m_dir.filePath(QStringLiteral("a.db"))));
    QVERIFY(m_b.create(m_dir.filePath(QStringLiteral("b.db"))));
}

void TestSyncEndToEnd::cleanupTestCase()
{
    m_a.stop();
    m_b.stop();
    m_server.stop();
}

void TestSyncEndToEnd::firstSyncDownloadsScope()
{
    // A small page size makes the first sync take several pages, each reported as progress.
    m_a.start(m_server.url, 200);
    QVERIFY(m_a.signIn(QStringLiteral("window.cs")));
    QCOMPARE(m_a.user.value(QStringLiteral("role")).toString(), QStringLiteral("window_staff"));
    const QString parkId = m_a.user.value(QStringLiteral("park_id")).toString();
    QVERIFY(!parkId.isEmpty());

    // What window staff may see (server/scope.h): reference data, the firms of their park and the
    // records of those firms, the applications of their park, their own user row.
    {
        QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server"));
        server.setDatabaseName(m_server.dbPath);
        server.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(server.open());
        QSqlDatabase local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("local"));
        local.setDatabaseName(m_a.path);
        QVERIFY(local.open());
        const QString firms = QStringLiteral("(SELECT id FROM enterprise WHERE park_id = '%1')").arg(parkId);
        const QStringList reference{QStringLiteral("park"), QStringLiteral("institution"),
                                    QStringLiteral("product"), QStringLiteral("policy")};
        QCOMPARE(countRows(QStringLiteral("local"), reference),
                 countRows(QStringLiteral("server"), reference));
        const QStringList firmRecords{QStringLiteral("monthly_value"), QStringLiteral("credit_record"),
                                      QStringLiteral("authorization"), QStringLiteral("document")};
        QCOMPARE(countRows(QStringLiteral("local"), firmRecords),
                 countRows(QStringLiteral("server"), firmRecords, u"AND enterprise_id IN " + firms));
        QCOMPARE(countRows(QStringLiteral("local"), {QStringLiteral("enterprise")}),
                 countRows(QStringLiteral("server"), {QStringLiteral("enterprise")},
                           QStringLiteral("AND park_id = '%1'").arg(parkId)));
        QCOMPARE(countRows(QStringLiteral("local"), {QStringLiteral("application")}),
                 countRows(QStringLiteral("server"), {QStringLiteral("application")},
                           QStringLiteral("AND park_id = '%1'").arg(parkId)));
        QCOMPARE(countRows(QStringLiteral("local"), {QStringLiteral("app_user")})
                     .value(QStringLiteral("app_user")),
                 1);
        qInfo() << "first sync of window.cs:"
                << countRows(QStringLiteral("local"),
                             reference + firmRecords
                                 + QStringList{QStringLiteral("enterprise"), QStringLiteral("application")});
        // Not vacuous: the park has firms with series.
        QVERIFY(countRows(QStringLiteral("local"), {QStringLiteral("monthly_value")})
                    .value(QStringLiteral("monthly_value"))
                > 200);
        server.close();
        local.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server"));
    QSqlDatabase::removeDatabase(QStringLiteral("local"));

    // Progress: a known total from the server's head, growing done, done = total at the end.
    qint64 lastDone = -1;
    int progressReports = 0;
    for (const SyncStatus &s : std::as_const(m_a.statuses)) {
        if (s.state != SyncStatus::State::Syncing || s.progressTotal == 0)
            continue;
        QVERIFY(s.progressDone >= lastDone);
        QVERIFY(s.progressDone <= s.progressTotal);
        lastDone = s.progressDone;
        ++progressReports;
    }
    QVERIFY2(progressReports >= 2, qPrintable(QString::number(progressReports)));
    const SyncStatus done = m_a.engine->status();
    QCOMPARE(done.progressDone, done.progressTotal);
    QCOMPARE(done.pendingOperations, 0);
}

void TestSyncEndToEnd::syncedHolidayCalendar()
{
    // The demo seed put the built-in calendar on the server; the first sync brought it down.
    QVERIFY(m_a.engine);
    {
        Store::Database db;
        QString error;
        QVERIFY2(db.open(m_a.path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        const std::optional<Store::ReferenceDoc> doc
            = Store::ReferenceDocRepository(db).referenceDoc(u"holiday_calendar"_s, u"holidays-cn"_s);
        QVERIFY(doc);
        QCOMPARE(QJsonDocument::fromJson(doc->content).object().value(u"version"_s).toInt(),
                 Core::WorkCalendar::builtin().version());
    }
    const QDate newYear(2027, 1, 1); // a Friday in a year the built-in calendar does not cover
    const int before = Core::WorkCalendar::instance().version();
    QVERIFY(Core::WorkCalendar::instance().isWorkday(newYear));

    // The administrator imports a newer calendar with 2027 on the server …
    QFile builtin(u":/xindai/calendar/holidays-cn.json"_s);
    QVERIFY(builtin.open(QIODevice::ReadOnly));
    QJsonObject calendar = QJsonDocument::fromJson(builtin.readAll()).object();
    calendar.insert(u"version"_s, std::max(before, Core::WorkCalendar::builtin().version()) + 1);
    QJsonArray years = calendar.value(u"years"_s).toArray();
    years.append(QJsonObject{{u"year"_s, 2027},
                             {u"holidays"_s, QJsonArray{QJsonObject{{u"name"_s, u"元旦"_s},
                                                                    {u"from"_s, u"2027-01-01"_s},
                                                                    {u"to"_s, u"2027-01-03"_s}}}},
                             {u"workdays"_s, QJsonArray{}}});
    calendar.insert(u"years"_s, years);
    const QString path = m_dir.filePath(u"holidays-2027.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(calendar).toJson());
    }
    QProcess import;
    import.start(QStringLiteral(XINDAI_SERVER_BIN),
                 {u"import"_s, u"calendar"_s, path, u"--db"_s, u"sqlite:" + m_server.dbPath});
    QVERIFY(import.waitForFinished(60000));
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
    QCOMPARE(QJsonDocument::fromJson(import.readAllStandardOutput()).object().value(u"updated"_s).toInt(), 1);

    // … the client syncs, the engine reports the change, and the application installs the calendar.
    QSignalSpy changed(m_a.engine.get(), &SyncEngine::dataChanged);
    QVERIFY(m_a.sync());
    bool referenceDocChanged = false;
    for (const QList<QVariant> &signal : std::as_const(changed))
        referenceDocChanged = referenceDocChanged || signal.at(0).toStringList().contains(u"reference_doc"_s);
    QVERIFY(referenceDocChanged);
    Store::Database db;
    QString error;
    QVERIFY2(db.open(m_a.path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
    QVERIFY(Store::ReferenceDocRepository(db).installSyncedCalendar());
    const Core::WorkCalendar &now = Core::WorkCalendar::instance();
    QCOMPARE(now.version(), calendar.value(u"version"_s).toInt());
    QVERIFY(now.covers(2027));
    QCOMPARE(now.holidayName(newYear), u"元旦"_s);
    QVERIFY(!now.isWorkday(newYear));
    QCOMPARE(now.addWorkdays(QDate(2026, 12, 31), 1), QDate(2027, 1, 4));
    Core::WorkCalendar::clearSynced();
}

QString TestSyncEndToEnd::createDraft(Client &client, const QString &purpose)
{
    Store::Database db;
    QString error;
    if (!db.open(client.path, &error, Store::Database::OpenMode::MustExist))
        return {};
    const QString parkId = client.user.value(QStringLiteral("park_id")).toString();
    const auto firms = Store::EnterpriseRepository(db).search(QStringLiteral("有限"), 1, parkId);
    if (firms.isEmpty())
        return {};
    Core::Application a;
    Store::ApplicationRepository repo(db);
    a.number = repo.nextNumber(2026);
    a.enterpriseId = firms.first().id;
    a.parkId = parkId;
    a.amount = Core::Money::fromWan(300);
    a.termMonths = 12;
    a.purpose = purpose;
    a.state = Core::Application::State::Draft;
    a.createdAt = QDateTime::currentDateTimeUtc();
    a.createdBy = client.user.value(QStringLiteral("id")).toString();
    if (!repo.save(a, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return a.meta.id;
}

Core::Application TestSyncEndToEnd::application(Client &client, const QString &id)
{
    Store::Database db;
    QString error;
    if (!db.open(client.path, &error, Store::Database::OpenMode::MustExist))
        return {};
    return Store::ApplicationRepository(db).application(id).value_or(Core::Application());
}

bool TestSyncEndToEnd::saveApplication(Client &client, Core::Application &a)
{
    Store::Database db;
    QString error;
    if (!db.open(client.path, &error, Store::Database::OpenMode::MustExist)
        || !Store::ApplicationRepository(db).save(a, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

void TestSyncEndToEnd::twoClientsMergeAndConflict()
{
    if (!m_a.engine)
        QSKIP("needs firstSyncDownloadsScope");
    m_b.start(m_server.url);
    QVERIFY(m_b.signIn(QStringLiteral("window.cs")));

    // A records a draft and syncs; B gets it.
    const QString id = createDraft(m_a, QStringLiteral("购买原材料"));
    QVERIFY(!id.isEmpty());
    QVERIFY(m_a.sync());
    QCOMPARE(m_a.engine->status().pendingOperations, 0);
    const qint64 created = application(m_a, id).meta.version;
    QVERIFY(created > 0);
    QVERIFY(m_b.sync());
    QCOMPARE(application(m_b, id).meta.version, created);

    // Offline, both edit: A the purpose and the amount, B the term and the amount.
    Core::Application a = application(m_a, id);
    a.purpose = QStringLiteral("扩大产能");
    a.amount = Core::Money::fromWan(350);
    QVERIFY(saveApplication(m_a, a));
    Core::Application b = application(m_b, id);
    b.termMonths = 24;
    b.amount = Core::Money::fromWan(280);
    QVERIFY(saveApplication(m_b, b));

    // A pushes first, then B: different fields merge, the same field keeps the server's (A's) value.
    QVERIFY(m_a.sync());
    QVERIFY(m_b.sync());
    QVERIFY(m_a.sync());
    for (Client *c : {&m_a, &m_b}) {
        const Core::Application merged = application(*c, id);
        QCOMPARE(merged.purpose, QStringLiteral("扩大产能"));
        QCOMPARE(merged.termMonths, 24);
        QCOMPARE(merged.amount, Core::Money::fromWan(350));
        QCOMPARE(c->engine->status().pendingOperations, 0);
    }
    QCOMPARE(application(m_a, id).meta.version, application(m_b, id).meta.version);
    // B's losing amount is kept in B's conflict table; A lost nothing.
    QCOMPARE(m_b.engine->status().openConflicts, 1);
    QCOMPARE(m_a.engine->status().openConflicts, 0);
    {
        QSqlDatabase local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("b"));
        local.setDatabaseName(m_b.path);
        QVERIFY(local.open());
        QSqlQuery q(local);
        QVERIFY(
            q.exec(QStringLiteral("SELECT entity, row_id, field, local_value, server_value FROM conflict")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("application"));
        QCOMPARE(q.value(1).toString(), id);
        QCOMPARE(q.value(2).toString(), QStringLiteral("amount"));
        QCOMPARE(q.value(3).toLongLong(), Core::Money::fromWan(280).fen());
        QCOMPARE(q.value(4).toLongLong(), Core::Money::fromWan(350).fen());
        QVERIFY(!q.next());
        local.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("b"));
}

void TestSyncEndToEnd::cutPushIsNotDuplicated()
{
    if (!m_b.engine)
        QSKIP("needs twoClientsMergeAndConflict");
    // A third installation goes through a proxy that drops the answer to its first push: the server
    // has applied it, the client does not know. It retries (backoff) with the same operation id.
    Integration::CuttingProxy proxy(m_server.port);
    QVERIFY(proxy.listen());
    Client c;
    QVERIFY(c.create(m_dir.filePath(QStringLiteral("c.db"))));
    QUrl viaProxy = m_server.url;
    viaProxy.setPort(proxy.port());
    c.start(viaProxy);
    QVERIFY(c.signIn(QStringLiteral("window.cs")));
    const QString id = createDraft(c, QStringLiteral("经过断线的申请"));
    QVERIFY(!id.isEmpty());
    proxy.cutNextPushAnswer();
    const QDateTime before = c.engine->status().lastSuccess;
    c.engine->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(proxy.pushesCut(), 1, waitMs);
    // The operation stays queued until a result is recorded; the retry (after the first backoff
    // step, about a second) sends it again under the same opId and gets the stored result.
    QVERIFY(c.waitUpToDate(before));
    QCOMPARE(c.engine->status().pendingOperations, 0);
    QVERIFY(proxy.pushRequestsSeen() >= 2);
    const qint64 version = application(c, id).meta.version;
    QVERIFY(version > 0);
    // Another client sees exactly one such application, at the version the first (and only)
    // application of the operation gave it: applied twice, it would carry a later version.
    QVERIFY(m_a.sync());
    const Core::Application seen = application(m_a, id);
    QCOMPARE(seen.purpose, QStringLiteral("经过断线的申请"));
    QCOMPARE(seen.meta.version, version);
    {
        QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server2"));
        server.setDatabaseName(m_server.dbPath);
        server.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(server.open());
        QSqlQuery q(server);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT count(*), max(version) FROM application WHERE purpose = '经过断线的申请'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toLongLong(), version);
        server.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server2"));
    c.stop();
}

void TestSyncEndToEnd::outboxSurvivesEngineRestart()
{
    if (!m_b.engine)
        QSKIP("needs twoClientsMergeAndConflict");
    // B edits while its engine is down (the program was closed); the change waits in the store.
    m_b.stop();
    const QString id = createDraft(m_b, QStringLiteral("重启之后再同步"));
    QVERIFY(!id.isEmpty());
    {
        Store::Database db;
        QString error;
        QVERIFY(db.open(m_b.path, &error));
        QCOMPARE(Store::Outbox(db).count(), 1);
    }
    m_b.start(m_server.url);
    QVERIFY(m_b.signIn(QStringLiteral("window.cs")));
    QCOMPARE(m_b.engine->status().pendingOperations, 0);
    QVERIFY(m_a.sync());
    QCOMPARE(application(m_a, id).purpose, QStringLiteral("重启之后再同步"));
}

void TestSyncEndToEnd::bankDropsFirmAfterRevocation()
{
    // A bank officer holds a firm, its monthly values and its other records under a valid
    // authorization. An administrator revokes the authorization on another installation and pushes
    // it. The pull brings the bank nothing about the firm any more (it may not see it), so its
    // client asks POST /sync/visible after the last page and drops the firm and all its records; the
    // application addressed to the bank stays.
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date(); // China, as the server
    const QString withSeries = QStringLiteral(
        "SELECT e.id FROM enterprise e WHERE e.deleted = 0 AND EXISTS (SELECT 1 FROM monthly_value m "
        "WHERE m.enterprise_id = e.id AND m.deleted = 0) ORDER BY e.id LIMIT 1");
    std::unique_ptr<Client> bank;
    QString firmId;
    for (const char *login : {"bank.icbc", "bank.ccb", "bank.csbank", "bank.hnb"}) {
        auto candidate = std::make_unique<Client>();
        QVERIFY(candidate->create(m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(login)))));
        candidate->start(m_server.url);
        QVERIFY(candidate->signIn(QLatin1String(login)));
        QCOMPARE(candidate->user.value(QStringLiteral("role")).toString(), QStringLiteral("bank_officer"));
        firmId = scalarAt(candidate->path, withSeries).toString();
        if (!firmId.isEmpty()) {
            bank = std::move(candidate);
            break;
        }
    }
    QVERIFY2(bank, "no demo bank officer sees a firm with monthly values");
    const QString institutionId = bank->user.value(QStringLiteral("institution_id")).toString();
    const auto rowsOfFirm = [&](const QString &table) {
        return scalarAt(bank->path,
                        QStringLiteral("SELECT count(*) FROM \"%1\" WHERE enterprise_id = ?").arg(table),
                        {firmId})
            .toInt();
    };
    const int firmsBefore = scalarAt(bank->path, QStringLiteral("SELECT count(*) FROM enterprise")).toInt();
    const int seriesBefore = rowsOfFirm(QStringLiteral("monthly_value"));
    const int applicationsBefore = rowsOfFirm(QStringLiteral("application"));
    QVERIFY(seriesBefore > 0);
    QVERIFY(applicationsBefore > 0);
    QVERIFY(rowsOfFirm(QStringLiteral("authorization")) > 0);
    const int otherSeries = scalarAt(bank->path,
                                     QStringLiteral("SELECT count(*) FROM monthly_value "
                                                    "WHERE enterprise_id <> ?"),
                                     {firmId})
                                .toInt();
    qInfo("%s holds %d firm(s); firm %s with %d monthly values, %d application(s)",
          qPrintable(bank->user.value(QStringLiteral("login")).toString()), firmsBefore, qPrintable(firmId),
          seriesBefore, applicationsBefore);

    // Nothing changes while the authorization holds: a sync keeps the firm.
    QVERIFY(bank->sync());
    QCOMPARE(rowsOfFirm(QStringLiteral("monthly_value")), seriesBefore);

    // The administrator revokes every authorization that lets this bank see the firm.
    Client admin;
    QVERIFY(admin.create(m_dir.filePath(QStringLiteral("admin.db"))));
    admin.start(m_server.url, 2000);
    QVERIFY(admin.signIn(QStringLiteral("admin")));
    QStringList revoked;
    {
        Store::Database db;
        QString error;
        QVERIFY2(db.open(admin.path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        Store::ApplicationRepository repo(db);
        for (Core::Authorization a : repo.authorizations(firmId)) {
            if (!a.permits(institutionId, today))
                continue;
            a.revoked = true;
            a.revokedAt = QDateTime::currentDateTimeUtc();
            QVERIFY2(repo.save(a, &error), qPrintable(error));
            revoked.append(a.meta.id);
        }
    }
    QVERIFY(!revoked.isEmpty());
    QVERIFY(admin.sync());
    QCOMPARE(admin.engine->status().pendingOperations, 0);
    for (const QString &id : std::as_const(revoked))
        QCOMPARE(scalarAt(m_server.dbPath,
                          QStringLiteral("SELECT revoked FROM \"authorization\" WHERE id = ?"), {id})
                     .toInt(),
                 1);

    // The bank syncs: the firm and its records are gone, the application is still there.
    QSignalSpy changed(bank->engine.get(), &SyncEngine::dataChanged);
    QVERIFY(bank->sync());
    QCOMPARE(scalarAt(bank->path, QStringLiteral("SELECT count(*) FROM enterprise WHERE id = ?"), {firmId})
                 .toInt(),
             0);
    for (const QString &table : {QStringLiteral("monthly_value"), QStringLiteral("credit_record"),
                                 QStringLiteral("authorization"), QStringLiteral("document")})
        QVERIFY2(rowsOfFirm(table) == 0, qPrintable(table));
    QCOMPARE(rowsOfFirm(QStringLiteral("application")), applicationsBefore);
    // Only that firm: the bank's other firms and their series stay.
    QCOMPARE(scalarAt(bank->path, QStringLiteral("SELECT count(*) FROM enterprise")).toInt(),
             firmsBefore - 1);
    QCOMPARE(scalarAt(bank->path, QStringLiteral("SELECT count(*) FROM monthly_value")).toInt(), otherSeries);
    // The views are told.
    QStringList entities;
    for (const QList<QVariant> &signal : std::as_const(changed))
        entities += signal.at(0).toStringList();
    QVERIFY2(entities.contains(QStringLiteral("enterprise"))
                 && entities.contains(QStringLiteral("monthly_value")),
             qPrintable(entities.join(u',')));
    QCOMPARE(bank->engine->status().state, SyncStatus::State::UpToDate);

    // The admin, who may still see the firm, keeps it.
    QVERIFY(admin.sync());
    QCOMPARE(scalarAt(admin.path, QStringLiteral("SELECT count(*) FROM enterprise WHERE id = ?"), {firmId})
                 .toInt(),
             1);
    admin.stop();
    bank->stop();
}

void TestSyncEndToEnd::tlsVerifiesServerCertificate()
{
    // A CA and a server certificate for 127.0.0.1 made with the openssl tool; the same server
    // database served over https. With the CA file the client signs in and syncs; without it
    // (system CAs only) the certificate is refused and nothing is sent in clear.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("the openssl tool is not installed");
    const QString ca = m_dir.filePath(QStringLiteral("ca.pem"));
    const QString caKey = m_dir.filePath(QStringLiteral("ca.key"));
    const QString cert = m_dir.filePath(QStringLiteral("server.pem"));
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    const QString csr = m_dir.filePath(QStringLiteral("server.csr"));
    const QString ext = m_dir.filePath(QStringLiteral("ext.cnf"));
    {
        QFile f(ext);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("subjectAltName = IP:127.0.0.1\n");
    }
    const QList<QStringList> steps{
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), ca, QStringLiteral("-days"),
         QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=XinDai Test CA")},
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
         key, QStringLiteral("-out"), csr, QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"),
         ca, QStringLiteral("-CAkey"), caKey, QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), cert,
         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext},
    };
    for (const QStringList &step : steps) {
        QProcess p;
        p.start(openssl, step);
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
    ServerProcess tlsServer;
    tlsServer.dbPath = m_server.dbPath;
    QVERIFY(tlsServer.start({cert, key}));
    QCOMPARE(tlsServer.url.scheme(), QStringLiteral("https"));

    Client trusting;
    QVERIFY(trusting.create(m_dir.filePath(QStringLiteral("tls.db"))));
    SyncEngine::Options options;
    options.storePath = trusting.path;
    options.serverUrl = tlsServer.url;
    options.caCertificateFile = ca;
    options.intervalSeconds = 0;
    trusting.engine = std::make_unique<SyncEngine>(options);
    QVERIFY(trusting.signIn(QStringLiteral("window.cs")));
    QCOMPARE(trusting.engine->status().state, SyncStatus::State::UpToDate);
    trusting.stop();

    Client doubting;
    QVERIFY(doubting.create(m_dir.filePath(QStringLiteral("tls2.db"))));
    doubting.start(tlsServer.url);
    QSignalSpy spy(doubting.engine.get(), &SyncEngine::loginFinished);
    doubting.engine->signIn(QStringLiteral("window.cs"), password);
    QVERIFY(spy.wait(waitMs));
    QCOMPARE(spy.first().at(0).toBool(), false);
    QVERIFY(!spy.first().at(1).toString().isEmpty());
    qInfo("without the CA: %s", qPrintable(spy.first().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(doubting.engine->status().state, SyncStatus::State::Offline, waitMs);
    doubting.stop();
    tlsServer.stop();
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "tst_syncend2end.moc"
