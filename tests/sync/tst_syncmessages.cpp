#include "sync/pullpage.h"
#include "sync/pullrequest.h"
#include "sync/pushrequest.h"
#include "sync/pushresponse.h"
#include "sync/visiblerequest.h"
#include "sync/visibleresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace XinDai::Sync;
using namespace Qt::StringLiterals;

namespace {

const QString OpA = u"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01"_s;
const QString OpB = u"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a02"_s;
const QString RowA = u"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60"_s;
const QString Client = u"c1c1c1c1-0000-4000-8000-000000000001"_s;

QJsonObject parse(const QByteArray &text)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s", text.constData());
    return doc.object();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

PushRequest samplePush()
{
    PushRequest request;
    request.clientId = Client;
    Operation upsert;
    upsert.opId = OpA;
    upsert.entity = u"application"_s;
    upsert.rowId = RowA;
    upsert.kind = Operation::Kind::Upsert;
    upsert.baseVersion = 41;
    upsert.fields = {{u"amount_fen"_s, 300000000}, {u"note"_s, u"补充材料已上传"_s}};
    upsert.createdAt = utc("2026-11-25T08:30:00.125Z");
    Operation remove = upsert;
    remove.opId = OpB;
    remove.kind = Operation::Kind::Delete;
    remove.fields = {};
    request.operations = {upsert, remove};
    return request;
}

Row sampleRow(qint64 version)
{
    Row row;
    row.entity = u"enterprise"_s;
    row.id = RowA;
    row.version = version;
    row.updatedAt = utc("2026-11-25T09:00:00.000Z");
    row.fields = {{u"name"_s, u"长沙湘江机械有限公司"_s}, {u"registered_capital_fen"_s, 500000000}};
    return row;
}

} // namespace

class TestSyncMessages : public QObject
{
    Q_OBJECT

private slots:
    void pushRequestRoundTrip();
    void pushRequestInvalid_data();
    void pushRequestInvalid();
    void pushResponseRoundTrip();
    void pushResponseInvalid_data();
    void pushResponseInvalid();
    void pullRequestRoundTrip();
    void pullRequestInvalid_data();
    void pullRequestInvalid();
    void pullPageInvalid_data();
    void pullPageInvalid();
    void visibleRoundTrip();
    void visibleRequestInvalid_data();
    void visibleRequestInvalid();
    void visibleResponseInvalid_data();
    void visibleResponseInvalid();
};

void TestSyncMessages::pushRequestRoundTrip()
{
    const PushRequest request = samplePush();
    const QJsonObject json = request.toJson();
    // A delete carries no fields on the wire; timestamps keep milliseconds and the Z suffix.
    QVERIFY(!json.value(u"operations"_s).toArray().at(1).toObject().contains(u"fields"_s));
    QCOMPARE(json.value(u"operations"_s).toArray().at(0).toObject().value(u"createdAt"_s).toString(),
             u"2026-11-25T08:30:00.125Z"_s);
    QString error;
    const auto back = PushRequest::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, request);
    // Through text too, as the server sees it.
    const auto viaText = PushRequest::fromJson(parse(QJsonDocument(json).toJson()), &error);
    QVERIFY2(viaText, qPrintable(error));
    QCOMPARE(*viaText, request);
}

