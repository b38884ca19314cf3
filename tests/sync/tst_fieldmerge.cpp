#include "sync/fieldmerge.h"

#include <QJsonDocument>
#include <QTest>

using namespace XinDai::Sync;
using namespace Qt::StringLiterals;

namespace {

QJsonObject obj(const char *text)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad test JSON: %s", text);
    return doc.object();
}

} // namespace

class TestFieldMerge : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void conflictValues();
    void pureAndSymmetricInputs();
};

void TestFieldMerge::merge_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QJsonObject>("local");
    QTest::addColumn<QJsonObject>("server");
    QTest::addColumn<QJsonObject>("merged");
    QTest::addColumn<QStringList>("conflictFields");

    QTest::newRow("nobody changed anything: the row stays as it was")
        << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":1,"b":"x"})")
        << obj(R"({"a":1,"b":"x"})") << QStringList();
    QTest::newRow("only local changed a field: the client's edit is kept")
        << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":2,"b":"x"})") << obj(R"({"a":1,"b":"x"})")
        << obj(R"({"a":2,"b":"x"})") << QStringList();
    QTest::newRow("only the server changed a field: the server's edit arrives")
        << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":1,"b":"y"})")
        << obj(R"({"a":1,"b":"y"})") << QStringList();
    QTest::newRow("different fields changed on each side: both edits survive, no conflict")
        << obj(R"({"a":1,"b":"x"})") << obj(R"({"a":2,"b":"x"})") << obj(R"({"a":1,"b":"y"})")
        << obj(R"({"a":2,"b":"y"})") << QStringList();
    QTest::newRow("same field changed to different values: server wins, local value kept as conflict")
        << obj(R"({"a":1})") << obj(R"({"a":2})") << obj(R"({"a":3})") << obj(R"({"a":3})")
        << QStringList{u"a"_s};
    QTest::newRow("same field changed to the same value: nothing to resolve")
        << obj(R"({"a":1})") << obj(R"({"a":5})") << obj(R"({"a":5})") << obj(R"({"a":5})") << QStringList();
    QTest::newRow("mixed: one agreed, one conflicting, one local-only, one server-only")
        << obj(R"({"a":1,"b":1,"c":1,"d":1})") << obj(R"({"a":9,"b":2,"c":2,"d":1})")
        << obj(R"({"a":9,"b":3,"c":1,"d":4})") << obj(R"({"a":9,"b":3,"c":2,"d":4})") << QStringList{u"b"_s};
    QTest::newRow("several conflicts are listed sorted by field name")
        << obj(R"({"z":0,"m":0,"a":0})") << obj(R"({"z":1,"m":1,"a":1})") << obj(R"({"z":2,"m":2,"a":2})")
        << obj(R"({"a":2,"m":2,"z":2})") << QStringList{u"a"_s, u"m"_s, u"z"_s};
    QTest::newRow("field added locally only: kept")
        << obj(R"({"a":1})") << obj(R"({"a":1,"n":"新"})") << obj(R"({"a":1})") << obj(R"({"a":1,"n":"新"})")
        << QStringList();
    QTest::newRow("field added on the server only: kept")
        << obj(R"({"a":1})") << obj(R"({"a":1})") << obj(R"({"a":1,"n":true})") << obj(R"({"a":1,"n":true})")
        << QStringList();
    QTest::newRow("field added on both with different values: server wins (absent base counts as a value)")
        << obj(R"({})") << obj(R"({"n":1})") << obj(R"({"n":2})") << obj(R"({"n":2})") << QStringList{u"n"_s};
    QTest::newRow("field removed locally, untouched on the server: the removal is a change and wins")
        << obj(R"({"a":1,"b":2})") << obj(R"({"a":1})") << obj(R"({"a":1,"b":2})") << obj(R"({"a":1})")
        << QStringList();
    QTest::newRow("field removed locally, changed on the server: server value wins, conflict kept")
        << obj(R"({"a":1,"b":2})") << obj(R"({"a":1})") << obj(R"({"a":1,"b":3})") << obj(R"({"a":1,"b":3})")
        << QStringList{u"b"_s};
    QTest::newRow("field removed on both: stays removed, no conflict")
        << obj(R"({"a":1,"b":2})") << obj(R"({"a":1})") << obj(R"({"a":1})") << obj(R"({"a":1})")
        << QStringList();
    QTest::newRow("null is a value: set to null locally while the server changed it conflicts")
        << obj(R"({"a":1})") << obj(R"({"a":null})") << obj(R"({"a":2})") << obj(R"({"a":2})")
        << QStringList{u"a"_s};
    QTest::newRow("null versus absent are different: local null kept when the server removed nothing")
        << obj(R"({"a":1})") << obj(R"({"a":null})") << obj(R"({"a":1})") << obj(R"({"a":null})")
        << QStringList();
    QTest::newRow("JSON numbers compare by value: 1.0 locally equals base 1, so only the server changed")
        << obj(R"({"a":1})") << obj(R"({"a":1.0})") << obj(R"({"a":2})") << obj(R"({"a":2})")
        << QStringList();
    QTest::newRow("type change counts: \"1\" is not 1")
        << obj(R"({"a":1})") << obj(R"({"a":"1"})") << obj(R"({"a":2})") << obj(R"({"a":2})")
        << QStringList{u"a"_s};
    QTest::newRow("nested objects compare as whole values, not merged inside")
        << obj(R"({"addr":{"city":"长沙","zip":"410000"}})")
        << obj(R"({"addr":{"city":"长沙","zip":"410001"}})")
        << obj(R"({"addr":{"city":"株洲","zip":"410000"}})")
        << obj(R"({"addr":{"city":"株洲","zip":"410000"}})") << QStringList{u"addr"_s};
    QTest::newRow("nested object with reordered keys is unchanged")
        << obj(R"({"addr":{"city":"长沙","zip":"1"}})") << obj(R"({"addr":{"zip":"1","city":"长沙"}})")
        << obj(R"({"addr":{"city":"湘潭","zip":"1"}})") << obj(R"({"addr":{"city":"湘潭","zip":"1"}})")
        << QStringList();
    QTest::newRow("array order matters: reordering is an edit")
        << obj(R"({"t":[1,2]})") << obj(R"({"t":[2,1]})") << obj(R"({"t":[1,2]})") << obj(R"({"t":[2,1]})")
        << QStringList();
    QTest::newRow("new row on both sides from an empty base: disjoint fields union")
        << obj(R"({})") << obj(R"({"a":1})") << obj(R"({"b":2})") << obj(R"({"a":1,"b":2})") << QStringList();
    QTest::newRow("all empty: empty result")
        << obj("{}") << obj("{}") << obj("{}") << obj("{}") << QStringList();
}

