#include "core/workcalendar.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using XinDai::Core::WorkCalendar;

namespace {

QDate iso(const char *text)
{
    return QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
}

// A small valid file; the invalid cases below each break one thing in it.
QByteArray validJson(const QByteArray &holidays, const QByteArray &workdays, int year = 2024)
{
    return R"({"schema": 1, "version": 7, "years": [{"year": )" + QByteArray::number(year)
           + R"(, "holidays": [)" + holidays + R"(], "workdays": [)" + workdays + "]}]}";
}

} // namespace

class tst_WorkCalendar : public QObject
{
    Q_OBJECT

private slots:
    void instanceFromEnvironment();
    void builtinData();
    void adjustedDaysAreWeekends_data();
    void adjustedDaysAreWeekends();
    void isWorkday_data();
    void isWorkday();
    void addWorkdays_data();
    void addWorkdays();
    void workdaysBetween_data();
    void workdaysBetween();
    void identity();
    void brokenFiles_data();
    void brokenFiles();
    void fromFileErrors();
    void emptyCalendar();
};

void tst_WorkCalendar::instanceFromEnvironment()
{
    // Runs first: instance() loads once per process, and $XINDAI_HOLIDAYS wins over everything else.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"h.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(validJson(R"({"name": "测试节", "from": "2030-03-05", "to": "2030-03-05"})", "", 2030));
    file.close();
    qputenv("XINDAI_HOLIDAYS", QFile::encodeName(path));
    const WorkCalendar &calendar = WorkCalendar::instance();
    qunsetenv("XINDAI_HOLIDAYS");
    QCOMPARE(calendar.version(), 7);
    QCOMPARE(calendar.years(), QList<int>{2030});
    QCOMPARE(calendar.holidayName(iso("2030-03-05")), u"测试节"_s);
    QCOMPARE(&WorkCalendar::instance(), &calendar); // loaded once
}

void tst_WorkCalendar::builtinData()
{
    const WorkCalendar c = WorkCalendar::builtin();
    QCOMPARE(c.years(), (QList<int>{2024, 2025, 2026}));
    QCOMPARE(c.version(), 2026001);
    QVERIFY(c.covers(2025));
    QVERIFY(!c.covers(2023));
    QVERIFY(!c.covers(2027));

    // Working days per year = weekdays − holidays falling on weekdays + adjusted working weekends:
    // 2024: 262 − 19 + 8 = 251; 2025: 261 − 18 + 5 = 248; 2026: 261 − 19 + 6 = 248.
    QCOMPARE(c.workdaysBetween(iso("2023-12-31"), iso("2024-12-31")), 251);
    QCOMPARE(c.workdaysBetween(iso("2024-12-31"), iso("2025-12-31")), 248);
    QCOMPARE(c.workdaysBetween(iso("2025-12-31"), iso("2026-12-31")), 248);

    // Every date flagged as adjusted must be a weekend day and a working day; every holiday date is off.
    int adjusted = 0;
    int holidays = 0;
    for (QDate d = iso("2023-12-01"); d <= iso("2027-01-31"); d = d.addDays(1)) {
        if (!c.adjustedWorkdayFor(d).isEmpty()) {
            ++adjusted;
            QVERIFY2(d.dayOfWeek() >= Qt::Saturday, qPrintable(d.toString(Qt::ISODate)));
            QVERIFY(c.isWorkday(d));
            QVERIFY(c.holidayName(d).isEmpty());
        }
        if (!c.holidayName(d).isEmpty()) {
            ++holidays;
            QVERIFY(!c.isWorkday(d));
        }
    }
    // 8 + 5 + 6 adjusted days; holiday calendar days 28 + 28 + 33 (weekends inside the ranges included).
    QCOMPARE(adjusted, 19);
    QCOMPARE(holidays, 89);
}

