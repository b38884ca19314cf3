// ServerDatabase (URLs, migrations, sequence) and RowStore (versions, field_versions, re-stamping),
// each case on SQLite and on PostgreSQL (XINDAI_TEST_POSTGRES).

#include "server/pgpipeline.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "server/syncservice.h"
#include "servertestdb.h"
#include "sync/entitycatalog.h"
#include "sync/row.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <thread>

using namespace Qt::StringLiterals;
using namespace XinDai;
using namespace XinDai::Server;
using namespace XinDai::Server::Test;

class TestServerDatabase : public QObject
{
    Q_OBJECT

private:
    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

private slots:
    void cleanupTestCase() { TestStore::dropSharedDatabase(); }
    void badUrls_data();
    void badUrls();
    void migrateIsIdempotent_data() { backends(); }
    void migrateIsIdempotent();
    void migrateFromTwoConnections_data() { backends(); }
    void migrateFromTwoConnections();
    void schemaMatchesCatalog_data() { backends(); }
    void schemaMatchesCatalog();
    void timestampForm();
    void sequence_data() { backends(); }
    void sequence();
    void rowStoreVersions_data() { backends(); }
    void rowStoreVersions();
    void rowStoreUpsertOfLoadedRow_data() { backends(); }
    void rowStoreUpsertOfLoadedRow();
    void rowStoreRemoveAndFind_data() { backends(); }
    void rowStoreRemoveAndFind();
    void insertMany_data() { backends(); }
    void insertMany();
    void restamp_data() { backends(); }
    void restamp();
    void bulkThroughput_data() { backends(); }
    void bulkThroughput();
    void pgPlaceholders();
    void pgPipeline_data() { backends(); }
    void pgPipeline();
    void reconnect_data() { backends(); }
    void reconnect();
};

void TestServerDatabase::badUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    // No scheme the server knows: the message names the two accepted forms.
    QTest::newRow("scheme") << u"mysql://u@h/db"_s
                            << u"The database URL mysql://u@h/db must start with sqlite: or postgres://."_s;
    // sqlite: with nothing after it names no file.
    QTest::newRow("empty sqlite") << u"sqlite:"_s << u"The database URL sqlite: names no file."_s;
    // A PostgreSQL URL needs a user and a database; the password never appears in the message.
    QTest::newRow("no user") << u"postgres://:pw@127.0.0.1/db"_s
                             << u"The database URL postgres://@127.0.0.1/db is not of the form "
                                "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]."_s;
    QTest::newRow("no database") << u"postgres://u:secret@127.0.0.1:5432/"_s
                                 << u"The database URL postgres://u@127.0.0.1:5432/ is not of the form "
                                    "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]."_s;
    // The folder must exist: the server does not create directory trees.
    QTest::newRow("no folder")
        << u"sqlite:/nonexistent-xindai/dir/s.db"_s
        << u"The database file /nonexistent-xindai/dir/s.db cannot be created: its folder "
           "does not exist."_s;
}

void TestServerDatabase::badUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    ServerDatabase db;
    QString error;
    QVERIFY(!db.open(url, &error));
    QCOMPARE(error, message);
    QVERIFY(!db.isOpen());
}

void TestServerDatabase::migrateIsIdempotent()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    QCOMPARE(db.schemaVersion(), ServerDatabase::latestSchemaVersion());
    QVERIFY(ServerDatabase::latestSchemaVersion() >= 1);
    const QString before = dump(db);
    QString error;
    // A second run finds nothing to do and changes nothing.
    QVERIFY2(db.migrate(&error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), ServerDatabase::latestSchemaVersion());
    QCOMPARE(dump(db), before);
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM schema_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), ServerDatabase::latestSchemaVersion());
    // A fresh store starts its sequence at 0.
    QCOMPARE(db.headSequence(), 0);
}

