#include "sync/canonicaljson.h"
#include "sync/pullpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace XinDai::Sync;
using namespace Qt::StringLiterals;

namespace {

QJsonValue parseValue(const QByteArray &text)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text.constData());
    return doc.array().at(0);
}

// A sealed two-row page written by hand, keys in wire order.
const QByteArray PageText = R"({"rows":[
  {"entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","version":7,
   "updatedAt":"2026-11-25T09:00:00.000Z","deleted":false,
   "fields":{"name":"长沙湘江机械有限公司","capital_fen":500000000,"rate":0.0435,"tags":["专精特新","高新"]}},
  {"entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61","version":9,
   "updatedAt":"2026-11-25T09:00:01.500Z","deleted":true,"fields":{}}],
 "nextCursor":9,"hasMore":true,"checksum":"%1"})";

// The same page with every object's keys in a different order and other whitespace.
const QByteArray ReorderedText = R"({"checksum":"%1","hasMore":true,"nextCursor":9,"rows":[
  {"fields":{"tags":["专精特新","高新"],"rate":0.0435,"capital_fen":500000000,"name":"长沙湘江机械有限公司"},
   "deleted":false,"updatedAt":"2026-11-25T09:00:00.000Z","version":7,
   "id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","entity":"enterprise"},
  {"fields":{},"deleted":true,"version":9,"updatedAt":"2026-11-25T09:00:01.500Z",
   "entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61"}]})";

PullPage sealedPage()
{
    QString error;
    QByteArray text = PageText;
    text.replace("%1", QByteArray(64, '0'));
    auto page = PullPage::fromJson(parseValue(text).toObject(), &error);
    if (!page)
        qFatal("sample page invalid: %s", qPrintable(error));
    page->seal();
    return *page;
}

} // namespace

class TestPageChecksum : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void knownDigest();
    void keyOrderDoesNotMatter();
    void streamedFormEqualsObjectForm();
    void tampering_data();
    void tampering();
};

void TestPageChecksum::canonical_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    // Keys sort by code point of their UTF-8 bytes: upper case before lower case, ASCII before CJK.
    QTest::newRow("key order") << QByteArray(R"({"b":1,"a":2,"B":3,"名":4,"a1":5})")
                               << QByteArray(R"({"B":3,"a":2,"a1":5,"b":1,"名":4})");
    QTest::newRow("nested objects sorted, arrays keep their order")
        << QByteArray(R"({"z":[3,1,{"y":true,"x":null}],"a":{}})")
        << QByteArray(R"({"a":{},"z":[3,1,{"x":null,"y":true}]})");
    // Integral doubles print as integers, so 1.0, 1e0 and 1 hash alike; -0 is 0.
    QTest::newRow("integral numbers")
        << QByteArray("[1.0,1e0,-0,500000000,-12]") << QByteArray("[1,1,0,500000000,-12]");
    QTest::newRow("2^53 still an integer")
        << QByteArray("[9007199254740992]") << QByteArray("[9007199254740992]");
    // Fractions use the shortest text that reads back to the same double.
    QTest::newRow("fractions") << QByteArray("[0.0435,0.1,1.5e-7,-2.25]")
                               << QByteArray("[0.0435,0.1,1.5e-07,-2.25]");
    QTest::newRow("large non-exact") << QByteArray("[1e300]") << QByteArray("[1e+300]");
    // Only quote, backslash and control characters are escaped; '/' and CJK stay raw UTF-8.
    QTest::newRow("escapes") << QByteArray(R"(["a\"b\\c/d\n\t\u0001","湘信贷"])")
                             << QByteArray(R"(["a\"b\\c/d\u000a\u0009\u0001","湘信贷"])");
    QTest::newRow("literals") << QByteArray("[true,false,null]") << QByteArray("[true,false,null]");
}

void TestPageChecksum::canonical()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QCOMPARE(CanonicalJson::serialize(parseValue(json)), expected);
}

void TestPageChecksum::knownDigest()
{
    // The digest is plain SHA-256 of the canonical text, so another implementation can check it:
    // canonical text of this empty page is (digest from `printf ... | sha256sum`)
    // {"hasMore":false,"nextCursor":0,"rows":[]}.
    PullPage page;
    QCOMPARE(CanonicalJson::serialize(
                 QJsonObject{{u"rows"_s, QJsonArray()}, {u"nextCursor"_s, 0}, {u"hasMore"_s, false}}),
             QByteArray(R"({"hasMore":false,"nextCursor":0,"rows":[]})"));
    page.seal();
    QCOMPARE(page.checksum, u"352c5a6803d427dfd02a26737c655351e3c7d0f806f8344dfd1c22c2f5d0549e"_s);
}