void tst_WorkCalendar::adjustedDaysAreWeekends_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("dayOfWeek");
    QTest::addColumn<QString>("holiday");

    // Each row restates the State Council notice ("2月4日（星期日）上班"): QDate confirms the weekday.
    QTest::newRow("2024 春节 before") << iso("2024-02-04") << int(Qt::Sunday) << u"春节"_s;
    QTest::newRow("2024 春节 after") << iso("2024-02-18") << int(Qt::Sunday) << u"春节"_s;
    QTest::newRow("2024 清明") << iso("2024-04-07") << int(Qt::Sunday) << u"清明节"_s;
    QTest::newRow("2024 劳动节 before") << iso("2024-04-28") << int(Qt::Sunday) << u"劳动节"_s;
    QTest::newRow("2024 劳动节 after") << iso("2024-05-11") << int(Qt::Saturday) << u"劳动节"_s;
    QTest::newRow("2024 中秋") << iso("2024-09-14") << int(Qt::Saturday) << u"中秋节"_s;
    QTest::newRow("2024 国庆 before") << iso("2024-09-29") << int(Qt::Sunday) << u"国庆节"_s;
    QTest::newRow("2024 国庆 after") << iso("2024-10-12") << int(Qt::Saturday) << u"国庆节"_s;
    QTest::newRow("2025 春节 before") << iso("2025-01-26") << int(Qt::Sunday) << u"春节"_s;
    QTest::newRow("2025 春节 after") << iso("2025-02-08") << int(Qt::Saturday) << u"春节"_s;
    QTest::newRow("2025 劳动节") << iso("2025-04-27") << int(Qt::Sunday) << u"劳动节"_s;
    QTest::newRow("2025 国庆 before") << iso("2025-09-28") << int(Qt::Sunday) << u"国庆节、中秋节"_s;
    QTest::newRow("2025 国庆 after") << iso("2025-10-11") << int(Qt::Saturday) << u"国庆节、中秋节"_s;
    QTest::newRow("2026 元旦") << iso("2026-01-04") << int(Qt::Sunday) << u"元旦"_s;
    QTest::newRow("2026 春节 before") << iso("2026-02-14") << int(Qt::Saturday) << u"春节"_s;
    QTest::newRow("2026 春节 after") << iso("2026-02-28") << int(Qt::Saturday) << u"春节"_s;
    QTest::newRow("2026 劳动节") << iso("2026-05-09") << int(Qt::Saturday) << u"劳动节"_s;
    QTest::newRow("2026 国庆 before") << iso("2026-09-20") << int(Qt::Sunday) << u"国庆节"_s;
    QTest::newRow("2026 国庆 after") << iso("2026-10-10") << int(Qt::Saturday) << u"国庆节"_s;
}

void tst_WorkCalendar::adjustedDaysAreWeekends()
{
    QFETCH(QDate, date);
    QFETCH(int, dayOfWeek);
    QFETCH(QString, holiday);
    const WorkCalendar c = WorkCalendar::builtin();
    QCOMPARE(date.dayOfWeek(), dayOfWeek);
    QVERIFY(c.isWorkday(date));
    QCOMPARE(c.adjustedWorkdayFor(date), holiday);
    QCOMPARE(c.holidayName(date), QString());
}

