// Applying pulled pages (docs/sync-protocol.md, "Pull" and "Cursor rule"): one transaction per page
// with the cursor, idempotent, natural key for series, tombstones, pending local fields kept.

#include "store/firmdatarepository.h"
#include "store/outbox.h"
#include "sync/pullpage.h"
#include "syncclient/pullapplier.h"
#include "syncclient/syncstate.h"
#include "syncfixtures.h"

#include <QJsonObject>

using namespace XinDai;
using namespace XinDai::SyncClient;
using namespace XinDai::SyncClient::Test;

namespace {

const QDateTime serverTime = Store::Test::utc(2026, 11, 25, 9, 0, 0, 0);

Sync::Row row(const QString &entity, const QString &id, qint64 version, const QJsonObject &fields,
              bool deleted = false)
{
    Sync::Row r;
    r.entity = entity;
    r.id = id;
    r.version = version;
    r.updatedAt = serverTime;
    r.deleted = deleted;
    r.fields = fields;
    return r;
}

Sync::PullPage page(const QList<Sync::Row> &rows, bool hasMore = false)
{
    Sync::PullPage p;
    p.rows = rows;
    p.nextCursor = rows.isEmpty() ? 0 : rows.last().version;
    p.hasMore = hasMore;
    p.seal();
    return p;
}

QJsonObject newFirmFields(const QString &uscc, const QString &name, const QString &parkId)
{
    return {{QStringLiteral("uscc"), uscc},
            {QStringLiteral("name"), name},
            {QStringLiteral("kind"), QStringLiteral("company")},
            {QStringLiteral("park_id"), parkId},
            {QStringLiteral("registered_capital"), 500000000}};
}

const QString newFirmId = QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60");
const QString seriesId = QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61");

} // namespace

class TestPullApplier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appliesPageWithCursor();
    void reapplyIsNoOp();
    void olderOrSameVersionIgnored_data();
    void olderOrSameVersionIgnored();
    void tombstoneMarksDeleted();
    void tombstoneOfUnknownRowIgnored();
    void seriesByNaturalKey();
    void pendingLocalFieldsKept();
    void checksumMismatchWritesNothing();
    void failureMidPageWritesNothing_data();
    void failureMidPageWritesNothing();
    void childBeforeParent();
    void firmRegisteredHereJoinsServerFirm();

private:
    /// Everything a page could change, to compare before and after a failed apply.
    QString snapshot() const;

    SyncFixture f;
};

void TestPullApplier::init()
{
    QVERIFY(f.create());
}

void TestPullApplier::cleanup()
{
    f = SyncFixture();
}

QString TestPullApplier::snapshot() const
{
    QString out;
    QSqlQuery q(f.db->sql());
    for (const QString &sql :
         {QStringLiteral("SELECT id, version, name, deleted FROM enterprise ORDER BY id"),
          QStringLiteral("SELECT id, version, value FROM monthly_value ORDER BY id"),
          QStringLiteral("SELECT key, value FROM store_state ORDER BY key")}) {
        q.exec(sql);
        while (q.next()) {
            for (int i = 0; i < 4; ++i)
                out += q.value(i).toString() + u'|';
            out += u'\n';
        }
    }
    return out;
}

