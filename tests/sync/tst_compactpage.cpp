// CompactPage: the client's page reader over the wire bytes. It must accept exactly what
// PullPage::fromJson() + EntityCatalog::validateFields() accept, give the same page, and name the
// same problem; its checksum check on the received bytes must agree with PullPage::verify().

#include "sync/compactpage.h"
#include "sync/entitycatalog.h"
#include "sync/pullpage.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace XinDai::Sync;
using namespace Qt::StringLiterals;

namespace {

const QString firmId = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60"_s;
const QString parkId = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f61"_s;

Row makeRow(const QString &entity, const QString &id, qint64 version, const QJsonObject &fields,
            bool deleted = false)
{
    Row r;
    r.entity = entity;
    r.id = id;
    r.version = version;
    r.updatedAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0, int(version % 1000)), Qt::UTC);
    r.deleted = deleted;
    r.fields = fields;
    return r;
}

QString uuid(int n)
{
    return u"0b0e5c1a-3f7e-4c55-9a51-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

/// A page with every kind of field value the catalog has, as the server seals it.
PullPage samplePage()
{
    PullPage page;
    page.rows = {
        makeRow(u"enterprise"_s, firmId, 3,
                {{u"uscc"_s, u"91430100MA4Q000001"_s},
                 {u"name"_s, u"长沙“引号\"、反斜杠\\、换行\n、制表\t” 😀 有限公司"_s},
                 {u"kind"_s, u"company"_s},
                 {u"legal_rep"_s, u""_s},
                 {u"established"_s, QJsonValue(QJsonValue::Null)},
                 {u"registered_capital"_s, 500000000},
                 {u"park_id"_s, parkId},
                 {u"employees"_s, 12}}),
        makeRow(u"monthly_value"_s, uuid(1), 4,
                {{u"enterprise_id"_s, firmId},
                 {u"kind"_s, u"electricity"_s},
                 {u"month"_s, u"2026-09-01"_s},
                 {u"value"_s, 4200}}),
        makeRow(u"app_user"_s, uuid(2), 5,
                {{u"login"_s, u"li.wei"_s}, {u"role"_s, u"admin"_s}, {u"disabled"_s, true}}),
        makeRow(u"product"_s, uuid(3), 6,
                {{u"institution_id"_s, uuid(4)},
                 {u"name"_s, u"基准贷"_s},
                 {u"zones"_s, u"[\"430104\",\"430105\"]"_s},
                 {u"eligibility_rule"_s, u""_s},
                 {u"platform_exclusive"_s, false}}),
        makeRow(u"application"_s, uuid(5), 7,
                {{u"enterprise_id"_s, firmId},
                 {u"state"_s, u"submitted"_s},
                 {u"created_at"_s, u"2026-11-20T08:00:00.000Z"_s},
                 {u"submitted_at"_s, u"2026-11-21T08:00:00Z"_s},
                 {u"decided_at"_s, QJsonValue(QJsonValue::Null)}}),
        makeRow(u"enterprise"_s, uuid(6), 8, {}, true), // a tombstone carries no fields
        makeRow(u"monthly_value"_s, uuid(7), 9,         // … but a series' its natural key
                {{u"enterprise_id"_s, firmId}, {u"kind"_s, u"tax_paid"_s}, {u"month"_s, u"2026-10-01"_s}},
                true),
        // An entity of a newer server: kept (and ignored when applied), its fields not checked.
        makeRow(u"future_thing"_s, uuid(8), 10, {{u"anything"_s, QJsonArray{1, u"x"_s}}, {u"n"_s, 1.5}}),
    };
    page.nextCursor = 12;
    page.hasMore = true;
    page.seal();
    return page;
}

QJsonObject parsed(const QByteArray &wire)
{
    return QJsonDocument::fromJson(wire).object();
}

QByteArray wireOf(const PullPage &page)
{
    return page.toWireJson();
}

/// A valid one-row page as text, for the bad-input cases: %ROW% and %FIELDS% are substituted.
QByteArray pageText(const QByteArray &row, const QByteArray &tail = R"("nextCursor":10,"hasMore":false)")
{
    return R"({"checksum":")" + QByteArray(64, 'a') + R"(",)" + tail + R"(,"rows":[)" + row + "]}";
}

QByteArray firmRow(const QByteArray &fields, const QByteArray &meta = {})
{
    QByteArray row
        = R"({"deleted":false,"entity":"enterprise","fields":{)" + fields
          + R"(},"id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","updatedAt":"2026-11-25T09:00:00.000Z","version":7)";
    return row + meta + "}";
}

} // namespace