void TestSyncMessages::pushRequestInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray op = R"({"opId":"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01","entity":"application",
        "rowId":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","kind":"upsert","baseVersion":3,
        "fields":{"x":1},"createdAt":"2026-11-25T08:30:00.000Z"})";
    auto with = [&](const QByteArray &from, const QByteArray &to) -> QByteArray {
        QByteArray o = op;
        o.replace(from, to);
        return R"({"clientId":"c1c1c1c1-0000-4000-8000-000000000001","operations":[)" + o + "]}";
    };
    // Sanity row: the template itself is valid, so every other row fails for the one reason it changes.
    QTest::newRow("valid") << with("", "") << QString();
    QTest::newRow("missing opId: the server could not deduplicate a replay")
        << with(R"("opId":"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01",)", "")
        << u"The field operations[0].opId is missing."_s;
    QTest::newRow("opId not a UUID") << with(
        "0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01",
        "op-1") << u"The field operations[0].opId must be a lower-case UUID without braces."_s;
    QTest::newRow("upper-case UUID: the store's ids are lower case, two spellings would be two ids")
        << with("0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01", "0B0E5C1A-3F7E-4C55-9A51-5D2F7C1E9A01")
        << u"The field operations[0].opId must be a lower-case UUID without braces."_s;
    QTest::newRow("braced rowId")
        << with("\"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60\"", "\"{7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60}\"")
        << u"The field operations[0].rowId must be a lower-case UUID without braces."_s;
    QTest::newRow("unknown kind") << with(R"("kind":"upsert")", R"("kind":"patch")")
                                  << u"The field operations[0].kind must be \"upsert\" or \"delete\"."_s;
    QTest::newRow("kind of wrong type")
        << with(R"("kind":"upsert")", R"("kind":1)") << u"The field operations[0].kind must be a string."_s;
    QTest::newRow("negative baseVersion")
        << with(R"("baseVersion":3)", R"("baseVersion":-1)")
        << u"The field operations[0].baseVersion must lie between 0 and 9007199254740992."_s;
    QTest::newRow("fractional baseVersion")
        << with(R"("baseVersion":3)", R"("baseVersion":3.5)")
        << u"The field operations[0].baseVersion must be a whole number."_s;
    QTest::newRow("baseVersion as string")
        << with(R"("baseVersion":3)", R"("baseVersion":"3")")
        << u"The field operations[0].baseVersion must be a whole number."_s;
    QTest::newRow("upsert without changed fields")
        << with(R"("fields":{"x":1})", R"("fields":{})")
        << u"The field operations[0].fields must name at least one changed field for an upsert."_s;
    QTest::newRow("delete carrying fields")
        << with(R"("kind":"upsert")", R"("kind":"delete")")
        << u"The field operations[0].fields must be absent or empty for a delete."_s;
    QTest::newRow("fields not an object") << with(R"("fields":{"x":1})", R"("fields":[1])")
                                          << u"The field operations[0].fields must be a JSON object."_s;
    QTest::newRow("entity with upper case")
        << with(R"("entity":"application")", R"("entity":"Application")")
        << u"The field operations[0].entity must be an entity name (lower-case letters, digits and "
           "underscores, starting with a letter, at most 64 characters)."_s;
    QTest::newRow("createdAt without zone: local time would be ambiguous")
        << with("08:30:00.000Z", "08:30:00.000")
        << u"The field operations[0].createdAt must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ."_s;
    QTest::newRow("createdAt impossible date")
        << with("2026-11-25T", "2026-02-30T")
        << u"The field operations[0].createdAt must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ."_s;
    QTest::newRow("unknown field in an operation")
        << with(R"("kind":"upsert")", R"("kind":"upsert","priority":1)")
        << u"The field operations[0].priority is not part of the sync protocol."_s;
    QTest::newRow("unknown field at the root") << QByteArray(
        R"({"clientId":"c1c1c1c1-0000-4000-8000-000000000001","operations":[)" + op + R"(],"x":0})")
                                               << u"The field x is not part of the sync protocol."_s;
    QTest::newRow("missing clientId")
        << QByteArray("{\"operations\":[" + op + "]}") << u"The field clientId is missing."_s;
    QTest::newRow("empty batch") << QByteArray(
        R"({"clientId":"c1c1c1c1-0000-4000-8000-000000000001","operations":[]})")
                                 << u"The field operations must contain at least one operation."_s;
    QTest::newRow("operation not an object")
        << QByteArray(R"({"clientId":"c1c1c1c1-0000-4000-8000-000000000001","operations":[)" + op + R"(,7]})")
        << u"The entry operations[1] must be a JSON object."_s;
    QTest::newRow("same opId twice in one batch: it could only be applied once")
        << QByteArray(R"({"clientId":"c1c1c1c1-0000-4000-8000-000000000001","operations":[)" + op + "," + op
                      + "]}")
        << u"The field operations[1].opId repeats an operation id used earlier in the batch."_s;
}

