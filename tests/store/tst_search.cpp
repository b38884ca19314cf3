// Firm search: Chinese substrings of one to four characters, USCC fragments, park filter, limit,
// ranking, and agreement with a brute-force oracle on a few thousand firms (which drives the search
// through both of its strategies: index candidates, and the name-ordered walk for frequent terms).

#include "store/bulkloader.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"
#include "storefixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace XinDai;
using namespace XinDai::Store;
using namespace XinDai::Store::Test;

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void search_data();
    void search();
    void matchesOracle_data();
    void matchesOracle();
    void followsEdits();

private:
    QStringList names(const QVector<EnterpriseHit> &hits) const;
    QStringList oracle(const QString &text, int limit, const QString &parkId) const;

    QTemporaryDir m_dir;
    Database m_db;
    QString m_parkA;
    QString m_parkB;
    QVector<Core::Enterprise> m_all;
};

void TestSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_db.open(m_dir.filePath(QStringLiteral("search.db")), &error), qPrintable(error));
    ReferenceRepository refs(m_db);
    Core::Park a = makePark(QStringLiteral("A"), QStringLiteral("园区甲"));
    Core::Park b = makePark(QStringLiteral("B"), QStringLiteral("园区乙"));
    QVERIFY(refs.save(a, &error));
    QVERIFY(refs.save(b, &error));
    m_parkA = a.meta.id;
    m_parkB = b.meta.id;

    const struct
    {
        const char *uscc;
        const char *name;
        int park; // 0 none, 1 A, 2 B
    } firms[] = {
        {"91430104MA4L000001", "湖南湘江新材料有限公司", 1},
        {"91430100MA4L000002", "长沙湘江船舶制造有限公司", 2},
        {"91430104MA4L000003", "岳麓山茶业有限公司", 1},
        {"91430111MA4L000004", "湘江岳麓科技有限公司", 2},
        {"91430200MA4L000005", "株洲硬质合金集团有限公司", 0},
        {"92430300MA4L000006", "湘潭岳麓书院文创店", 0},
        {"92430104MA4L000007", "代办91430104MA4L000001登记服务部", 0},
    };
    EnterpriseRepository repo(m_db);
    for (const auto &f : firms) {
        Core::Enterprise e = makeEnterprise(QString::fromUtf8(f.uscc), QString::fromUtf8(f.name),
                                            f.park == 1   ? m_parkA
                                            : f.park == 2 ? m_parkB
                                                          : QString());
        QVERIFY2(repo.save(e, &error), qPrintable(error));
        m_all.append(e);
    }
    // Fillers through the bulk loader: frequent terms (有限, 湖南, 公司, 9143…) then match thousands of
    // firms, which switches the search to its walk-the-name-index strategy.
    Core::Dataset fill;
    for (int i = 0; i < 3000; ++i) {
        Core::Enterprise e
            = makeEnterprise(QStringLiteral("91430104FL%1").arg(i, 8, 10, QLatin1Char('0')),
                             QStringLiteral("湖南填充企业%1有限公司").arg(i, 4, 10, QLatin1Char('0')),
                             i % 3 == 0 ? m_parkB : m_parkA);
        e.meta.id = Core::newId();
        fill.enterprises.append(e);
    }
    BulkLoader loader(m_db);
    QVERIFY2(loader.load(fill, &error), qPrintable(error));
    m_all += fill.enterprises;
}

QStringList TestSearch::names(const QVector<EnterpriseHit> &hits) const
{
    QStringList out;
    for (const EnterpriseHit &h : hits)
        out.append(h.name);
    return out;
}