class TestCompactPage : public QObject
{
    Q_OBJECT

private slots:
    void sameAsMessageForm_data();
    void sameAsMessageForm();
    void typedValues();
    void badInput_data();
    void badInput();
    void checksumOnReceivedBytes();
    void checksumFallback();
    void checksumMismatch_data();
    void checksumMismatch();
    void valueChecksAgreeWithQt_data();
    void valueChecksAgreeWithQt();
};

void TestCompactPage::sameAsMessageForm_data()
{
    QTest::addColumn<QByteArray>("wire");
    const PullPage page = samplePage();
    QTest::newRow("as the server writes it") << wireOf(page);
    // Another writer: other key order (fields before entity), whitespace, escapes where raw text would do.
    QTest::newRow("indented, keys in QJsonObject order")
        << QJsonDocument(page.toJson()).toJson(QJsonDocument::Indented);
    QByteArray escaped = QJsonDocument(page.toJson()).toJson(QJsonDocument::Compact);
    escaped.replace("有限公司", R"(\u6709\u9650\u516c\u53f8)");
    escaped.replace("😀", R"(\ud83d\ude00)");
    escaped.replace("electricity", R"(electr\u0069city)");
    escaped.replace("li.wei", R"(li\/wei)");
    QTest::newRow("escaped characters") << escaped;
    QByteArray reordered = wireOf(page);
    reordered.replace(R"({"deleted":false,"entity":"enterprise","fields":{)",
                      R"({"fields":{)"); // entity and deleted follow the fields
    reordered.replace(
        R"(},"id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60")",
        R"(},"entity":"enterprise","deleted":false,"id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60")");
    QTest::newRow("fields before entity") << reordered;
    PullPage empty;
    empty.seal();
    QTest::newRow("empty last page") << wireOf(empty);
    // 24:00 is a valid time for Qt's ISO reader: the stored form is the next day's 00:00.
    QByteArray midnight = wireOf(page);
    midnight.replace("2026-11-25T09:00:00.003Z", "2026-11-24T24:00:00.000Z");
    QTest::newRow("24:00 normalized") << midnight;
}

void TestCompactPage::sameAsMessageForm()
{
    QFETCH(QByteArray, wire);
    QString expectedError;
    const std::optional<PullPage> expected = PullPage::fromJson(parsed(wire), &expectedError);
    QVERIFY2(expected, qPrintable(expectedError));
    QString error;
    const std::optional<CompactPage> page = CompactPage::parse(wire, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->toPullPage(), *expected);
    QCOMPARE(page->rows.size(), expected->rows.size());
    // The page's own fields are what validateFields() accepted: nothing is lost or invented.
    for (qsizetype i = 0; i < page->rows.size(); ++i) {
        const CompactPage::Row &row = page->rows.at(i);
        QCOMPARE(row.spec, EntityCatalog::find(expected->rows.at(i).entity));
        QCOMPARE(page->string(row.updatedAt),
                 expected->rows.at(i).updatedAt.toUTC().toString(Qt::ISODateWithMs));
        if (row.spec)
            QCOMPARE(qsizetype(row.fieldCount), expected->rows.at(i).fields.size());
    }
}

