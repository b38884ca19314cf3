// Recording the server's answers to a push (docs/sync-protocol.md, "Push"): an operation leaves
// the outbox only in the transaction that records its result.

#include "store/outbox.h"
#include "sync/pushresponse.h"
#include "syncclient/pushbatch.h"
#include "syncclient/pushresulthandler.h"
#include "syncclient/syncstate.h"
#include "syncfixtures.h"

#include <QJsonObject>

using namespace XinDai;
using namespace XinDai::SyncClient;
using namespace XinDai::SyncClient::Test;
using Store::Outbox;

class TestPushResult : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appliedSetsVersionAndRebasesLaterEdit();
    void conflictWritesServerRowAndConflicts();
    void rejectedRecordsReasonAndRestores();
    void rejectedNewRowIsRemovedLocally();
    void missingResultKeepsOperation();
    void unknownResultChangesNothing();
    void batchTakesOneOperationPerRow();
    void manyResultsInOneAnswer();

private:
    /// Edits the application's amount and purpose (one queued operation) and returns it.
    Outbox::Operation editApplication(qint64 amountFen, const QString &purpose);

    SyncFixture f;
};

void TestPushResult::init()
{
    QVERIFY(f.create());
}

void TestPushResult::cleanup()
{
    f = SyncFixture();
}

Outbox::Operation TestPushResult::editApplication(qint64 amountFen, const QString &purpose)
{
    Store::ApplicationRepository repo(*f.db);
    Core::Application a = *repo.application(f.application.meta.id);
    a.amount = Core::Money::fromFen(amountFen);
    a.purpose = purpose;
    QString error;
    if (!repo.save(a, &error))
        qWarning("%s", qPrintable(error));
    const auto ops = Outbox(*f.db).pendingFor(QStringLiteral("application"), a.meta.id);
    return ops.isEmpty() ? Outbox::Operation() : ops.last();
}

void TestPushResult::appliedSetsVersionAndRebasesLaterEdit()
{
    const Outbox::Operation op = editApplication(350000000, QStringLiteral("扩大产能"));
    QVERIFY(Outbox(*f.db).markSent({op.opId}));
    // While the push is on its way the user edits again: a second operation, base still 40.
    const Outbox::Operation later = editApplication(360000000, QStringLiteral("扩大产能"));
    QVERIFY(later.opId != op.opId);
    QCOMPARE(later.baseVersion, 40);

    Sync::PushResponse response;
    Sync::OpResult r;
    r.opId = op.opId;
    r.status = Sync::OpResult::Status::Applied;
    r.newVersion = 41;
    response.results = {r};
    PushResultHandler handler(*f.db);
    QString error;
    QVERIFY2(handler.handle({op}, response, &error), qPrintable(error));
    QCOMPARE(handler.applied(), 1);
    QCOMPARE(Store::ApplicationRepository(*f.db).application(f.application.meta.id)->meta.version, 41);
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().opId, later.opId);
    // The later edit builds on what the server now has (41): pushing it with base 40 would make
    // the server see our own first edit as a concurrent change.
    QCOMPARE(ops.first().baseVersion, 41);
    // Local values are untouched.
    QCOMPARE(Store::ApplicationRepository(*f.db).application(f.application.meta.id)->amount.fen(), 360000000);
}

