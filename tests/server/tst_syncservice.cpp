// SyncService push (applied, replay, merge, rejections that change nothing) and pull (paging,
// cursor, checksum, tombstones, server-only fields), each case on SQLite and PostgreSQL.

#include "core/domain/syncmeta.h"
#include "server/rowstore.h"
#include "server/scope.h"
#include "server/syncservice.h"
#include "servertestdb.h"
#include "sync/entitycatalog.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace XinDai;
using namespace XinDai::Server;
using namespace XinDai::Server::Test;

namespace {

Sync::Operation upsert(const QString &entity, const QString &rowId, qint64 baseVersion,
                       const QJsonObject &fields)
{
    Sync::Operation op;
    op.opId = Core::newId();
    op.entity = entity;
    op.rowId = rowId;
    op.kind = Sync::Operation::Kind::Upsert;
    op.baseVersion = baseVersion;
    op.fields = fields;
    op.createdAt = QDateTime(QDate(2026, 11, 25), QTime(8, 30), Qt::UTC);
    return op;
}

Sync::Operation remove(const QString &entity, const QString &rowId, qint64 baseVersion)
{
    Sync::Operation op = upsert(entity, rowId, baseVersion, {});
    op.kind = Sync::Operation::Kind::Delete;
    return op;
}

/// A batch of \a ops, each edited from the row's current version unless it names another base.
Sync::PushRequest batch(ServerDatabase &db, const QList<Sync::Operation> &ops)
{
    Sync::PushRequest request;
    request.clientId = u"c1c1c1c1-0000-4000-8000-000000000001"_s;
    for (const Sync::Operation &op : ops)
        request.operations.append(atCurrent(db, op));
    return request;
}

Sync::OpResult pushOne(ServerDatabase &db, SyncService &sync, const Caller &caller, const Sync::Operation &op)
{
    QString error;
    const auto response = sync.push(caller, batch(db, {op}), &error);
    if (!response || response->results.size() != 1)
        qFatal("push failed: %s", qPrintable(error));
    return response->results.first();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int count(ServerDatabase &db, const QString &sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestSyncService : public QObject
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
    void pushApplied_data() { backends(); }
    void pushApplied();
    void replayIsIdentical_data() { backends(); }
    void replayIsIdentical();
    void largeBatchWithReplays_data() { backends(); }
    void largeBatchWithReplays();
    void savepointPerOperation_data() { backends(); }
    void savepointPerOperation();
    void batchReadsWhatEarlierOperationsWrote_data() { backends(); }
    void batchReadsWhatEarlierOperationsWrote();
    void conflictMerge_data() { backends(); }
    void conflictMerge();
    void rejectedChangesNothing_data();
    void rejectedChangesNothing();
    void deleteDraft_data() { backends(); }
    void deleteDraft();
    void monthlyValueByNaturalKey_data() { backends(); }
    void monthlyValueByNaturalKey();
    void pullPagingAndCursor_data() { backends(); }
    void pullPagingAndCursor();
    void pullUnknownEntity_data() { backends(); }
    void pullUnknownEntity();
    void takenApplicationNumberGetsNextFree_data() { backends(); }
    void takenApplicationNumberGetsNextFree();
    void authorizationStartingLaterReachesBankThatDay_data() { backends(); }
    void authorizationStartingLaterReachesBankThatDay();
    void pushGivesUpWhileAnotherWriterHoldsTheLock_data() { backends(); }
    void pushGivesUpWhileAnotherWriterHoldsTheLock();
    void concurrentPushesFromTwoConnections_data() { backends(); }
    void concurrentPushesFromTwoConnections();
};

void TestSyncService::pushApplied()
{
    XINDAI_OPEN_WORLD();
    const qint64 head = db.headSequence();
    const QString id = Core::newId();
    const Sync::OpResult r = pushOne(db, sync, w.staffA,
                                     upsert(u"application"_s, id, 0,
                                            {{u"enterprise_id"_s, w.firmA1},
                                             {u"park_id"_s, w.parkA},
                                             {u"institution_id"_s, w.instX},
                                             {u"amount"_s, 300000000},
                                             {u"purpose"_s, u"购置设备"_s},
                                             {u"state"_s, u"draft"_s}}));
    QCOMPARE(r.status, Sync::OpResult::Status::Applied);
    // The first number after the world's head.
    QCOMPARE(r.newVersion, head + 1);
    const std::optional<Sync::Row> row = RowStore(db).load(u"application"_s, id);
    QVERIFY(row);
    QCOMPARE(row->version, r.newVersion);
    QCOMPARE(row->fields.value(u"amount"_s), QJsonValue(300000000));
    QCOMPARE(row->fields.value(u"purpose"_s).toString(), u"购置设备"_s);
    QCOMPARE(row->fields.value(u"term_months"_s), QJsonValue(12)); // schema default
    // The result is stored under the opId with the caller's id.
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(u"SELECT user_id, result FROM applied_op"_s) && q.next());
    QCOMPARE(q.value(0).toString(), w.staffA.userId);
    QCOMPARE(q.value(1).toString().toUtf8(), json(r.toJson()));
    // A new draft is no decision: nothing audited.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM audit_log"_s), 0);
}

void TestSyncService::replayIsIdentical()
{
    XINDAI_OPEN_WORLD();
    const Sync::PushRequest request
        = batch(db, {upsert(u"enterprise"_s, w.firmA1, 0, {{u"employees"_s, 120}}),
                     upsert(u"application"_s, w.appA1Y, 0, {{u"state"_s, u"approved"_s}}),
                     upsert(u"application"_s, w.appA1X, 0, {{u"state"_s, u"withdrawn"_s}})});
    QString error;
    const auto first = sync.push(w.staffA, request, &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->results.size(), 3);
    QCOMPARE(first->results.at(0).status, Sync::OpResult::Status::Applied);
    QCOMPARE(first->results.at(1).status, Sync::OpResult::Status::Rejected);
    QCOMPARE(first->results.at(2).status, Sync::OpResult::Status::Applied);
    const QString after = dump(db);
    const int audits = count(db, u"SELECT COUNT(*) FROM audit_log"_s);

    // The connection was cut, the client sends the same batch again: the same answers, byte for
    // byte, and nothing is written (no second version, no second decision in the audit log).
    const auto second = sync.push(w.staffA, request, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(json(second->toJson()), json(first->toJson()));
    QCOMPARE(dump(db), after);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applied_op"_s), 3);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM audit_log"_s), audits);

