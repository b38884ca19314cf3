// Bulk load: counts after a load, chunked loads, all-or-nothing on error and on cancel, and the
// deferred search index (built by finish(), or by the next open if the program stopped before).

#include "store/applicationrepository.h"
#include "store/bulkloader.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "storefixtures.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace XinDai;
using namespace XinDai::Store;
using namespace XinDai::Store::Test;

namespace {

/// Parks, an institution, a product, a policy and a user, with ids set so firms can refer to them.
Core::Dataset referenceData()
{
    Core::Dataset d;
    for (int i = 0; i < 2; ++i) {
        Core::Park p = makePark(QStringLiteral("P%1").arg(i), QStringLiteral("园区%1").arg(i));
        p.meta.id = QStringLiteral("park-%1").arg(i);
        d.parks.append(p);
    }
    Core::Institution inst = makeInstitution();
    inst.meta.id = QStringLiteral("inst-0");
    d.institutions.append(inst);
    Core::FinancingProduct product = makeProduct(inst.meta.id);
    product.meta.id = QStringLiteral("product-0");
    d.products.append(product);
    d.policies.append(makePolicy());
    Core::User user = makeUser(QStringLiteral("park-0"));
    user.meta.id = QStringLiteral("user-0");
    d.users.append(user);
    return d;
}

/// \a count firms numbered from \a first, each with 2 kinds × 3 months of series, one record, one
/// authorization, one application and one document.
void addFirms(Core::Dataset &d, int first, int count)
{
    for (int i = first; i < first + count; ++i) {
        Core::Enterprise e = makeEnterprise(QStringLiteral("91430104BL%1").arg(i, 8, 10, QLatin1Char('0')),
                                            QStringLiteral("湖南批量企业%1有限公司").arg(i),
                                            QStringLiteral("park-%1").arg(i % 2));
        e.meta.id = QStringLiteral("firm-%1").arg(i);
        d.enterprises.append(e);
        for (auto kind : {Core::MonthlyValue::Kind::TaxPaid, Core::MonthlyValue::Kind::BankInflow}) {
            for (int m = 1; m <= 3; ++m) {
                Core::MonthlyValue v; // no id: the loader makes one
                v.enterpriseId = e.meta.id;
                v.kind = kind;
                v.month = QDate(2026, m, 1);
                v.value = i * 1000 + m;
                d.series.append(v);
            }
        }
        Core::CreditRecord r;
        r.enterpriseId = e.meta.id;
        r.kind = Core::CreditRecord::Kind::Patent;
        r.date = QDate(2025, 1, 1 + i % 28);
        r.title = QStringLiteral("一种复合材料");
        d.records.append(r);
        Core::Authorization a;
        a.enterpriseId = e.meta.id;
        a.institutionIds = {QStringLiteral("inst-0")};
        a.validFrom = QDate(2026, 1, 1);
        a.validTo = QDate(2026, 12, 31);
        a.recordedBy = QStringLiteral("user-0");
        d.authorizations.append(a);
        Core::Application app;
        app.meta.id = QStringLiteral("app-%1").arg(i);
        app.number = QStringLiteral("XD-2026-%1").arg(i, 6, 10, QLatin1Char('0'));
        app.enterpriseId = e.meta.id;
        app.productId = QStringLiteral("product-0");
        app.institutionId = QStringLiteral("inst-0");
        app.parkId = e.parkId;
        app.amount = Core::Money::fromWan(100 + i);
        app.state = Core::Application::State(i % 8);
        app.createdAt = utc(2026, 1, 2);
        d.applications.append(app);
        Core::Document doc;
        doc.enterpriseId = e.meta.id;
        doc.applicationId = app.meta.id;
        doc.docType = QStringLiteral("business_licence");
        doc.fileName = QStringLiteral("licence.pdf");
        d.documents.append(doc);
    }
}

qint64 rowsOf(const Core::Dataset &d)
{
    return d.parks.size() + d.institutions.size() + d.products.size() + d.policies.size() + d.users.size()
           + d.enterprises.size() + d.series.size() + d.records.size() + d.authorizations.size()
           + d.applications.size() + d.documents.size();
}

int tableCount(Database &db, const char *table)
{
    QSqlQuery q(db.sql());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestBulkLoader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsEverything();
    void chunksAndFailureKeepsNothingOfTheCall();
    void cancelKeepsNothing();
    void deferredSearchIndex();
    void seriesInAnyOrder();
    void invalidSeriesRowNamesField_data();
    void invalidSeriesRowNamesField();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestBulkLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("bulk.db")), &error), qPrintable(error));
}

