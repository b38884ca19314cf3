// Opening store files: pragmas, migrations from an older schema, and every way a file can be wrong.

#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"
#include "store/schemamigrator_p.h"
#include "storefixtures.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Store;
using namespace XinDai::Store::Test;

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Runs \a statements on \a path through a raw connection (no migrations), then closes it.
bool rawExec(const QString &path, const QStringList &statements, int migrateTo = -1)
{
    const QString name = QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate());
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        if (ok && migrateTo >= 0) {
            QString error;
            ok = Internal::SchemaMigrator::migrate(db, migrateTo, &error);
            if (!ok)
                qWarning("%s", qPrintable(error));
        }
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QStringList sideFiles(const QString &path)
{
    QStringList out;
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (QFile::exists(path + QLatin1String(suffix)))
            out.append(path + QLatin1String(suffix));
    }
    return out;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createsAndConfigures();
    void connectionsAreIndependent();
    void splitStatements();
    void migratesFromVersionOne();
    void migratesSeriesToClusteredTable();
    void refusesNewerSchema();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusesTruncatedStore();
    void refusesForeignSqlite();
    void mustExist();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const char *name) const { return m_dir->filePath(QLatin1String(name)); }
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::createsAndConfigures()
{
    Database db;
    QString error;
    QVERIFY(!db.isOpen());
    QVERIFY2(db.open(path("new/sub/store.db"), &error), qPrintable(error)); // folders are created
    QVERIFY(db.isOpen());
    QCOMPARE(db.path(), path("new/sub/store.db"));
    QVERIFY(Database::latestSchemaVersion() >= 2);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // NORMAL
    QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
    QCOMPARE(q.value(0).toInt(), 5000);
    // Every table the sync issue relies on exists.
    for (const char *table : {"outbox", "conflict", "audit_log", "enterprise_fts", "enterprise_gram"}) {
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)));
    }
    q.finish();
    QVERIFY(db.transaction());
    QVERIFY(db.rollback());
    db.close();
    QVERIFY(!db.isOpen());
    QCOMPARE(db.schemaVersion(), -1);

    // Reopening an up-to-date store changes nothing and works.
    QVERIFY2(db.open(path("new/sub/store.db"), &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
}

void TestDatabase::connectionsAreIndependent()
{
    Database a;
    Database b;
    QString error;
    QVERIFY2(a.open(path("a.db"), &error), qPrintable(error));
    QVERIFY2(b.open(path("b.db"), &error), qPrintable(error));
    QVERIFY(a.sql().connectionName() != b.sql().connectionName());
    Core::Park park = makePark();
    QVERIFY2(ReferenceRepository(a).save(park, &error), qPrintable(error));
    QCOMPARE(ReferenceRepository(a).parks().size(), 1);
    QCOMPARE(ReferenceRepository(b).parks().size(), 0);
    const QString nameA = a.sql().connectionName();
    a.close();
    QVERIFY(!QSqlDatabase::contains(nameA)); // the connection is removed, not leaked
}

void TestDatabase::splitStatements()
{
    // Trigger bodies contain ';' and must stay one statement; comment lines vanish.
    const QString sql
        = QStringLiteral("-- comment; with semicolon\n"
                         "CREATE TABLE t (a INTEGER);\n"
                         "CREATE TRIGGER x AFTER INSERT ON t\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
                         "INSERT INTO t VALUES (1);\n");
    const QStringList parts = Internal::SchemaMigrator::splitStatements(sql);
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
    QVERIFY(parts.at(1).endsWith(QStringLiteral("END;")));
    QCOMPARE(parts.at(2), QStringLiteral("INSERT INTO t VALUES (1);"));
}

void TestDatabase::migratesFromVersionOne()
{
    const QString file = path("v1.db");
    // A store as the first release wrote it: schema 1 only, no search index, with data.
    QVERIFY(
        rawExec(file,
                {QStringLiteral("INSERT INTO park (id, code, name) VALUES ('p1', 'CS-HTZ', '长沙高新区')"),
                 QStringLiteral("INSERT INTO enterprise (id, uscc, name, kind, park_id) VALUES "
                                "('e1', '91430104MA4L000001', '湖南湘江新材料有限公司', 'company', 'p1'), "
                                "('e2', '91430111MA4L000002', '长沙岳麓山茶业有限公司', 'company', NULL)")},
                1));
    {
        const QString name = QStringLiteral("check-v1");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(file);
            QVERIFY(raw.open());
            QCOMPARE(Internal::SchemaMigrator::userVersion(raw), 1);
            QSqlQuery q(raw);
            QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM outbox"))); // not there yet
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    Database db;
    QString error;
    QVERIFY2(db.open(file, &error, Database::OpenMode::MustExist), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    EnterpriseRepository firms(db);
    QCOMPARE(firms.count(), 2);
    const auto e1 = firms.byId(QStringLiteral("e1"));
    QVERIFY(e1);
    QCOMPARE(e1->name, QStringLiteral("湖南湘江新材料有限公司"));
    QCOMPARE(e1->parkId, QStringLiteral("p1"));
    // Migration 0002 indexed the rows that were already there: 2-char, 4-char and USCC searches.
    QCOMPARE(firms.search(QStringLiteral("湘江")).size(), 1);
    QCOMPARE(firms.search(QStringLiteral("岳麓山茶")).value(0).id, QStringLiteral("e2"));
    QCOMPARE(firms.search(QStringLiteral("430111")).value(0).id, QStringLiteral("e2"));
    QCOMPARE(firms.search(QStringLiteral("有限公司")).size(), 2);
}

void TestDatabase::migratesSeriesToClusteredTable()
{
    const QString file = path("v2.db");
    // A schema-2 store with series rows, inserted out of key order, and one duplicated month (schema 2
    // did not forbid it): e1 tax_paid 2026-01 twice, the second (m3) updated later.
    QVERIFY(rawExec(
        file,
        {QStringLiteral("INSERT INTO enterprise (id, uscc, name, kind) VALUES "
                        "('e1', '91430104MA4L000001', '湖南湘江新材料有限公司', 'company'), "
                        "('e2', '91430111MA4L000002', '长沙岳麓山茶业有限公司', 'company')"),
         QStringLiteral(
             "INSERT INTO monthly_value (id, version, updated_at, deleted, enterprise_id, kind, month, "
             "value) VALUES "
             "('m1', 4, '2026-02-01T00:00:00.000Z', 0, 'e2', 'electricity', '2026-02-01', 700), "
             "('m2', 0, '2026-02-01T00:00:00.000Z', 0, 'e1', 'tax_paid', '2026-01-01', 100), "
             "('m3', 0, '2026-03-01T00:00:00.000Z', 0, 'e1', 'tax_paid', '2026-01-01', 150), "
             "('m4', 0, '2026-02-01T00:00:00.000Z', 1, 'e1', 'tax_paid', '2026-02-01', 200), "
             "('m5', 0, '2026-02-01T00:00:00.000Z', 0, 'e1', 'bank_inflow', '2026-01-01', 900)")},
        2));

    Database db;
    QString error;
    QVERIFY2(db.open(file, &error, Database::OpenMode::MustExist), qPrintable(error));
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(db.schemaVersion() >= 3);
    QSqlQuery q(db.sql());
    // The table is now WITHOUT ROWID (its own primary key) and has no other index.
    QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'monthly_value'")) && q.next());
    QVERIFY2(q.value(0).toString().contains(QStringLiteral("WITHOUT ROWID")),
             qPrintable(q.value(0).toString()));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                  "'monthly_value' AND sql IS NOT NULL"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // A firm's series in month order is one range scan of the primary key, without a sort.
    QVERIFY(
        q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT value FROM monthly_value WHERE enterprise_id = 'e1' "
                              "AND kind = 'tax_paid' AND deleted = 0 ORDER BY month")));
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    QVERIFY2(plan.join(QLatin1Char('|'))
                 .contains(QStringLiteral("USING PRIMARY KEY (enterprise_id=? AND kind=?)")),
             qPrintable(plan.join(QLatin1Char('|'))));
    QVERIFY2(!plan.join(QLatin1Char('|')).contains(QStringLiteral("TEMP B-TREE")),
             qPrintable(plan.join(QLatin1Char('|'))));
    // 5 rows, one duplicate month: 4 kept.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM monthly_value")) && q.next());
    QCOMPARE(q.value(0).toInt(), 4);

    FirmDataRepository data(db);
    const auto tax = data.series(QStringLiteral("e1"), Core::MonthlyValue::Kind::TaxPaid);
    // m4 is a tombstone (deleted = 1): kept in the table, not read. Of m2/m3 the later-updated m3 wins.
    QCOMPARE(tax.size(), 1);
    QCOMPARE(tax.at(0).meta.id, QStringLiteral("m3"));
    QCOMPARE(tax.at(0).value, 150);
    const auto e2 = data.allSeries(QStringLiteral("e2"));
    QCOMPARE(e2.size(), 1);
    QCOMPARE(e2.at(0).meta.id, QStringLiteral("m1"));
    QCOMPARE(e2.at(0).meta.version, 4); // every column is carried over
    QCOMPARE(e2.at(0).value, 700);
    QCOMPARE(e2.at(0).meta.updatedAt, QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC));
    // The dropped duplicate is not lost silently: it is an open conflict naming its value and the kept one.
    QVERIFY(q.exec(QStringLiteral(
                "SELECT entity, row_id, field, local_value, server_value, resolved FROM conflict"))
            && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("monthly_value"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("m2"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("value"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("100"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("150"));
    QCOMPARE(q.value(5).toInt(), 0);
    QVERIFY(!q.next());
    q.finish();

    // Schema 3 saves series by (firm, kind, month): a second value for e1 tax_paid 2026-01 replaces m3.
    Core::MonthlyValue again;
    again.enterpriseId = QStringLiteral("e1");
    again.kind = Core::MonthlyValue::Kind::TaxPaid;
    again.month = QDate(2026, 1, 1);
    again.value = 160;
    QVERIFY2(data.save(again, &error), qPrintable(error));
    QCOMPARE(again.meta.id, QStringLiteral("m3")); // no id given: the stored row keeps (and returns) its id
    QCOMPARE(data.series(QStringLiteral("e1"), Core::MonthlyValue::Kind::TaxPaid).value(0).value, 160);
}

void TestDatabase::refusesNewerSchema()
{
    const QString file = path("future.db");
    {
        Database db;
        QString error;
        QVERIFY2(db.open(file, &error), qPrintable(error));
    }
    const int future = Database::latestSchemaVersion() + 1;
    QVERIFY(rawExec(file, {QStringLiteral("PRAGMA user_version = %1").arg(future)}));
    QVERIFY(sideFiles(file).isEmpty());
    const QByteArray before = sha256Of(file);
    QVERIFY(!before.isEmpty());

    Database db;
    QString error;
    QVERIFY(!db.open(file, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(QStringLiteral("made by a newer XinDai (schema %1, this build knows %2)")
                                .arg(future)
                                .arg(Database::latestSchemaVersion())),
             qPrintable(error));
    QCOMPARE(sha256Of(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QByteArray random(64 * 1024, Qt::Uninitialized);
    QRandomGenerator gen(20261125);
    for (char &c : random)
        c = char(gen.bounded(256));
    // Random bytes do not start with the SQLite magic: refused before SQLite sees the file.
    QTest::newRow("random bytes") << random
                                  << QStringLiteral("is not a XinDai store: it is not a SQLite database");
    // A text file, e.g. a CSV export picked by mistake.
    QTest::newRow("csv") << QByteArray("uscc,name\n91430104MA4L000001,湘江\n")
                         << QStringLiteral("is not a SQLite database");
    // The magic alone is a file cut inside its 100-byte header.
    QTest::newRow("header only") << QByteArray("SQLite format 3\0", 16) << QStringLiteral("is damaged");
    // A valid-looking header with page size 1000 (not a power of two) is damaged.
    QByteArray badPage(4096, '\0');
    badPage.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    badPage[16] = char(0x03);
    badPage[17] = char(0xe8);
    QTest::newRow("bad page size") << badPage << QStringLiteral("is damaged");
}

void TestDatabase::refusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString file = path("bad.db");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = sha256Of(file);
    Database db;
    QString error;
    QVERIFY(!db.open(file, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!db.isOpen());
    QCOMPARE(sha256Of(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::refusesTruncatedStore()
{
    const QString file = path("real.db");
    {
        Database db;
        QString error;
        QVERIFY2(db.open(file, &error), qPrintable(error));
        EnterpriseRepository firms(db);
        for (int i = 0; i < 300; ++i) {
            Core::Enterprise e
                = makeEnterprise(QStringLiteral("91430104MA4L%1").arg(i, 6, 10, QLatin1Char('0')),
                                 QStringLiteral("湖南测试企业%1有限公司").arg(i));
            QVERIFY2(firms.save(e, &error), qPrintable(error));
        }
    }
    QVERIFY(sideFiles(file).isEmpty()); // a clean close checkpoints and removes the WAL
    QFile whole(file);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QVERIFY(bytes.size() > 8 * 4096);

    // Cut at a page boundary (page count in the header no longer fits) and in the middle of a page.
    for (const qsizetype cut :
         {qsizetype(bytes.size() / 2 / 4096 * 4096), qsizetype(bytes.size() / 2 + 123)}) {
        const QString copy = path("copy.db");
        QFile::remove(copy);
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes.left(cut));
        }
        const QByteArray before = sha256Of(copy);
        Database db;
        QString error;
        QVERIFY(!db.open(copy, &error));
        QVERIFY2(error.contains(QStringLiteral("is damaged")), qPrintable(error));
        QCOMPARE(sha256Of(copy), before);
        QCOMPARE(sideFiles(copy), QStringList());
    }
}

void TestDatabase::refusesForeignSqlite()
{
    // Another program's SQLite file must not receive our tables.
    const QString file = path("other.sqlite");
    QVERIFY(rawExec(file, {QStringLiteral("CREATE TABLE notes (text TEXT)"),
                           QStringLiteral("INSERT INTO notes VALUES ('hello')")}));
    const QByteArray before = sha256Of(file);
    Database db;
    QString error;
    QVERIFY(!db.open(file, &error));
    QVERIFY2(error.contains(QStringLiteral("SQLite database of another program")), qPrintable(error));
    QCOMPARE(sha256Of(file), before);
    QCOMPARE(sideFiles(file), QStringList());
}

void TestDatabase::mustExist()
{
    Database db;
    QString error;
    QVERIFY(!db.open(path("missing-folder/store.db"), &error, Database::OpenMode::MustExist));
    QVERIFY2(error.contains(QStringLiteral("folder")) && error.contains(QStringLiteral("does not exist")),
             qPrintable(error));
    QVERIFY(!QFile::exists(path("missing-folder")));
    QVERIFY(!db.open(path("absent.db"), &error, Database::OpenMode::MustExist));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY(!QFile::exists(path("absent.db")));
    QVERIFY(!db.open(m_dir->path(), &error));
    QVERIFY2(error.contains(QStringLiteral("is a folder")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