void TestSyncMessages::pushRequestInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto request = PushRequest::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(request.has_value(), error.isEmpty());
}

void TestSyncMessages::pushResponseRoundTrip()
{
    PushResponse response;
    OpResult applied;
    applied.opId = OpA;
    applied.status = OpResult::Status::Applied;
    applied.newVersion = 42;
    OpResult conflict;
    conflict.opId = OpB;
    conflict.status = OpResult::Status::Conflict;
    conflict.newVersion = 43;
    conflict.serverRow = sampleRow(43);
    conflict.conflicts = {{u"name"_s, u"湘江机械"_s, u"长沙湘江机械有限公司"_s},
                          {u"phone"_s, QJsonValue(QJsonValue::Undefined), u"0731-8888"_s}};
    OpResult rejected;
    rejected.opId = u"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a03"_s;
    rejected.status = OpResult::Status::Rejected;
    rejected.reason = u"The application cannot move from approved back to draft."_s;
    response.results = {applied, conflict, rejected};

    const QJsonObject json = response.toJson();
    const QJsonArray results = json.value(u"results"_s).toArray();
    // Only the fields that belong to each status are written.
    QCOMPARE(results.at(0).toObject().keys(), (QStringList{u"newVersion"_s, u"opId"_s, u"status"_s}));
    QCOMPARE(results.at(2).toObject().value(u"status"_s).toString(), u"rejected"_s);
    QVERIFY(
        !results.at(1).toObject().value(u"conflicts"_s).toArray().at(1).toObject().contains(u"localValue"_s));
    QString error;
    const auto back = PushResponse::fromJson(parse(QJsonDocument(json).toJson()), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, response);
}

void TestSyncMessages::pushResponseInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray id = "\"opId\":\"0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01\"";
    const QByteArray row = R"({"entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","version":9,
        "updatedAt":"2026-11-25T09:00:00.000Z","deleted":false,"fields":{"a":1}})";
    auto one = [](const QByteArray &result) -> QByteArray {
        return "{\"results\":[" + result + "]}";
    };
    QTest::newRow("valid conflict") << one(
        "{" + id + R"(,"status":"conflict","newVersion":9,"serverRow":)" + row
        + R"(,"conflicts":[{"field":"a","localValue":2,"serverValue":1}]})")
                                    << QString();
    QTest::newRow("unknown status")
        << one("{" + id + R"(,"status":"ok","newVersion":1})")
        << u"The field results[0].status must be \"applied\", \"conflict\" or \"rejected\"."_s;
    QTest::newRow("applied needs a version: the client stores it as the row's new base")
        << one("{" + id + R"(,"status":"applied","newVersion":0})")
        << u"The field results[0].newVersion must lie between 1 and 9007199254740992."_s;
    QTest::newRow("rejected without reason: the user must see why")
        << one("{" + id + R"(,"status":"rejected","newVersion":0})")
        << u"The field results[0].reason is missing."_s;
    QTest::newRow("rejected with blank reason")
        << one("{" + id + R"(,"status":"rejected","newVersion":0,"reason":"  "})")
        << u"The field results[0].reason must explain why the operation was rejected."_s;
    QTest::newRow("rejected yet versioned: nothing was stored")
        << one("{" + id + R"(,"status":"rejected","newVersion":5,"reason":"no"})")
        << u"The field results[0].newVersion must lie between 0 and 0."_s;
    QTest::newRow("reason on an applied result")
        << one("{" + id + R"(,"status":"applied","newVersion":5,"reason":"no"})")
        << u"The field results[0].reason is only allowed when the operation was rejected."_s;
    QTest::newRow("conflict without conflicts: nothing would tell the user what was lost")
        << one("{" + id + R"(,"status":"conflict","newVersion":9,"serverRow":)" + row + R"(,"conflicts":[]})")
        << u"The field results[0].conflicts must list at least one field for a conflict."_s;
    QTest::newRow("conflict without serverRow")
        << one("{" + id + R"(,"status":"conflict","newVersion":9,"conflicts":[{"field":"a"}]})")
        << u"The field results[0].serverRow is missing."_s;
    QTest::newRow("serverRow with a bad id")
        << one("{" + id + R"(,"status":"conflict","newVersion":9,"serverRow":)"
               + QByteArray(row).replace("7d3b1a52", "xxxx") + R"(,"conflicts":[{"field":"a"}]})")
        << u"The field results[0].serverRow.id must be a lower-case UUID without braces."_s;
    QTest::newRow("conflict entry with empty field name")
        << one("{" + id + R"(,"status":"conflict","newVersion":9,"serverRow":)" + row
               + R"(,"conflicts":[{"field":"a"},{"field":""}]})")
        << u"The field results[0].conflicts[1].field must not be empty."_s;
    QTest::newRow("serverRow on an applied result")
        << one("{" + id + R"(,"status":"applied","newVersion":9,"serverRow":)" + row + "}")
        << u"The field results[0].serverRow is only allowed for a conflict."_s;
    QTest::newRow("two answers for one opId")
        << QByteArray("{\"results\":[{" + id + R"(,"status":"applied","newVersion":1},{)" + id
                      + R"(,"status":"applied","newVersion":2}]})")
        << u"The field results[1].opId repeats an operation id answered earlier."_s;
}