void TestPageChecksum::keyOrderDoesNotMatter()
{
    const PullPage page = sealedPage();
    QString error;
    QVERIFY2(page.verify(&error), qPrintable(error));
    QByteArray text = ReorderedText;
    text.replace("%1", page.checksum.toLatin1());
    const auto reordered = PullPage::fromJson(parseValue(text).toObject(), &error);
    QVERIFY2(reordered, qPrintable(error));
    QVERIFY2(reordered->verify(&error), qPrintable(error));
    QCOMPARE(reordered->computeChecksum(), page.checksum);
}

// canonicalBytes() writes the page by streaming (the server's and the client's fast path); it must be
// byte for byte the canonical serialization of the page built as JSON objects, or checksums computed by
// another implementation would not match.
void TestPageChecksum::streamedFormEqualsObjectForm()
{
    PullPage page = sealedPage();
    Row odd;
    odd.entity = u"credit_record"_s;
    odd.id = u"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01"_s;
    odd.version = 9007199254740992LL; // 2^53, the largest exact integer on the wire
    odd.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    odd.fields = parseValue(R"({"detail":"引号\"、反斜杠\\、换行\n、制表\t、/ 和 \u0001","amount":-0.0,
                               "ratio":1.5e-7,"big":1e300,"none":null,"nested":{"b":[1,{"a":true}],"B":false}})")
                     .toObject();
    page.rows.append(odd);
    page.nextCursor = odd.version;
    page.seal();

    QJsonArray rows;
    for (const Row &row : std::as_const(page.rows))
        rows.append(row.toJson());
    const QByteArray reference = CanonicalJson::serialize(
        QJsonObject{{u"rows"_s, rows}, {u"nextCursor"_s, page.nextCursor}, {u"hasMore"_s, page.hasMore}});
    QCOMPARE(page.canonicalBytes(), reference);

    // The wire bytes parse back to the same page, and verify.
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(page.toWireJson(), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(doc.object(), page.toJson());
    QString error;
    const auto back = PullPage::fromJson(doc.object(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY2(back->verify(&error), qPrintable(error));
    QCOMPARE(*back, page);
}

void TestPageChecksum::tampering_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    // Every row is one value change of the sealed page; each must be caught by verify().
    QTest::newRow("field value") << QByteArray("500000000") << QByteArray("500000001");
    QTest::newRow("fraction digit") << QByteArray("0.0435") << QByteArray("0.0436");
    QTest::newRow("Chinese text") << QByteArray("长沙湘江") << QByteArray("长沙湘潭");
    QTest::newRow("array order inside a field")
        << QByteArray(R"(["专精特新","高新"])") << QByteArray(R"(["高新","专精特新"])");
    QTest::newRow("tombstone flag") << QByteArray(R"("deleted":true)") << QByteArray(R"("deleted":false)");
    QTest::newRow("row version") << QByteArray(R"("version":7)") << QByteArray(R"("version":8)");
    QTest::newRow("timestamp millisecond") << QByteArray("09:00:01.500Z") << QByteArray("09:00:01.501Z");
    QTest::newRow("row id") << QByteArray("2a1c9d8e7f61") << QByteArray("2a1c9d8e7f62");
    QTest::newRow("hasMore: a client would stop early")
        << QByteArray(R"("hasMore":true)") << QByteArray(R"("hasMore":false)");
    QTest::newRow("nextCursor: a client would skip rows")
        << QByteArray(R"("nextCursor":9)") << QByteArray(R"("nextCursor":12)");
    QTest::newRow("field added") << QByteArray(R"("fields":{})") << QByteArray(R"("fields":{"x":1})");
    QTest::newRow("row dropped (truncated page)") << QByteArray(R"(,
  {"entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61","version":9,
   "updatedAt":"2026-11-25T09:00:01.500Z","deleted":true,"fields":{}}])")
                                                  << QByteArray("]");
}

void TestPageChecksum::tampering()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    const PullPage page = sealedPage();
    QByteArray text = PageText;
    text.replace("%1", page.checksum.toLatin1());
    QVERIFY2(text.contains(from), "the substitution must hit the page text");
    text.replace(from, to);
    QString error;
    const auto changed = PullPage::fromJson(parseValue(text).toObject(), &error);
    QVERIFY2(changed, qPrintable(error));
    QVERIFY(!changed->verify(&error));
    QCOMPARE(error,
             u"The page's checksum does not match its rows: the page was changed or truncated in transit "
             "and must be requested again."_s);
}

QTEST_GUILESS_MAIN(TestPageChecksum)
#include "tst_pagechecksum.moc"