void tst_WorkCalendar::isWorkday_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("workday");
    QTest::addColumn<QString>("holiday");

    QTest::newRow("元旦 2024, Monday") << iso("2024-01-01") << false << u"元旦"_s;
    // 除夕 2024-02-09 (Friday) is only "encouraged" as leave: officially a working day.
    QTest::newRow("除夕 2024, Friday") << iso("2024-02-09") << true << QString();
    QTest::newRow("春节 2024, Saturday") << iso("2024-02-10") << false << u"春节"_s;
    QTest::newRow("春节 2024, Monday") << iso("2024-02-12") << false << u"春节"_s;
    QTest::newRow("春节 2024 last day, Saturday") << iso("2024-02-17") << false << u"春节"_s;
    QTest::newRow("after 春节, Monday") << iso("2024-02-19") << true << QString();
    QTest::newRow("plain Saturday") << iso("2024-02-24") << false << QString();
    QTest::newRow("端午 2024, Monday") << iso("2024-06-10") << false << u"端午节"_s;
    QTest::newRow("国庆 2024, Monday") << iso("2024-10-07") << false << u"国庆节"_s;
    QTest::newRow("国庆+中秋 2025 8th day, Wednesday") << iso("2025-10-08") << false << u"国庆节、中秋节"_s;
    QTest::newRow("元旦 2026, Saturday") << iso("2026-01-03") << false << u"元旦"_s;
    QTest::newRow("春节 2026 last day, Monday") << iso("2026-02-23") << false << u"春节"_s;
    QTest::newRow("端午 2026, Friday") << iso("2026-06-19") << false << u"端午节"_s;
    // Uncovered years follow the plain rule: 2023-10-02 was really a holiday, but 2023 is not in the data.
    QTest::newRow("uncovered Monday") << iso("2023-10-02") << true << QString();
    QTest::newRow("uncovered Friday") << iso("2027-01-01") << true << QString();
    QTest::newRow("uncovered Saturday") << iso("2027-01-02") << false << QString();
    QTest::newRow("invalid date") << QDate() << false << QString();
}

void tst_WorkCalendar::isWorkday()
{
    QFETCH(QDate, date);
    QFETCH(bool, workday);
    QFETCH(QString, holiday);
    const WorkCalendar c = WorkCalendar::builtin();
    QCOMPARE(c.isWorkday(date), workday);
    QCOMPARE(c.holidayName(date), holiday);
}

void tst_WorkCalendar::addWorkdays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("n");
    QTest::addColumn<QDate>("expected");

    // 2024-09-27 Fri: 9/28 Sat off, 9/29 Sun adjusted working day (1st), 9/30 Mon (2nd),
    // 10/1–10/7 国庆 off, 10/8 Tue (3rd).
    QTest::newRow("国庆 2024, 1") << iso("2024-09-27") << 1 << iso("2024-09-29");
    QTest::newRow("国庆 2024, 2") << iso("2024-09-27") << 2 << iso("2024-09-30");
    QTest::newRow("国庆 2024, 3") << iso("2024-09-27") << 3 << iso("2024-10-08");
    // From inside the holiday: 10/8 Tue is the first working day after 10/3.
    QTest::newRow("from a holiday") << iso("2024-10-03") << 1 << iso("2024-10-08");
    // n = 0 returns the date itself even when it is a holiday.
    QTest::newRow("zero on holiday") << iso("2024-10-01") << 0 << iso("2024-10-01");
    // 2024-02-08 Thu: 2/9 Fri works (1st); 2/10–2/17 春节; 2/18 Sun adjusted (2nd); 2/19 Mon (3rd).
    QTest::newRow("春节 2024, 1") << iso("2024-02-08") << 1 << iso("2024-02-09");
    QTest::newRow("春节 2024, 2") << iso("2024-02-08") << 2 << iso("2024-02-18");
    QTest::newRow("春节 2024, 3") << iso("2024-02-08") << 3 << iso("2024-02-19");
    // 2025-01-24 Fri: 1/25 Sat off, 1/26 Sun adjusted (1st), 1/27 Mon (2nd), 1/28–2/4 off, 2/5 Wed (3rd).
    QTest::newRow("春节 2025, 2") << iso("2025-01-24") << 2 << iso("2025-01-27");
    QTest::newRow("春节 2025, 3") << iso("2025-01-24") << 3 << iso("2025-02-05");
    // Across the year end: 2025-12-31 Wed; 2026-01-01–01-03 元旦; 1/4 Sun adjusted (1st); 1/5 Mon (2nd).
    QTest::newRow("across years") << iso("2025-12-31") << 2 << iso("2026-01-05");
    // 2026-02-13 Fri: 2/14 Sat adjusted (1st); 2/15–2/23 off; 2/24 Tue (2nd).
    QTest::newRow("春节 2026, 2") << iso("2026-02-13") << 2 << iso("2026-02-24");
    // Into an uncovered year: 2027-01-01 Fri counts under the plain rule.
    QTest::newRow("into uncovered") << iso("2026-12-31") << 1 << iso("2027-01-01");
    // Backwards: strictly before 2024-10-08 Tue: 10/1–10/7 off, 9/30 Mon (1st), 9/29 Sun adjusted (2nd),
    // 9/28 Sat off, 9/27 Fri (3rd).
    QTest::newRow("back 1") << iso("2024-10-08") << -1 << iso("2024-09-30");
    QTest::newRow("back 2") << iso("2024-10-08") << -2 << iso("2024-09-29");
    QTest::newRow("back 3") << iso("2024-10-08") << -3 << iso("2024-09-27");
    // The 10-working-day deadline after accepting on 2024-09-26 Thu: 9/27 (1), 9/29 (2), 9/30 (3),
    // 10/8 (4), 10/9 (5), 10/10 (6), 10/11 (7), 10/12 Sat adjusted (8), 10/14 Mon (9), 10/15 Tue (10).
    QTest::newRow("10 working days") << iso("2024-09-26") << 10 << iso("2024-10-15");
    QTest::newRow("invalid") << QDate() << 3 << QDate();
    // The most negative int must not overflow when negated: it simply runs off the start of the calendar.
    // Steps beyond 1,000,000 working days are refused rather than walked (INT_MIN must not overflow either).
    QTest::newRow("INT_MIN") << iso("2024-01-01") << std::numeric_limits<int>::min() << QDate();
    QTest::newRow("too far") << iso("2024-01-01") << 1000001 << QDate();
}