    // Another user cannot replay (or read) someone else's operation.
    const auto stolen = sync.push(w.staffB, batch(db, {request.operations.at(0)}), &error);
    QVERIFY(stolen);
    QCOMPARE(stolen->results.at(0).status, Sync::OpResult::Status::Rejected);
    QCOMPARE(stolen->results.at(0).reason,
             u"The operation id %1 was already used by another user."_s.arg(request.operations.at(0).opId));
    QCOMPARE(dump(db), after);
}

void TestSyncService::largeBatchWithReplays()
{
    // The stored results of a batch are looked up and written in multi-row statements: a batch
    // mixing replays, new operations, an opId of another user and a repeated opId answers each
    // exactly as one operation at a time would.
    XINDAI_OPEN_WORLD();
    auto draft = [&](int i) {
        return upsert(u"application"_s, Core::newId(), 0,
                      {{u"enterprise_id"_s, w.firmA1},
                       {u"park_id"_s, w.parkA},
                       {u"institution_id"_s, w.instX},
                       {u"amount"_s, 100000000 + i},
                       {u"state"_s, u"draft"_s}});
    };
    QList<Sync::Operation> ops;
    for (int i = 0; i < 70; ++i)
        ops.append(draft(i));
    QString error;
    const auto first = sync.push(w.staffA, batch(db, ops.mid(0, 40)), &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->results.size(), 40);
    const Sync::OpResult other = pushOne(db, sync, w.staffB,
                                         upsert(u"application"_s, Core::newId(), 0,
                                                {{u"enterprise_id"_s, w.firmB1},
                                                 {u"park_id"_s, w.parkB},
                                                 {u"institution_id"_s, w.instX},
                                                 {u"amount"_s, 5000000},
                                                 {u"state"_s, u"draft"_s}}));
    QCOMPARE(other.status, Sync::OpResult::Status::Applied);

    Sync::PushRequest request = batch(db, ops); // 40 replays, then 30 new operations
    Sync::Operation stolen = draft(99);
    stolen.opId = other.opId;
    request.operations.append(stolen);
    request.operations.append(request.operations.at(45)); // the same opId again
    const auto second = sync.push(w.staffA, request, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(second->results.size(), 72);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(json(second->results.at(i).toJson()), json(first->results.at(i).toJson()));
    for (int i = 40; i < 70; ++i) {
        QCOMPARE(second->results.at(i).opId, ops.at(i).opId);
        QCOMPARE(second->results.at(i).status, Sync::OpResult::Status::Applied);
        QCOMPARE(RowStore(db).load(u"application"_s, ops.at(i).rowId)->version,
                 second->results.at(i).newVersion);
    }
    QCOMPARE(second->results.at(70).status, Sync::OpResult::Status::Rejected);
    QCOMPARE(second->results.at(70).reason,
             u"The operation id %1 was already used by another user."_s.arg(other.opId));
    QCOMPARE(json(second->results.at(71).toJson()), json(second->results.at(45).toJson()));

    // Every result is stored once, under its opId, byte for byte what was answered.
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applied_op"_s), 71);
    QSqlQuery q(db.sql());
    QVERIFY(q.prepare(u"SELECT user_id, result, client_id FROM applied_op WHERE op_id = ?"_s));
    for (int i = 0; i < 70; ++i) {
        q.addBindValue(ops.at(i).opId);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), w.staffA.userId);
        QCOMPARE(q.value(1).toString().toUtf8(), json(second->results.at(i).toJson()));
        QCOMPARE(q.value(2).toString(), request.clientId);
    }
    // A third send of the whole batch changes nothing and answers the same.
    const QString after = dump(db);
    const auto third = sync.push(w.staffA, request, &error);
    QVERIFY2(third, qPrintable(error));
    QCOMPARE(json(third->toJson()), json(second->toJson()));
    QCOMPARE(dump(db), after);
}