void TestServerDatabase::migrateFromTwoConnections()
{
    TestStore store;
    QFETCH(QString, backend);
    const QString why = store.open(backend, false);
    if (why.startsWith(u"SKIP: "_s))
        QSKIP(qPrintable(why.mid(6)));
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(store.db().schemaVersion(), 0);

    // Two connections (two threads, as two server processes would) migrate the empty store at once:
    // one applies the migrations, the other waits for the lock and then finds nothing to do.
    const QString url = store.url();
    bool ok[2] = {false, false};
    QString errors[2];
    auto run = [&](int i) {
        ServerDatabase db;
        ok[i] = db.open(url, &errors[i]) && db.migrate(&errors[i]);
    };
    std::thread first(run, 0);
    std::thread second(run, 1);
    first.join();
    second.join();
    QVERIFY2(ok[0], qPrintable(errors[0]));
    QVERIFY2(ok[1], qPrintable(errors[1]));
    QCOMPARE(store.db().schemaVersion(), ServerDatabase::latestSchemaVersion());
    QSqlQuery q(store.db().sql());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM schema_version"_s) && q.next());
    // Each migration recorded once, not once per connection.
    QCOMPARE(q.value(0).toInt(), ServerDatabase::latestSchemaVersion());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM sync_clock"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestServerDatabase::schemaMatchesCatalog()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    // Every synced entity is a table with the meta columns, field_versions and exactly the catalog's
    // fields: the schema is checked against Sync::EntityCatalog, not a second list.
    for (const Sync::EntitySpec &entity : Sync::EntityCatalog::entities()) {
        QSqlQuery q(store.db().sql());
        QVERIFY2(q.exec(u"SELECT * FROM "_s + ServerDatabase::quoted(entity.name) + u" WHERE 1 = 0"_s),
                 qPrintable(entity.name));
        QStringList columns;
        for (int i = 0; i < q.record().count(); ++i)
            columns << q.record().fieldName(i);
        QStringList expected{u"id"_s, u"version"_s, u"updated_at"_s, u"deleted"_s, u"field_versions"_s};
        for (const Sync::FieldSpec &f : entity.fields)
            expected << f.name;
        columns.sort();
        expected.sort();
        QCOMPARE(columns, expected);
    }
}

void TestServerDatabase::sequence()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    QString error;
    QVERIFY(db.transaction());
    // Consecutive blocks: 5 numbers from 1, then 3 from 6.
    QCOMPARE(db.reserveSequence(5, &error), 1);
    QCOMPARE(db.reserveSequence(3, &error), 6);
    QVERIFY(db.commit());
    QCOMPARE(db.headSequence(), 8);

    // A rolled-back reservation is undone.
    QVERIFY(db.transaction());
    QCOMPARE(db.reserveSequence(10, &error), 9);
    QVERIFY(db.rollback());
    QCOMPARE(db.headSequence(), 8);

    // nextSequence: blocks of 1, 2, 4 … within one transaction; the unused rest dies with the commit,
    // so the next transaction never reuses a number.
    QVERIFY(db.transaction());
    QCOMPARE(db.nextSequence(&error), 9);  // block {9}
    QCOMPARE(db.nextSequence(&error), 10); // block {10, 11}
    QVERIFY(db.commit());
    QCOMPARE(db.headSequence(), 11);
    QVERIFY(db.transaction());
    QCOMPARE(db.nextSequence(&error), 12);
    QVERIFY(db.savepoint(u"sp"_s));
    QCOMPARE(db.nextSequence(&error), 13); // block {13, 14}, reserved inside the savepoint
    QVERIFY(db.rollbackToSavepoint(u"sp"_s));
    // The savepoint's reservation was undone, so the block is dropped and 13 comes again (in the
    // next, larger block {13 … 16}).
    QCOMPARE(db.nextSequence(&error), 13);
    QVERIFY(db.commit());
    QCOMPARE(db.headSequence(), 16);

    QCOMPARE(db.reserveSequence(0, &error), 0);
    QCOMPARE(error, u"At least one sequence number must be reserved."_s);
}