void tst_WorkCalendar::addWorkdays()
{
    QFETCH(QDate, from);
    QFETCH(int, n);
    QFETCH(QDate, expected);
    QCOMPARE(WorkCalendar::builtin().addWorkdays(from, n), expected);
}

void tst_WorkCalendar::workdaysBetween_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("expected");

    // (9/27, 10/8] holds 9/29, 9/30, 10/8.
    QTest::newRow("国庆 2024") << iso("2024-09-27") << iso("2024-10-08") << 3;
    QTest::newRow("reversed") << iso("2024-10-08") << iso("2024-09-27") << -3;
    QTest::newRow("same day") << iso("2024-05-06") << iso("2024-05-06") << 0;
    // (9/30, 10/7] is all holiday.
    QTest::newRow("inside holiday") << iso("2024-09-30") << iso("2024-10-07") << 0;
    // (Fri, Mon] in a plain week: Monday only.
    QTest::newRow("weekend") << iso("2024-03-08") << iso("2024-03-11") << 1;
    QTest::newRow("invalid") << QDate() << iso("2024-03-11") << 0;
    // A century: 26,089 Monday–Fridays in (2000-01-01, 2099-12-31] (proleptic Gregorian count), minus the
    // 19 + 18 + 19 holidays on weekdays of 2024–2026, plus the 19 adjusted weekends: 26,052.
    QTest::newRow("century") << iso("2000-01-01") << iso("2099-12-31") << 26052;
    // The whole four-digit range: 2,608,614 weekdays − 56 + 19, computed without walking 3.6 million days.
    QTest::newRow("years 1 to 9999") << QDate(1, 1, 1) << QDate(9999, 12, 31) << 2608577;
    QTest::newRow("years 9999 to 1") << QDate(9999, 12, 31) << QDate(1, 1, 1) << -2608577;
}

void tst_WorkCalendar::workdaysBetween()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, expected);
    QCOMPARE(WorkCalendar::builtin().workdaysBetween(from, to), expected);
}