void TestPullApplier::appliesPageWithCursor()
{
    const Sync::PullPage p = page({
        row(QStringLiteral("enterprise"), newFirmId, 10,
            newFirmFields(QStringLiteral("91430100MA4Q000001"), QStringLiteral("长沙新到企业有限公司"),
                          f.park.meta.id)),
        row(QStringLiteral("monthly_value"), seriesId, 11,
            {{QStringLiteral("enterprise_id"), newFirmId},
             {QStringLiteral("kind"), QStringLiteral("electricity")},
             {QStringLiteral("month"), QStringLiteral("2026-09-01")},
             {QStringLiteral("value"), 4200}}),
        row(QStringLiteral("enterprise"), f.firm.meta.id, 12,
            {{QStringLiteral("name"), QStringLiteral("服务器改名有限公司")}}),
    });
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 3);
    QCOMPARE(applier.changedEntities(),
             (QStringList{QStringLiteral("enterprise"), QStringLiteral("monthly_value")}));
    QCOMPARE(SyncState(*f.db).cursor(), 12);

    const auto firm = Store::EnterpriseRepository(*f.db).byId(newFirmId);
    QVERIFY(firm);
    QCOMPARE(firm->meta.version, 10);
    QCOMPARE(firm->meta.updatedAt, serverTime);
    QCOMPARE(firm->registeredCapital.fen(), 500000000);
    QCOMPARE(firm->parkId, f.park.meta.id);
    QCOMPARE(firm->legalRep, QString()); // not sent: the schema default
    // The firm search index follows (triggers), so a pulled firm can be found.
    QCOMPARE(Store::EnterpriseRepository(*f.db).search(QStringLiteral("新到")).size(), 1);
    const auto series = Store::FirmDataRepository(*f.db).allSeries(newFirmId);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().value, 4200);
    // A partial row updates the fields it carries and leaves the others.
    const auto old = Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    QCOMPARE(old->name, QStringLiteral("服务器改名有限公司"));
    QCOMPARE(old->phone, f.firm.phone);
    QCOMPARE(old->meta.version, 12);
    // Pulled rows are the server's: never queued for a push.
    QCOMPARE(Store::Outbox(*f.db).count(), 0);
}

void TestPullApplier::reapplyIsNoOp()
{
    // A crash after commit but before the client noticed makes it fetch the page again.
    const Sync::PullPage p = page({row(QStringLiteral("enterprise"), f.firm.meta.id, 12,
                                       {{QStringLiteral("name"), QStringLiteral("服务器改名有限公司")}})});
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    const QString before = snapshot();
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 0);
    QVERIFY(applier.changedEntities().isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestPullApplier::olderOrSameVersionIgnored_data()
{
    QTest::addColumn<qint64>("version");
    QTest::addColumn<bool>("written");
    QTest::newRow("older (4 < local 5)") << qint64(4) << false;
    QTest::newRow("same (5 = local 5)") << qint64(5) << false;
    QTest::newRow("newer (6 > local 5)") << qint64(6) << true;
}

void TestPullApplier::olderOrSameVersionIgnored()
{
    QFETCH(qint64, version);
    QFETCH(bool, written);
    const Sync::PullPage p = page(
        {row(QStringLiteral("enterprise"), f.firm.meta.id, version, {{QStringLiteral("employees"), 7}})});
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), written ? 1 : 0);
    QCOMPARE(Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id)->employees,
             written ? 7 : f.firm.employees);
    QCOMPARE(SyncState(*f.db).cursor(), version); // the cursor moves in any case
}

void TestPullApplier::tombstoneMarksDeleted()
{
    const Sync::PullPage p = page({row(QStringLiteral("enterprise"), f.firm.meta.id, 13, {}, true)});
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    const auto firm = Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    QVERIFY(firm->meta.deleted);
    QCOMPARE(firm->meta.version, 13);
    QCOMPARE(Store::EnterpriseRepository(*f.db).count(), 0); // reads skip it
    // The application that refers to it is still intact (soft delete).
    QCOMPARE(f.count(QStringLiteral("application")), 1);
}

void TestPullApplier::tombstoneOfUnknownRowIgnored()
{
    const Sync::PullPage p = page({row(QStringLiteral("enterprise"), newFirmId, 14, {}, true)});
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 0);
    QCOMPARE(f.count(QStringLiteral("enterprise")), 1);
    QCOMPARE(SyncState(*f.db).cursor(), 14);
}

void TestPullApplier::seriesByNaturalKey()
{
    // The same firm, kind and month made locally under another id: the server's row replaces it
    // (one row, the server's id and value), because the natural key is the identity.
    f.db->setRecordChanges(false);
    Core::MonthlyValue local;
    local.enterpriseId = f.firm.meta.id;
    local.kind = Core::MonthlyValue::Kind::TaxPaid;
    local.month = QDate(2026, 10, 1);
    local.value = 1;
    QString error;
    QVERIFY2(Store::FirmDataRepository(*f.db).save(local, &error), qPrintable(error));
    QVERIFY(local.meta.id != seriesId);
    const Sync::PullPage p = page({row(QStringLiteral("monthly_value"), seriesId, 20,
                                       {{QStringLiteral("enterprise_id"), f.firm.meta.id},
                                        {QStringLiteral("kind"), QStringLiteral("tax_paid")},
                                        {QStringLiteral("month"), QStringLiteral("2026-10-01")},
                                        {QStringLiteral("value"), 5}})});
    PullApplier applier(*f.db);
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    const auto series = Store::FirmDataRepository(*f.db).allSeries(f.firm.meta.id);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().meta.id, seriesId);
    QCOMPARE(series.first().value, 5);
    QCOMPARE(series.first().meta.version, 20);
}

