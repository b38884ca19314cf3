#include "store/database.h"
#include "sync/entitycatalog.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
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

class TestEntityCatalog : public QObject
{
    Q_OBJECT

private slots:
    void matchesLocalStoreSchema();
    void referencesAndKeysAreCatalogued();
    void validate_data();
    void validate();
    void requiredFieldsForNewRows();
    void storedRoundTrip();
};

// The client applies pulled rows column by column through the catalog, so each entity must be a table
// of the local store with exactly these columns (plus the meta columns), or a pull would fail at run time.
void TestEntityCatalog::matchesLocalStoreSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Store::Database db;
    QString error;
    QVERIFY2(db.open(dir.filePath(u"store.db"_s), &error), qPrintable(error));
    const QStringList meta{u"id"_s, u"version"_s, u"updated_at"_s, u"deleted"_s};
    for (const EntitySpec &entity : EntityCatalog::entities()) {
        QSqlQuery query(db.sql());
        QVERIFY(query.exec(u"PRAGMA table_info(\"%1\")"_s.arg(entity.name)));
        QStringList columns;
        while (query.next())
            columns.append(query.value(1).toString());
        QVERIFY2(!columns.isEmpty(), qPrintable(u"no local table %1"_s.arg(entity.name)));
        QStringList expected = meta;
        for (const FieldSpec &f : entity.fields)
            expected.append(f.name);
        columns.sort();
        expected.sort();
        QCOMPARE(columns, expected);
    }
}

void TestEntityCatalog::referencesAndKeysAreCatalogued()
{
    const QStringList names = EntityCatalog::names();
    for (qsizetype i = 0; i < EntityCatalog::entities().size(); ++i) {
        const EntitySpec &entity = EntityCatalog::entities().at(i);
        for (const FieldSpec &f : entity.fields) {
            if (f.type != FieldSpec::Type::Id)
                continue;
            // Parents come first, so a first sync that applies entities in catalog order never
            // inserts a row before the row it references.
            const qsizetype parent = names.indexOf(f.references);
            QVERIFY2(parent >= 0, qPrintable(entity.name + u'.' + f.name));
            if (f.references != entity.name && !(entity.name == u"app_user"_s))
                QVERIFY2(parent < i || f.references == u"app_user"_s,
                         qPrintable(entity.name + u" before "_s + f.references));
        }
        for (const QString &key : entity.naturalKey)
            QVERIFY(entity.field(key));
    }
    QCOMPARE(EntityCatalog::find(u"monthly_value"_s)->naturalKey,
             (QStringList{u"enterprise_id"_s, u"kind"_s, u"month"_s}));
    QVERIFY(EntityCatalog::find(u"app_user"_s)->field(u"password_hash"_s)->serverOnly);
    QVERIFY(!EntityCatalog::find(u"app_user"_s)->wireFieldNames().contains(u"password_hash"_s));
    QVERIFY(!EntityCatalog::find(u"outbox"_s));
}