void TestCompactPage::typedValues()
{
    QString error;
    const std::optional<CompactPage> page = CompactPage::parse(wireOf(samplePage()), &error);
    QVERIFY2(page, qPrintable(error));
    using Kind = CompactPage::Value::Kind;
    const CompactPage::Row &firm = page->rows.at(0);
    const EntitySpec &spec = *firm.spec;
    auto at = [&](const CompactPage::Row &row, const QString &name) {
        return page->value(row, row.spec->field(name) - row.spec->fields.constData());
    };
    QCOMPARE(page->string(firm.id), firmId);
    QCOMPARE(page->string(firm.updatedAt), u"2026-11-25T09:00:00.003Z"_s);
    QCOMPARE(at(firm, u"registered_capital"_s).kind, Kind::Integer);
    QCOMPARE(at(firm, u"registered_capital"_s).integer, qint64(500000000));
    QCOMPARE(at(firm, u"established"_s).kind, Kind::Null);
    QCOMPARE(at(firm, u"legal_rep"_s).kind, Kind::Text); // the empty text, not NULL
    QCOMPARE(at(firm, u"legal_rep"_s).text.size, qsizetype(0));
    QCOMPARE(at(firm, u"phone"_s).kind, Kind::Absent);
    QCOMPARE(page->string(at(firm, u"name"_s).text),
             samplePage().rows.at(0).fields.value(u"name"_s).toString());
    QCOMPARE(firm.fieldCount, 8);
    QCOMPARE(spec.name, u"enterprise"_s);
    const CompactPage::Row &user = page->rows.at(2);
    QCOMPARE(at(user, u"disabled"_s).kind, Kind::Integer); // Bool as 0 / 1
    QCOMPARE(at(user, u"disabled"_s).integer, qint64(1));
    QVERIFY(!page->rows.at(7).spec);
    QCOMPARE(page->nextCursor, qint64(12));
    QVERIFY(page->hasMore);
    QCOMPARE(page->checksum, samplePage().checksum);
}