void TestSyncService::savepointPerOperation()
{
    // Applied and rejected operations alternate in one batch (the savepoint left by one operation
    // serves the next): each rejection undoes exactly its own operation, the refusals of the scope
    // stay audited, the applied ones stay written.
    XINDAI_OPEN_WORLD();
    const Sync::PushRequest request
        = batch(db, {upsert(u"enterprise"_s, w.firmA1, 0, {{u"employees"_s, 120}}),
                     upsert(u"enterprise"_s, w.firmB1, 0, {{u"employees"_s, 7}}),          // other park
                     upsert(u"application"_s, w.appA1Y, 0, {{u"state"_s, u"approved"_s}}), // no such move
                     upsert(u"enterprise"_s, w.firmA2, 0, {{u"employees"_s, 33}}),
                     upsert(u"application"_s, w.appA1Y, 0, {{u"amount"_s, 123456700}}),
                     upsert(u"enterprise"_s, w.firmB1, 0, {{u"employees"_s, 8}})}); // other park
    const qint64 head = db.headSequence();
    QString error;
    const auto response = sync.push(w.staffA, request, &error);
    QVERIFY2(response, qPrintable(error));
    using St = Sync::OpResult::Status;
    QList<St> statuses;
    for (const Sync::OpResult &r : response->results)
        statuses.append(r.status);
    QCOMPARE(statuses,
             (QList<St>{St::Applied, St::Rejected, St::Rejected, St::Applied, St::Applied, St::Rejected}));
    RowStore rows(db);
    QCOMPARE(rows.load(u"enterprise"_s, w.firmA1)->fields.value(u"employees"_s), QJsonValue(120));
    QCOMPARE(rows.load(u"enterprise"_s, w.firmA2)->fields.value(u"employees"_s), QJsonValue(33));
    QCOMPARE(rows.load(u"application"_s, w.appA1Y)->fields.value(u"amount"_s), QJsonValue(123456700));
    QCOMPARE(rows.load(u"application"_s, w.appA1Y)->fields.value(u"state"_s).toString(), u"draft"_s);
    QVERIFY(rows.load(u"enterprise"_s, w.firmB1)->version <= head);
    QVERIFY(rows.load(u"enterprise"_s, w.firmB1)->fields.value(u"employees"_s) != QJsonValue(7));
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden'"_s), 2);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM applied_op"_s), 6);
    // The three applied operations took three new versions, nothing else did.
    QCOMPARE(response->results.at(0).newVersion, head + 1);
    QVERIFY(response->results.at(4).newVersion > response->results.at(3).newVersion);
}

void TestSyncService::batchReadsWhatEarlierOperationsWrote()
{
    // The rows of a batch are read up front; a row an earlier operation of the batch created or
    // changed, and rows a re-stamp gave new versions, are read again for the later ones.
    XINDAI_OPEN_WORLD();
    RowStore rows(db);
    const qint64 head = db.headSequence();
    const qint64 firmB1Before = rows.load(u"enterprise"_s, w.firmB1)->version;
    const QJsonValue employees = rows.load(u"enterprise"_s, w.firmB1)->fields.value(u"employees"_s);
    const QString created = Core::newId();
    Sync::Operation create = upsert(u"application"_s, created, 0,
                                    {{u"enterprise_id"_s, w.firmA1},
                                     {u"park_id"_s, w.parkA},
                                     {u"institution_id"_s, w.instX},
                                     {u"amount"_s, 300000000},
                                     {u"state"_s, u"draft"_s}});
    // The same row again, edited from the version the first operation gives it (head + 1).
    Sync::Operation edit = upsert(u"application"_s, created, head + 1, {{u"amount"_s, 310000000}});
    // An authorization for X makes firmB1 (application appB1X, submitted to X) visible to bank X: its
    // rows are re-stamped …
    Sync::Operation authorize
        = upsert(u"authorization"_s, Core::newId(), 0,
                 {{u"enterprise_id"_s, w.firmB1},
                  {u"institution_ids"_s, QString(u"[\""_s + w.instX + u"\"]"_s)},
                  {u"valid_from"_s, w.today.addDays(-1).toString(Qt::ISODate)},
                  {u"valid_to"_s, QDate::currentDate().addDays(365).toString(Qt::ISODate)},
                  {u"revoked"_s, false}});
    // … so an unchanged write of the firm answers its re-stamped version, not the one read before.
    Sync::Operation same = upsert(u"enterprise"_s, w.firmB1, firmB1Before, {{u"employees"_s, employees}});
    Sync::PushRequest request;
    request.clientId = u"c1c1c1c1-0000-4000-8000-000000000001"_s;
    request.operations = {create, edit, authorize, same};
    QString error;
    const auto response = sync.push(w.admin, request, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->results.size(), 4);
    for (const Sync::OpResult &r : response->results)
        QVERIFY2(r.status == Sync::OpResult::Status::Applied, qPrintable(r.reason));
    QCOMPARE(response->results.at(0).newVersion, head + 1);
    const std::optional<Sync::Row> application = rows.load(u"application"_s, created);
    QCOMPARE(application->fields.value(u"amount"_s), QJsonValue(310000000));
    QCOMPARE(application->version, response->results.at(1).newVersion);
    const qint64 firmB1After = rows.load(u"enterprise"_s, w.firmB1)->version;
    QVERIFY(firmB1After > response->results.at(2).newVersion); // re-stamped after the authorization
    QCOMPARE(response->results.at(3).newVersion, firmB1After);
}