void tst_WorkCalendar::identity()
{
    // workdaysBetween(d, addWorkdays(d, n)) == n for n ≥ 0 and every start day, holidays included; for n < 0
    // it holds when d itself is a working day (d is then the first day of the counted range).
    const WorkCalendar c = WorkCalendar::builtin();
    for (QDate d = iso("2023-12-20"); d <= iso("2027-01-10"); d = d.addDays(3)) {
        for (int n = 0; n <= 25; n += 1) {
            const QDate forward = c.addWorkdays(d, n);
            QCOMPARE(c.workdaysBetween(d, forward), n);
            QVERIFY(n == 0 || c.isWorkday(forward));
            if (c.isWorkday(d))
                QCOMPARE(c.workdaysBetween(d, c.addWorkdays(d, -n)), -n);
        }
    }
    // The longest allowed step: addWorkdays walks day by day, workdaysBetween counts arithmetically, so
    // the two implementations check each other across 3,800 years.
    const QDate far = c.addWorkdays(iso("2024-01-01"), 1000000);
    QVERIFY(far.isValid());
    QCOMPARE(c.workdaysBetween(iso("2024-01-01"), far), 1000000);
    // Backwards the identity needs a working start day: 2024-01-01 is 元旦, 2024-01-02 (Tuesday) works.
    const QDate back = c.addWorkdays(iso("2024-01-02"), -1000000);
    QCOMPARE(c.workdaysBetween(iso("2024-01-02"), back), -1000000);
    QCOMPARE(c.workdaysBetween(iso("2024-01-01"), c.addWorkdays(iso("2024-01-01"), -1000000)), -999999);
}

void tst_WorkCalendar::brokenFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("fragments");

    const QByteArray goodHoliday = R"({"name": "国庆节", "from": "2024-10-01", "to": "2024-10-07"})";
    QTest::newRow("not json") << QByteArray("{\"schema\": 1,") << QStringList{u"not valid JSON"_s};
    QTest::newRow("array") << QByteArray("[]") << QStringList{u"JSON object"_s};
    QTest::newRow("schema 2") << QByteArray(R"({"schema": 2, "version": 1, "years": []})")
                              << QStringList{u"schema 2"_s};
    QTest::newRow("no version") << QByteArray(R"({"schema": 1, "years": []})")
                                << QStringList{u"\"version\""_s};
    QTest::newRow("no years") << QByteArray(R"({"schema": 1, "version": 1, "years": []})")
                              << QStringList{u"\"years\""_s};
    // 30 February does not exist.
    QTest::newRow("bad holiday date")
        << validJson(R"({"name": "春节", "from": "2024-02-30", "to": "2024-03-01"})", "")
        << QStringList{u"year 2024, holiday 1 (\"春节\")"_s, u"2024-02-30"_s};
    QTest::newRow("not iso") << validJson(R"({"name": "春节", "from": "2024/02/10", "to": "2024-02-17"})", "")
                             << QStringList{u"holiday 1"_s, u"2024/02/10"_s};
    QTest::newRow("ends before start")
        << validJson(R"({"name": "春节", "from": "2024-02-17", "to": "2024-02-10"})", "")
        << QStringList{u"holiday 1"_s, u"ends (2024-02-10) before it starts (2024-02-17)"_s};
    QTest::newRow("wrong year") << validJson(R"({"name": "春节", "from": "2025-02-10", "to": "2025-02-17"})",
                                             "")
                                << QStringList{u"holiday 1"_s, u"do not belong to year 2024"_s};
    QTest::newRow("no name") << validJson(R"({"from": "2024-02-10", "to": "2024-02-17"})", "")
                             << QStringList{u"holiday 1"_s, u"no name"_s};
    // The second holiday's 10/7 is already the first one's last day.
    QTest::newRow("overlap") << validJson(
        goodHoliday + R"(, {"name": "重阳", "from": "2024-10-07", "to": "2024-10-08"})", "")
                             << QStringList{u"year 2024, holiday 2 (\"重阳\")"_s,
                                            u"overlaps year 2024, holiday 1 (\"国庆节\") on 2024-10-07"_s};
    // 2024-10-09 is a Wednesday: it is a working day anyway, so declaring it one is a data error.
    QTest::newRow("workday on weekday")
        << validJson(goodHoliday, R"({"date": "2024-10-09", "holiday": "国庆节"})")
        << QStringList{u"year 2024, working day 1 (2024-10-09)"_s, u"Saturday or Sunday"_s};
    // 2024-10-05 is a Saturday, but inside 国庆节.
    QTest::newRow("workday inside holiday")
        << validJson(goodHoliday, R"({"date": "2024-10-05", "holiday": "国庆节"})")
        << QStringList{u"working day 1 (2024-10-05)"_s, u"falls inside year 2024, holiday 1"_s};
    QTest::newRow("workday bad date")
        << validJson(goodHoliday, R"({"date": "2024-13-01", "holiday": "国庆节"})")
        << QStringList{u"working day 1 (2024-13-01)"_s, u"YYYY-MM-DD"_s};
    // 2024-10-12 is a Saturday, but no holiday called 春节 exists in this file's 2024.
    QTest::newRow("workday unknown holiday")
        << validJson(goodHoliday, R"({"date": "2024-10-12", "holiday": "春节"})")
        << QStringList{u"working day 1 (2024-10-12)"_s, u"\"春节\" is not a holiday of year 2024"_s};
    QTest::newRow("workday no holiday") << validJson(goodHoliday, R"({"date": "2024-10-12"})")
                                        << QStringList{u"working day 1"_s, u"does not name the holiday"_s};
    QTest::newRow("workday twice") << validJson(
        goodHoliday,
        R"({"date": "2024-10-12", "holiday": "国庆节"}, {"date": "2024-10-12", "holiday": "国庆节"})")
                                   << QStringList{u"working day 2 (2024-10-12)"_s, u"twice"_s};
    QTest::newRow("duplicate year") << QByteArray(
        R"({"schema": 1, "version": 1, "years": [{"year": 2024}, {"year": 2024}]})")
                                    << QStringList{u"Year 2024 appears twice"_s};
    QTest::newRow("bad year") << QByteArray(R"({"schema": 1, "version": 1, "years": [{"year": "2024"}]})")
                              << QStringList{u"Entry 1"_s, u"\"year\""_s};
}

