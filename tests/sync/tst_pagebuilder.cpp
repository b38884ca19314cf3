// PageBuilder (the server's direct writer of pull pages) against the object form: the same page
// written row by row, in any order, from UTF-16 or from UTF-8 text, gives the bytes PullPage gives.
#include "sync/canonicaljson.h"
#include "sync/pagebuilder.h"
#include "sync/pullpage.h"

#include <QJsonDocument>
#include <QTest>

using namespace XinDai::Sync;
using namespace Qt::StringLiterals;

namespace {

Row row(const QString &id, qint64 version, bool deleted, const QJsonObject &fields)
{
    Row r;
    r.entity = u"enterprise"_s;
    r.id = id;
    r.version = version;
    r.updatedAt = QDateTime::fromString(u"2026-11-25T09:00:00.125Z"_s, Qt::ISODateWithMs);
    r.deleted = deleted;
    r.fields = fields;
    return r;
}

} // namespace

class TestPageBuilder : public QObject
{
    Q_OBJECT

private slots:
    void utf8AndUtf16WriteTheSameString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << u"Changsha Xiangjiang Machinery Co."_s;
        QTest::newRow("chinese") << u"长沙湘江机械有限公司"_s;
        QTest::newRow("escapes") << u"a\"b\\c\nd\te\u0001f\u001f"_s;
        QTest::newRow("astral") << u"𠀀 企业 😀"_s; // surrogate pairs in UTF-16, 4 bytes in UTF-8
        QTest::newRow("two-byte") << u"é ü ñ ©"_s;
    }
    void utf8AndUtf16WriteTheSameString()
    {
        QFETCH(QString, text);
        QByteArray fromUtf16;
        CanonicalJson::appendString(text, fromUtf16);
        const QByteArray utf8 = text.toUtf8();
        QByteArray fromUtf8;
        CanonicalJson::appendString(QUtf8StringView(utf8), fromUtf8);
        QCOMPARE(fromUtf8, fromUtf16);
        // And both are what the object form serializes.
        QCOMPARE(fromUtf16, CanonicalJson::serialize(QJsonValue(text)));
    }

    void loneSurrogateBecomesReplacementCharacter()
    {
        // UTF-16 with an unpaired surrogate, and SQLite's UTF-8 of it (ED A0 80): both U+FFFD.
        const QString text = u"x"_s + QChar(0xD800) + u"y"_s;
        QByteArray fromUtf16;
        CanonicalJson::appendString(text, fromUtf16);
        QCOMPARE(fromUtf16, QByteArray("\"x\xEF\xBF\xBDy\""));
        QByteArray fromUtf8;
        CanonicalJson::appendString(QUtf8StringView("x\xED\xA0\x80y"), fromUtf8);
        QCOMPARE(fromUtf8, fromUtf16);
    }

    void integersAsCanonicalNumbers()
    {
        QByteArray out;
        CanonicalJson::appendInteger(-42, out);
        out.append(' ');
        CanonicalJson::appendInteger(Q_INT64_C(9007199254740992), out);
        out.append(' ');
        CanonicalJson::appendInteger(Q_INT64_C(1) << 60, out); // beyond 2^53: written as the double it is
        QCOMPARE(out, "-42 9007199254740992 " + CanonicalJson::serialize(QJsonValue(Q_INT64_C(1) << 60)));
        QCOMPARE(out.mid(21), QByteArray("1152921504606847000")); // the shortest form of that double
    }

    void rowsInAnyOrderGiveThePageBytes()
    {
        PullPage page;
        page.rows = {row(u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60"_s, 7, false,
                         {{u"name"_s, u"长沙湘江机械有限公司"_s},
                          {u"employees"_s, 120},
                          {u"listed"_s, true},
                          {u"closed_on"_s, QJsonValue::Null}}),
                     row(u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61"_s, 9, true, {})};
        page.nextCursor = 12;
        page.hasMore = true;
        page.seal();

        PageBuilder builder;
        // The later version first, as the server adds rows entity by entity.
        builder.beginRow(u"enterprise", true);
        builder.endRow(QUtf8StringView("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61"), 9,
                       QUtf8StringView("2026-11-25T09:00:00.125Z"));
        builder.beginRow(u"enterprise", false);
        builder.nullField(PageBuilder::key(u"closed_on"_s));
        builder.integerField(PageBuilder::key(u"employees"_s), 120);
        builder.boolField(PageBuilder::key(u"listed"_s), true);
        const QByteArray name = u"长沙湘江机械有限公司"_s.toUtf8();
        builder.stringField(PageBuilder::key(u"name"_s), QUtf8StringView(name));
        builder.endRow(u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60", 7, u"2026-11-25T09:00:00.125Z");
        QCOMPARE(builder.rowCount(), 2);
        builder.sortByVersion();
        QCOMPARE(builder.canonical(true, 12), page.canonicalBytes());

        QString checksum;
        const QByteArray wire = builder.finish(true, 12, &checksum);
        QCOMPARE(checksum, page.checksum);
        QCOMPARE(wire, page.toWireJson());
        // The wire bytes parse back to the same page, and its checksum verifies.
        QString error;
        const auto parsed = PullPage::fromJson(QJsonDocument::fromJson(wire).object(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY2(parsed->verify(&error), qPrintable(error));
        QCOMPARE(*parsed, page);
    }

    void emptyPage()
    {
        const PageBuilder builder;
        QCOMPARE(builder.canonical(false, 0), QByteArray(R"({"hasMore":false,"nextCursor":0,"rows":[]})"));
        PullPage empty;
        empty.seal();
        QCOMPARE(builder.finish(false, 0), empty.toWireJson());
    }
};

QTEST_GUILESS_MAIN(TestPageBuilder)
#include "tst_pagebuilder.moc"