void TestSyncService::conflictMerge()
{
    XINDAI_OPEN_WORLD();
    RowStore rows(db);
    const qint64 base = rows.load(u"application"_s, w.appA1Y)->version;

    // The park manager's laptop edits the draft first: amount and purpose.
    const Sync::OpResult manager = pushOne(
        db, sync, w.managerA,
        upsert(u"application"_s, w.appA1Y, base, {{u"amount"_s, 200000000}, {u"purpose"_s, u"扩大产能"_s}}));
    QCOMPARE(manager.status, Sync::OpResult::Status::Applied);

    // The window clerk edited the same draft offline from the same base: amount differently (a
    // conflict: the server keeps 200000000 and returns 300000000), purpose to the same text (no
    // conflict), term_months that nobody else touched (applied).
    const Sync::OpResult staff
        = pushOne(db, sync, w.staffA,
                  upsert(u"application"_s, w.appA1Y, base,
                         {{u"amount"_s, 300000000}, {u"purpose"_s, u"扩大产能"_s}, {u"term_months"_s, 24}}));
    QCOMPARE(staff.status, Sync::OpResult::Status::Conflict);
    QCOMPARE(staff.conflicts.size(), 1);
    QCOMPARE(staff.conflicts.at(0).field, u"amount"_s);
    QCOMPARE(staff.conflicts.at(0).localValue, QJsonValue(300000000));
    QCOMPARE(staff.conflicts.at(0).serverValue, QJsonValue(200000000));
    QCOMPARE(staff.newVersion, manager.newVersion + 1);
    QCOMPARE(staff.serverRow.id, w.appA1Y);
    QCOMPARE(staff.serverRow.version, staff.newVersion);
    QCOMPARE(staff.serverRow.fields.value(u"amount"_s), QJsonValue(200000000));
    QCOMPARE(staff.serverRow.fields.value(u"purpose"_s).toString(), u"扩大产能"_s);
    QCOMPARE(staff.serverRow.fields.value(u"term_months"_s), QJsonValue(24));
    QCOMPARE(staff.serverRow.fields.value(u"state"_s).toString(), u"draft"_s);
    // The stored row is exactly the merged row.
    QCOMPARE(*rows.load(u"application"_s, w.appA1Y), staff.serverRow);

    // An edit from an old base of a field nobody changed since that base applies without conflict
    // (field_versions), although the row's version moved on.
    const Sync::OpResult late
        = pushOne(db, sync, w.managerA,
                  upsert(u"application"_s, w.appA1Y, manager.newVersion, {{u"collateral"_s, u"厂房抵押"_s}}));
    QCOMPARE(late.status, Sync::OpResult::Status::Applied);
    QCOMPARE(late.newVersion, staff.newVersion + 1);
    QCOMPARE(rows.load(u"application"_s, w.appA1Y)->fields.value(u"amount"_s), QJsonValue(200000000));
}

void TestSyncService::rejectedChangesNothing_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("kase");
    QTest::addColumn<QString>("reason");
    const QList<QPair<QString, QString>> cases{
        // The catalog has no such column: strict, nothing partially applied.
        {u"unknown field"_s, u"The field colour is not a field of this entity."_s},
        // Money is an integer number of fen, not a string.
        {u"wrong type"_s, u"The field amount must be a number."_s},
        // draft → approved skips submit and accept.
        {u"bad transition"_s, u"The application cannot go from draft to approved."_s},
        // firmB1 is in park B; the clerk works in park A.
        {u"out-of-scope park"_s, u"The firm belongs to another park."_s},
        {u"unknown entity"_s, u"The entity nosuch is not synced by this server."_s},
        // Only drafts may be deleted.
        {u"delete submitted"_s, u"The application cannot be deleted after it was submitted."_s},
        // A new firm must carry its USCC (catalog: required).
        {u"missing required"_s, u"The field uscc is missing."_s},
        // The firm does not exist on the server.
        {u"broken reference"_s,
         u"The field enterprise_id refers to a enterprise record that does not exist."_s},
        // enterprise.uscc is unique.
        {u"duplicate uscc"_s, u"Another firm already has the USCC 91430100MA4L000001."_s},
        // A tombstone cannot be edited back to life by a client.
        {u"edit deleted"_s, u"The record was deleted on the server, so this change cannot be applied."_s},
    };
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (const auto &[kase, reason] : cases)
            QTest::newRow(qPrintable(backend + u' ' + kase)) << backend << kase << reason;
    }
}