void TestPullApplier::pendingLocalFieldsKept()
{
    // The user renamed the firm offline; the server changed name and phone meanwhile. The pulled
    // phone is taken, the local name kept (its operation will be pushed and merged by the server).
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.name = QStringLiteral("本地改名有限公司");
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    const Sync::PullPage p = page({row(QStringLiteral("enterprise"), f.firm.meta.id, 30,
                                       {{QStringLiteral("name"), QStringLiteral("服务器改名有限公司")},
                                        {QStringLiteral("phone"), QStringLiteral("0731-99999999")}})});
    PullApplier applier(*f.db);
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    const auto after = repo.byId(f.firm.meta.id);
    QCOMPARE(after->name, QStringLiteral("本地改名有限公司"));
    QCOMPARE(after->phone, QStringLiteral("0731-99999999"));
    QCOMPARE(after->meta.version, 30);
    const auto ops = Store::Outbox(*f.db).pending();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().baseVersion, 5); // the operation still says what the edit started from
}

void TestPullApplier::checksumMismatchWritesNothing()
{
    Sync::PullPage p = page({row(QStringLiteral("enterprise"), f.firm.meta.id, 12,
                                 {{QStringLiteral("name"), QStringLiteral("服务器改名有限公司")}})});
    p.rows[0].fields.insert(QStringLiteral("name"), QStringLiteral("篡改有限公司")); // corrupted in transit
    const QString before = snapshot();
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::ChecksumMismatch);
    QVERIFY(!error.isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestPullApplier::failureMidPageWritesNothing_data()
{
    QTest::addColumn<bool>("badRow");
    QTest::addColumn<int>("failAfter");
    // The second row breaks a CHECK of the store (a month must be the first of the month): the
    // first row, already written, must be rolled back with it, and the cursor must not move.
    QTest::newRow("database refuses row 2") << true << -1;
    // A crash after one row (simulated): the same.
    QTest::newRow("interrupted after row 1") << false << 1;
}

void TestPullApplier::failureMidPageWritesNothing()
{
    QFETCH(bool, badRow);
    QFETCH(int, failAfter);
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(page({row(QStringLiteral("enterprise"), f.firm.meta.id, 8, {})}), &error),
             PullApplier::Result::Applied);
    const QString before = snapshot();
    const Sync::PullPage p = page({
        row(QStringLiteral("enterprise"), newFirmId, 10,
            newFirmFields(QStringLiteral("91430100MA4Q000001"), QStringLiteral("长沙新到企业有限公司"),
                          f.park.meta.id)),
        row(QStringLiteral("monthly_value"), seriesId, 11,
            {{QStringLiteral("enterprise_id"), newFirmId},
             {QStringLiteral("kind"), QStringLiteral("electricity")},
             {QStringLiteral("month"), badRow ? QStringLiteral("2026-09-15") : QStringLiteral("2026-09-01")},
             {QStringLiteral("value"), 4200}}),
    });
    applier.setFailAfterRows(failAfter);
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Failed);
    QVERIFY(!error.isEmpty());
    QCOMPARE(snapshot(), before);
    QCOMPARE(SyncState(*f.db).cursor(), 8);
    QVERIFY(!Store::EnterpriseRepository(*f.db).byId(newFirmId));
    // Fetched again later, the page applies.
    if (!badRow) {
        applier.setFailAfterRows(-1);
        QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
        QCOMPARE(SyncState(*f.db).cursor(), 11);
    }
}

