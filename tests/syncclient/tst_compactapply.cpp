// Pages read from the wire (Sync::CompactPage) applied to the store: whole rows go through one
// INSERT … ON CONFLICT statement when nothing is queued, new firms are indexed for search per page;
// the rules of docs/sync-protocol.md ("Pull apply") must hold on every path.

#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/outbox.h"
#include "sync/compactpage.h"
#include "sync/entitycatalog.h"
#include "sync/pullpage.h"
#include "syncclient/pullapplier.h"
#include "syncclient/syncstate.h"
#include "syncfixtures.h"

using namespace XinDai;
using namespace XinDai::SyncClient;
using namespace XinDai::SyncClient::Test;
using namespace Qt::StringLiterals;

namespace {

const QString newFirmId = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60"_s;
const QString seriesId = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61"_s;
const QString appId = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f62"_s;

/// A row as the server sends it: every wire field, those not given at their stored default.
Sync::Row wholeRow(const QString &entity, const QString &id, qint64 version, const QJsonObject &given)
{
    Sync::Row row;
    row.entity = entity;
    row.id = id;
    row.version = version;
    row.updatedAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
    for (const Sync::FieldSpec &f : Sync::EntityCatalog::find(entity)->fields) {
        if (!f.serverOnly)
            row.fields.insert(f.name, given.contains(f.name) ? given.value(f.name)
                                                             : Sync::EntityCatalog::toJson(f, QVariant()));
    }
    return row;
}

Sync::Row firmRow(const QString &id, qint64 version, const QString &uscc, const QString &name,
                  const QString &park)
{
    return wholeRow(u"enterprise"_s, id, version,
                    {{u"uscc"_s, uscc},
                     {u"name"_s, name},
                     {u"kind"_s, u"company"_s},
                     {u"park_id"_s, park},
                     {u"employees"_s, 7}});
}

Sync::Row seriesRow(const QString &id, qint64 version, const QString &firm, const QString &month,
                    qint64 value)
{
    return wholeRow(
        u"monthly_value"_s, id, version,
        {{u"enterprise_id"_s, firm}, {u"kind"_s, u"tax_paid"_s}, {u"month"_s, month}, {u"value"_s, value}});
}

/// The page as it travels: sealed, written by the server's writer, read back by the client's reader.
Sync::CompactPage wire(const QList<Sync::Row> &rows)
{
    Sync::PullPage p;
    p.rows = rows;
    p.nextCursor = rows.isEmpty() ? 0 : rows.last().version;
    p.seal();
    Sync::CompactPage page;
    QString error;
    const Sync::CompactPage::Status status = Sync::CompactPage::read(p.toWireJson(), &page, &error);
    if (status != Sync::CompactPage::Status::Valid)
        qFatal("test page unreadable: %s", qPrintable(error));
    return page;
}

} // namespace

class TestCompactApply : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wholeRowsInserted();
    void wholeRowsVersionRule();
    void seriesNaturalKeyReplacesLocalId();
    void queuedFieldsKeptOnWholeRows();
    void mixedPageIndexedByTriggers();
    void failureLeavesIndexAsItWas();

private:
    int searchHits(const QString &text) const
    {
        return int(Store::EnterpriseRepository(*f.db).search(text).size());
    }

    SyncFixture f;
};

void TestCompactApply::init()
{
    QVERIFY(f.create());
}

void TestCompactApply::cleanup()
{
    f = SyncFixture();
}