void TestSyncService::rejectedChangesNothing()
{
    QFETCH(QString, kase);
    QFETCH(QString, reason);
    XINDAI_OPEN_WORLD();
    if (kase == u"edit deleted"_s) {
        QVERIFY(db.transaction());
        QVERIFY(RowStore(db).remove(u"application"_s, w.appA1Y, nullptr));
        QVERIFY(db.commit());
    }
    const QString newId = Core::newId();
    Sync::Operation op;
    if (kase == u"unknown field"_s)
        op = upsert(u"enterprise"_s, w.firmA1, 0, {{u"colour"_s, u"red"_s}});
    else if (kase == u"wrong type"_s)
        op = upsert(u"application"_s, w.appA1Y, 0, {{u"amount"_s, u"many"_s}});
    else if (kase == u"bad transition"_s)
        op = upsert(u"application"_s, w.appA1Y, 0, {{u"state"_s, u"approved"_s}});
    else if (kase == u"out-of-scope park"_s)
        op = upsert(u"enterprise"_s, w.firmB1, 0, {{u"employees"_s, 5}});
    else if (kase == u"unknown entity"_s)
        op = upsert(u"nosuch"_s, newId, 0, {{u"a"_s, 1}});
    else if (kase == u"delete submitted"_s)
        op = remove(u"application"_s, w.appA1X, 0);
    else if (kase == u"missing required"_s)
        op = upsert(u"enterprise"_s, newId, 0,
                    {{u"name"_s, u"新企业"_s}, {u"kind"_s, u"company"_s}, {u"park_id"_s, w.parkA}});
    else if (kase == u"broken reference"_s)
        op = upsert(
            u"monthly_value"_s, newId, 0,
            {{u"enterprise_id"_s, Core::newId()}, {u"kind"_s, u"tax_paid"_s}, {u"month"_s, u"2026-10-01"_s}});
    else if (kase == u"duplicate uscc"_s)
        op = upsert(u"enterprise"_s, newId, 0,
                    {{u"uscc"_s, u"91430100MA4L000001"_s},
                     {u"name"_s, u"重复企业"_s},
                     {u"kind"_s, u"company"_s},
                     {u"park_id"_s, w.parkA}});
    else if (kase == u"edit deleted"_s)
        op = upsert(u"application"_s, w.appA1Y, 0, {{u"amount"_s, 5}});
    QVERIFY(!op.opId.isEmpty());

    const QString before = dump(db);
    const Sync::OpResult r = pushOne(db, sync, w.staffA, op);
    QCOMPARE(r.status, Sync::OpResult::Status::Rejected);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.newVersion, 0);
    // Nothing of it in the store (rows, versions, sequence), only its stored result.
    QCOMPARE(dump(db), before);
    QSqlQuery q(db.sql());
    QVERIFY(q.prepare(u"SELECT result FROM applied_op WHERE op_id = ?"_s));
    q.addBindValue(op.opId);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString().toUtf8(), json(r.toJson()));
    q.finish();

    // The same operation (new opId) between two good ones: they apply, it is rejected alike.
    Sync::Operation middle = op;
    middle.opId = Core::newId();
    const Sync::Operation good1 = upsert(u"enterprise"_s, w.firmA2, 0, {{u"employees"_s, 7}});
    const Sync::Operation good2 = upsert(u"enterprise"_s, w.firmA3, 0, {{u"employees"_s, 8}});
    QString error;
    const auto response = sync.push(w.staffA, batch(db, {good1, middle, good2}), &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->results.size(), 3);
    QCOMPARE(response->results.at(0).status, Sync::OpResult::Status::Applied);
    QCOMPARE(response->results.at(1).status, Sync::OpResult::Status::Rejected);
    QCOMPARE(response->results.at(1).reason, reason);
    QCOMPARE(response->results.at(2).status, Sync::OpResult::Status::Applied);
    // The rejection consumed no sequence number: the good ones are consecutive.
    QCOMPARE(response->results.at(2).newVersion, response->results.at(0).newVersion + 1);
    QCOMPARE(RowStore(db).load(u"enterprise"_s, w.firmA2)->fields.value(u"employees"_s), QJsonValue(7));
}

void TestSyncService::deleteDraft()
{
    XINDAI_OPEN_WORLD();
    const qint64 head = db.headSequence();
    const Sync::OpResult r = pushOne(db, sync, w.staffA, remove(u"application"_s, w.appA1Y, 0));
    QCOMPARE(r.status, Sync::OpResult::Status::Applied);
    QCOMPARE(r.newVersion, head + 1);
    const std::optional<Sync::Row> row = RowStore(db).load(u"application"_s, w.appA1Y);
    QVERIFY(row->deleted);
    QCOMPARE(row->version, head + 1);
    // Deleting the tombstone again is applied without a new version (idempotent).
    const Sync::OpResult again = pushOne(db, sync, w.staffA, remove(u"application"_s, w.appA1Y, 0));
    QCOMPARE(again.status, Sync::OpResult::Status::Applied);
    QCOMPARE(again.newVersion, head + 1);
}

