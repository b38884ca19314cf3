// The models the application scores with (ModelRegistry): the shipped ones unless sync delivered the
// same id with a higher version; invalid synced models ignored with a warning; validate() of any kind.
#include "scoring/modelregistry.h"
#include "scoring/shippedmodels.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace XinDai::Scoring;

namespace {

QJsonObject fileObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The shipped model file \a path with another version and name.
QByteArray shippedWith(const QString &path, int version, const QString &name)
{
    QJsonObject o = fileObject(path);
    o.insert(u"version"_s, version);
    o.insert(u"name"_s, name);
    return bytes(o);
}

} // namespace

class tst_ModelRegistry : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { ModelRegistry::clearSynced(); }

    void validateShipped_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("id");
        QTest::newRow("commercial") << ShippedModels::commercialPath() << u"scorecard"_s
                                    << u"enterprise-commercial"_s;
        QTest::newRow("knowledge") << ShippedModels::knowledgePath() << u"scorecard"_s
                                   << u"enterprise-knowledge"_s;
        QTest::newRow("individual") << ShippedModels::individualPath() << u"expert"_s
                                    << u"individual-business"_s;
        QTest::newRow("park index") << ShippedModels::parkIndexPath() << u"parkIndex"_s
                                    << u"park-credit-index"_s;
    }
    void validateShipped()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QFETCH(QString, id);
        QString error;
        const std::optional<ModelInfo> info = ModelRegistry::validate(bytes(fileObject(path)), &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->kind, kind);
        QCOMPARE(info->id, id);
        QCOMPARE(info->version, 1);
    }

    void validateRefuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mention");
        QTest::newRow("not json") << QByteArray("{\"kind\": ") << u"JSON"_s;
        QJsonObject unknown = fileObject(ShippedModels::commercialPath());
        unknown.insert(u"kind"_s, u"neuralNet"_s);
        QTest::newRow("unknown kind")
            << bytes(unknown) << u"refused at kind: The model kind is \"neuralNet\""_s;
        QJsonObject noKind = fileObject(ShippedModels::commercialPath());
        noKind.remove(u"kind"_s);
        QTest::newRow("no kind") << bytes(noKind) << u"refused at kind"_s;
        QJsonObject badVersion = fileObject(ShippedModels::parkIndexPath());
        badVersion.insert(u"version"_s, 0);
        QTest::newRow("park index version 0") << bytes(badVersion) << u"refused at version"_s;
        QJsonObject badWeights = fileObject(ShippedModels::parkIndexPath());
        QJsonObject weights = badWeights.value(u"weights"_s).toObject();
        weights.insert(u"firmScore"_s, -1);
        badWeights.insert(u"weights"_s, weights);
        QTest::newRow("park index negative weight") << bytes(badWeights) << u"refused at weights.firmScore"_s;
    }
    void validateRefuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mention);
        QString error;
        QVERIFY(!ModelRegistry::validate(json, &error));
        QVERIFY2(error.contains(mention), qPrintable(error));
    }

    void shippedWithoutSync()
    {
        const std::optional<Scorecard> commercial = ModelRegistry::commercial();
        QVERIFY(commercial);
        QCOMPARE(commercial->info().version, 1);
        QCOMPARE(commercial->info().name, ShippedModels::commercial()->info().name);
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-commercial"_s), 0);
    }

    void newerSyncedReplacesShipped()
    {
        QString error = u"stale"_s;
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::commercialPath(), 2, u"评分卡 v2"_s),
                                             &error));
        QVERIFY(error.isEmpty());
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-commercial"_s), 2);
        const std::optional<Scorecard> commercial = ModelRegistry::commercial(&error);
        QVERIFY2(commercial, qPrintable(error));
        QCOMPARE(commercial->info().version, 2);
        QCOMPARE(commercial->info().name, u"评分卡 v2"_s);
        // Other ids are untouched.
        QCOMPARE(ModelRegistry::knowledge()->info().version, 1);
        QCOMPARE(ModelRegistry::parkIndex()->info().version, 1);

        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::individualPath(), 3, u"个体 v3"_s)));
        QCOMPARE(ModelRegistry::individualBusiness()->info().name, u"个体 v3"_s);
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::parkIndexPath(), 4, u"指数 v4"_s)));
        QCOMPARE(ModelRegistry::parkIndex()->info().version, 4);
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::knowledgePath(), 2, u"知识 v2"_s)));
        QCOMPARE(ModelRegistry::knowledge()->info().name, u"知识 v2"_s);
    }

    void sameVersionKeepsShipped()
    {
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::commercialPath(), 1, u"同版本"_s)));
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-commercial"_s), 1);
        QCOMPARE(ModelRegistry::commercial()->info().name, ShippedModels::commercial()->info().name);
    }

    void otherKindUnderSameIdIsNotUsed()
    {
        // An expert model that claims the commercial scorecard's id cannot score as a scorecard.
        QJsonObject o = fileObject(ShippedModels::individualPath());
        o.insert(u"id"_s, u"enterprise-commercial"_s);
        o.insert(u"version"_s, 9);
        QVERIFY(ModelRegistry::installSynced(bytes(o)));
        QCOMPARE(ModelRegistry::commercial()->info().version, 1);
    }

    void invalidSyncedIsIgnored()
    {
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::commercialPath(), 2, u"v2"_s)));
        QJsonObject broken = fileObject(ShippedModels::commercialPath());
        broken.insert(u"version"_s, 3);
        broken.insert(u"scaling"_s, u"none"_s);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"^A scoring model received by sync is ignored: .*scaling"_s));
        QString error;
        QVERIFY(!ModelRegistry::installSynced(bytes(broken), &error));
        QVERIFY2(error.contains(u"scaling"_s), qPrintable(error));
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-commercial"_s), 2);
        QCOMPARE(ModelRegistry::commercial()->info().name, u"v2"_s);
    }

    void replaceMakesTheSyncedSet()
    {
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::commercialPath(), 2, u"v2"_s)));
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::parkIndexPath(), 4, u"指数 v4"_s)));
        // The store now holds a newer commercial model and a knowledge model; the park index document
        // was deleted on the server.
        QCOMPARE(ModelRegistry::replaceSynced(
                     {{u"enterprise-commercial"_s, shippedWith(ShippedModels::commercialPath(), 3, u"v3"_s)},
                      {u"enterprise-knowledge"_s, shippedWith(ShippedModels::knowledgePath(), 2, u"知识 v2"_s)}}),
                 0);
        QCOMPARE(ModelRegistry::commercial()->info().name, u"v3"_s);
        QCOMPARE(ModelRegistry::knowledge()->info().name, u"知识 v2"_s);
        QCOMPARE(ModelRegistry::syncedVersion(u"park-credit-index"_s), 0);
        QCOMPARE(ModelRegistry::parkIndex()->info().version, 1); // the shipped one again
        QCOMPARE(ModelRegistry::parkIndex()->info().name, ShippedModels::parkIndex()->info().name);

        // An invalid document keeps the model installed before under its id; the others are replaced.
        QJsonObject broken = fileObject(ShippedModels::commercialPath());
        broken.insert(u"version"_s, 4);
        broken.insert(u"scaling"_s, u"none"_s);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"^A scoring model received by sync is ignored: .*scaling"_s));
        QCOMPARE(ModelRegistry::replaceSynced({{u"enterprise-commercial"_s, bytes(broken)}}), 1);
        QCOMPARE(ModelRegistry::commercial()->info().name, u"v3"_s);
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-knowledge"_s), 0);

        QCOMPARE(ModelRegistry::replaceSynced({}), 0);
        QCOMPARE(ModelRegistry::syncedVersion(u"enterprise-commercial"_s), 0);
        QCOMPARE(ModelRegistry::commercial()->info().version, 1);
    }

    void clearGoesBackToShipped()
    {
        QVERIFY(ModelRegistry::installSynced(shippedWith(ShippedModels::commercialPath(), 2, u"v2"_s)));
        ModelRegistry::clearSynced();
        QCOMPARE(ModelRegistry::commercial()->info().version, 1);
    }
};

QTEST_GUILESS_MAIN(tst_ModelRegistry)
#include "tst_modelregistry.moc"