QStringList TestSearch::oracle(const QString &text, int limit, const QString &parkId) const
{
    // The documented ranking, computed the slow way: exact USCC, then prefix of name or USCC, then
    // anywhere in name or USCC; by name within a tier.
    const QString q = text.trimmed();
    const QString upper = q.toUpper();
    QVector<QPair<int, QString>> ranked;
    for (const Core::Enterprise &e : m_all) {
        if (!parkId.isEmpty() && e.parkId != parkId)
            continue;
        int tier = -1;
        if (e.uscc == upper)
            tier = 0;
        else if (e.name.startsWith(q) || e.uscc.startsWith(upper))
            tier = 1;
        else if (e.name.contains(q) || e.uscc.contains(upper))
            tier = 2;
        if (tier >= 0)
            ranked.append({tier, e.name});
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList out;
    for (int i = 0; i < ranked.size() && i < limit; ++i)
        out.append(ranked.at(i).second);
    return out;
}

void TestSearch::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("park"); // 0 all, 1 A, 2 B
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    const QString xinCai = QStringLiteral("湖南湘江新材料有限公司");
    const QString chuanBo = QStringLiteral("长沙湘江船舶制造有限公司");
    const QString chaYe = QStringLiteral("岳麓山茶业有限公司");
    const QString keJi = QStringLiteral("湘江岳麓科技有限公司");
    const QString zhuZhou = QStringLiteral("株洲硬质合金集团有限公司");
    const QString shuYuan = QStringLiteral("湘潭岳麓书院文创店");
    const QString daiBan = QStringLiteral("代办91430104MA4L000001登记服务部");

    // Two characters: the firm whose name starts with 湘江 first, then the others by name
    // (湖 U+6E56 < 长 U+957F).
    QTest::newRow("2 chars 湘江") << QStringLiteral("湘江") << 0 << 50 << QStringList{keJi, xinCai, chuanBo};
    // 岳麓山… starts with the query; 湘江岳麓 < 湘潭岳麓 because 江 U+6C5F < 潭 U+6F6D.
    QTest::newRow("2 chars 岳麓") << QStringLiteral("岳麓") << 0 << 50 << QStringList{chaYe, keJi, shuYuan};
    // One character, same ranking.
    QTest::newRow("1 char 湘") << QStringLiteral("湘") << 0 << 50
                               << QStringList{keJi, shuYuan, xinCai, chuanBo};
    // Four characters go through the trigram index.
    QTest::newRow("4 chars 湘江新材") << QStringLiteral("湘江新材") << 0 << 50 << QStringList{xinCai};
    QTest::newRow("4 chars 硬质合金") << QStringLiteral("硬质合金") << 0 << 50 << QStringList{zhuZhou};
    // Region part of the USCC (positions 3–8): nothing starts with it, so all by name: 代 < 岳 < 湖.
    // The 3,000 fillers (91430104FL…) match too, and 湖南填… sorts before 湖南湘… (填 U+586B < 湘
    // U+6E58): the third hit is the first filler.
    QTest::newRow("USCC region 430104")
        << QStringLiteral("430104") << 0 << 3
        << QStringList{daiBan, chaYe, QStringLiteral("湖南填充企业0000有限公司")};
    // The exact USCC ranks first although 代办… (which contains it) sorts before by name.
    QTest::newRow("exact USCC first")
        << QStringLiteral("91430104MA4L000001") << 0 << 50 << QStringList{xinCai, daiBan};
    // Lower case and blanks around a pasted code are forgiven.
    QTest::newRow("exact USCC lower case")
        << QStringLiteral(" 91430104ma4l000003 ") << 0 << 50 << QStringList{chaYe};
    // Park filter keeps only the park's firms, ranking unchanged.
    QTest::newRow("park B 湘江") << QStringLiteral("湘江") << 2 << 50 << QStringList{keJi, chuanBo};
    QTest::newRow("park A 湘江") << QStringLiteral("湘江") << 1 << 50 << QStringList{xinCai};
    QTest::newRow("park A 岳麓") << QStringLiteral("岳麓") << 1 << 50 << QStringList{chaYe};
    // Limit: the first two by name of the 3,000+ firms containing 有限公司: 岳 U+5CB3 < 株 U+682A < 湖.
    QTest::newRow("limit 2 有限公司") << QStringLiteral("有限公司") << 0 << 2 << QStringList{chaYe, zhuZhou};
    // Nothing matches.
    QTest::newRow("no result 黄河") << QStringLiteral("黄河") << 0 << 50 << QStringList{};
    QTest::newRow("no result USCC") << QStringLiteral("99999999") << 0 << 50 << QStringList{};
    QTest::newRow("blank query") << QStringLiteral("   ") << 0 << 50 << QStringList{};
    QTest::newRow("zero limit") << QStringLiteral("湘江") << 0 << 0 << QStringList{};
}

