#pragma once

// Shared by tst_serverdatabase, tst_syncservice and tst_rbac: a fresh, migrated central store per
// test row, on SQLite (a file in a QTemporaryDir) or on PostgreSQL (a new database on the server
// named by XINDAI_TEST_POSTGRES, dropped at the end), and a small world of parks, institutions,
// firms, users and applications to test scope rules against.

#include "server/caller.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "server/syncservice.h"
#include "sync/entitycatalog.h"
#include "sync/operation.h"
#include "sync/row.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace XinDai::Server::Test {

using namespace Qt::StringLiterals;

/// A migrated store for one test row. open() returns "" when ready, "SKIP: why" when the backend is
/// not available (PostgreSQL without XINDAI_TEST_POSTGRES), or an error. On PostgreSQL each test
/// executable creates one fresh database (dropped by dropSharedDatabase() in cleanupTestCase()) and
/// each row gets its own schema in it (CREATE DATABASE costs a second; a schema a few milliseconds).
class TestStore
{
public:
    TestStore() = default;
    TestStore(const TestStore &) = delete;
    TestStore &operator=(const TestStore &) = delete;
    ~TestStore()
    {
        m_db.reset();
        if (!m_schema.isEmpty()) {
            QSqlQuery q(QSqlDatabase::database(sharedConnection(), false));
            q.exec(u"DROP SCHEMA "_s + m_schema + u" CASCADE"_s);
        }
    }

    QString open(const QString &backend, bool migrate = true)
    {
        if (backend == u"sqlite"_s) {
            if (!m_dir.isValid())
                return u"no temporary folder"_s;
            m_url = u"sqlite:"_s + m_dir.filePath(u"server.db"_s);
        } else {
            const QString base = qEnvironmentVariable("XINDAI_TEST_POSTGRES");
            if (base.isEmpty()) {
                if (qEnvironmentVariable("XINDAI_REQUIRE_POSTGRES") == u"1"_s)
                    return u"XINDAI_REQUIRE_POSTGRES=1 but XINDAI_TEST_POSTGRES is not set"_s;
                return u"SKIP: XINDAI_TEST_POSTGRES is not set"_s;
            }
            QUrl url(base);
            const QString shared = sharedDatabase(url);
            if (shared.startsWith(u"ERROR: "_s))
                return shared.mid(7);
            m_schema = u"t_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
            QSqlQuery q(QSqlDatabase::database(sharedConnection(), false));
            if (!q.exec(u"CREATE SCHEMA "_s + m_schema)) {
                m_schema.clear();
                return u"cannot create a test schema: "_s + q.lastError().text();
            }
            url.setPath(u"/"_s + shared);
            url.setQuery(u"schema="_s + m_schema);
            m_url = url.toString();
        }
        m_db = std::make_unique<ServerDatabase>();
        QString error;
        if (!m_db->open(m_url, &error))
            return error;
        if (migrate && !m_db->migrate(&error))
            return error;
        return QString();
    }

    ServerDatabase &db() { return *m_db; }
    QString url() const { return m_url; }

    /// Drops this executable's PostgreSQL database (call from cleanupTestCase()).
    static void dropSharedDatabase()
    {
        if (sharedName().isEmpty())
            return;
        QSqlDatabase::database(sharedConnection(), false).close();
        QSqlDatabase::removeDatabase(sharedConnection());
        {
            QSqlDatabase admin = QSqlDatabase::database(adminConnection(), false);
            QSqlQuery q(admin);
            q.exec(u"DROP DATABASE IF EXISTS "_s + sharedName() + u" WITH (FORCE)"_s);
            admin.close();
        }
        QSqlDatabase::removeDatabase(adminConnection());
        sharedName().clear();
    }

private:
    static QString &sharedName()
    {
        static QString name;
        return name;
    }
    static QString adminConnection() { return u"xindai-test-admin"_s; }
    static QString sharedConnection() { return u"xindai-test-shared"_s; }