void TestSyncService::monthlyValueByNaturalKey()
{
    XINDAI_OPEN_WORLD();
    RowStore rows(db);
    const QJsonObject key{
        {u"enterprise_id"_s, w.firmA1}, {u"kind"_s, u"tax_paid"_s}, {u"month"_s, u"2026-10-01"_s}};

    // A second clerk typed the same month as a new row (its own id, base 0) with another value:
    // it lands on the existing row, and the server's value wins as a recorded conflict.
    QJsonObject fields = key;
    fields.insert(u"value"_s, 999);
    const Sync::OpResult r
        = pushOne(db, sync, w.staffA, upsert(u"monthly_value"_s, Core::newId(), 0, fields));
    QCOMPARE(r.status, Sync::OpResult::Status::Conflict);
    QCOMPARE(r.serverRow.id, w.mvA1);
    QCOMPARE(r.conflicts.size(), 1);
    QCOMPARE(r.conflicts.at(0).field, u"value"_s);
    QCOMPARE(r.conflicts.at(0).localValue, QJsonValue(999));
    QCOMPARE(r.conflicts.at(0).serverValue, QJsonValue(1234500));

    // From the current version, the same natural key updates that row.
    fields.insert(u"value"_s, 888);
    const Sync::OpResult r2 = pushOne(
        db, sync, w.staffA,
        upsert(u"monthly_value"_s, Core::newId(), rows.load(u"monthly_value"_s, w.mvA1)->version, fields));
    QCOMPARE(r2.status, Sync::OpResult::Status::Applied);
    QCOMPARE(rows.load(u"monthly_value"_s, w.mvA1)->fields.value(u"value"_s), QJsonValue(888));
    QCOMPARE(rows.load(u"monthly_value"_s, w.mvA1)->version, r2.newVersion);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM monthly_value"_s), 2);
}

void TestSyncService::pullPagingAndCursor()
{
    XINDAI_OPEN_WORLD();
    QVERIFY(pushOne(db, sync, w.staffA, remove(u"application"_s, w.appA1Y, 0)).status
            == Sync::OpResult::Status::Applied);
    const qint64 head = db.headSequence();
    int total = 0;
    for (const QString &entity : Sync::EntityCatalog::names())
        total += count(db, u"SELECT COUNT(*) FROM "_s + ServerDatabase::quoted(entity));

    Sync::PullRequest request;
    request.pageSize = 7;
    QList<Sync::Row> all;
    int pages = 0;
    qint64 last = 0;
    QString error;
    for (;;) {
        const auto page = sync.pull(w.admin, request, &error);
        QVERIFY2(page, qPrintable(error));
        ++pages;
        QVERIFY(page->verify(&error));
        QVERIFY(page->rows.size() <= 7);
        for (const Sync::Row &row : page->rows) {
            // Strictly increasing across pages: nothing repeated, nothing out of order.
            QVERIFY(row.version > last);
            last = row.version;
        }
        all += page->rows;
        if (page->hasMore) {
            QCOMPARE(page->rows.size(), 7);
            QCOMPARE(page->nextCursor, page->rows.last().version);
        } else {
            // The last page moves the cursor to the head read at the start of the request.
            QCOMPARE(page->nextCursor, head);
        }
        request.cursor = page->nextCursor;
        if (!page->hasMore)
            break;
    }
    // Admin sees every row, each exactly once (the latest state of each).
    QCOMPARE(all.size(), total);
    QCOMPARE(pages, (total + 6) / 7 + (total % 7 == 0 ? 1 : 0));

    for (const Sync::Row &row : std::as_const(all)) {
        const Sync::EntitySpec *spec = Sync::EntityCatalog::find(row.entity);
        QVERIFY(!row.fields.contains(u"password_hash"_s));
        if (row.deleted) {
            // A tombstone carries no data besides a natural key.
            QCOMPARE(row.id, w.appA1Y);
            QVERIFY(row.fields.isEmpty());
        } else {
            QCOMPARE(row.fields.keys(), [&] {
                QStringList names = spec->wireFieldNames();
                names.sort();
                return names;
            }());
        }
    }
    QVERIFY(std::any_of(all.begin(), all.end(),
                        [&](const Sync::Row &r) { return r.id == w.appA1Y && r.deleted; }));

    // Nothing new: an empty last page at the same cursor.
    auto empty = sync.pull(w.admin, request, &error);
    QVERIFY(empty && empty->rows.isEmpty() && !empty->hasMore);
    QCOMPARE(empty->nextCursor, head);
    QVERIFY(empty->verify(&error));

    // One change later: exactly that row.
    QCOMPARE(
        pushOne(db, sync, w.staffA, upsert(u"enterprise"_s, w.firmA1, 0, {{u"employees"_s, 321}})).status,
        Sync::OpResult::Status::Applied);
    auto next = sync.pull(w.admin, request, &error);
    QVERIFY(next);
    QCOMPARE(next->rows.size(), 1);
    QCOMPARE(next->rows.at(0).id, w.firmA1);
    QCOMPARE(next->rows.at(0).fields.value(u"employees"_s), QJsonValue(321));
    // A changed value breaks the checksum.
    Sync::PullPage tampered = *next;
    tampered.rows[0].fields.insert(u"employees"_s, 322);
    QVERIFY(!tampered.verify(&error));

    // Restricting the entities.
    request.cursor = 0;
    request.pageSize = 5000;
    request.entities = {u"park"_s};
    auto parks = sync.pull(w.admin, request, &error);
    QVERIFY(parks);
    QCOMPARE(parks->rows.size(), 2);
}