void TestEntityCatalog::validate_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("error"); // "" = valid

    QTest::newRow("valid application edit")
        << u"application"_s
        << obj(R"({"amount": 300000000, "state": "submitted", "submitted_at": "2026-11-25T08:30:00.125Z"})")
        << QString();
    QTest::newRow("unknown field named with its path")
        << u"application"_s << obj(R"({"amount_yuan": 3})")
        << u"The field operations[0].fields.amount_yuan is not a field of this entity."_s;
    // Password hashes are server-only: a client may neither read nor write them.
    QTest::newRow("server-only field refused")
        << u"app_user"_s << obj(R"({"password_hash": "x"})")
        << u"The field operations[0].fields.password_hash is not a field of this entity."_s;
    QTest::newRow("money must be a number") << u"application"_s << obj(R"({"amount": "3000000"})")
                                            << u"The field operations[0].fields.amount must be a number."_s;
    // Money is integer fen: a fraction means a unit mistake upstream.
    QTest::newRow("money must be whole fen")
        << u"application"_s << obj(R"({"amount": 12.5})")
        << u"The field operations[0].fields.amount must be a whole number."_s;
    QTest::newRow("negative amount") << u"application"_s << obj(R"({"amount": -1})")
                                     << u"The field operations[0].fields.amount must be at least 0."_s;
    QTest::newRow("unknown state")
        << u"application"_s << obj(R"({"state": "lost"})")
        << u"The field operations[0].fields.state must be one of: draft, submitted, accepted, approved, rejected, disbursed, settled, withdrawn."_s;
    QTest::newRow("nullable date may be null") << u"policy"_s << obj(R"({"window_end": null})") << QString();
    QTest::newRow("required text may not be null")
        << u"enterprise"_s << obj(R"({"name": null})")
        << u"The field operations[0].fields.name may not be null."_s;
    QTest::newRow("required text may not be blank")
        << u"enterprise"_s << obj(R"({"name": "  "})")
        << u"The field operations[0].fields.name may not be empty."_s;
    QTest::newRow("date form")
        << u"enterprise"_s << obj(R"({"established": "2019/03/01"})")
        << u"The field operations[0].fields.established must be a date written yyyy-MM-dd."_s;
    QTest::newRow("impossible date")
        << u"enterprise"_s << obj(R"({"established": "2019-02-30"})")
        << u"The field operations[0].fields.established must be a date written yyyy-MM-dd."_s;
    QTest::newRow("reference must be a store uuid")
        << u"application"_s << obj(R"({"product_id": "{7D3B1A52-0C1E-4F7A-8E3B-2A1C9D8E7F60}"})")
        << u"The field operations[0].fields.product_id must be a lower-case UUID without braces."_s;
    QTest::newRow("json text must parse")
        << u"product"_s << obj(R"({"zones": "[\"a\","})")
        << u"The field operations[0].fields.zones must hold a JSON document."_s;
    QTest::newRow("bool") << u"authorization"_s << obj(R"({"revoked": 1})")
                          << u"The field operations[0].fields.revoked must be true or false."_s;
    QTest::newRow("too long") << u"enterprise"_s << QJsonObject{{u"uscc"_s, QString(19, u'9')}}
                              << u"The field operations[0].fields.uscc is longer than 18 characters."_s;
    QTest::newRow("utc time")
        << u"application"_s << obj(R"({"created_at": "2026-11-25 08:30"})")
        << u"The field operations[0].fields.created_at must be a UTC time written yyyy-MM-ddTHH:mm:ss.zzzZ."_s;
}

void TestEntityCatalog::validate()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, error);
    const EntitySpec *spec = EntityCatalog::find(entity);
    QVERIFY(spec);
    QString message;
    const bool ok = EntityCatalog::validateFields(*spec, fields, u"operations[0].fields"_s, &message);
    QCOMPARE(ok, error.isEmpty());
    QCOMPARE(message, error);
}

void TestEntityCatalog::requiredFieldsForNewRows()
{
    const EntitySpec *spec = EntityCatalog::find(u"monthly_value"_s);
    QString message;
    // An edit may carry one field; a new row must carry its natural key.
    QVERIFY(EntityCatalog::validateFields(*spec, obj(R"({"value": 5})"), u"f"_s, &message));
    QVERIFY(!EntityCatalog::validateFields(*spec, obj(R"({"value": 5})"), u"f"_s, &message, true));
    QCOMPARE(message, u"The field f.enterprise_id is missing."_s);
    QVERIFY(EntityCatalog::validateFields(
        *spec,
        obj(R"({"enterprise_id": "7d3b1a52-0c1e-4f7a-8e3b-2a1c9d8e7f60", "kind": "tax_paid", "month": "2026-10-01"})"),
        u"f"_s, &message, true));
}

void TestEntityCatalog::storedRoundTrip()
{
    const EntitySpec *product = EntityCatalog::find(u"product"_s);
    const FieldSpec *exclusive = product->field(u"platform_exclusive"_s);
    QCOMPARE(EntityCatalog::toStored(*exclusive, QJsonValue(true)).toLongLong(), 1);
    QCOMPARE(EntityCatalog::toJson(*exclusive, QVariant(qint64(1))), QJsonValue(true));
    const FieldSpec *maxAmount = product->field(u"max_amount"_s);
    // 2^53 fen is the largest exact amount on the wire.
    QCOMPARE(EntityCatalog::toStored(*maxAmount, QJsonValue(9007199254740992.0)).toLongLong(),
             9007199254740992LL);
    QCOMPARE(EntityCatalog::toJson(*maxAmount, QVariant()), QJsonValue(0));
    const FieldSpec *windowEnd = EntityCatalog::find(u"policy"_s)->field(u"window_end"_s);
    QVERIFY(EntityCatalog::toStored(*windowEnd, QJsonValue(QJsonValue::Null)).isNull());
    QCOMPARE(EntityCatalog::toJson(*windowEnd, QVariant()), QJsonValue(QJsonValue::Null));
}

QTEST_GUILESS_MAIN(TestEntityCatalog)
#include "tst_entitycatalog.moc"