    static QSqlDatabase connect(const QString &name, const QUrl &url, const QString &database)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(database);
        db.open();
        return db;
    }

    /// The executable's fresh database, created on first use; "ERROR: why" on failure.
    static QString sharedDatabase(const QUrl &url)
    {
        if (!sharedName().isEmpty())
            return sharedName();
        QSqlDatabase admin = connect(adminConnection(), url, url.path().mid(1));
        if (!admin.isOpen())
            return u"ERROR: cannot reach PostgreSQL: "_s + admin.lastError().text();
        const QString name = u"xindai_s1_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
        QSqlQuery q(admin);
        if (!q.exec(u"CREATE DATABASE "_s + name + u" ENCODING 'UTF8' TEMPLATE template0"_s))
            return u"ERROR: cannot create a test database: "_s + q.lastError().text();
        sharedName() = name;
        QSqlDatabase shared = connect(sharedConnection(), url, name);
        if (!shared.isOpen())
            return u"ERROR: cannot open the test database: "_s + shared.lastError().text();
        QSqlQuery(shared).exec(u"SET client_min_messages TO warning"_s);
        return name;
    }

    QTemporaryDir m_dir;
    QString m_url;
    QString m_schema;
    std::unique_ptr<ServerDatabase> m_db;
};

/// Fetches the "backend" column and opens \a store on it; skips or fails the row as open() says.
#define XINDAI_OPEN_STORE(store)                                                                             \
    do {                                                                                                     \
        QFETCH(QString, backend);                                                                            \
        const QString why_ = (store).open(backend);                                                          \
        if (why_.startsWith(u"SKIP: "_s))                                                                    \
            QSKIP(qPrintable(why_.mid(6)));                                                                  \
        if (!why_.isEmpty())                                                                                 \
            QFAIL(qPrintable(why_));                                                                         \
    } while (false)

/// The start of a test on the world: a migrated store of the row's backend (skipped or failed as
/// XINDAI_OPEN_STORE), then `db`, the world `w` in it and `sync`, a SyncService judging on w.today.
#define XINDAI_OPEN_WORLD()                                                                                  \
    TestStore store;                                                                                         \
    XINDAI_OPEN_STORE(store);                                                                                \
    ServerDatabase &db = store.db();                                                                         \
    const World w = buildWorld(db);                                                                          \
    SyncService sync(db);                                                                                    \
    sync.setToday(w.today)

/// Every row of every synced table, sync_clock and schema_version as text, in id order: equal dumps
/// mean nothing was written (applied_op and audit_log are left out: rejections store their result
/// and refusals are audited).
inline QString dump(ServerDatabase &db)
{
    QStringList tables = Sync::EntityCatalog::names();
    tables << u"sync_clock"_s << u"session_token"_s << u"login_failure"_s;
    QString text;
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery q(db.sql());
        if (!q.exec(u"SELECT * FROM "_s + ServerDatabase::quoted(table) + u" ORDER BY 1"_s))
            return u"cannot read "_s + table;
        text += u"## "_s + table + u'\n';
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.record().fieldName(i) + u'=' + (q.isNull(i) ? u"NULL"_s : q.value(i).toString());
            text += values.join(u'|') + u'\n';
        }
    }
    return text;
}

/// Parks A and B, institutions X and Y, firms and the users of every role (see tst_rbac for the map).
struct World
{
    QString parkA, parkB, instX, instY;
    QString
        firmA1; ///< park A; applications: to X submitted (appA1X), to Y draft (appA1Y); authorization for X
    QString firmA2; ///< park A; application to X submitted; authorization for X expired yesterday
    QString firmA3; ///< park A; application to X submitted; authorization for X revoked
    QString firmB1; ///< park B; application to X submitted (appB1X); no authorization
    QString appA1X, appA1Y, appA2X, appA3X, appB1X;
    QString authA1, authA2, authA3;
    QString mvA1, mvB1; ///< one monthly_value row each
    QString crA1, crB1; ///< one credit_record row each
    Caller admin, staffA, managerA, staffB, bankX, bankY;
    QDate today;