void TestSyncService::pullUnknownEntity()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    SyncService sync(store.db());
    Sync::PullRequest request;
    request.entities = {u"nosuch"_s};
    Caller admin;
    admin.role = u"admin"_s;
    QString error;
    QVERIFY(!sync.pull(admin, request, &error));
    QCOMPARE(sync.lastFailure(), SyncService::Failure::BadRequest);
    QCOMPARE(error, u"The entity nosuch is not synced by this server."_s);
}

void TestSyncService::takenApplicationNumberGetsNextFree()
{
    // Two windows of a park, offline, gave the same number to two applications: the second to arrive
    // gets the next free number of the series, and its client learns it as a conflict on "number".
    XINDAI_OPEN_WORLD();
    const QString number = u"XD-2026-CS-HTZ-0000043"_s;
    auto create = [&](const QString &id, const QString &n) {
        return upsert(u"application"_s, id, 0,
                      {{u"enterprise_id"_s, w.firmA1},
                       {u"park_id"_s, w.parkA},
                       {u"institution_id"_s, w.instX},
                       {u"amount"_s, 100000000},
                       {u"number"_s, n},
                       {u"state"_s, u"draft"_s}});
    };
    const QString first = Core::newId(), second = Core::newId(), third = Core::newId();
    const Sync::OpResult r1 = pushOne(db, sync, w.staffA, create(first, number));
    QCOMPARE(r1.status, Sync::OpResult::Status::Applied);

    const Sync::OpResult r2 = pushOne(db, sync, w.staffA, create(second, number));
    QCOMPARE(r2.status, Sync::OpResult::Status::Conflict);
    QCOMPARE(r2.conflicts.size(), 1);
    QCOMPARE(r2.conflicts.first().field, u"number"_s);
    QCOMPARE(r2.conflicts.first().localValue, QJsonValue(number));
    QCOMPARE(r2.conflicts.first().serverValue, QJsonValue(u"XD-2026-CS-HTZ-0000044"_s));
    QCOMPARE(r2.serverRow.id, second);
    QCOMPARE(r2.serverRow.fields.value(u"number"_s).toString(), u"XD-2026-CS-HTZ-0000044"_s);

    // The next one after the highest of the series, whatever number it asked for within it.
    const Sync::OpResult r3 = pushOne(db, sync, w.staffA, create(third, u"XD-2026-CS-HTZ-0000044"_s));
    QCOMPARE(r3.status, Sync::OpResult::Status::Conflict);
    QCOMPARE(r3.serverRow.fields.value(u"number"_s).toString(), u"XD-2026-CS-HTZ-0000045"_s);

    // An application keeping its own number is no conflict.
    const Sync::OpResult r4 = pushOne(db, sync, w.staffA,
                                      upsert(u"application"_s, first, r1.newVersion,
                                             {{u"number"_s, number}, {u"purpose"_s, u"补充流动资金"_s}}));
    QCOMPARE(r4.status, Sync::OpResult::Status::Applied);
    QCOMPARE(
        count(db, u"SELECT COUNT(DISTINCT number) FROM application WHERE number LIKE 'XD-2026-CS-HTZ-%'"_s),
        3);
}

void TestSyncService::concurrentPushesFromTwoConnections()
{
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    const qint64 base = RowStore(db).load(u"application"_s, w.appA1Y)->version;
    // Two server processes (two connections, two threads) receive edits of the same draft from the
    // same base at the same moment, round after round. Each round, exactly one applies and the other
    // becomes a conflict against it: no lost update, whatever the interleaving.
    for (int round = 0; round < 8; ++round) {
        const qint64 current = RowStore(db).load(u"application"_s, w.appA1Y)->version;
        Sync::OpResult results[2];
        QString errors[2];
        auto run = [&](int i) {
            ServerDatabase mine;
            if (!mine.open(store.url(), &errors[i]))
                return;
            SyncService sync(mine);
            sync.setToday(w.today);
            Sync::PushRequest request;
            request.clientId = Core::newId();
            request.operations
                = {upsert(u"application"_s, w.appA1Y, current, {{u"amount"_s, 1000 * round + i + 1}})};
            const auto response = sync.push(i == 0 ? w.staffA : w.managerA, request, &errors[i]);
            if (response)
                results[i] = response->results.first();
        };
        std::thread a(run, 0);
        std::thread b(run, 1);
        a.join();
        b.join();
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
        const int winner = results[0].status == Sync::OpResult::Status::Applied ? 0 : 1;
        const int loser = 1 - winner;
        QCOMPARE(results[winner].status, Sync::OpResult::Status::Applied);
        QCOMPARE(results[loser].status, Sync::OpResult::Status::Conflict);
        const QJsonValue stored = RowStore(db).load(u"application"_s, w.appA1Y)->fields.value(u"amount"_s);
        QCOMPARE(stored, QJsonValue(1000 * round + winner + 1));
        QCOMPARE(results[loser].conflicts.at(0).serverValue, stored);
        QCOMPARE(results[loser].conflicts.at(0).localValue, QJsonValue(1000 * round + loser + 1));
    }
    QVERIFY(RowStore(db).load(u"application"_s, w.appA1Y)->version > base);
}

