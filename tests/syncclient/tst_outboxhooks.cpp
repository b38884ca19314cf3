// The outbox hooks of modules/store: every user-facing save records what changed, in wire form,
// with the version the edit started from, in the transaction of the change (docs/sync-protocol.md).

#include "store/bulkloader.h"
#include "store/firmdatarepository.h"
#include "store/outbox.h"
#include "syncfixtures.h"

#include <QJsonObject>

using namespace XinDai;
using namespace XinDai::SyncClient::Test;
using Store::Outbox;

class TestOutboxHooks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newRowSendsEveryField();
    void editSendsChangedFieldsAndBase_data();
    void editSendsChangedFieldsAndBase();
    void unchangedSaveRecordsNothing();
    void localEditKeepsServerVersion();
    void editsBeforePushCoalesce();
    void sentOperationIsFrozen();
    void refusedOperationTakesTheCorrection();
    void deleteOfSyncedRow();
    void deleteOfLocalOnlyRowDropsEverything();
    void monthlyValueCarriesNaturalKey();
    void applicationAuthorizationDocument();
    void adminEditOfPolicy();
    void notRecordedWhenSwitchedOff();
    void bulkLoadRecordsNothing();
    void failedSaveLeavesNoOperation();
    void rollbackOfCallerTransactionDropsOperation();
    void markSentAndClearErrorsInBulk();

private:
    SyncFixture f;
};

void TestOutboxHooks::init()
{
    QVERIFY(f.create());
    QCOMPARE(f.count(QStringLiteral("outbox")), 0); // the fixture writes with recording off
}

void TestOutboxHooks::cleanup()
{
    f = SyncFixture();
}

void TestOutboxHooks::newRowSendsEveryField()
{
    Core::Enterprise e = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L654321"),
                                                     QStringLiteral("长沙麓谷软件有限公司"), f.park.meta.id);
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    const Outbox::Operation &op = ops.first();
    QCOMPARE(op.entity, QStringLiteral("enterprise"));
    QCOMPARE(op.rowId, e.meta.id);
    QCOMPARE(op.kind, QStringLiteral("upsert"));
    QCOMPARE(op.baseVersion, 0); // a new row: the server has no version of it
    // All 15 wire fields of an enterprise, in wire form: money as integer fen, dates as text,
    // references as ids, enum codes as text.
    QCOMPARE(op.payload.size(), 15);
    QCOMPARE(op.payload.value(QStringLiteral("registered_capital")).toInteger(), 1000'0000'00LL);
    QCOMPARE(op.payload.value(QStringLiteral("annual_revenue")).toInteger(), 12345678901LL);
    QCOMPARE(op.payload.value(QStringLiteral("established")).toString(), QStringLiteral("2015-06-18"));
    QCOMPARE(op.payload.value(QStringLiteral("park_id")).toString(), f.park.meta.id);
    QCOMPARE(op.payload.value(QStringLiteral("kind")).toString(), QStringLiteral("individual_business"));
    QCOMPARE(op.payload.value(QStringLiteral("employees")).toInt(), 86);
}

void TestOutboxHooks::editSendsChangedFieldsAndBase_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QJsonObject>("expected");
    // Only the edited columns travel; the server merges them field by field against version 5.
    QTest::newRow("name") << QStringLiteral(
        "name") << QJsonObject{{QStringLiteral("name"), QStringLiteral("湖南湘江新材料股份有限公司")}};
    QTest::newRow("employees and phone") << QStringLiteral("employees+phone")
                                         << QJsonObject{{QStringLiteral("employees"), 90},
                                                        {QStringLiteral("phone"), QStringLiteral("0731-1")}};
    // Clearing an optional reference is sent as null (the column becomes NULL), not as "".
    QTest::newRow("park cleared") << QStringLiteral("park")
                                  << QJsonObject{{QStringLiteral("park_id"), QJsonValue(QJsonValue::Null)}};
    // Clearing a date likewise.
    QTest::newRow("established cleared")
        << QStringLiteral("established")
        << QJsonObject{{QStringLiteral("established"), QJsonValue(QJsonValue::Null)}};
}

void TestOutboxHooks::editSendsChangedFieldsAndBase()
{
    QFETCH(QString, what);
    QFETCH(QJsonObject, expected);
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    if (what == QLatin1String("name"))
        e.name = QStringLiteral("湖南湘江新材料股份有限公司");
    if (what == QLatin1String("employees+phone")) {
        e.employees = 90;
        e.phone = QStringLiteral("0731-1");
    }
    if (what == QLatin1String("park"))
        e.parkId.clear();
    if (what == QLatin1String("established"))
        e.established = QDate();
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().payload, expected);
    QCOMPARE(ops.first().baseVersion, 5); // the stored version before the edit
}