void TestSearch::search()
{
    QFETCH(QString, text);
    QFETCH(int, park);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    const QString parkId = park == 1 ? m_parkA : park == 2 ? m_parkB : QString();
    const auto hits = EnterpriseRepository(m_db).search(text, limit, parkId);
    QCOMPARE(names(hits), expected);
    for (const EnterpriseHit &hit : hits) {
        QCOMPARE(hit.id.size(), 36);
        QCOMPARE(hit.uscc.size(), 18);
        QCOMPARE(hit.regionCode, QStringLiteral("430104"));
        QCOMPARE(hit.industryCode, QStringLiteral("C39"));
        if (!parkId.isEmpty())
            QCOMPARE(hit.parkId, parkId);
    }
}

void TestSearch::matchesOracle_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("park");
    QTest::addColumn<int>("limit");
    // Frequent terms (thousands of hits: name-index walk), rare ones (index candidates), short and
    // long, Chinese and USCC, with and without the park filter. The search switches strategy at 3,000
    // index entries: 企业, 填充企业 and 104FL have exactly 3,000 (the fillers), so they take the walk,
    // while 填充企业0 and 业1 (1,000 fillers each) stay on the candidate join; L0 is two ASCII
    // characters (no index, walk only); 业1 mixes a Chinese character with a digit.
    const char *queries[]
        = {"湖南",           "有限",     "公司",  "湖",  "填充企业0", "企业12", "企业2999", "0001", "9143",
           "91430104FL0000", "FL00001",  "43",    "4",   "MA4L",      "湘江",   "岳麓",     "店",   "司",
           "企业",           "填充企业", "104FL", "业1", "L0"};
    for (const char *q : queries) {
        for (int park = 0; park <= 2; ++park) {
            for (int limit : {1, 7, 50}) {
                QTest::addRow("%s park%d limit%d", q, park, limit) << QString::fromUtf8(q) << park << limit;
            }
        }
    }
}

void TestSearch::matchesOracle()
{
    QFETCH(QString, text);
    QFETCH(int, park);
    QFETCH(int, limit);
    const QString parkId = park == 1 ? m_parkA : park == 2 ? m_parkB : QString();
    QCOMPARE(names(EnterpriseRepository(m_db).search(text, limit, parkId)), oracle(text, limit, parkId));
}

void TestSearch::followsEdits()
{
    // Triggers keep the index current: a rename is found under the new name only, and a
    // tombstoned firm is no longer found.
    EnterpriseRepository repo(m_db);
    auto firm = repo.byUscc(QStringLiteral("91430200MA4L000005"));
    QVERIFY(firm);
    firm->name = QStringLiteral("株洲钻石切削刀具有限公司");
    QString error;
    QVERIFY2(repo.save(*firm, &error), qPrintable(error));
    QCOMPARE(repo.search(QStringLiteral("硬质合金")).size(), 0);
    QCOMPARE(names(repo.search(QStringLiteral("钻石"))), QStringList{firm->name});
    QCOMPARE(names(repo.search(QStringLiteral("钻石切削"))), QStringList{firm->name});
    firm->meta.deleted = true;
    QVERIFY2(repo.save(*firm, &error), qPrintable(error));
    QCOMPARE(repo.search(QStringLiteral("钻石")).size(), 0);
    QCOMPARE(repo.search(QStringLiteral("91430200MA4L000005")).size(), 0);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
