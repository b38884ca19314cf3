// Synced reference documents in the local store (ReferenceDocRepository): reads of live rows by kind
// and name, and installSyncedCalendar() handing the synced holiday calendar to Core::WorkCalendar.
#include "core/workcalendar.h"
#include "store/database.h"
#include "store/referencedocrepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace XinDai;
using Store::ReferenceDocRepository;

namespace {

QByteArray builtinCalendar(int version)
{
    QFile file(u":/xindai/calendar/holidays-cn.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(u"version"_s, version);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ReferenceDocs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store::Database m_db;

    bool insert(const QString &id, qint64 version, const QString &kind, const QString &name,
                const QByteArray &content, bool deleted = false)
    {
        QSqlQuery q(m_db.sql());
        q.prepare(u"INSERT OR REPLACE INTO reference_doc (id, version, deleted, kind, name, content) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &v : {QVariant(id), QVariant(version), QVariant(deleted ? 1 : 0), QVariant(kind),
                                  QVariant(name), QVariant(QString::fromUtf8(content))})
            q.addBindValue(v);
        return q.exec();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("XINDAI_HOLIDAYS");
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_db.open(m_dir.filePath(u"local.db"_s), &error), qPrintable(error));
    }

    void emptyStore()
    {
        const ReferenceDocRepository docs(m_db);
        QVERIFY(!docs.referenceDoc(u"holiday_calendar"_s, u"holidays-cn"_s));
        QVERIFY(docs.referenceDocs(u"scoring_model"_s).isEmpty());
        QVERIFY(!docs.installSyncedCalendar());
        QCOMPARE(Core::WorkCalendar::instance().version(), Core::WorkCalendar::builtin().version());
    }

    void readsLiveRows()
    {
        QVERIFY(insert(u"00000000-0000-4000-8000-000000000001"_s, 11, u"scoring_model"_s, u"b-model"_s,
                       R"({"id":"b-model"})"));
        QVERIFY(insert(u"00000000-0000-4000-8000-000000000002"_s, 12, u"scoring_model"_s, u"a-model"_s,
                       R"({"id":"a-model"})"));
        QVERIFY(insert(u"00000000-0000-4000-8000-000000000003"_s, 13, u"scoring_model"_s, u"gone"_s,
                       R"({"id":"gone"})", true));
        const ReferenceDocRepository docs(m_db);
        const QVector<Store::ReferenceDoc> models
            = docs.referenceDocs(ReferenceDocRepository::scoringModelKind());
        QCOMPARE(models.size(), 2);
        QCOMPARE(models.at(0).name, u"a-model"_s);
        QCOMPARE(models.at(0).version, 12);
        QCOMPARE(models.at(0).id, u"00000000-0000-4000-8000-000000000002"_s);
        QCOMPARE(models.at(0).content, QByteArray(R"({"id":"a-model"})"));
        QCOMPARE(models.at(1).name, u"b-model"_s);
        const std::optional<Store::ReferenceDoc> b = docs.referenceDoc(u"scoring_model"_s, u"b-model"_s);
        QVERIFY(b);
        QCOMPARE(b->kind, u"scoring_model"_s);
        QCOMPARE(b->version, 11);
        QVERIFY(!docs.referenceDoc(u"scoring_model"_s, u"gone"_s)); // tombstone
        QVERIFY(!docs.referenceDoc(u"holiday_calendar"_s, u"b-model"_s));
    }

    void installsNewerCalendar()
    {
        const int builtin = Core::WorkCalendar::builtin().version();
        const QString id = u"00000000-0000-4000-8000-0000000000c1"_s;
        const ReferenceDocRepository docs(m_db);
        // Not newer than the built-in calendar: offered, but not used.
        QVERIFY(insert(id, 20, u"holiday_calendar"_s, u"holidays-cn"_s, builtinCalendar(builtin)));
        QVERIFY(docs.installSyncedCalendar());
        QCOMPARE(Core::WorkCalendar::instance().version(), builtin);
        // Newer: used.
        QVERIFY(insert(id, 21, u"holiday_calendar"_s, u"holidays-cn"_s, builtinCalendar(builtin + 1)));
        QVERIFY(docs.installSyncedCalendar());
        QCOMPARE(Core::WorkCalendar::instance().version(), builtin + 1);
        // Invalid: ignored with a warning, the newer one stays.
        QVERIFY(insert(id, 22, u"holiday_calendar"_s, u"holidays-cn"_s, R"({"schema": 2})"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"holiday calendar received by sync is ignored.*schema 2"_s));
        QVERIFY(!docs.installSyncedCalendar());
        QCOMPARE(Core::WorkCalendar::instance().version(), builtin + 1);
        // Deleted on the server (a tombstone): forgotten, the built-in calendar is used again.
        QVERIFY(insert(id, 23, u"holiday_calendar"_s, u"holidays-cn"_s, QByteArray(), true));
        QVERIFY(!docs.installSyncedCalendar());
        QCOMPARE(Core::WorkCalendar::instance().version(), builtin);
    }
};

QTEST_GUILESS_MAIN(tst_ReferenceDocs)
#include "tst_referencedocs.moc"