void TestOutboxHooks::unchangedSaveRecordsNothing()
{
    // Saving a row as it is (only updated_at changes) is not a change for the server.
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 0);
}

void TestOutboxHooks::localEditKeepsServerVersion()
{
    // A caller holding a stale copy (version 2) must not move the server version of the row:
    // the version is the server's sequence, and the base of the next operation.
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.meta.version = 2;
    e.phone = QStringLiteral("0731-2");
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(e.meta.version, 5);
    QCOMPARE(Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id)->meta.version, 5);
    QCOMPARE(Outbox(*f.db).pending().first().baseVersion, 5);
}

void TestOutboxHooks::editsBeforePushCoalesce()
{
    // Two edits of one row before a push become one operation; the later value of a field wins,
    // and the base stays the version the first edit started from.
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.name = QStringLiteral("第一次修改有限公司");
    e.employees = 100;
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    f.exec(QStringLiteral("UPDATE enterprise SET version = 9 WHERE id = ?"),
           {e.meta.id}); // a pull in between
    e = *repo.byId(f.firm.meta.id);
    e.name = QStringLiteral("第二次修改有限公司");
    e.phone = QStringLiteral("0731-3");
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().baseVersion, 5);
    QCOMPARE(ops.first().payload, (QJsonObject{{QStringLiteral("name"), QStringLiteral("第二次修改有限公司")},
                                               {QStringLiteral("employees"), 100},
                                               {QStringLiteral("phone"), QStringLiteral("0731-3")}}));
}

void TestOutboxHooks::sentOperationIsFrozen()
{
    // Once sent, the server may hold the operation under its id: a later edit gets its own operation.
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.employees = 101;
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    Outbox box(*f.db);
    const QString first = box.pending().first().opId;
    QVERIFY(box.markSent({first}));
    e.employees = 102;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    const auto ops = box.pending();
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops.at(0).opId, first);
    QCOMPARE(ops.at(0).payload.value(QStringLiteral("employees")).toInt(), 101); // unchanged
    QCOMPARE(ops.at(0).attempts, 1);
    QCOMPARE(ops.at(1).payload, (QJsonObject{{QStringLiteral("employees"), 102}}));
    QCOMPARE(ops.at(1).baseVersion, 5);
    QCOMPARE(box.pendingFields(QStringLiteral("enterprise"), e.meta.id),
             (QSet<QString>{QStringLiteral("employees")}));
    // When the server answers the first, the second moves onto the new version.
    QVERIFY(box.rebase(QStringLiteral("enterprise"), e.meta.id, 12));
    QCOMPARE(box.pending().at(1).baseVersion, 12);
}

void TestOutboxHooks::refusedOperationTakesTheCorrection()
{
    // The server refused the operation as malformed (it applied nothing): the user's next edit of the
    // row is merged into it, under a new id and without the error, so the next push sends it.
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.employees = 101;
    e.address = QStringLiteral("长沙市岳麓区麓谷大道 1 号");
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    Outbox box(*f.db);
    const QString first = box.pending().first().opId;
    QVERIFY(box.markSent({first}));
    QVERIFY(box.markSent({first}));
    QVERIFY(box.setLastError({first}, QStringLiteral("The field employees is not allowed.")));
    e.employees = 102;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    auto ops = box.pending();
    QCOMPARE(ops.size(), 1);
    QVERIFY(ops.at(0).opId != first);
    QCOMPARE(ops.at(0).opId.size(), 36);
    QCOMPARE(ops.at(0).attempts, 0);
    QVERIFY(ops.at(0).lastError.isEmpty());
    QCOMPARE(ops.at(0).baseVersion, 5);
    QCOMPARE(ops.at(0).payload, (QJsonObject{{QStringLiteral("employees"), 102},
                                             {QStringLiteral("address"), e.address}}));
    QCOMPARE(box.failedCount(), 0);

    // Refused again, then deleted: one delete, again under a new id.
    const QString second = ops.at(0).opId;
    QVERIFY(box.markSent({second}));
    QVERIFY(box.setLastError({second}, QStringLiteral("refused")));
    e.meta.deleted = true;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    ops = box.pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.at(0).kind, QStringLiteral("delete"));
    QVERIFY(ops.at(0).opId != second);
    QVERIFY(ops.at(0).lastError.isEmpty());

    // A firm created here whose creation was refused, then deleted: the server never had it.
    Core::Enterprise local = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L000002"),
                                                         QStringLiteral("临时二号有限公司"), f.park.meta.id);
    QVERIFY2(repo.save(local, &error), qPrintable(error));
    const QString created = box.pendingFor(QStringLiteral("enterprise"), local.meta.id).first().opId;
    QVERIFY(box.markSent({created}));
    QVERIFY(box.setLastError({created}, QStringLiteral("refused")));
    local.meta.deleted = true;
    QVERIFY2(repo.save(local, &error), qPrintable(error));
    QVERIFY(box.pendingFor(QStringLiteral("enterprise"), local.meta.id).isEmpty());
    QCOMPARE(box.count(), 1);
}

