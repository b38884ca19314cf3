// Dropping firms the user may no longer see (docs/sync-protocol.md, "Scope changes") on a real local
// store: the firm row and every FirmRecord row go in one transaction, applications stay, other firms
// are untouched, the search index follows, a refused delete leaves everything as it was.

#include "core/domain/syncmeta.h"
#include "store/enterpriserepository.h"
#include "store/outbox.h"
#include "sync/entitycatalog.h"
#include "syncclient/scopepurge.h"
#include "syncfixtures.h"

using namespace XinDai;
using namespace XinDai::SyncClient;
using namespace XinDai::SyncClient::Test;
using namespace Qt::StringLiterals;

namespace {

const QString otherFirmId = QStringLiteral("0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01");
const QString otherFirmName = QStringLiteral("株洲动力机械有限公司");

} // namespace

class TestScopePurge : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void purgesFirmAndRecordsKeepsApplication();
    void purgeCoversEveryFirmRecordEntity();
    void idsInManyStatements();
    void refusedDeleteChangesNothing();
    void nothingToPurge();
    void firmIdsSkipDeleted();
    void batches_data();
    void batches();

private:
    /// Firm records of \a firmId: \a series monthly values, one credit record, one authorization and
    /// one document (of the fixture's application); false when the SQL fails.
    bool addRecords(const QString &firmId, int series);
    /// Rows per table, as "table=n" joined: equal before and after means nothing changed.
    QString snapshot() const;
    int rowsOf(const QString &table, const QString &firmId) const;

    SyncFixture m_fx;
};

void TestScopePurge::init()
{
    QVERIFY(m_fx.create());
    // A second firm of another park, written as a pull would (no outbox).
    QVERIFY(m_fx.exec(u"INSERT INTO enterprise (id, version, uscc, name, kind, park_id) "
                      "VALUES (?, 9, '91430200MA4L654321', ?, 'company', ?)"_s,
                      {otherFirmId, otherFirmName, m_fx.park.meta.id}));
    QVERIFY(addRecords(m_fx.firm.meta.id, 3));
    QVERIFY(addRecords(otherFirmId, 2));
}

void TestScopePurge::cleanup()
{
    m_fx = SyncFixture();
}

bool TestScopePurge::addRecords(const QString &firmId, int series)
{
    for (int m = 1; m <= series; ++m) {
        if (!m_fx.exec(u"INSERT INTO monthly_value (id, version, enterprise_id, kind, month, value) "
                       "VALUES (?, ?, ?, 'tax_paid', ?, ?)"_s,
                       {Core::newId(), 100 + m, firmId,
                        QStringLiteral("2026-%1-01").arg(m, 2, 10, QLatin1Char('0')), 1000 * m}))
            return false;
    }
    return m_fx.exec(u"INSERT INTO credit_record (id, version, enterprise_id, kind, date, title) "
                     "VALUES (?, 120, ?, 'tax_grade', '2025-04-01', 'A')"_s,
                     {Core::newId(), firmId})
           && m_fx.exec(
               u"INSERT INTO \"authorization\" (id, version, enterprise_id, institution_ids, purpose, "
               "valid_from, valid_to) VALUES (?, 121, ?, ?, '贷款审批', '2026-11-01', '2027-01-31')"_s,
               {Core::newId(), firmId, QStringLiteral("[\"%1\"]").arg(m_fx.institution.meta.id)})
           && m_fx.exec(
               u"INSERT INTO document (id, version, enterprise_id, application_id, doc_type, file_name) "
               "VALUES (?, 122, ?, ?, 'business_licence', 'licence.pdf')"_s,
               {Core::newId(), firmId, m_fx.application.meta.id});
}

QString TestScopePurge::snapshot() const
{
    QStringList parts;
    for (const char *table : {"enterprise", "monthly_value", "credit_record", "\"authorization\"", "document",
                              "application", "enterprise_gram", "outbox"})
        parts.append(QLatin1String(table) + u'=' + QString::number(m_fx.count(QLatin1String(table))));
    return parts.join(u' ');
}

int TestScopePurge::rowsOf(const QString &table, const QString &firmId) const
{
    return m_fx.scalar(u"SELECT count(*) FROM "_s + table + u" WHERE enterprise_id = ?"_s, {firmId}).toInt();
}