void TestSyncMessages::pushResponseInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto response = PushResponse::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(response.has_value(), error.isEmpty());
}

void TestSyncMessages::pullRequestRoundTrip()
{
    PullRequest request;
    request.cursor = 123456;
    request.pageSize = 5000;
    request.entities = {u"enterprise"_s, u"monthly_value"_s};
    QString error;
    const auto back = PullRequest::fromJson(request.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, request);
    // Without entities the key is left out and reads back as "all entities".
    request.entities.clear();
    QVERIFY(!request.toJson().contains(u"entities"_s));
    QCOMPARE(*PullRequest::fromJson(request.toJson(), &error), request);
}

void TestSyncMessages::pullRequestInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("smallest valid page") << QByteArray(R"({"cursor":0,"pageSize":1})") << QString();
    QTest::newRow("largest valid page") << QByteArray(R"({"cursor":0,"pageSize":5000})") << QString();
    QTest::newRow("negative cursor") << QByteArray(R"({"cursor":-1,"pageSize":10})")
                                     << u"The field cursor must lie between 0 and 9007199254740992."_s;
    QTest::newRow("cursor beyond 2^53: doubles cannot hold it exactly")
        << QByteArray(R"({"cursor":9007199254740994,"pageSize":10})")
        << u"The field cursor must be a whole number."_s;
    QTest::newRow("pageSize 0") << QByteArray(R"({"cursor":0,"pageSize":0})")
                                << u"The field pageSize must lie between 1 and 5000."_s;
    QTest::newRow("pageSize 5001: bounds the server's memory per request")
        << QByteArray(R"({"cursor":0,"pageSize":5001})")
        << u"The field pageSize must lie between 1 and 5000."_s;
    QTest::newRow("missing pageSize") << QByteArray(R"({"cursor":0})") << u"The field pageSize is missing."_s;
    QTest::newRow("entities not an array") << QByteArray(R"({"cursor":0,"pageSize":10,"entities":"firm"})")
                                           << u"The field entities must be a JSON array."_s;
    QTest::newRow("entity of wrong type") << QByteArray(R"({"cursor":0,"pageSize":10,"entities":["firm",3]})")
                                          << u"The entry entities[1] must be an entity name."_s;
    QTest::newRow("entity repeated") << QByteArray(R"({"cursor":0,"pageSize":10,"entities":["firm","firm"]})")
                                     << u"The entry entities[1] repeats an entity named earlier."_s;
    QTest::newRow("unknown field") << QByteArray(R"({"cursor":0,"pageSize":10,"since":"x"})")
                                   << u"The field since is not part of the sync protocol."_s;
}