void TestCompactPage::badInput_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("message");
    const QByteArray ok = firmRow(R"("name":"长沙新到企业有限公司")");
    // Structure (PullPage::fromJson / Row::fromJson give the same sentence).
    QTest::newRow("unknown page key") << pageText(ok, R"("nextCursor":10,"hasMore":false,"extra":1)")
                                      << u"The field extra is not part of the sync protocol."_s;
    QTest::newRow("checksum missing")
        << QByteArray(R"({"hasMore":false,"nextCursor":0,"rows":[]})") << u"The field checksum is missing."_s;
    QTest::newRow("checksum upper case")
        << (R"({"checksum":")" + QByteArray(64, 'A') + R"(","hasMore":false,"nextCursor":0,"rows":[]})")
        << u"The field checksum must be 64 lower-case hexadecimal digits."_s;
    QTest::newRow("rows not an array") << pageText(ok).replace(R"("rows":[)", R"("rows":{"a":[)") + "}"
                                       << u"The field rows must be a JSON array."_s;
    QTest::newRow("nextCursor fraction") << pageText(ok, R"("nextCursor":10.5,"hasMore":false)")
                                         << u"The field nextCursor must be a whole number."_s;
    QTest::newRow("nextCursor negative")
        << pageText(ok, R"("nextCursor":-1,"hasMore":false)")
        << u"The field nextCursor must lie between 0 and 9007199254740992."_s;
    QTest::newRow("hasMore a string")
        << pageText(ok, R"("nextCursor":10,"hasMore":"no")") << u"The field hasMore must be true or false."_s;
    QTest::newRow("row not an object") << pageText("[1]") << u"The entry rows[0] must be a JSON object."_s;
    QTest::newRow("unknown row key") << pageText(firmRow(R"("name":"x")", R"(,"extra":true)"))
                                     << u"The field rows[0].extra is not part of the sync protocol."_s;
    QByteArray noId = ok;
    noId.replace(R"(,"id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60")", "");
    QTest::newRow("id missing") << pageText(noId) << u"The field rows[0].id is missing."_s;
    QByteArray upperId = ok;
    upperId.replace("7d3b1a52-0c1e", "7D3B1A52-0C1E");
    QTest::newRow("id upper case") << pageText(upperId)
                                   << u"The field rows[0].id must be a lower-case UUID without braces."_s;
    QByteArray badEntity = ok;
    badEntity.replace(R"("enterprise")", R"("Enterprise")");
    QTest::newRow("entity name")
        << pageText(badEntity)
        << u"The field rows[0].entity must be an entity name (lower-case letters, digits and underscores, "
           "starting with a letter, at most 64 characters)."_s;
    QByteArray version0 = ok;
    version0.replace(R"("version":7)", R"("version":0)");
    QTest::newRow("version 0") << pageText(version0)
                               << u"The field rows[0].version must lie between 1 and 9007199254740992."_s;
    QByteArray noMillis = ok;
    noMillis.replace("09:00:00.000Z", "09:00:00Z");
    QTest::newRow("updatedAt without milliseconds")
        << pageText(noMillis)
        << u"The field rows[0].updatedAt must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ."_s;
    QByteArray deleted0 = ok;
    deleted0.replace(R"("deleted":false)", R"("deleted":0)");
    QTest::newRow("deleted a number")
        << pageText(deleted0) << u"The field rows[0].deleted must be true or false."_s;
    QByteArray fieldsArray = ok;
    fieldsArray.replace(R"("fields":{"name":"长沙新到企业有限公司"})", R"("fields":[])");
    QTest::newRow("fields an array") << pageText(fieldsArray)
                                     << u"The field rows[0].fields must be a JSON object."_s;
    QByteArray second = ok;
    second.replace("7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60", uuid(9).toLatin1());
    QTest::newRow("versions not increasing")
        << pageText(ok + "," + second)
        << u"The field rows[1].version must be greater than the previous row's version."_s;
    QTest::newRow("nextCursor below the last version")
        << pageText(ok, R"("nextCursor":6,"hasMore":false)")
        << u"The field nextCursor must not be smaller than the last row's version."_s;
    // Fields (EntityCatalog::validateFields gives the same sentence for the path rows[0].fields).
    QTest::newRow("unknown field") << pageText(firmRow(R"("colour":"red")"))
                                   << u"The field rows[0].fields.colour is not a field of this entity."_s;
    QTest::newRow("number as text") << pageText(firmRow(R"("employees":"12")"))
                                    << u"The field rows[0].fields.employees must be a number."_s;
    QTest::newRow("fraction") << pageText(firmRow(R"("employees":1.5)"))
                              << u"The field rows[0].fields.employees must be a whole number."_s;
    QTest::newRow("below minimum") << pageText(firmRow(R"("employees":-1)"))
                                   << u"The field rows[0].fields.employees must be at least 0."_s;
    QTest::newRow("not allowed")
        << pageText(firmRow(R"("kind":"partnership")"))
        << u"The field rows[0].fields.kind must be one of: company, individual_business."_s;
    QTest::newRow("too long") << pageText(firmRow(R"("name":")" + QByteArray("长").repeated(201) + R"(")"))
                              << u"The field rows[0].fields.name is longer than 200 characters."_s;
    QTest::newRow("blank required text")
        << pageText(firmRow(R"("name":" \u3000 ")")) << u"The field rows[0].fields.name may not be empty."_s;
    QTest::newRow("null not nullable")
        << pageText(firmRow(R"("name":null)")) << u"The field rows[0].fields.name may not be null."_s;
    QTest::newRow("no such day")
        << pageText(firmRow(R"("established":"2026-02-30")"))
        << u"The field rows[0].fields.established must be a date written yyyy-MM-dd."_s;
    QTest::newRow("bad reference")
        << pageText(firmRow(R"("park_id":"park-1")"))
        << u"The field rows[0].fields.park_id must be a lower-case UUID without braces."_s;
    QTest::newRow("bool as number") << pageText(
        R"({"deleted":false,"entity":"app_user","fields":{"disabled":1},"id":")" + uuid(1).toLatin1()
        + R"(","updatedAt":"2026-11-25T09:00:00.000Z","version":7})")
                                    << u"The field rows[0].fields.disabled must be true or false."_s;
    QTest::newRow("server-only field")
        << pageText(R"({"deleted":false,"entity":"app_user","fields":{"password_hash":"x"},"id":")"
                    + uuid(1).toLatin1() + R"(","updatedAt":"2026-11-25T09:00:00.000Z","version":7})")
        << u"The field rows[0].fields.password_hash is not a field of this entity."_s;
    QTest::newRow("bad time")
        << pageText(
               R"({"deleted":false,"entity":"application","fields":{"created_at":"2026-11-20 08:00"},"id":")"
               + uuid(1).toLatin1() + R"(","updatedAt":"2026-11-25T09:00:00.000Z","version":7})")
        << u"The field rows[0].fields.created_at must be a UTC time written yyyy-MM-ddTHH:mm:ss.zzzZ."_s;
    QTest::newRow("bad JSON document")
        << pageText(R"({"deleted":false,"entity":"product","fields":{"zones":"[1,"},"id":")"
                    + uuid(1).toLatin1() + R"(","updatedAt":"2026-11-25T09:00:00.000Z","version":7})")
        << u"The field rows[0].fields.zones must hold a JSON document."_s;
    // Not JSON at all: QJsonDocument refuses these too.
    QTest::newRow("truncated") << pageText(ok).chopped(3) << QString();
    QTest::newRow("invalid UTF-8") << pageText(firmRow("\"name\":\"\xff\"")) << QString();
    QTest::newRow("leading zero") << pageText(firmRow(R"("employees":012)")) << QString();
    QTest::newRow("trailing garbage") << pageText(ok) + "x" << QString();
}