void TestCompactApply::wholeRowsInserted()
{
    const Sync::CompactPage page = wire({
        firmRow(newFirmId, 10, u"91430100MA4Q000001"_s, u"长沙新到企业有限公司"_s, f.park.meta.id),
        seriesRow(seriesId, 11, newFirmId, u"2026-09-01"_s, 4200),
        wholeRow(u"application"_s, appId, 12,
                 {{u"enterprise_id"_s, newFirmId},
                  {u"state"_s, u"submitted"_s},
                  {u"amount"_s, 100000000},
                  {u"submitted_at"_s, u"2026-11-21T08:00:00.000Z"_s}}),
    });
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(page, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 3);
    QCOMPARE(applier.changedEntities(), (QStringList{u"enterprise"_s, u"monthly_value"_s, u"application"_s}));
    QCOMPARE(SyncState(*f.db).cursor(), 12);
    const auto firm = Store::EnterpriseRepository(*f.db).byId(newFirmId);
    QVERIFY(firm);
    QCOMPARE(firm->meta.version, 10);
    QCOMPARE(firm->meta.updatedAt, QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    QCOMPARE(firm->employees, 7);
    QCOMPARE(firm->legalRep, QString());
    QVERIFY(!firm->established.isValid()); // null stays NULL
    QCOMPARE(f.scalar(u"SELECT typeof(established) FROM enterprise WHERE id = ?"_s, {newFirmId}).toString(),
             u"null"_s);
    QCOMPARE(f.scalar(u"SELECT typeof(legal_rep) FROM enterprise WHERE id = ?"_s, {newFirmId}).toString(),
             u"text"_s);
    QCOMPARE(f.scalar(u"SELECT updated_at FROM monthly_value WHERE id = ?"_s, {seriesId}).toString(),
             u"2026-11-25T09:00:00.000Z"_s);
    QCOMPARE(f.scalar(u"SELECT submitted_at FROM application WHERE id = ?"_s, {appId}).toString(),
             u"2026-11-21T08:00:00.000Z"_s);
    // Indexed in bulk at the end of the page: found by a trigram and by a two-character search, and
    // the triggers are on again (nothing left deferred).
    QCOMPARE(searchHits(u"新到企"_s), 1);
    QCOMPARE(searchHits(u"新到"_s), 1);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM store_state WHERE key = 'search_index_deferred'"_s).toInt(), 0);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM enterprise_gram WHERE ent = "
                      "(SELECT rowid FROM enterprise WHERE id = ?)"_s,
                      {newFirmId})
                 .toInt(),
             10); // 长沙新到企业有限公司: 10 characters, 9 pairs and the last character alone
    QCOMPARE(Store::Outbox(*f.db).count(), 0);
}