void TestSyncMessages::pullRequestInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto request = PullRequest::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(request.has_value(), error.isEmpty());
}

void TestSyncMessages::pullPageInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray sum = "\"checksum\":\"" + QByteArray(64, 'a') + "\"";
    auto row = [](int version) -> QByteArray {
        return R"({"entity":"enterprise","id":"7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60","version":)"
               + QByteArray::number(version)
               + R"(,"updatedAt":"2026-11-25T09:00:00.000Z","deleted":false,"fields":{}})";
    };
    QTest::newRow("valid structure (checksum checked by verify, not here)") << QByteArray(
        "{\"rows\":[" + row(3) + "," + row(5) + "],\"nextCursor\":5,\"hasMore\":false," + sum + "}")
                                                                            << QString();
    QTest::newRow("empty last page") << QByteArray("{\"rows\":[],\"nextCursor\":5,\"hasMore\":false," + sum
                                                   + "}")
                                     << QString();
    QTest::newRow("rows out of order: a cursor between them would skip a row")
        << QByteArray("{\"rows\":[" + row(5) + "," + row(3) + "],\"nextCursor\":5,\"hasMore\":false," + sum
                      + "}")
        << u"The field rows[1].version must be greater than the previous row's version."_s;
    QTest::newRow("cursor behind the rows: the next pull would send them again")
        << QByteArray("{\"rows\":[" + row(3) + "],\"nextCursor\":2,\"hasMore\":true," + sum + "}")
        << u"The field nextCursor must not be smaller than the last row's version."_s;
    QTest::newRow("version 0 is never a server state")
        << QByteArray("{\"rows\":[" + row(0) + "],\"nextCursor\":2,\"hasMore\":true," + sum + "}")
        << u"The field rows[0].version must lie between 1 and 9007199254740992."_s;
    QTest::newRow("deleted missing") << QByteArray("{\"rows\":[" + row(3).replace("\"deleted\":false,", "")
                                                   + "],\"nextCursor\":3,\"hasMore\":false," + sum + "}")
                                     << u"The field rows[0].deleted is missing."_s;
    QTest::newRow("deleted as 0") << QByteArray("{\"rows\":[" + row(3).replace("false", "0")
                                                + "],\"nextCursor\":3,\"hasMore\":false," + sum + "}")
                                  << u"The field rows[0].deleted must be true or false."_s;
    QTest::newRow("checksum upper case") << QByteArray(
        R"({"rows":[],"nextCursor":0,"hasMore":false,"checksum":")" + QByteArray(64, 'A') + "\"}")
                                         << u"The field checksum must be 64 lower-case hexadecimal digits."_s;
    QTest::newRow("checksum missing")
        << QByteArray(R"({"rows":[],"nextCursor":0,"hasMore":false})") << u"The field checksum is missing."_s;
}

void TestSyncMessages::pullPageInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto page = PullPage::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(page.has_value(), error.isEmpty());
}

void TestSyncMessages::visibleRoundTrip()
{
    VisibleRequest request;
    request.entity = u"enterprise"_s;
    request.ids = {RowA, OpA, OpB};
    QString error;
    const auto back = VisibleRequest::fromJson(request.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, request); // the order of the ids is kept
    QCOMPARE(
        QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"entity":"enterprise","ids":["7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60",)"
                   R"("0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a01","0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a02"]})"));
    VisibleResponse response;
    response.hidden = {OpB, RowA};
    const auto answer = VisibleResponse::fromJson(response.toJson(), &error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(*answer, response);
    // Nothing hidden is an empty list, not a missing key.
    QCOMPARE(QJsonDocument(VisibleResponse().toJson()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"hidden":[]})"));
}