void TestServerDatabase::timestampForm()
{
    // The one stored form, yyyy-MM-ddTHH:mm:ss.zzzZ in UTC (compares as text), written by hand.
    QCOMPARE(ServerDatabase::timestamp(QDateTime(QDate(2026, 11, 25), QTime(8, 30, 0, 125), Qt::UTC)),
             u"2026-11-25T08:30:00.125Z"_s);
    QCOMPARE(ServerDatabase::timestamp(QDateTime(QDate(2026, 1, 1), QTime(7, 5, 9, 7), QTimeZone(8 * 3600))),
             u"2025-12-31T23:05:09.007Z"_s);
    QCOMPARE(ServerDatabase::timestamp(QDateTime(QDate(987, 3, 4), QTime(0, 0), Qt::UTC)),
             u"0987-03-04T00:00:00.000Z"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(ServerDatabase::timestamp(now), now.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
    QCOMPARE(ServerDatabase::timestamp(QDateTime()), QString());
}

void TestServerDatabase::rowStoreVersions()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    RowStore rows(db);
    QString error;
    QVERIFY(db.transaction());
    const auto park = rows.upsert(u"park"_s, QString(), {{u"name"_s, u"长沙经开区"_s}}, &error);
    QVERIFY2(park, qPrintable(error));
    const auto firm = rows.upsert(u"enterprise"_s, QString(),
                                  {{u"uscc"_s, u"91430100MA4L000001"_s},
                                   {u"name"_s, u"长沙湘江机械有限公司"_s},
                                   {u"kind"_s, u"company"_s},
                                   {u"park_id"_s, park->id},
                                   {u"registered_capital"_s, 500000000}},
                                  &error);
    QVERIFY2(firm, qPrintable(error));
    QVERIFY(db.commit());
    QVERIFY(park->created && park->changed);
    // Blocks {1}, {2, 3}: 3 is an unused gap after the commit.
    QCOMPARE(park->version, 1);
    QCOMPARE(firm->version, 2);
    QCOMPARE(db.headSequence(), 3);
    QCOMPARE(firm->id.size(), 36);

    // Schema defaults fill what was not named; meta columns are set.
    std::optional<Sync::Row> row = rows.load(u"enterprise"_s, firm->id);
    QVERIFY(row);
    QCOMPARE(row->version, 2);
    QVERIFY(!row->deleted);
    QVERIFY(row->updatedAt.isValid());
    QCOMPARE(row->fields.value(u"employees"_s), QJsonValue(0));
    QCOMPARE(row->fields.value(u"established"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(row->fields.value(u"registered_capital"_s), QJsonValue(500000000));
    QCOMPARE(row->fields.size(), Sync::EntityCatalog::find(u"enterprise"_s)->fields.size());
    // Every field carries the creation version.
    QJsonObject versions = rows.fieldVersions(u"enterprise"_s, firm->id);
    QCOMPARE(versions.size(), row->fields.size());
    QCOMPARE(versions.value(u"name"_s).toInteger(), 2);

    // Writing the same values again changes nothing, not even the version.
    QVERIFY(db.transaction());
    auto same = rows.upsert(u"enterprise"_s, firm->id,
                            {{u"name"_s, u"长沙湘江机械有限公司"_s}, {u"employees"_s, 0}}, &error);
    QVERIFY(db.commit());
    QVERIFY(same && !same->changed && !same->created);
    QCOMPARE(same->version, 2);
    QCOMPARE(db.headSequence(), 3);

    // One changed field: a new version for the row, and for that field only.
    QVERIFY(db.transaction());
    auto changed = rows.upsert(u"enterprise"_s, firm->id,
                               {{u"name"_s, u"长沙湘江重工有限公司"_s}, {u"employees"_s, 0}}, &error);
    QVERIFY(db.commit());
    QVERIFY(changed && changed->changed && !changed->created);
    QCOMPARE(changed->version, 4);
    versions = rows.fieldVersions(u"enterprise"_s, firm->id);
    QCOMPARE(versions.value(u"name"_s).toInteger(), 4);
    QCOMPARE(versions.value(u"employees"_s).toInteger(), 2);
    QCOMPARE(versions.value(u"uscc"_s).toInteger(), 2);

    // Unknown fields are refused before any SQL is built from them.
    QVERIFY(db.transaction());
    QVERIFY(!rows.upsert(u"enterprise"_s, firm->id, {{u"name; DROP TABLE park"_s, 1}}, &error));
    QCOMPARE(error, u"The field name; DROP TABLE park is not a field of enterprise."_s);
    QVERIFY(!rows.upsert(u"nosuch"_s, QString(), {{u"a"_s, 1}}, &error));
    QCOMPARE(error, u"The entity nosuch is not synced by this server."_s);
    QVERIFY(db.rollback());
}

void TestServerDatabase::rowStoreUpsertOfLoadedRow()
{
    // upsert(current, fieldVersions, …) (the push path: the row was just read with load()) writes
    // exactly what upsert(entity, id, …) writes, without reading the row again.
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    RowStore rows(db);
    QString error;

    QVERIFY(db.transaction());
    QJsonObject versions;
    std::optional<Sync::Row> firm = rows.load(u"enterprise"_s, w.firmA1, &error, &versions);
    QVERIFY2(firm, qPrintable(error));
    QCOMPARE(versions, rows.fieldVersions(u"enterprise"_s, w.firmA1));
    const qint64 created = firm->version;
    // The same values: nothing changes, not even the version.
    auto same = rows.upsert(*firm, versions, {{u"name"_s, firm->fields.value(u"name"_s)}}, &error);
    QVERIFY2(same, qPrintable(error));
    QVERIFY(!same->changed && !same->created);
    QCOMPARE(same->version, created);
    // One changed field: a new version for the row and for that field only.
    auto changed = rows.upsert(*firm, versions, {{u"name"_s, u"长沙湘江重工有限公司"_s}}, &error);
    QVERIFY2(changed, qPrintable(error));
    QVERIFY(changed->changed && !changed->created);
    QVERIFY(changed->version > created);
    QVERIFY(db.commit());
    QJsonObject after;
    firm = rows.load(u"enterprise"_s, w.firmA1, nullptr, &after);
    QCOMPARE(firm->version, changed->version);
    QCOMPARE(firm->fields.value(u"name"_s).toString(), u"长沙湘江重工有限公司"_s);
    QCOMPARE(after.value(u"name"_s).toInteger(), changed->version);
    QCOMPARE(after.value(u"uscc"_s), versions.value(u"uscc"_s));
    QCOMPARE(after.size(), versions.size());

    // A server-only field (not in load()'s row) is read from the table after all.
    QVERIFY(db.transaction());
    std::optional<Sync::Row> user = rows.load(u"app_user"_s, w.staffA.userId, &error, &versions);
    QVERIFY2(user, qPrintable(error));
    QVERIFY(!user->fields.contains(u"password_hash"_s));
    auto password = rows.upsert(*user, versions, {{u"password_hash"_s, u"pbkdf2$changed"_s}}, &error);
    QVERIFY2(password, qPrintable(error));
    QVERIFY(password->changed);
    QVERIFY(db.commit());
    QCOMPARE(rows.fieldVersions(u"app_user"_s, w.staffA.userId).value(u"password_hash"_s).toInteger(),
             password->version);

    // Scope changes are seen as with a read row: renewing firmA2's expired authorization lets bank X
    // (application appA2X submitted) see the firm again, so its rows are re-stamped.
    const qint64 head = db.headSequence();
    QVERIFY(db.transaction());
    std::optional<Sync::Row> auth = rows.load(u"authorization"_s, w.authA2, &error, &versions);
    QVERIFY2(auth, qPrintable(error));
    auto renewed = rows.upsert(
        *auth, versions, {{u"valid_to"_s, QDate::currentDate().addDays(365).toString(Qt::ISODate)}}, &error);
    QVERIFY2(renewed, qPrintable(error));
    QVERIFY(db.commit());
    QVERIFY(renewed->version > head);
    QVERIFY(rows.load(u"enterprise"_s, w.firmA2)->version > head);
    QVERIFY(rows.load(u"enterprise"_s, w.firmA1)->version < head); // other firms untouched
}

void TestServerDatabase::rowStoreRemoveAndFind()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    RowStore rows(db);
    QString error;
    QVERIFY(db.transaction());
    const auto user = rows.upsert(
        u"app_user"_s, QString(),
        {{u"login"_s, u"li.wei"_s}, {u"role"_s, u"admin"_s}, {u"password_hash"_s, u"pbkdf2$x"_s}}, &error);
    QVERIFY2(user, qPrintable(error));
    QVERIFY(db.commit());
    // The server-only password hash is stored but never loaded as a wire field.
    const std::optional<Sync::Row> row = rows.load(u"app_user"_s, user->id);
    QVERIFY(row);
    QVERIFY(!row->fields.contains(u"password_hash"_s));
    QCOMPARE(row->fields.value(u"login"_s).toString(), u"li.wei"_s);
    QCOMPARE(rows.findId(u"app_user"_s, {{u"login"_s, u"li.wei"_s}}), user->id);
    QCOMPARE(rows.findId(u"app_user"_s, {{u"login"_s, u"nobody"_s}}), QString());
    // An id that is not in the store's form would stop every client's pull at that row: refused.
    QVERIFY(db.transaction());
    for (const QString &bad :
         {u"park0000-0000-4000-8000-000000000001"_s, u"{0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01}"_s,
          u"0B0E5C1A-3F7E-4C55-9A51-5D2F7C1E9A01"_s}) {
        QVERIFY(!rows.upsert(u"park"_s, bad, {{u"name"_s, u"园区"_s}}, &error));
        QCOMPARE(error, u"The id %1 is not a lower-case UUID without braces."_s.arg(bad));
        QVERIFY(!rows.insertMany(u"park"_s, {{bad, {{u"name"_s, u"园区"_s}}}}, &error));
    }
    QVERIFY(db.rollback());

    QVERIFY(db.transaction());
    const auto removed = rows.remove(u"app_user"_s, user->id, &error);
    QVERIFY(removed && removed->changed);
    QCOMPARE(removed->version, user->version + 1);
    // Removing a tombstone again is a no-op.
    const auto again = rows.remove(u"app_user"_s, user->id, &error);
    QVERIFY(again && !again->changed);
    QCOMPARE(again->version, removed->version);
    QVERIFY(!rows.remove(u"app_user"_s, u"00000000-0000-4000-8000-000000000000"_s, &error));
    QCOMPARE(error, u"The app_user row 00000000-0000-4000-8000-000000000000 does not exist."_s);
    QVERIFY(db.commit());
    QVERIFY(rows.load(u"app_user"_s, user->id)->deleted);
}

void TestServerDatabase::insertMany()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    RowStore rows(db);
    QString error;
    const QString given = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60"_s;
    QList<std::pair<QString, QJsonObject>> parks;
    for (int i = 0; i < 1200; ++i)
        parks.append(
            {i == 0 ? given : QString(), {{u"name"_s, u"园区%1"_s.arg(i)}, {u"code"_s, u"P%1"_s.arg(i)}}});
    QVERIFY(db.transaction());
    const auto written = rows.insertMany(u"park"_s, parks, &error);
    QVERIFY2(written, qPrintable(error));
    QVERIFY(db.commit());
    QCOMPARE(written->size(), 1200);
    // Several statements, one version per row, consecutive from 1; the given id is kept.
    QCOMPARE(written->first().id, given);
    for (int i = 0; i < written->size(); ++i)
        QCOMPARE(written->at(i).version, i + 1);
    QCOMPARE(db.headSequence(), 1200);
    const std::optional<Sync::Row> last = rows.load(u"park"_s, written->last().id);
    QVERIFY(last);
    QCOMPARE(last->fields.value(u"name"_s).toString(), u"园区1199"_s);
    QCOMPARE(last->fields.value(u"level"_s).toString(), QString()); // schema default
    QCOMPARE(rows.fieldVersions(u"park"_s, written->last().id).value(u"code"_s).toInteger(), 1200);

    // An existing id fails the statement (and the caller rolls back): insertMany never updates.
    QVERIFY(db.transaction());
    QVERIFY(!rows.insertMany(u"park"_s, {{given, {{u"name"_s, u"重复"_s}}}}, &error));
    QVERIFY(error.startsWith(u"The park rows could not be stored: "_s));
    QVERIFY(db.rollback());
    // Rows must name the same fields.
    QVERIFY(db.transaction());
    QVERIFY(!rows.insertMany(
        u"park"_s, {{QString(), {{u"name"_s, u"甲"_s}}}, {QString(), {{u"code"_s, u"乙"_s}}}}, &error));
    QCOMPARE(error, u"Every row of a bulk insert must name the same fields."_s);
    QVERIFY(db.rollback());
    QCOMPARE(rows.load(u"park"_s, given)->fields.value(u"name"_s).toString(), u"园区0"_s);
}

void TestServerDatabase::restamp()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    RowStore rows(db);
    const qint64 head = db.headSequence();
    QString error;
    QVERIFY(db.transaction());
    // firmA1 has: itself, one monthly_value, one credit_record, one authorization = 4 rows.
    QCOMPARE(rows.restampFirm(w.firmA1, &error), 4);
    QVERIFY(db.commit());
    QCOMPARE(db.headSequence(), head + 4);
    QList<qint64> versions;
    for (const auto &[entity, id] : QList<QPair<QString, QString>>{{u"enterprise"_s, w.firmA1},
                                                                   {u"monthly_value"_s, w.mvA1},
                                                                   {u"credit_record"_s, w.crA1},
                                                                   {u"authorization"_s, w.authA1}})
        versions << rows.load(entity, id)->version;
    std::sort(versions.begin(), versions.end());
    // Four distinct new versions right above the old head; the fields did not change.
    QCOMPARE(versions, (QList<qint64>{head + 1, head + 2, head + 3, head + 4}));
    QCOMPARE(rows.load(u"enterprise"_s, w.firmA1)->fields.value(u"name"_s).toString(),
             u"长沙湘江机械有限公司"_s);
    // Other firms are untouched.
    QVERIFY(rows.load(u"enterprise"_s, w.firmB1)->version <= head);
}