void TestCompactPage::badInput()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CompactPage::parse(wire, &error));
    if (message.isEmpty()) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(wire, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
        QVERIFY2(error.startsWith(u"The page is not valid JSON (at byte "_s), qPrintable(error));
        return;
    }
    QCOMPARE(error, message);
    // The message form refuses the same text with the same sentence (fields: validateFields).
    QString expected;
    const std::optional<PullPage> page = PullPage::fromJson(parsed(wire), &expected);
    if (page) {
        const Row &row = page->rows.at(0);
        QVERIFY(!EntityCatalog::validateFields(*EntityCatalog::find(row.entity), row.fields,
                                               u"rows[0].fields"_s, &expected));
    }
    QCOMPARE(error, expected);
}

void TestCompactPage::checksumOnReceivedBytes()
{
    const PullPage page = samplePage();
    const QByteArray wire = wireOf(page);
    QVERIFY(CompactPage::checksumMatchesBytes(wire));
    CompactPage read;
    QString error;
    QCOMPARE(CompactPage::read(wire, &read, &error), CompactPage::Status::Valid);
    QCOMPARE(read.toPullPage(), page);
}

void TestCompactPage::checksumFallback()
{
    // A body in another form (indented, keys in another order) with the right checksum: the bytes are
    // not what was hashed, so read() checks the definition, on the parsed page, and accepts it.
    const PullPage page = samplePage();
    const QByteArray indented = QJsonDocument(page.toJson()).toJson(QJsonDocument::Indented);
    QVERIFY(!CompactPage::checksumMatchesBytes(indented));
    CompactPage read;
    QString error;
    QCOMPARE(CompactPage::read(indented, &read, &error), CompactPage::Status::Valid);
    QCOMPARE(read.toPullPage(), page);
    // The checksum first but with a space after the colon: not the fast form either.
    QByteArray spaced = wireOf(page);
    spaced.replace(R"({"checksum":")", R"({"checksum": ")");
    QVERIFY(!CompactPage::checksumMatchesBytes(spaced));
    QCOMPARE(CompactPage::read(spaced, &read, &error), CompactPage::Status::Valid);
}

void TestCompactPage::checksumMismatch_data()
{
    QTest::addColumn<bool>("indented");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    for (const bool indented : {false, true}) {
        const char *form = indented ? "indented: " : "server form: ";
        QTest::addRow("%svalue", form)
            << indented << QByteArray(indented ? "\"value\": 4200" : "\"value\":4200")
            << QByteArray(indented ? "\"value\": 4201" : "\"value\":4201");
        QTest::addRow("%stext", form) << indented << QByteArray("基准贷") << QByteArray("基准货");
        QTest::addRow("%snextCursor", form)
            << indented << QByteArray(indented ? "\"nextCursor\": 12" : "\"nextCursor\":12")
            << QByteArray(indented ? "\"nextCursor\": 13" : "\"nextCursor\":13");
    }
}

void TestCompactPage::checksumMismatch()
{
    QFETCH(bool, indented);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    const PullPage page = samplePage();
    QByteArray wire = indented ? QJsonDocument(page.toJson()).toJson(QJsonDocument::Indented) : wireOf(page);
    QVERIFY(wire.contains(from));
    wire.replace(from, to);
    QVERIFY(!CompactPage::checksumMatchesBytes(wire));
    CompactPage read;
    QString error;
    QCOMPARE(CompactPage::read(wire, &read, &error), CompactPage::Status::ChecksumMismatch);
    QCOMPARE(error,
             u"The page's checksum does not match its rows: the page was changed or truncated in transit "
             "and must be requested again."_s);
}

void TestCompactPage::valueChecksAgreeWithQt_data()
{
    QTest::addColumn<QString>("text");
    // The byte-level fast paths accept a subset of what Qt's parsers accept; the rest goes to Qt.
    for (const char *s : {"2026-01-05", "2024-02-29", "2026-02-29", "0000-01-01", "0001-01-01", "2026-1-05",
                          "+2026-01-05", " 2026-01-05", "2026-13-01", "2026-01-5", "２０２６-01-05",
                          "2026-11-25T08:30:00.125Z", "2026-11-25T08:30:00Z", "2026-11-25T24:00:00.000Z",
                          "2026-11-25T23:59:60.000Z", "2026-11-25T08:30:00.12Z", "2026-11-25T08:30:00.125",
                          "2026-11-25 08:30:00.125Z", "2026-02-30T08:30:00.125Z",
                          // In the spring gap of a zone with daylight saving (run with TZ=Europe/Berlin).
                          "2026-03-29T02:30:00.000Z"})
        QTest::newRow(s) << QString::fromUtf8(s);
}

void TestCompactPage::valueChecksAgreeWithQt()
{
    QFETCH(QString, text);
    FieldSpec date;
    date.name = u"d"_s;
    date.type = FieldSpec::Type::Date;
    FieldSpec dateTime = date;
    dateTime.type = FieldSpec::Type::DateTime;
    const bool qtDate = QDate::fromString(text, u"yyyy-MM-dd"_s).isValid();
    const bool qtDateTime = QDateTime::fromString(text, u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s).isValid()
                            || QDateTime::fromString(text, u"yyyy-MM-ddTHH:mm:ssZ"_s).isValid();
    QCOMPARE(EntityCatalog::checkJsonValue(date, text) == EntityCatalog::ValueProblem::None, qtDate);
    QCOMPARE(EntityCatalog::checkJsonValue(dateTime, text) == EntityCatalog::ValueProblem::None, qtDateTime);
}

QTEST_GUILESS_MAIN(TestCompactPage)
#include "tst_compactpage.moc"