void TestOutboxHooks::deleteOfSyncedRow()
{
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.meta.deleted = true;
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().kind, QStringLiteral("delete"));
    QVERIFY(ops.first().payload.isEmpty());
    QCOMPARE(ops.first().baseVersion, 5);
    // Saving the deleted row again is no further change.
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 1);
}

void TestOutboxHooks::deleteOfLocalOnlyRowDropsEverything()
{
    // Created and deleted before any push: the server never needs to hear of it.
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L000001"),
                                                     QStringLiteral("临时企业有限公司"), f.park.meta.id);
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 1);
    e.meta.deleted = true;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 0);
}

void TestOutboxHooks::monthlyValueCarriesNaturalKey()
{
    Store::FirmDataRepository repo(*f.db);
    Core::MonthlyValue v;
    v.enterpriseId = f.firm.meta.id;
    v.kind = Core::MonthlyValue::Kind::TaxPaid;
    v.month = QDate(2026, 10, 1);
    v.value = 120000;
    QString error;
    QVERIFY2(repo.save(v, &error), qPrintable(error));
    Outbox box(*f.db);
    QCOMPARE(box.count(), 1);
    QVERIFY(box.markSent({box.pending().first().opId}));
    QVERIFY(box.remove(box.pending().first().opId));
    // A changed value: the natural key travels with it (the server addresses series rows by it).
    Core::MonthlyValue w = v;
    w.meta.id.clear(); // a caller without the id keeps the stored one
    w.value = 130000;
    QVERIFY2(repo.save(w, &error), qPrintable(error));
    QCOMPARE(w.meta.id, v.meta.id);
    const auto ops = box.pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().rowId, v.meta.id);
    QCOMPARE(ops.first().payload, (QJsonObject{{QStringLiteral("enterprise_id"), f.firm.meta.id},
                                               {QStringLiteral("kind"), QStringLiteral("tax_paid")},
                                               {QStringLiteral("month"), QStringLiteral("2026-10-01")},
                                               {QStringLiteral("value"), 130000}}));
    // The same value again: only the key would travel, which is no change.
    QVERIFY(box.remove(ops.first().opId));
    QVERIFY2(repo.save(w, &error), qPrintable(error));
    QCOMPARE(box.count(), 0);
}

void TestOutboxHooks::applicationAuthorizationDocument()
{
    Store::ApplicationRepository repo(*f.db);
    Core::Application a = *repo.application(f.application.meta.id);
    a.state = Core::Application::State::Submitted;
    a.submittedAt = Store::Test::utc(2026, 11, 21);
    QString error;
    QVERIFY2(repo.save(a, &error), qPrintable(error));
    Core::Authorization auth;
    auth.enterpriseId = f.firm.meta.id;
    auth.institutionIds = {f.institution.meta.id};
    auth.purpose = QStringLiteral("贷款审批");
    auth.validFrom = QDate(2026, 11, 1);
    auth.validTo = QDate(2027, 10, 31);
    QVERIFY2(repo.save(auth, &error), qPrintable(error));
    Core::Document d;
    d.enterpriseId = f.firm.meta.id;
    d.applicationId = a.meta.id;
    d.docType = QStringLiteral("business_licence");
    d.fileName = QStringLiteral("执照.pdf");
    QVERIFY2(repo.save(d, &error), qPrintable(error));

    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 3);
    QCOMPARE(ops.at(0).entity, QStringLiteral("application"));
    QCOMPARE(ops.at(0).baseVersion, 40);
    QCOMPARE(ops.at(0).payload,
             (QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")},
                          {QStringLiteral("submitted_at"), QStringLiteral("2026-11-21T09:30:00.123Z")}}));
    QCOMPARE(ops.at(1).entity, QStringLiteral("authorization"));
    // A JSON list column travels as the JSON text the catalog describes.
    QCOMPARE(ops.at(1).payload.value(QStringLiteral("institution_ids")).toString(),
             QStringLiteral("[\"%1\"]").arg(f.institution.meta.id));
    QCOMPARE(ops.at(1).payload.value(QStringLiteral("revoked")), QJsonValue(false));
    QCOMPARE(ops.at(2).entity, QStringLiteral("document"));
    QCOMPARE(ops.at(2).payload.value(QStringLiteral("application_id")).toString(), a.meta.id);
}