void TestServerDatabase::bulkThroughput()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    QFETCH(QString, backend);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    const int count = qEnvironmentVariableIsSet("XINDAI_BENCH_ROWS")
                          ? qEnvironmentVariableIntValue("XINDAI_BENCH_ROWS")
                          : 20000;
    RowStore rows(db);
    rows.setRestampOnScopeChange(false);
    QString error;
    QElapsedTimer timer;
    timer.start();
    // monthly_value rows for 20 firms × 6 kinds × n months, written in 5000-row transactions.
    const QStringList kinds{u"tax_paid"_s,     u"social_insurance_headcount"_s,
                            u"housing_fund"_s, u"electricity"_s,
                            u"bank_inflow"_s,  u"bank_outflow"_s};
    QStringList firms;
    QVERIFY(db.transaction());
    const int firmCount = std::max(1, count / 1200 + 1);
    for (int f = 0; f < firmCount; ++f) {
        const auto firm = rows.upsert(u"enterprise"_s, QString(),
                                      {{u"uscc"_s, u"9143010%1"_s.arg(f, 11, 10, QLatin1Char('0'))},
                                       {u"name"_s, u"企业%1"_s.arg(f)},
                                       {u"kind"_s, u"company"_s},
                                       {u"park_id"_s, w.parkA}},
                                      &error);
        QVERIFY2(firm, qPrintable(error));
        firms << firm->id;
    }
    int written = 0;
    for (int i = 0; written < count; ++i) {
        const QString firm = firms.at(i / 1200);
        const int k = (i / 200) % 6;
        const QDate month = QDate(2000, 1, 1).addMonths(i % 200);
        const auto r = rows.upsert(u"monthly_value"_s, QString(),
                                   {{u"enterprise_id"_s, firm},
                                    {u"kind"_s, kinds.at(k)},
                                    {u"month"_s, month.toString(Qt::ISODate)},
                                    {u"value"_s, i}},
                                   &error);
        QVERIFY2(r, qPrintable(error));
        ++written;
        if (written % 5000 == 0) {
            QVERIFY(db.commit());
            QVERIFY(db.transaction());
        }
    }
    QVERIFY(db.commit());
    const double writeSeconds = timer.nsecsElapsed() / 1e9;

    // The same number of credit_record rows through insertMany (multi-row INSERTs).
    timer.restart();
    QList<std::pair<QString, QJsonObject>> batch;
    int inserted = 0;
    QVERIFY(db.transaction());
    for (int i = 0; i < count; ++i) {
        batch.append({QString(),
                      {{u"enterprise_id"_s, firms.at(i % firms.size())},
                       {u"kind"_s, u"penalty"_s},
                       {u"date"_s, QDate(2020, 1, 1).addDays(i % 2000).toString(Qt::ISODate)},
                       {u"amount"_s, i}}});
        if (batch.size() == 5000 || i == count - 1) {
            const auto written = rows.insertMany(u"credit_record"_s, batch, &error);
            QVERIFY2(written, qPrintable(error));
            QCOMPARE(written->size(), batch.size());
            inserted += written->size();
            batch.clear();
            QVERIFY(db.commit());
            QVERIFY(db.transaction());
        }
    }
    QVERIFY(db.commit());
    const double bulkSeconds = timer.nsecsElapsed() / 1e9;
    QCOMPARE(inserted, count);

    // Pull everything back as admin in 5000-row pages.
    SyncService sync(db);
    Sync::PullRequest request;
    request.pageSize = 5000;
    qint64 pulled = 0;
    timer.restart();
    for (;;) {
        const auto page = sync.pull(w.admin, request, &error);
        QVERIFY2(page, qPrintable(error));
        pulled += page->rows.size();
        request.cursor = page->nextCursor;
        if (!page->hasMore)
            break;
    }
    const double pullSeconds = timer.nsecsElapsed() / 1e9;
    // Everything written comes back exactly once: the world, the firms, both bulk sets.
    QCOMPARE(pulled, qint64(w.labels.size() + firms.size() + 2 * count));
    qInfo("%s: RowStore::upsert %d rows in %.2f s = %.0f rows/s; insertMany %d rows in %.2f s = %.0f rows/s; "
          "pull %lld rows in %.2f s = %.0f rows/s",
          qPrintable(backend), count, writeSeconds, count / writeSeconds, count, bulkSeconds,
          count / bulkSeconds, pulled, pullSeconds, pulled / pullSeconds);
}