void tst_WorkCalendar::brokenFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, fragments);
    QString error;
    const WorkCalendar c = WorkCalendar::fromJson(json, &error);
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(error.contains(fragment), qPrintable(error));
    // A broken file loads nothing at all, so no half-applied data.
    QVERIFY(c.years().isEmpty());
    QCOMPARE(c.version(), 0);
}

void tst_WorkCalendar::fromFileErrors()
{
    QString error;
    WorkCalendar c = WorkCalendar::fromFile(u"/nonexistent/holidays.json"_s, &error);
    QVERIFY2(error.contains(u"/nonexistent/holidays.json"_s), qPrintable(error));
    QVERIFY(c.years().isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(validJson(R"({"name": "劳动节", "from": "2024-05-01", "to": "2024-05-05"})",
                         R"({"date": "2024-05-06", "holiday": "劳动节"})"));
    file.close();
    c = WorkCalendar::fromFile(path, &error);
    QVERIFY2(error.startsWith(path), qPrintable(error));
    QVERIFY2(error.contains(u"working day 1 (2024-05-06)"_s), qPrintable(error));

    // A good file clears a previous error.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(validJson(R"({"name": "劳动节", "from": "2024-05-01", "to": "2024-05-05"})",
                         R"({"date": "2024-05-11", "holiday": "劳动节"})"));
    file.close();
    c = WorkCalendar::fromFile(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(c.isWorkday(iso("2024-05-11")));
    QVERIFY(!c.isWorkday(iso("2024-05-02")));
}

void tst_WorkCalendar::emptyCalendar()
{
    // No data: Monday–Friday work, weekends off.
    const WorkCalendar c;
    QVERIFY(c.isWorkday(iso("2024-10-01")));
    QVERIFY(!c.isWorkday(iso("2024-09-29")));
    QCOMPARE(c.addWorkdays(iso("2024-09-27"), 1), iso("2024-09-30"));
    QVERIFY(!c.covers(2024));
}

QTEST_GUILESS_MAIN(tst_WorkCalendar)
#include "tst_workcalendar.moc"