void TestBulkLoader::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestBulkLoader::loadsEverything()
{
    Core::Dataset d = referenceData();
    addFirms(d, 0, 20);
    BulkLoader loader(*m_db);
    QVector<qint64> seen;
    QString error;
    QVERIFY2(loader.load(d, &error,
                         [&](qint64 done, qint64 total) {
                             seen.append(done);
                             return done <= total;
                         }),
             qPrintable(error));
    // 6 reference rows + 20 firms × (1 + 6 series + 4 others) = 226 rows.
    QCOMPARE(rowsOf(d), 226);
    QCOMPARE(loader.rowsWritten(), 226);
    QCOMPARE(seen, QVector<qint64>{226}); // fewer than 8192 rows: one report, at the end
    QCOMPARE(tableCount(*m_db, "park"), 2);
    QCOMPARE(tableCount(*m_db, "institution"), 1);
    QCOMPARE(tableCount(*m_db, "product"), 1);
    QCOMPARE(tableCount(*m_db, "policy"), 1);
    QCOMPARE(tableCount(*m_db, "app_user"), 1);
    QCOMPARE(tableCount(*m_db, "enterprise"), 20);
    QCOMPARE(tableCount(*m_db, "monthly_value"), 120);
    QCOMPARE(tableCount(*m_db, "credit_record"), 20);
    QCOMPARE(tableCount(*m_db, "authorization"), 20);
    QCOMPARE(tableCount(*m_db, "application"), 20);
    QCOMPARE(tableCount(*m_db, "document"), 20);

    // Values arrive intact and generated ids are UUIDs; rows loaded without updatedAt get one.
    const auto tax
        = FirmDataRepository(*m_db).series(QStringLiteral("firm-7"), Core::MonthlyValue::Kind::TaxPaid);
    QCOMPARE(tax.size(), 3);
    QCOMPARE(tax.at(2).value, 7003);
    QCOMPARE(tax.at(2).meta.id.size(), 36);
    QVERIFY(tax.at(2).meta.updatedAt.isValid());
    const auto app = ApplicationRepository(*m_db).application(QStringLiteral("app-3"));
    QVERIFY(app);
    QCOMPARE(app->state, Core::Application::State::Approved); // 3 % 8 = Approved
    QCOMPARE(app->amount, Core::Money::fromWan(103));
    // The load's pragmas are undone: the store is back in WAL mode with normal syncing.
    QSqlQuery pragma(m_db->sql());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA journal_mode")) && pragma.next());
    QCOMPARE(pragma.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA synchronous")) && pragma.next());
    QCOMPARE(pragma.value(0).toInt(), 1); // NORMAL
    pragma.finish();
    // Triggers were on: the loaded firms are searchable at once.
    QCOMPARE(EnterpriseRepository(*m_db).search(QStringLiteral("批量企业7有")).size(), 1);
}

void TestBulkLoader::chunksAndFailureKeepsNothingOfTheCall()
{
    BulkLoader loader(*m_db);
    QString error;
    Core::Dataset first = referenceData();
    addFirms(first, 0, 10);
    QVERIFY2(loader.load(first, &error), qPrintable(error));
    Core::Dataset second;
    addFirms(second, 10, 10);
    QVERIFY2(loader.load(second, &error), qPrintable(error));
    QCOMPARE(tableCount(*m_db, "enterprise"), 20);
    QCOMPARE(loader.rowsWritten(), rowsOf(first) + rowsOf(second));

    // The third chunk's last series row names a firm that does not exist: the whole chunk goes.
    Core::Dataset third;
    addFirms(third, 20, 5);
    third.series.last().enterpriseId = QStringLiteral("no-such-firm");
    QVERIFY(!loader.load(third, &error));
    QVERIFY2(error.startsWith(QStringLiteral("The data load failed and nothing of it was kept.")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("monthly value")), qPrintable(error));
    QCOMPARE(tableCount(*m_db, "enterprise"), 20);
    QCOMPARE(tableCount(*m_db, "monthly_value"), 120);
    QCOMPARE(loader.rowsWritten(), rowsOf(first) + rowsOf(second));

    // A firm already loaded (same id) is refused too: the loader inserts, it does not update.
    Core::Dataset again;
    addFirms(again, 5, 1);
    QVERIFY(!loader.load(again, &error));
    QCOMPARE(tableCount(*m_db, "enterprise"), 20);
}

void TestBulkLoader::cancelKeepsNothing()
{
    Core::Dataset d = referenceData();
    addFirms(d, 0, 1500); // 16,506 rows: progress at 8192, 16384 and the end
    BulkLoader loader(*m_db);
    QString error;
    QVector<qint64> seen;
    QVERIFY(!loader.load(d, &error, [&](qint64 done, qint64 total) {
        seen.append(done);
        Q_UNUSED(total);
        return done < 16384; // cancel at the second report
    }));
    QCOMPARE(seen, (QVector<qint64>{8192, 16384}));
    QCOMPARE(error, QStringLiteral("The data load was cancelled; nothing of it was kept."));
    for (const char *table : {"park", "enterprise", "monthly_value", "application"})
        QCOMPARE(tableCount(*m_db, table), 0);
    QCOMPARE(loader.rowsWritten(), 0);
    // The store is still usable after the cancel.
    QVERIFY2(loader.load(d, &error), qPrintable(error));
    QCOMPARE(tableCount(*m_db, "enterprise"), 1500);
}

void TestBulkLoader::deferredSearchIndex()
{
    BulkLoader loader(*m_db);
    loader.setDeferSearchIndex(true);
    QString error;
    Core::Dataset d = referenceData();
    addFirms(d, 0, 30);
    QVERIFY2(loader.load(d, &error), qPrintable(error));
    EnterpriseRepository firms(*m_db);
    QCOMPARE(tableCount(*m_db, "enterprise_gram"), 0); // not maintained during the load
    QVERIFY2(loader.finish(&error), qPrintable(error));
    QCOMPARE(firms.search(QStringLiteral("批量")).size(), 30);
    QCOMPARE(firms.search(QStringLiteral("企业29")).size(), 1);
    QCOMPARE(firms.search(QStringLiteral("BL00000029")).size(), 1);

    // A deferred load whose program stopped before finish(): the next open rebuilds the index.
    Core::Dataset more;
    addFirms(more, 30, 5);
    QVERIFY2(loader.load(more, &error), qPrintable(error));
    const QString path = m_db->path();
    m_db->close();
    QVERIFY2(m_db->open(path, &error), qPrintable(error));
    QCOMPARE(EnterpriseRepository(*m_db).search(QStringLiteral("批量")).size(), 35);
    // After the rebuild the triggers are on again: a saved firm is found at once.
    Core::Enterprise single = makeEnterprise(QStringLiteral("91430104ZZ00000001"),
                                             QStringLiteral("单个保存企业"), QStringLiteral("park-0"));
    QVERIFY2(EnterpriseRepository(*m_db).save(single, &error), qPrintable(error));
    QCOMPARE(EnterpriseRepository(*m_db).search(QStringLiteral("单个")).size(), 1);
}

void TestBulkLoader::seriesInAnyOrder()
{
    // The loader sorts series by the table's key (firm, kind code, month) before inserting; the rows
    // come in here firm-interleaved, months descending, firm ids in descending text order.
    Core::Dataset d = referenceData();
    addFirms(d, 0, 3);
    std::reverse(d.series.begin(), d.series.end());
    std::swap(d.series[0], d.series[7]);
    d.series[0].meta.id = QStringLiteral("kept-id"); // a given id is stored as is
    const QString keptFirm = d.series[0].enterpriseId;
    const Core::MonthlyValue::Kind keptKind = d.series[0].kind;
    const QDate keptMonth = d.series[0].month;
    BulkLoader loader(*m_db);
    QString error;
    QVERIFY2(loader.load(d, &error), qPrintable(error));
    QCOMPARE(tableCount(*m_db, "monthly_value"), 18);
    FirmDataRepository data(*m_db);
    for (int i = 0; i < 3; ++i) {
        const QString firm = QStringLiteral("firm-%1").arg(i);
        const auto inflow = data.series(firm, Core::MonthlyValue::Kind::BankInflow);
        QCOMPARE(inflow.size(), 3);
        for (int m = 0; m < 3; ++m) {
            QCOMPARE(inflow.at(m).month, QDate(2026, m + 1, 1));
            QCOMPARE(inflow.at(m).value, i * 1000 + m + 1); // value = firm × 1000 + month (addFirms)
        }
    }
    const auto kept = data.series(keptFirm, keptKind);
    const auto it = std::find_if(kept.cbegin(), kept.cend(),
                                 [&](const Core::MonthlyValue &v) { return v.month == keptMonth; });
    QVERIFY(it != kept.cend());
    QCOMPARE(it->meta.id, QStringLiteral("kept-id"));
}

void TestBulkLoader::invalidSeriesRowNamesField_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("expected");
    // The table's key is (firm, kind, month): a second row for the same firm, kind and month is refused.
    // SQLite lists all three key columns; the message names the last one, the month.
    QTest::newRow("same month twice") << 0 << QStringLiteral("the same value in the field “month”");
    // A month is stored as its first day; the 15th breaks the CHECK named "month".
    QTest::newRow("mid-month") << 1 << QStringLiteral("the value of the field “month” is not allowed");
    // Values are never negative (CHECK named "value").
    QTest::newRow("negative value") << 2 << QStringLiteral("the value of the field “value” is not allowed");
    // An invalid month is stored as NULL, which the NOT NULL column refuses.
    QTest::newRow("no month") << 3 << QStringLiteral("the field “month” is required");
}

void TestBulkLoader::invalidSeriesRowNamesField()
{
    QFETCH(int, fault);
    QFETCH(QString, expected);
    Core::Dataset d = referenceData();
    addFirms(d, 0, 30); // 180 series rows: the bad row 8 is inside the first 128-row statement
    Core::MonthlyValue &bad = d.series[8];
    switch (fault) {
    case 0:
        bad.month = d.series[7].month; // rows 7 and 8 are firm-1 tax_paid, months 2 and 3 (addFirms)
        break;
    case 1:
        bad.month = QDate(2026, 3, 15);
        break;
    case 2:
        bad.value = -1;
        break;
    default:
        bad.month = QDate();
        break;
    }
    BulkLoader loader(*m_db);
    QString error;
    QVERIFY(!loader.load(d, &error));
    QVERIFY2(error.contains(QStringLiteral("monthly value")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(tableCount(*m_db, "monthly_value"), 0); // all or nothing
    QCOMPARE(tableCount(*m_db, "enterprise"), 0);
}

QTEST_GUILESS_MAIN(TestBulkLoader)
#include "tst_bulkloader.moc"