void TestPushResult::conflictWritesServerRowAndConflicts()
{
    const Outbox::Operation op = editApplication(350000000, QStringLiteral("扩大产能"));
    QVERIFY(Outbox(*f.db).markSent({op.opId}));
    // The server merged: another client had set the amount to 2.5 million yuan (wins), our purpose
    // was taken, the term changed on the server.
    Sync::OpResult r;
    r.opId = op.opId;
    r.status = Sync::OpResult::Status::Conflict;
    r.newVersion = 43;
    r.serverRow.entity = QStringLiteral("application");
    r.serverRow.id = f.application.meta.id;
    r.serverRow.version = 43;
    r.serverRow.updatedAt = Store::Test::utc(2026, 11, 25, 9, 0, 0, 0);
    r.serverRow.fields = {{QStringLiteral("amount"), 250000000},
                          {QStringLiteral("purpose"), QStringLiteral("扩大产能")},
                          {QStringLiteral("term_months"), 24}};
    r.conflicts = {{QStringLiteral("amount"), QJsonValue(350000000), QJsonValue(250000000)}};
    Sync::PushResponse response;
    response.results = {r};
    PushResultHandler handler(*f.db);
    QString error;
    QVERIFY2(handler.handle({op}, response, &error), qPrintable(error));
    QCOMPARE(handler.conflicts(), 1);
    QCOMPARE(handler.changedEntities(), QStringList{QStringLiteral("application")});
    const auto a = Store::ApplicationRepository(*f.db).application(f.application.meta.id);
    QCOMPARE(a->amount.fen(), 250000000); // the server's value won
    QCOMPARE(a->termMonths, 24);
    QCOMPARE(a->purpose, QStringLiteral("扩大产能"));
    QCOMPARE(a->meta.version, 43);
    QCOMPARE(Outbox(*f.db).count(), 0);
    // The losing value is kept for the user, as JSON text.
    QSqlQuery q(f.db->sql());
    QVERIFY(q.exec(
        QStringLiteral("SELECT entity, row_id, field, local_value, server_value, resolved FROM conflict")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("application"));
    QCOMPARE(q.value(1).toString(), f.application.meta.id);
    QCOMPARE(q.value(2).toString(), QStringLiteral("amount"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("350000000"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("250000000"));
    QCOMPARE(q.value(5).toInt(), 0);
    QVERIFY(!q.next());
    QCOMPARE(SyncState(*f.db).openConflicts(), 1);
}

void TestPushResult::rejectedRecordsReasonAndRestores()
{
    SyncState state(*f.db);
    QString error;
    QVERIFY(state.setCursor(90, &error));
    const Outbox::Operation op = editApplication(350000000, QStringLiteral("扩大产能"));
    Sync::OpResult r;
    r.opId = op.opId;
    r.status = Sync::OpResult::Status::Rejected;
    r.reason = QStringLiteral("The application cannot be changed after it was submitted.");
    Sync::PushResponse response;
    response.results = {r};
    PushResultHandler handler(*f.db);
    QVERIFY2(handler.handle({op}, response, &error), qPrintable(error));
    QCOMPARE(handler.rejected(), 1);
    QCOMPARE(Outbox(*f.db).count(), 0);
    QCOMPARE(state.rejections(), 1);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT reason FROM sync_rejection WHERE op_id = ?"), {op.opId}).toString(),
        r.reason);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT row_id FROM sync_rejection WHERE op_id = ?"), {op.opId}).toString(),
        f.application.meta.id);
    // The server's copy (version >= 40) must come back with the next pull: the local version drops
    // below 40 and the cursor goes back to 39, so the row is sent again and applies.
    QCOMPARE(Store::ApplicationRepository(*f.db).application(f.application.meta.id)->meta.version, 39);
    QCOMPARE(state.cursor(), 39);
}

void TestPushResult::rejectedNewRowIsRemovedLocally()
{
    // A firm created here that the server refuses never existed there: it disappears locally
    // (marked deleted), the reason stays visible.
    Core::Enterprise e = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L654321"),
                                                     QStringLiteral("长沙麓谷软件有限公司"), f.park.meta.id);
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    const Outbox::Operation op = Outbox(*f.db).pending().first();
    Sync::OpResult r;
    r.opId = op.opId;
    r.status = Sync::OpResult::Status::Rejected;
    r.reason = QStringLiteral("The firm belongs to another park.");
    Sync::PushResponse response;
    response.results = {r};
    PushResultHandler handler(*f.db);
    QVERIFY2(handler.handle({op}, response, &error), qPrintable(error));
    QVERIFY(Store::EnterpriseRepository(*f.db).byId(e.meta.id)->meta.deleted);
    QCOMPARE(Outbox(*f.db).count(), 0); // the handler itself records nothing
}

void TestPushResult::missingResultKeepsOperation()
{
    // A response that answers only one of two operations: the other stays and is sent again.
    const Outbox::Operation first = editApplication(350000000, QStringLiteral("扩大产能"));
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.employees = 99;
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    const auto sent = Outbox(*f.db).pending();
    QCOMPARE(sent.size(), 2);
    Sync::OpResult r;
    r.opId = first.opId;
    r.newVersion = 41;
    Sync::PushResponse response;
    response.results = {r};
    QVERIFY2(PushResultHandler(*f.db).handle(sent, response, &error), qPrintable(error));
    const auto left = Outbox(*f.db).pending();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().entity, QStringLiteral("enterprise"));
}