void TestScopePurge::purgesFirmAndRecordsKeepsApplication()
{
    const QString firmId = m_fx.firm.meta.id;
    Store::EnterpriseRepository firms(*m_fx.db);
    QCOMPARE(firms.search(QStringLiteral("湘江新材料")).size(), 1);
    QCOMPARE(firms.search(QStringLiteral("动力机械")).size(), 1);

    ScopePurge purge(*m_fx.db);
    QString error;
    // An id the store does not hold is ignored.
    QVERIFY2(purge.purge({firmId, QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f69")}, &error),
             qPrintable(error));
    // 1 firm + 3 series + 1 credit record + 1 authorization + 1 document.
    QCOMPARE(purge.removedRows(), 7);
    QCOMPARE(purge.changedEntities(), QStringList({u"enterprise"_s, u"monthly_value"_s, u"credit_record"_s,
                                                   u"authorization"_s, u"document"_s}));

    QCOMPARE(m_fx.scalar(u"SELECT count(*) FROM enterprise WHERE id = ?"_s, {firmId}).toInt(), 0);
    for (const QString &table :
         {u"monthly_value"_s, u"credit_record"_s, u"\"authorization\""_s, u"document"_s})
        QCOMPARE(rowsOf(table, firmId), 0);
    // The bank still sees the application (its firm is gone from the store, not from the server).
    QCOMPARE(rowsOf(u"application"_s, firmId), 1);
    QCOMPARE(m_fx.scalar(u"SELECT version FROM application WHERE id = ?"_s, {m_fx.application.meta.id})
                 .toLongLong(),
             40);
    // The other firm keeps everything.
    QCOMPARE(m_fx.scalar(u"SELECT count(*) FROM enterprise WHERE id = ?"_s, {otherFirmId}).toInt(), 1);
    QCOMPARE(rowsOf(u"monthly_value"_s, otherFirmId), 2);
    QCOMPARE(rowsOf(u"credit_record"_s, otherFirmId), 1);
    QCOMPARE(rowsOf(u"\"authorization\""_s, otherFirmId), 1);
    QCOMPARE(rowsOf(u"document"_s, otherFirmId), 1);
    // Removed rows, not tombstones: no copy of the firm's data is left behind.
    QCOMPARE(m_fx.count(u"enterprise"_s), 1);
    // The search index forgets the firm (the store's delete trigger) and still finds the other one.
    QCOMPARE(firms.search(QStringLiteral("湘江新材料")).size(), 0);
    QCOMPARE(firms.search(QStringLiteral("动力机械")).size(), 1);
    // Nothing to push: the purge is not a user's edit.
    QCOMPARE(Store::Outbox(*m_fx.db).count(), 0);
    // Foreign keys are back on for the connection.
    QCOMPARE(m_fx.scalar(u"PRAGMA foreign_keys"_s).toInt(), 1);
}

void TestScopePurge::purgeCoversEveryFirmRecordEntity()
{
    // Whatever the catalog marks FirmRecord is removed: no entity is forgotten when one is added.
    ScopePurge purge(*m_fx.db);
    QString error;
    QVERIFY2(purge.purge({m_fx.firm.meta.id}, &error), qPrintable(error));
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (e.scope != Sync::EntitySpec::Scope::FirmRecord)
            continue;
        QVERIFY2(purge.changedEntities().contains(e.name), qPrintable(e.name));
        QCOMPARE(rowsOf(u'"' + e.name + u'"', m_fx.firm.meta.id), 0);
    }
}

void TestScopePurge::idsInManyStatements()
{
    // 1,200 ids (three statements of at most 500 per table), the two real firms at the end of the
    // second and third slices.
    QStringList ids;
    for (int i = 0; i < 1198; ++i)
        ids.append(Core::newId());
    ids.insert(999, m_fx.firm.meta.id);
    ids.append(otherFirmId);
    ScopePurge purge(*m_fx.db);
    QString error;
    QVERIFY2(purge.purge(ids, &error), qPrintable(error));
    // 2 firms + 5 series + 2 × (credit record, authorization, document).
    QCOMPARE(purge.removedRows(), 13);
    QCOMPARE(m_fx.count(u"enterprise"_s), 0);
    QCOMPARE(m_fx.count(u"monthly_value"_s), 0);
    QCOMPARE(m_fx.count(u"application"_s), 1);
    QCOMPARE(m_fx.count(u"enterprise_gram"_s), 0);
}

void TestScopePurge::refusedDeleteChangesNothing()
{
    // The last table refuses: the firm and the records deleted before it come back (one transaction).
    QVERIFY(m_fx.exec(u"CREATE TRIGGER refuse_document_delete BEFORE DELETE ON document "
                      "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s));
    const QString before = snapshot();
    ScopePurge purge(*m_fx.db);
    QString error;
    QVERIFY(!purge.purge({m_fx.firm.meta.id}, &error));
    QVERIFY2(error.contains(u"document"_s), qPrintable(error));
    QVERIFY2(error.contains(u"refused by the test"_s), qPrintable(error));
    QCOMPARE(snapshot(), before);
    QCOMPARE(purge.removedRows(), 0);
    QVERIFY(purge.changedEntities().isEmpty());
    QCOMPARE(m_fx.scalar(u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(Store::EnterpriseRepository(*m_fx.db).search(QStringLiteral("湘江新材料")).size(), 1);
}

void TestScopePurge::nothingToPurge()
{
    const QString before = snapshot();
    ScopePurge purge(*m_fx.db);
    QString error;
    QVERIFY(purge.purge({}, &error));
    QVERIFY(purge.purge({QStringLiteral("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f69")}, &error));
    QCOMPARE(purge.removedRows(), 0);
    QVERIFY(purge.changedEntities().isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestScopePurge::firmIdsSkipDeleted()
{
    ScopePurge purge(*m_fx.db);
    QStringList expected{m_fx.firm.meta.id, otherFirmId};
    expected.sort();
    QCOMPARE(purge.firmIds(), expected);
    // A tombstoned firm is not asked about (the server sent its deletion already).
    QVERIFY(m_fx.exec(u"UPDATE enterprise SET deleted = 1 WHERE id = ?"_s, {otherFirmId}));
    QCOMPARE(purge.firmIds(), QStringList{m_fx.firm.meta.id});
    // Nor is a firm the server has not accepted yet (version 0: registered here) ...
    QVERIFY(m_fx.exec(u"UPDATE enterprise SET deleted = 0, version = 0 WHERE id = ?"_s, {otherFirmId}));
    QCOMPARE(purge.firmIds(), QStringList{m_fx.firm.meta.id});
    // ... or one with a change still queued for the server.
    QVERIFY(m_fx.exec(u"INSERT INTO outbox (op_id, seq, entity, row_id, kind, payload, created_at) VALUES "
                      "('op-1', 1, 'enterprise', ?, 'upsert', '{}', '2026-11-26T08:00:00.000Z')"_s,
                      {m_fx.firm.meta.id}));
    QVERIFY(purge.firmIds().isEmpty());
}

void TestScopePurge::batches_data()
{
    QTest::addColumn<int>("ids");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("none") << 0 << 5000 << QList<int>{};
    QTest::newRow("one-partial") << 3 << 5000 << QList<int>{3};
    QTest::newRow("exactly-full") << 4 << 2 << QList<int>{2, 2};
    // 10,001 firms: two full requests of the server's limit and one with the last id.
    QTest::newRow("limit") << 10001 << 5000 << QList<int>{5000, 5000, 1};
}

void TestScopePurge::batches()
{
    QFETCH(int, ids);
    QFETCH(int, batchSize);
    QFETCH(QList<int>, sizes);
    QStringList all;
    for (int i = 0; i < ids; ++i)
        all.append(QString::number(i));
    const QList<QStringList> out = ScopePurge::batches(all, batchSize);
    QList<int> got;
    QStringList joined;
    for (const QStringList &b : out) {
        got.append(int(b.size()));
        joined += b;
    }
    QCOMPARE(got, sizes);
    QCOMPARE(joined, all); // in order, nothing lost or repeated
}

QTEST_GUILESS_MAIN(TestScopePurge)
#include "tst_scopepurge.moc"
