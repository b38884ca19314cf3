// The holiday calendar delivered by sync (WorkCalendar::setSynced): used by instance() only when its
// version is higher than the file or built-in calendar's, invalid documents ignored with a warning,
// references handed out before stay valid, concurrent readers while a calendar is installed.
#include "core/workcalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using XinDai::Core::WorkCalendar;

namespace {

const QDate extraDay(2026, 11, 27); // a Friday, a working day in the built-in calendar

/// The built-in calendar file with \a version and, when \a withExtra, one more 2026 holiday on extraDay.
QByteArray builtinWith(int version, bool withExtra)
{
    QFile file(u":/xindai/calendar/holidays-cn.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(u"version"_s, version);
    if (withExtra) {
        QJsonArray years = root.value(u"years"_s).toArray();
        for (qsizetype i = 0; i < years.size(); ++i) {
            QJsonObject year = years.at(i).toObject();
            if (year.value(u"year"_s).toInt() != 2026)
                continue;
            QJsonArray holidays = year.value(u"holidays"_s).toArray();
            holidays.append(QJsonObject{{u"name"_s, u"同步测试日"_s},
                                        {u"from"_s, extraDay.toString(Qt::ISODate)},
                                        {u"to"_s, extraDay.toString(Qt::ISODate)}});
            year.insert(u"holidays"_s, holidays);
            years.replace(i, year);
        }
        root.insert(u"years"_s, years);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_SyncedCalendar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { WorkCalendar::clearSynced(); }
    void baseIsBuiltin();
    void newerSyncedIsUsed();
    void olderOrEqualSyncedIsNot();
    void invalidSyncedKeepsPrevious_data();
    void invalidSyncedKeepsPrevious();
    void laterSyncedReplacesEarlier();
    void clearGoesBackToBase();
    void concurrentReaders();
};

void tst_SyncedCalendar::initTestCase()
{
    // No local file, no environment override: the base calendar is the built-in one.
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("XINDAI_HOLIDAYS");
    QVERIFY(!builtinWith(1, false).isEmpty());
}

void tst_SyncedCalendar::baseIsBuiltin()
{
    QCOMPARE(WorkCalendar::instance().version(), WorkCalendar::builtin().version());
    QVERIFY(WorkCalendar::instance().isWorkday(extraDay));
}

void tst_SyncedCalendar::newerSyncedIsUsed()
{
    const WorkCalendar &before = WorkCalendar::instance();
    const int builtinVersion = WorkCalendar::builtin().version();
    QString error = u"stale"_s;
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion + 1, true), &error));
    QVERIFY(error.isEmpty());
    const WorkCalendar &now = WorkCalendar::instance();
    QCOMPARE(now.version(), builtinVersion + 1);
    QCOMPARE(now.holidayName(extraDay), u"同步测试日"_s);
    QVERIFY(!now.isWorkday(extraDay));
    QCOMPARE(now.addWorkdays(extraDay.addDays(-1), 1), extraDay.addDays(3)); // Thu → the next Monday
    // The rest of the calendar is the built-in data.
    QCOMPARE(now.holidayName(QDate(2026, 10, 1)), u"国庆节"_s);
    // A reference taken before stays valid and unchanged.
    QCOMPARE(before.version(), builtinVersion);
    QVERIFY(before.isWorkday(extraDay));
}

void tst_SyncedCalendar::olderOrEqualSyncedIsNot()
{
    const int builtinVersion = WorkCalendar::builtin().version();
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion, true)));
    QCOMPARE(WorkCalendar::instance().version(), builtinVersion);
    QVERIFY(WorkCalendar::instance().isWorkday(extraDay));
    QVERIFY(WorkCalendar::setSynced(builtinWith(3, true)));
    QCOMPARE(WorkCalendar::instance().version(), builtinVersion);
    QVERIFY(WorkCalendar::instance().holidayName(extraDay).isEmpty());
}

void tst_SyncedCalendar::invalidSyncedKeepsPrevious_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mention");
    const int newer = WorkCalendar::builtin().version() + 5;
    QTest::newRow("not json") << QByteArray("{\"schema\": 1,") << u"not valid JSON"_s;
    QTest::newRow("no version") << QByteArray(R"({"schema": 1, "years": []})") << u"\"version\""_s;
    QByteArray weekdayWorkday = builtinWith(newer, false);
    weekdayWorkday.replace("\"date\":\"2026-01-04\"", "\"date\":\"2026-01-05\""); // a Monday
    QTest::newRow("working day on a weekday") << weekdayWorkday << u"2026-01-05 is a weekday"_s;
}

void tst_SyncedCalendar::invalidSyncedKeepsPrevious()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mention);
    const int builtinVersion = WorkCalendar::builtin().version();
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion + 1, true)));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^The holiday calendar received by sync is ignored: .*"_s
                                            + QRegularExpression::escape(mention)));
    QString error;
    QVERIFY(!WorkCalendar::setSynced(json, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QCOMPARE(WorkCalendar::instance().version(), builtinVersion + 1);
    QCOMPARE(WorkCalendar::instance().holidayName(extraDay), u"同步测试日"_s);
}

void tst_SyncedCalendar::laterSyncedReplacesEarlier()
{
    const int builtinVersion = WorkCalendar::builtin().version();
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion + 2, true)));
    const WorkCalendar &first = WorkCalendar::instance();
    // The same document again: nothing new.
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion + 2, true)));
    QCOMPARE(&WorkCalendar::instance(), &first);
    // The server's next document (here without the extra day) replaces it.
    QVERIFY(WorkCalendar::setSynced(builtinWith(builtinVersion + 3, false)));
    QCOMPARE(WorkCalendar::instance().version(), builtinVersion + 3);
    QVERIFY(WorkCalendar::instance().isWorkday(extraDay));
    QCOMPARE(first.version(), builtinVersion + 2); // still alive
}

void tst_SyncedCalendar::clearGoesBackToBase()
{
    QVERIFY(WorkCalendar::setSynced(builtinWith(WorkCalendar::builtin().version() + 1, true)));
    WorkCalendar::clearSynced();
    QCOMPARE(WorkCalendar::instance().version(), WorkCalendar::builtin().version());
    QVERIFY(WorkCalendar::instance().isWorkday(extraDay));
}

void tst_SyncedCalendar::concurrentReaders()
{
    const int builtinVersion = WorkCalendar::builtin().version();
    const QByteArray withExtra = builtinWith(builtinVersion + 10, true);
    const QByteArray without = builtinWith(builtinVersion + 11, false);
    std::atomic<bool> stop{false};
    std::atomic<int> badReads{0};
    auto reader = [&] {
        while (!stop.load()) {
            const WorkCalendar &c = WorkCalendar::instance();
            // Each calendar is consistent in itself: the extra day is a holiday exactly in the one
            // that has it.
            const bool holiday = !c.holidayName(extraDay).isEmpty();
            if (holiday == c.isWorkday(extraDay) || holiday != (c.version() == builtinVersion + 10))
                ++badReads;
        }
    };
    std::thread a(reader);
    std::thread b(reader);
    for (int i = 0; i < 200; ++i)
        QVERIFY(WorkCalendar::setSynced(i % 2 ? withExtra : without));
    stop = true;
    a.join();
    b.join();
    QCOMPARE(badReads.load(), 0);
    QCOMPARE(WorkCalendar::instance().version(), builtinVersion + 10);
}

QTEST_GUILESS_MAIN(tst_SyncedCalendar)
#include "tst_syncedcalendar.moc"