void TestPushResult::unknownResultChangesNothing()
{
    // An answer for an operation that was not sent is a broken response: nothing is recorded,
    // not even the valid result before it.
    const Outbox::Operation op = editApplication(350000000, QStringLiteral("扩大产能"));
    Sync::OpResult good;
    good.opId = op.opId;
    good.newVersion = 41;
    Sync::OpResult stray = good;
    stray.opId = QStringLiteral("0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a99");
    Sync::PushResponse response;
    response.results = {good, stray};
    QString error;
    QVERIFY(!PushResultHandler(*f.db).handle({op}, response, &error));
    QVERIFY(error.contains(stray.opId));
    QCOMPARE(Outbox(*f.db).count(), 1);
    QCOMPARE(Store::ApplicationRepository(*f.db).application(f.application.meta.id)->meta.version, 40);
}

void TestPushResult::batchTakesOneOperationPerRow()
{
    const Outbox::Operation a1 = editApplication(350000000, QStringLiteral("扩大产能"));
    Outbox box(*f.db);
    QVERIFY(box.markSent({a1.opId}));
    const Outbox::Operation a2 = editApplication(360000000, QStringLiteral("扩大产能"));
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.employees = 99;
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(box.count(), 3);
    // The application's second operation waits for the answer to its first.
    auto batch = PushBatch::next(box, 100);
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.at(0).opId, a1.opId);
    QCOMPARE(batch.at(1).entity, QStringLiteral("enterprise"));
    QCOMPARE(PushBatch::next(box, 1).size(), 1);
    // An operation the server refused as malformed is parked, and so is its row's next one.
    QVERIFY(box.setLastError({a1.opId},
                             QStringLiteral("The field operations[0].fields.amount must be a number.")));
    batch = PushBatch::next(box, 100);
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.at(0).entity, QStringLiteral("enterprise"));
    QCOMPARE(box.failedCount(), 1);
    Q_UNUSED(a2)
}

void TestPushResult::manyResultsInOneAnswer()
{
    // The handler prepares each statement once per answer and binds it again for every operation:
    // 40 new firms, answered applied / rejected / not at all in one response, each row gets its
    // own values.
    QStringList firmIds;
    QString error;
    for (int i = 0; i < 40; ++i) {
        Core::Enterprise e
            = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L%1").arg(i, 6, 10, QChar(u'0')),
                                          QStringLiteral("长沙测试企业%1有限公司").arg(i), f.park.meta.id);
        QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
        firmIds.append(e.meta.id);
    }
    const auto sent = PushBatch::next(Outbox(*f.db), 100);
    QCOMPARE(sent.size(), 40);
    Sync::PushResponse response;
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(sent.at(i).rowId, firmIds.at(i));
        if (i == 20)
            continue; // not answered: stays queued
        Sync::OpResult r;
        r.opId = sent.at(i).opId;
        if (i == 7) {
            r.status = Sync::OpResult::Status::Rejected;
            r.reason = QStringLiteral("The firm belongs to another park.");
        } else {
            r.newVersion = 1000 + i;
        }
        response.results.append(r);
    }
    PushResultHandler handler(*f.db);
    QVERIFY2(handler.handle(sent, response, &error), qPrintable(error));
    QCOMPARE(handler.applied(), 38);
    QCOMPARE(handler.rejected(), 1);
    Store::EnterpriseRepository repo(*f.db);
    for (int i = 0; i < 40; ++i) {
        const Core::Enterprise e = *repo.byId(firmIds.at(i));
        QCOMPARE(e.meta.version, i == 7 || i == 20 ? 0 : 1000 + i);
        QCOMPARE(e.meta.deleted, i == 7);
    }
    const auto left = Outbox(*f.db).pending();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().opId, sent.at(20).opId);
    QCOMPARE(SyncState(*f.db).rejections(), 1);
}

QTEST_GUILESS_MAIN(TestPushResult)
#include "tst_pushresult.moc"