    /// Label of a row id, for readable set comparisons ("firmA1", "appB1X", "user:bankX" …).
    QHash<QString, QString> labels;
};

/// \a op with baseVersion set to the row's current version when it is 0 and the row exists: the
/// client edited the latest state (a 0 base on an existing row means "I thought it was new").
inline Sync::Operation atCurrent(ServerDatabase &db, Sync::Operation op)
{
    if (op.baseVersion == 0) {
        if (const std::optional<Sync::Row> row = RowStore(db).load(op.entity, op.rowId))
            op.baseVersion = row->version;
    }
    return op;
}

inline QString must(const std::optional<RowStore::Written> &w, const QString &error)
{
    if (!w)
        qFatal("test world: %s", qPrintable(error));
    return w->id;
}

inline World buildWorld(ServerDatabase &db)
{
    World w;
    w.today = QDate(2026, 11, 25);
    RowStore rows(db);
    QString e;
    if (!db.transaction())
        qFatal("no transaction");
    auto put = [&](const QString &entity, const QJsonObject &fields, const QString &label) {
        const QString id = must(rows.upsert(entity, QString(), fields, &e), e);
        w.labels.insert(id, label);
        return id;
    };
    w.parkA = put(u"park"_s, {{u"name"_s, u"长沙经开区"_s}}, u"parkA"_s);
    w.parkB = put(u"park"_s, {{u"name"_s, u"株洲高新区"_s}}, u"parkB"_s);
    w.instX = put(u"institution"_s, {{u"name"_s, u"长沙银行"_s}, {u"type"_s, u"bank"_s}}, u"instX"_s);
    w.instY = put(u"institution"_s, {{u"name"_s, u"湖南银行"_s}, {u"type"_s, u"bank"_s}}, u"instY"_s);
    auto firm = [&](const QString &uscc, const QString &name, const QString &park, const QString &label) {
        return put(u"enterprise"_s,
                   {{u"uscc"_s, uscc}, {u"name"_s, name}, {u"kind"_s, u"company"_s}, {u"park_id"_s, park}},
                   label);
    };
    w.firmA1 = firm(u"91430100MA4L000001"_s, u"长沙湘江机械有限公司"_s, w.parkA, u"firmA1"_s);
    w.firmA2 = firm(u"91430100MA4L000002"_s, u"长沙岳麓电子有限公司"_s, w.parkA, u"firmA2"_s);
    w.firmA3 = firm(u"91430100MA4L000003"_s, u"长沙星沙食品有限公司"_s, w.parkA, u"firmA3"_s);
    w.firmB1 = firm(u"91430200MA4L000004"_s, u"株洲动力科技有限公司"_s, w.parkB, u"firmB1"_s);
    auto user = [&](const QString &login, const QString &role, const QString &park, const QString &inst) {
        QJsonObject f{{u"login"_s, login}, {u"role"_s, role}, {u"password_hash"_s, u"pbkdf2$secret"_s}};
        if (!park.isEmpty())
            f.insert(u"park_id"_s, park);
        if (!inst.isEmpty())
            f.insert(u"institution_id"_s, inst);
        Caller c;
        c.userId = put(u"app_user"_s, f, u"user:"_s + login);
        c.login = login;
        c.role = role;
        c.parkId = park;
        c.institutionId = inst;
        return c;
    };
    w.admin = user(u"admin"_s, u"admin"_s, {}, {});
    w.staffA = user(u"staffA"_s, u"window_staff"_s, w.parkA, {});
    w.managerA = user(u"managerA"_s, u"park_manager"_s, w.parkA, {});
    w.staffB = user(u"staffB"_s, u"window_staff"_s, w.parkB, {});
    w.bankX = user(u"bankX"_s, u"bank_officer"_s, {}, w.instX);
    w.bankY = user(u"bankY"_s, u"bank_officer"_s, {}, w.instY);
    auto app = [&](const QString &firm, const QString &park, const QString &inst, const QString &state,
                   const QString &label) {
        return put(u"application"_s,
                   {{u"enterprise_id"_s, firm},
                    {u"park_id"_s, park},
                    {u"institution_id"_s, inst},
                    {u"amount"_s, 100000000},
                    {u"state"_s, state}},
                   label);
    };
    w.appA1X = app(w.firmA1, w.parkA, w.instX, u"submitted"_s, u"appA1X"_s);
    w.appA1Y = app(w.firmA1, w.parkA, w.instY, u"draft"_s, u"appA1Y"_s);
    w.appA2X = app(w.firmA2, w.parkA, w.instX, u"submitted"_s, u"appA2X"_s);
    w.appA3X = app(w.firmA3, w.parkA, w.instX, u"submitted"_s, u"appA3X"_s);
    w.appB1X = app(w.firmB1, w.parkB, w.instX, u"submitted"_s, u"appB1X"_s);
    const QString covered = u"[\""_s + w.instX + u"\"]"_s;
    auto auth
        = [&](const QString &firm, const QDate &from, const QDate &to, bool revoked, const QString &label) {
              return put(u"authorization"_s,
                         {{u"enterprise_id"_s, firm},
                          {u"institution_ids"_s, covered},
                          {u"valid_from"_s, from.toString(Qt::ISODate)},
                          {u"valid_to"_s, to.toString(Qt::ISODate)},
                          {u"revoked"_s, revoked}},
                         label);
          };
    w.authA1 = auth(w.firmA1, w.today.addDays(-30), w.today.addDays(335), false, u"authA1"_s);
    w.authA2 = auth(w.firmA2, w.today.addDays(-366), w.today.addDays(-1), false, u"authA2"_s);
    w.authA3 = auth(w.firmA3, w.today.addDays(-30), w.today.addDays(335), true, u"authA3"_s);
    auto monthly = [&](const QString &firm, const QString &label) {
        return put(u"monthly_value"_s,
                   {{u"enterprise_id"_s, firm},
                    {u"kind"_s, u"tax_paid"_s},
                    {u"month"_s, u"2026-10-01"_s},
                    {u"value"_s, 1234500}},
                   label);
    };
    w.mvA1 = monthly(w.firmA1, u"mvA1"_s);
    w.mvB1 = monthly(w.firmB1, u"mvB1"_s);
    auto credit = [&](const QString &firm, const QString &label) {
        return put(u"credit_record"_s,
                   {{u"enterprise_id"_s, firm},
                    {u"kind"_s, u"tax_grade"_s},
                    {u"date"_s, u"2026-04-01"_s},
                    {u"title"_s, u"A"_s}},
                   label);
    };
    w.crA1 = credit(w.firmA1, u"crA1"_s);
    w.crB1 = credit(w.firmB1, u"crB1"_s);
    if (!db.commit())
        qFatal("test world: commit failed");
    return w;
}

/// Every row \a caller pulls from *cursor on, all pages of \a pageSize, in order; *cursor ends at the
/// last page's nextCursor. A failed pull ends the test run.
inline QList<Sync::Row> pullAll(SyncService &sync, const Caller &caller, qint64 *cursor, int pageSize = 100)
{
    Sync::PullRequest request;
    request.cursor = *cursor;
    request.pageSize = pageSize;
    QList<Sync::Row> rows;
    for (;;) {
        QString error;
        const auto page = sync.pull(caller, request, &error);
        if (!page)
            qFatal("pull failed: %s", qPrintable(error));
        rows += page->rows;
        request.cursor = *cursor = page->nextCursor;
        if (!page->hasMore)
            return rows;
    }
}

} // namespace XinDai::Server::Test