void TestSyncService::authorizationStartingLaterReachesBankThatDay()
{
    // firmB1 has an application submitted to bank X but no authorization. One is recorded today for
    // tomorrow on: bank X sees nothing of the firm today, and tomorrow's start of day re-stamps the
    // firm so that X's next pull, from a cursor past all of its rows, brings them.
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    const QDate today = Scope::chinaToday(); // the rows' updated_at are written now
    SyncService sync(db);
    sync.setToday(today);
    QString error;
    // The first run of a store: nothing in the world waits for its day.
    QCOMPARE(sync.startDay(&error), std::optional<qint64>(0));
    auto authorize = [&](const QString &firm, const QString &institution) {
        Sync::Operation op = upsert(u"authorization"_s, Core::newId(), 0,
                                    {{u"enterprise_id"_s, firm},
                                     {u"institution_ids"_s, QString(u"[\""_s + institution + u"\"]"_s)},
                                     {u"valid_from"_s, today.addDays(1).toString(Qt::ISODate)},
                                     {u"valid_to"_s, today.addDays(365).toString(Qt::ISODate)},
                                     {u"revoked"_s, false}});
        const Sync::OpResult result = pushOne(db, sync, w.staffB, op);
        if (result.status != Sync::OpResult::Status::Applied)
            qFatal("authorization not applied: %s", qPrintable(result.reason));
        return op.rowId;
    };
    const QString authB1 = authorize(w.firmB1, w.instX);
    // Also one for bank Y, to which firmB1 has no application: Y gains nothing from it (X, seeing
    // the firm tomorrow, gets it with the firm's other records).
    const QString authB1Y = authorize(w.firmB1, w.instY);

    auto pulledIds = [&](const Caller &caller, qint64 *cursor) {
        QSet<QString> ids;
        for (const Sync::Row &row : pullAll(sync, caller, cursor))
            ids.insert(row.id);
        return ids;
    };
    qint64 cursor = 0;
    QSet<QString> seen = pulledIds(w.bankX, &cursor);
    QVERIFY(!seen.contains(w.firmB1));
    QVERIFY(!seen.contains(w.mvB1));
    QCOMPARE(sync.startDay(&error), std::optional<qint64>(0)); // today is done already
    QVERIFY(pulledIds(w.bankX, &cursor).isEmpty());

    sync.setToday(today.addDays(1));
    const qint64 headBefore = db.headSequence();
    QCOMPARE(sync.startDay(&error), std::optional<qint64>(1));
    QVERIFY(db.headSequence() > headBefore);
    seen = pulledIds(w.bankX, &cursor);
    QCOMPARE(seen, (QSet<QString>{w.firmB1, w.mvB1, w.crB1, authB1, authB1Y}));
    qint64 fromStart = 0;
    QVERIFY(!pulledIds(w.bankY, &fromStart).contains(w.firmB1)); // Y has no application from firmB1
    // Once per day, whichever server process comes first: the next run that day re-stamps nothing.
    const QString before = dump(db);
    QCOMPARE(sync.startDay(&error), std::optional<qint64>(0));
    QCOMPARE(dump(db), before);
    // Days later, with nothing starting in between: nothing re-stamped, the day recorded.
    sync.setToday(today.addDays(5));
    QCOMPARE(sync.startDay(&error), std::optional<qint64>(0));
    QSqlQuery day(db.sql());
    QVERIFY(day.exec(u"SELECT scope_day FROM sync_clock WHERE id = 1"_s) && day.next());
    QCOMPARE(day.value(0).toString(), today.addDays(5).toString(Qt::ISODate));
}

void TestSyncService::pushGivesUpWhileAnotherWriterHoldsTheLock()
{
    // Another writer (an import in another process) holds the writers' lock: the push waits
    // lockWaitMs(), then gives up as Busy with nothing written, and goes through once the lock is free.
    TestStore store;
    XINDAI_OPEN_STORE(store);
    ServerDatabase &db = store.db();
    const World w = buildWorld(db);
    ServerDatabase importer;
    QString error;
    QVERIFY2(importer.open(store.url(), &error), qPrintable(error));
    QVERIFY(importer.transaction());
    QVERIFY2(importer.lockWriters(&error), qPrintable(error));

    db.setLockWaitMs(300);
    QCOMPARE(db.lockWaitMs(), 300);
    SyncService sync(db);
    sync.setToday(w.today);
    const Sync::PushRequest request
        = batch(db, {upsert(u"enterprise"_s, w.firmA1, 0, {{u"employees"_s, 77}})});
    const QString before = dump(db);
    QElapsedTimer waited;
    waited.start();
    QVERIFY(!sync.push(w.staffA, request, &error));
    QCOMPARE(sync.lastFailure(), SyncService::Failure::Busy);
    QVERIFY2(waited.elapsed() >= 250 && waited.elapsed() < 8000,
             qPrintable(QString::number(waited.elapsed())));
    QVERIFY(!db.inTransaction());
    QCOMPARE(dump(db), before);

    QVERIFY(importer.commit());
    const auto response = sync.push(w.staffA, request, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->results.first().status, Sync::OpResult::Status::Applied);
    QCOMPARE(RowStore(db).load(u"enterprise"_s, w.firmA1)->fields.value(u"employees"_s), QJsonValue(77));
}

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