void TestOutboxHooks::adminEditOfPolicy()
{
    // The admin's rule editor saves a new rule version: the rule text and the version travel.
    Store::ReferenceRepository refs(*f.db);
    f.db->setRecordChanges(false);
    Core::Policy p = Store::Test::makePolicy();
    QString error;
    QVERIFY2(refs.save(p, &error), qPrintable(error));
    f.db->setRecordChanges(true);
    p.eligibilityRule = QStringLiteral(R"({"==":[{"var":"section"},"D"]})");
    p.ruleVersion = 4;
    QVERIFY2(refs.save(p, &error), qPrintable(error));
    const auto ops = Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().entity, QStringLiteral("policy"));
    QCOMPARE(ops.first().payload, (QJsonObject{{QStringLiteral("eligibility_rule"), p.eligibilityRule},
                                               {QStringLiteral("rule_version"), 4}}));
}

void TestOutboxHooks::notRecordedWhenSwitchedOff()
{
    f.db->setRecordChanges(false);
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.name = QStringLiteral("不记录的修改有限公司");
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 0);
}

void TestOutboxHooks::bulkLoadRecordsNothing()
{
    Core::Dataset data;
    data.enterprises.append(Store::Test::makeEnterprise(QStringLiteral("91430104MA4L999999"),
                                                        QStringLiteral("批量导入有限公司"), f.park.meta.id));
    QString error;
    QVERIFY2(Store::BulkLoader(*f.db).load(data, &error), qPrintable(error));
    QCOMPARE(f.count(QStringLiteral("enterprise")), 2);
    QCOMPARE(Outbox(*f.db).count(), 0);
}

void TestOutboxHooks::failedSaveLeavesNoOperation()
{
    // A refused save (negative capital breaks a CHECK) writes neither the row nor an operation.
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.registeredCapital = Core::Money::fromFen(-1);
    QString error;
    QVERIFY(!Store::EnterpriseRepository(*f.db).save(e, &error));
    QVERIFY2(error.contains(QStringLiteral("registered_capital")), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 0);
    QCOMPARE(Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id)->registeredCapital,
             f.firm.registeredCapital);
    // The connection is usable afterwards (the savepoint was released).
    e.registeredCapital = Core::Money::fromFen(1);
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 1);
}

void TestOutboxHooks::rollbackOfCallerTransactionDropsOperation()
{
    // The operation lives in the caller's transaction: rolled back together with the row.
    QVERIFY(f.db->transaction());
    Core::Enterprise e = *Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    e.name = QStringLiteral("回滚的修改有限公司");
    QString error;
    QVERIFY2(Store::EnterpriseRepository(*f.db).save(e, &error), qPrintable(error));
    QCOMPARE(Outbox(*f.db).count(), 1);
    QVERIFY(f.db->rollback());
    QCOMPARE(Outbox(*f.db).count(), 0);
    QCOMPARE(Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id)->name, f.firm.name);
}

void TestOutboxHooks::markSentAndClearErrorsInBulk()
{
    // markSent() updates in chunks of ids (one statement each): 300 operations cross two chunk
    // boundaries; every named operation is counted exactly once, the others not at all.
    Outbox box(*f.db);
    QStringList ids;
    for (int i = 0; i < 300; ++i) {
        Outbox::Operation op;
        op.entity = QStringLiteral("enterprise");
        op.rowId = Core::newId();
        op.kind = QStringLiteral("upsert");
        op.payload = {{QStringLiteral("employees"), i}};
        QString error;
        QVERIFY2(box.enqueue(op, &error), qPrintable(error));
        ids.append(op.opId);
    }
    QVERIFY(box.markSent({}));
    QVERIFY(box.markSent(ids.mid(0, 295)));
    QVERIFY(box.markSent(ids.mid(100, 150)));
    QVERIFY(box.setLastError({ids.at(0), ids.at(128), ids.at(299)}, QStringLiteral("refused")));
    QCOMPARE(box.failedCount(), 3);
    const auto ops = box.pending(1000);
    QCOMPARE(ops.size(), 300);
    for (int i = 0; i < ops.size(); ++i) {
        QCOMPARE(ops.at(i).opId, ids.at(i)); // oldest first
        const int expected = (i < 295 ? 1 : 0) + (i >= 100 && i < 250 ? 1 : 0);
        QCOMPARE(ops.at(i).attempts, expected);
        QCOMPARE(ops.at(i).lastError.isEmpty(), i != 0 && i != 128 && i != 299);
    }
    // "Sync now": every refused operation gets another chance, nothing else changes.
    QVERIFY(box.clearLastErrors());
    QCOMPARE(box.failedCount(), 0);
    const auto after = box.pending(1000);
    for (int i = 0; i < after.size(); ++i) {
        QVERIFY(after.at(i).lastError.isEmpty());
        QCOMPARE(after.at(i).attempts, ops.at(i).attempts);
    }
}

QTEST_GUILESS_MAIN(TestOutboxHooks)
#include "tst_outboxhooks.moc"