void TestServerDatabase::pgPlaceholders()
{
    // Numbered in order; a "?" inside a string or a quoted identifier stays.
    QCOMPARE(
        PgPipeline::numberedPlaceholders(u"SELECT a FROM t WHERE b = ? AND c <> '?' AND \"d?\" IN (?, ?)"_s),
        QByteArray("SELECT a FROM t WHERE b = $1 AND c <> '?' AND \"d?\" IN ($2, $3)"));
    QCOMPARE(PgPipeline::numberedPlaceholders(u"SELECT '汉字?'"_s), QByteArray("SELECT '汉字?'"));
}

void TestServerDatabase::pgPipeline()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    QFETCH(QString, backend);
    QString error;
    if (backend == u"sqlite"_s) {
        // Not a PostgreSQL connection: a clear refusal, nothing run.
        QVERIFY(!db.pgConnection());
        PgPipeline pipeline(db);
        pipeline.add(u"SELECT 1"_s);
        QVERIFY(!pipeline.run(&error));
        QCOMPARE(error, u"The database connection is not PostgreSQL."_s);
        return;
    }
    QVERIFY(db.pgConnection());

    // A QtSql statement read forward-only just before: the pipeline still gets the connection.
    QVERIFY(db.transaction());
    QVERIFY(db.reserveSequence(7, &error) == 1);
    QVERIFY(db.commit());
    QSqlQuery *qt = db.prepared(u"SELECT seq FROM sync_clock WHERE id = 1"_s, &error);
    QVERIFY(qt && qt->exec() && qt->next());
    QCOMPARE(qt->value(0).toLongLong(), 7);
    qt->finish();

    const QString typed = u"SELECT CAST(? AS text), CAST(? AS bigint), CAST(? AS text), true, false"_s;
    {
        PgPipeline pipeline(db);
        pipeline.beginRead();
        const int head = pipeline.add(u"SELECT seq FROM sync_clock WHERE id = ?"_s, {1});
        // The same new statement twice in one pipeline: prepared once, each run with its own binds.
        const int first = pipeline.add(typed, {u"湘信贷 'quoted' ?"_s, qint64(1) << 40, QVariant()});
        const int second = pipeline.add(typed, {QString(), -5, u"x"_s});
        QVERIFY2(pipeline.run(&error), qPrintable(error));
        QVERIFY(db.inTransaction());
        PgRows h = pipeline.rows(head);
        QCOMPARE(h.count(), 1);
        QVERIFY(h.next());
        QCOMPARE(h.integer(0), 7);
        QVERIFY(!h.next());
        PgRows a = pipeline.rows(first);
        QVERIFY(a.next());
        QCOMPARE(a.text(0).toString(), u"湘信贷 'quoted' ?"_s);
        QCOMPARE(a.integer(1), qint64(1) << 40);
        QVERIFY(!a.isNull(1));
        QVERIFY(a.isNull(2));
        QCOMPARE(a.integer(3), 1); // booleans read as 1 and 0
        QCOMPARE(a.integer(4), 0);
        PgRows b = pipeline.rows(second);
        QVERIFY(b.next());
        QCOMPARE(b.text(0).toString(), QString()); // the empty string is not null
        QVERIFY(!b.isNull(0));
        QCOMPARE(b.integer(1), -5);
        QCOMPARE(b.text(2).toString(), u"x"_s);
        QCOMPARE(pipeline.rows(99).count(), 0); // no such statement: no rows
    }
    {
        PgPipeline pipeline(db);
        pipeline.commit();
        QVERIFY2(pipeline.run(&error), qPrintable(error));
        QVERIFY(!db.inTransaction());
    }

    // A failing statement: the first error is reported, the ones after it do not run, and the
    // transaction is left open (aborted) for the caller to roll back.
    {
        PgPipeline pipeline(db);
        pipeline.beginRead();
        pipeline.add(u"SELECT seq FROM no_such_table"_s);
        const int after = pipeline.add(typed, {u"a"_s, 1, u"b"_s});
        pipeline.commit();
        QVERIFY(!pipeline.run(&error));
        QVERIFY2(error.startsWith(u"PostgreSQL reported: "_s) && error.contains(u"no_such_table"_s),
                 qPrintable(error));
        QCOMPARE(pipeline.rows(after).count(), 0);
        QVERIFY(db.inTransaction());
        QVERIFY(db.rollback());
    }
    // The connection works on (the statement that failed to prepare is prepared again when sent again).
    for (int round = 0; round < 2; ++round) {
        PgPipeline pipeline(db);
        const int missing = pipeline.add(u"SELECT seq FROM no_such_table"_s);
        QVERIFY(!pipeline.run(&error));
        QVERIFY2(error.contains(u"no_such_table"_s), qPrintable(error));
        QCOMPARE(pipeline.rows(missing).count(), 0);
    }
    PgPipeline pipeline(db);
    const int ok = pipeline.add(typed, {u"again"_s, 2, u"c"_s});
    QVERIFY2(pipeline.run(&error), qPrintable(error));
    PgRows rows = pipeline.rows(ok);
    QVERIFY(rows.next());
    QCOMPARE(rows.text(0).toString(), u"again"_s);
    QVERIFY(qt->exec() && qt->next());
    QCOMPARE(qt->value(0).toLongLong(), 7);
    qt->finish();
}