void TestSyncMessages::visibleRequestInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray id = "\"" + RowA.toLatin1() + "\"";
    QTest::newRow("no ids: a client without firms may still ask")
        << QByteArray(R"({"entity":"enterprise","ids":[]})") << QString();
    QByteArray limit = R"({"entity":"enterprise","ids":[)";
    QByteArray over = limit;
    for (int i = 0; i < 5001; ++i) {
        const QByteArray one = "\"" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "\"";
        if (i < 5000)
            limit += (i ? "," : "") + one;
        over += (i ? "," : "") + one;
    }
    QTest::newRow("5000 ids: the limit") << limit + "]}" << QString();
    QTest::newRow("5001 ids: bounds the server's work per request")
        << over + "]}" << u"The field ids holds more than 5000 ids."_s;
    QTest::newRow("application: not firm-scoped (the bank keeps its applications)")
        << QByteArray(R"({"entity":"application","ids":[]})")
        << u"The field entity must name a synced entity of firm scope (enterprise)."_s;
    QTest::newRow("monthly_value: a firm record, asked about through its firm")
        << QByteArray(R"({"entity":"monthly_value","ids":[]})")
        << u"The field entity must name a synced entity of firm scope (enterprise)."_s;
    QTest::newRow("unknown entity")
        << QByteArray(R"({"entity":"firm","ids":[]})")
        << u"The field entity must name a synced entity of firm scope (enterprise)."_s;
    QTest::newRow("entity not a name")
        << QByteArray(R"({"entity":"Enterprise","ids":[]})")
        << u"The field entity must be an entity name (lower-case letters, digits "
           "and underscores, starting with a letter, at most 64 characters)."_s;
    QTest::newRow("missing entity") << QByteArray(R"({"ids":[]})") << u"The field entity is missing."_s;
    QTest::newRow("missing ids") << QByteArray(R"({"entity":"enterprise"})")
                                 << u"The field ids is missing."_s;
    QTest::newRow("ids not an array")
        << QByteArray(R"({"entity":"enterprise","ids":{}})") << u"The field ids must be a JSON array."_s;
    QTest::newRow("upper-case id") << QByteArray(R"({"entity":"enterprise","ids":[)" + id.toUpper() + "]}")
                                   << u"The entry ids[0] must be a lower-case UUID without braces."_s;
    QTest::newRow("braced id") << QByteArray(R"({"entity":"enterprise","ids":[)" + id + R"(,"{)"
                                             + RowA.toLatin1() + R"(}"]})")
                               << u"The entry ids[1] must be a lower-case UUID without braces."_s;
    QTest::newRow("id not a string") << QByteArray(R"({"entity":"enterprise","ids":[7]})")
                                     << u"The entry ids[0] must be a lower-case UUID without braces."_s;
    QTest::newRow("repeated id") << QByteArray(R"({"entity":"enterprise","ids":[)" + id + "," + id + "]}")
                                 << u"The entry ids[1] repeats an id named earlier."_s;
    QTest::newRow("unknown field") << QByteArray(R"({"entity":"enterprise","ids":[],"since":1})")
                                   << u"The field since is not part of the sync protocol."_s;
}

void TestSyncMessages::visibleRequestInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto request = VisibleRequest::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(request.has_value(), error.isEmpty());
}

void TestSyncMessages::visibleResponseInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("nothing hidden") << QByteArray(R"({"hidden":[]})") << QString();
    QTest::newRow("missing hidden") << QByteArray(R"({})") << u"The field hidden is missing."_s;
    QTest::newRow("hidden not an array")
        << QByteArray(R"({"hidden":"x"})") << u"The field hidden must be a JSON array."_s;
    QTest::newRow("hidden id malformed")
        << QByteArray(R"({"hidden":["x"]})")
        << u"The entry hidden[0] must be a lower-case UUID without braces."_s;
    QTest::newRow("unknown field") << QByteArray(R"({"hidden":[],"visible":[]})")
                                   << u"The field visible is not part of the sync protocol."_s;
}

void TestSyncMessages::visibleResponseInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    const auto response = VisibleResponse::fromJson(parse(json), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(response.has_value(), error.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncMessages)
#include "tst_syncmessages.moc"