void TestCompactApply::wholeRowsVersionRule()
{
    PullApplier applier(*f.db);
    QString error;
    const Sync::CompactPage first
        = wire({firmRow(f.firm.meta.id, 20, f.firm.uscc, u"服务器改名有限公司"_s, f.park.meta.id)});
    QCOMPARE(applier.apply(first, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 1);
    QCOMPARE(searchHits(u"服务器改名"_s), 1); // an existing firm: the triggers keep the index
    QCOMPARE(searchHits(u"湘江新材料"_s), 0);
    // Again (a refetched page), and an older state: nothing written.
    QCOMPARE(applier.apply(first, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 0);
    const Sync::CompactPage older
        = wire({firmRow(f.firm.meta.id, 19, f.firm.uscc, u"旧名有限公司"_s, f.park.meta.id)});
    QCOMPARE(applier.apply(older, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 0);
    const auto firm = Store::EnterpriseRepository(*f.db).byId(f.firm.meta.id);
    QCOMPARE(firm->name, u"服务器改名有限公司"_s);
    QCOMPARE(firm->meta.version, 20);
    QCOMPARE(SyncState(*f.db).cursor(), 20);
}

void TestCompactApply::seriesNaturalKeyReplacesLocalId()
{
    f.db->setRecordChanges(false);
    Core::MonthlyValue local;
    local.enterpriseId = f.firm.meta.id;
    local.kind = Core::MonthlyValue::Kind::TaxPaid;
    local.month = QDate(2026, 10, 1);
    local.value = 1;
    local.meta.version = 3;
    QString error;
    QVERIFY2(Store::FirmDataRepository(*f.db).save(local, &error), qPrintable(error));
    PullApplier applier(*f.db);
    QCOMPARE(applier.apply(wire({seriesRow(seriesId, 30, f.firm.meta.id, u"2026-10-01"_s, 5)}), &error),
             PullApplier::Result::Applied);
    auto series = Store::FirmDataRepository(*f.db).allSeries(f.firm.meta.id);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().meta.id, seriesId);
    QCOMPARE(series.first().value, 5);
    QCOMPARE(series.first().meta.version, 30);
    // An older state of the same key changes nothing.
    QCOMPARE(
        applier.apply(wire({seriesRow(local.meta.id, 31 - 2, f.firm.meta.id, u"2026-10-01"_s, 9)}), &error),
        PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 0);
    series = Store::FirmDataRepository(*f.db).allSeries(f.firm.meta.id);
    QCOMPARE(series.first().meta.id, seriesId);
    QCOMPARE(series.first().value, 5);
}

void TestCompactApply::queuedFieldsKeptOnWholeRows()
{
    // The user renamed the firm offline: a whole row from the server keeps the local name (queued),
    // takes everything else.
    Store::EnterpriseRepository repo(*f.db);
    Core::Enterprise e = *repo.byId(f.firm.meta.id);
    e.name = u"本地改名有限公司"_s;
    QString error;
    QVERIFY2(repo.save(e, &error), qPrintable(error));
    Sync::Row row = firmRow(f.firm.meta.id, 30, f.firm.uscc, u"服务器改名有限公司"_s, f.park.meta.id);
    row.fields.insert(u"phone"_s, u"0731-99999999"_s);
    PullApplier applier(*f.db);
    QCOMPARE(applier.apply(wire({row}), &error), PullApplier::Result::Applied);
    const auto after = repo.byId(f.firm.meta.id);
    QCOMPARE(after->name, u"本地改名有限公司"_s);
    QCOMPARE(after->phone, u"0731-99999999"_s);
    QCOMPARE(after->employees, 7);
    QCOMPARE(after->meta.version, 30);
    QCOMPARE(Store::Outbox(*f.db).count(), 1);
}

void TestCompactApply::mixedPageIndexedByTriggers()
{
    // A new firm next to a change of a held one: no bulk indexing (the rename needs the triggers),
    // both are found afterwards.
    const Sync::CompactPage page = wire({
        firmRow(newFirmId, 10, u"91430100MA4Q000001"_s, u"长沙新到企业有限公司"_s, f.park.meta.id),
        firmRow(f.firm.meta.id, 11, f.firm.uscc, u"服务器改名有限公司"_s, f.park.meta.id),
    });
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(page, &error), PullApplier::Result::Applied);
    QCOMPARE(applier.writtenRows(), 2);
    QCOMPARE(searchHits(u"新到"_s), 1);
    QCOMPARE(searchHits(u"服务器改名"_s), 1);
    QCOMPARE(searchHits(u"湘江新材料"_s), 0);
}

void TestCompactApply::failureLeavesIndexAsItWas()
{
    // The second firm breaks the store's CHECK (a USCC has 18 characters): the page rolls back, the
    // first firm with its index entries too, and the triggers are not left switched off.
    const Sync::CompactPage page = wire({
        firmRow(newFirmId, 10, u"91430100MA4Q000001"_s, u"长沙新到企业有限公司"_s, f.park.meta.id),
        firmRow(appId, 11, u"9143"_s, u"长沙另一企业有限公司"_s, f.park.meta.id),
    });
    const int grams = f.scalar(u"SELECT count(*) FROM enterprise_gram"_s).toInt();
    PullApplier applier(*f.db);
    QString error;
    QCOMPARE(applier.apply(page, &error), PullApplier::Result::Failed);
    QVERIFY2(error.contains(u"CHECK constraint failed"_s), qPrintable(error));
    QVERIFY(error.contains(appId));
    QVERIFY(!Store::EnterpriseRepository(*f.db).byId(newFirmId));
    QCOMPARE(f.scalar(u"SELECT count(*) FROM enterprise_gram"_s).toInt(), grams);
    QCOMPARE(f.scalar(u"SELECT count(*) FROM store_state WHERE key = 'search_index_deferred'"_s).toInt(), 0);
    QCOMPARE(SyncState(*f.db).cursor(), 0);
    QCOMPARE(searchHits(u"新到"_s), 0);
}

QTEST_GUILESS_MAIN(TestCompactApply)
#include "tst_compactapply.moc"