void TestPullApplier::childBeforeParent()
{
    // The firm was changed after its application, so it comes later in version order (or in a
    // later page): the application must still apply, and foreign keys are on again afterwards.
    const QString appId = QStringLiteral("0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01");
    const Sync::PullPage p = page({
        row(QStringLiteral("application"), appId, 50,
            {{QStringLiteral("enterprise_id"), newFirmId},
             {QStringLiteral("state"), QStringLiteral("submitted")},
             {QStringLiteral("amount"), 100000000}}),
    });
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(p, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.apply(page({row(QStringLiteral("enterprise"), newFirmId, 51,
                                     newFirmFields(QStringLiteral("91430100MA4Q000001"),
                                                   QStringLiteral("长沙新到企业有限公司"), f.park.meta.id))}),
                           &error),
             PullApplier::Result::Applied);
    QCOMPARE(f.scalar(QStringLiteral("SELECT amount FROM application WHERE id = ?"), {appId}).toLongLong(),
             100000000);
    QCOMPARE(f.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
}

void TestPullApplier::firmRegisteredHereJoinsServerFirm()
{
    // The fixture's firm was registered here and never accepted (version 0); its creation is queued
    // (refused once: the server holds the USCC under another id), and the draft application names it.
    const QString localId = f.firm.meta.id;
    const QString serverId = QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f6a");
    QVERIFY(f.exec(QStringLiteral("UPDATE enterprise SET version = 0 WHERE id = ?"), {localId}));
    QVERIFY(
        f.exec(QStringLiteral("INSERT INTO outbox (op_id, seq, entity, row_id, kind, payload, created_at, "
                              "last_error) VALUES ('op-firm', 1, 'enterprise', ?, 'upsert', ?, "
                              "'2026-11-26T08:00:00.000Z', 'USCC already registered')"),
               {localId, QStringLiteral("{\"name\":\"湖南湘江新材料有限公司\"}")}));
    QVERIFY(f.exec(
        QStringLiteral("INSERT INTO outbox (op_id, seq, entity, row_id, kind, payload, created_at) "
                       "VALUES ('op-app', 2, 'application', ?, 'upsert', ?, '2026-11-26T08:00:01.000Z')"),
        {f.application.meta.id, QStringLiteral("{\"enterprise_id\":\"%1\"}").arg(localId)}));

    // The server's firm with the same USCC arrives: the page applies (the unique USCC does not refuse
    // it), and everything that named the local firm names the server's.
    PullApplier applier(*f.db);
    QString error;
    const PullApplier::Result applied = applier.apply(
        page({row(QStringLiteral("enterprise"), serverId, 60,
                  newFirmFields(QStringLiteral("91430104MA4L123456"), QStringLiteral("湖南湘江新材料股份有限公司"),
                                f.park.meta.id))}),
        &error);
    QVERIFY2(applied == PullApplier::Result::Applied, qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM enterprise WHERE id = ?"), {localId}).toInt(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM enterprise WHERE id = ?"), {serverId}).toString(),
             QStringLiteral("湖南湘江新材料股份有限公司"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT enterprise_id FROM application WHERE id = ?"),
                      {f.application.meta.id})
                 .toString(),
             serverId);
    // The queued creation is now an edit of the server's firm, tried again at the next push (the server
    // merges it field by field: the differing name becomes a conflict the user sees).
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT row_id || '|' || last_error FROM outbox WHERE op_id = 'op-firm'"))
            .toString(),
        serverId + u'|');
    QCOMPARE(f.scalar(QStringLiteral("SELECT payload FROM outbox WHERE op_id = 'op-app'")).toString(),
             QStringLiteral("{\"enterprise_id\":\"%1\"}").arg(serverId));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);

    // A firm the server did accept (version > 0) is never joined: same USCC under two server ids is the
    // page's business (here: refused, nothing written).
    const QString otherId = QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f6b");
    QCOMPARE(applier.apply(page({row(QStringLiteral("enterprise"), otherId, 61,
                                     newFirmFields(QStringLiteral("91430104MA4L123456"),
                                                   QStringLiteral("另一家企业"), f.park.meta.id))}),
                           &error),
             PullApplier::Result::Failed);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM enterprise WHERE id = ?"), {serverId}).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestPullApplier)
#include "tst_pullapplier.moc"