void TestFieldMerge::merge()
{
    QFETCH(QJsonObject, base);
    QFETCH(QJsonObject, local);
    QFETCH(QJsonObject, server);
    QFETCH(QJsonObject, merged);
    QFETCH(QStringList, conflictFields);
    const MergeResult result = FieldMerge::merge(base, local, server);
    QCOMPARE(result.merged, merged);
    QStringList fields;
    for (const FieldConflict &c : result.conflicts) {
        fields.append(c.field);
        // Nothing is dropped silently: the losing local value is recorded, the winner is the stored one.
        QCOMPARE(c.localValue, local.value(c.field));
        QCOMPARE(c.serverValue, server.value(c.field));
        QCOMPARE(result.merged.value(c.field), server.value(c.field));
    }
    QCOMPARE(fields, conflictFields);
}

void TestFieldMerge::conflictValues()
{
    // A removal that loses keeps Undefined as its local value, so the conflict says "you removed it".
    const MergeResult result
        = FieldMerge::merge(obj(R"({"phone":"0731-1"})"), obj("{}"), obj(R"({"phone":"0731-2"})"));
    QCOMPARE(result.conflicts.size(), 1);
    QCOMPARE(result.conflicts.at(0),
             (FieldConflict{u"phone"_s, QJsonValue(QJsonValue::Undefined), QJsonValue(u"0731-2"_s)}));
    QCOMPARE(result.conflicts.at(0).toJson(), obj(R"({"field":"phone","serverValue":"0731-2"})"));
}

void TestFieldMerge::pureAndSymmetricInputs()
{
    // Same inputs, same output (no hidden state), and swapping local and server only changes who
    // wins the conflicting field: the server's side always does.
    const QJsonObject base = obj(R"({"a":1,"b":1})");
    const QJsonObject x = obj(R"({"a":2,"b":1})");
    const QJsonObject y = obj(R"({"a":3,"b":4})");
    QCOMPARE(FieldMerge::merge(base, x, y), FieldMerge::merge(base, x, y));
    QCOMPARE(FieldMerge::merge(base, x, y).merged, obj(R"({"a":3,"b":4})"));
    QCOMPARE(FieldMerge::merge(base, y, x).merged, obj(R"({"a":2,"b":4})"));
}

QTEST_GUILESS_MAIN(TestFieldMerge)
#include "tst_fieldmerge.moc"