void TestServerDatabase::reconnect()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    QFETCH(QString, backend);
    QString error;
    QVERIFY(db.ensureConnected(&error));
    QVERIFY(!db.connectionLost());
    if (backend == u"sqlite"_s)
        return; // a file: nothing to lose
    ServerDatabase other;
    QVERIFY2(other.open(store.url(), &error), qPrintable(error));
    auto backendPid = [](ServerDatabase &d) {
        QSqlQuery q(d.sql());
        return q.exec(u"SELECT pg_backend_pid()"_s) && q.next() ? q.value(0).toLongLong() : -1;
    };
    auto terminate = [&](qint64 pid) {
        QSqlQuery q(other.sql());
        QVERIFY(q.exec(u"SELECT pg_terminate_backend(%1)"_s.arg(pid)));
        QTRY_VERIFY(q.exec(u"SELECT count(*) FROM pg_stat_activity WHERE pid = %1"_s.arg(pid)) && q.next()
                    && q.value(0).toInt() == 0);
    };

    // Terminated, then a statement runs into the closed connection: it fails, the loss is known, and
    // ensureConnected() opens a new connection with the same URL (and schema).
    const qint64 first = backendPid(db);
    QVERIFY(first > 0);
    terminate(first);
    QSqlQuery probe(db.sql());
    QVERIFY(!probe.exec(u"SELECT 1"_s));
    QVERIFY(db.connectionLost());
    QVERIFY2(db.ensureConnected(&error), qPrintable(error));
    QVERIFY(!db.connectionLost());
    const qint64 second = backendPid(db);
    QVERIFY(second > 0 && second != first);
    QCOMPARE(db.headSequence(), 0); // the store's schema again (search_path set anew)
    QVERIFY(db.transaction());
    QCOMPARE(db.reserveSequence(3, &error), 1);
    QVERIFY(db.commit());

    // Terminated while idle: ensureConnected() notices the closed socket (once the backend's exit has
    // closed it; before that, the first statement fails and the next call reconnects).
    terminate(second);
    QTRY_VERIFY(db.ensureConnected(&error) && backendPid(db) > 0);
    QVERIFY(backendPid(db) != second);
    QCOMPARE(db.headSequence(), 3);
    PgPipeline pipeline(db);
    const int head = pipeline.add(u"SELECT seq FROM sync_clock WHERE id = 1"_s);
    QVERIFY2(pipeline.run(&error),
             qPrintable(error)); // statements prepared on the old connection are not assumed
    PgRows rows = pipeline.rows(head);
    QVERIFY(rows.next());
    QCOMPARE(rows.integer(0), 3);
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
