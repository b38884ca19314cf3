#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// Runs the built `xindai-cli calendar …` and checks its exact output and exit code.
class TestCliCalendar : public QObject
{
    Q_OBJECT

private slots:
    void run_data();
    void run();
    void holidayFileOverride();
};

namespace {

struct Run
{
    int exitCode = -1;
    QStringList lines;
    QString standardError;
};

Run runCli(const QStringList &args, const QString &holidaysFile)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Pin the calendar to a known file, so a user's own AppData override cannot change the answers.
    env.insert(u"XINDAI_HOLIDAYS"_s, holidaysFile);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(XINDAI_CLI), QStringList{u"calendar"_s} + args);
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(20000)
        || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.standardError = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString builtinFile()
{
    return QStringLiteral(XINDAI_SOURCE_DIR "/resources/calendar/holidays-cn.json");
}

} // namespace

void TestCliCalendar::run_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<int>("expectedExit");
    QTest::addColumn<QString>("errorFragment");

    // 9/27 Fri works; 9/28 Sat off; 9/29 Sun is an adjusted working day (no holiday name: it is not a
    // holiday); 9/30 Mon works; 10/1–10/2 are 国庆节.
    QTest::newRow("days around 国庆 2024")
        << QStringList{u"days"_s, u"2024-09-27"_s, u"2024-10-02"_s}
        << QStringList{u"2024-09-27\t1\t"_s, u"2024-09-28\t0\t"_s,       u"2024-09-29\t1\t"_s,
                       u"2024-09-30\t1\t"_s, u"2024-10-01\t0\t国庆节"_s, u"2024-10-02\t0\t国庆节"_s}
        << 0 << QString();
    QTest::newRow("one day") << QStringList{u"days"_s, u"2025-10-08"_s, u"2025-10-08"_s}
                             << QStringList{u"2025-10-08\t0\t国庆节、中秋节"_s} << 0 << QString();
    // 9/29 (1st), 9/30 (2nd), 10/8 (3rd): see tst_workcalendar.
    QTest::newRow("add-workdays") << QStringList{u"add-workdays"_s, u"2024-09-27"_s, u"3"_s}
                                  << QStringList{u"2024-10-08"_s} << 0 << QString();
    QTest::newRow("add-workdays backwards") << QStringList{u"add-workdays"_s, u"2024-10-08"_s, u"-3"_s}
                                            << QStringList{u"2024-09-27"_s} << 0 << QString();
    QTest::newRow("add-workdays zero") << QStringList{u"add-workdays"_s, u"2024-10-01"_s, u"0"_s}
                                       << QStringList{u"2024-10-01"_s} << 0 << QString();
    QTest::newRow("workdays-between") << QStringList{u"workdays-between"_s, u"2024-09-27"_s, u"2024-10-08"_s}
                                      << QStringList{u"3"_s} << 0 << QString();
    QTest::newRow("workdays-between reversed")
        << QStringList{u"workdays-between"_s, u"2024-10-08"_s, u"2024-09-27"_s} << QStringList{u"-3"_s} << 0
        << QString();
    // 2025: 261 weekdays − 18 holiday weekdays + 5 adjusted weekends = 248.
    QTest::newRow("working days of 2025")
        << QStringList{u"workdays-between"_s, u"2024-12-31"_s, u"2025-12-31"_s} << QStringList{u"248"_s} << 0
        << QString();

    // Usage errors: exit 2, nothing on stdout, the message names the argument.
    QTest::newRow("bad FROM") << QStringList{u"days"_s, u"2024-02-30"_s, u"2024-03-01"_s} << QStringList()
                              << 2 << u"FROM \"2024-02-30\""_s;
    QTest::newRow("bad TO") << QStringList{u"days"_s, u"2024-03-01"_s, u"tomorrow"_s} << QStringList() << 2
                            << u"TO \"tomorrow\""_s;
    QTest::newRow("TO before FROM") << QStringList{u"days"_s, u"2024-03-02"_s, u"2024-03-01"_s}
                                    << QStringList() << 2 << u"before FROM"_s;
    QTest::newRow("bad DATE") << QStringList{u"add-workdays"_s, u"20240101"_s, u"1"_s} << QStringList() << 2
                              << u"DATE \"20240101\""_s;
    QTest::newRow("bad N") << QStringList{u"add-workdays"_s, u"2024-01-01"_s, u"two"_s} << QStringList() << 2
                           << u"N \"two\""_s;
    QTest::newRow("between bad TO") << QStringList{u"workdays-between"_s, u"2024-01-01"_s, u"2024/01/05"_s}
                                    << QStringList() << 2 << u"TO \"2024/01/05\""_s;
    QTest::newRow("missing argument")
        << QStringList{u"days"_s, u"2024-01-01"_s} << QStringList() << 2 << u"FROM and TO"_s;
    QTest::newRow("unknown subcommand")
        << QStringList{u"holidays"_s} << QStringList() << 2 << u"unknown subcommand \"holidays\""_s;
    QTest::newRow("no subcommand") << QStringList() << QStringList() << 2 << u"expected a subcommand"_s;
}

void TestCliCalendar::run()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expectedLines);
    QFETCH(int, expectedExit);
    QFETCH(QString, errorFragment);
    const Run r = runCli(args, builtinFile());
    QCOMPARE(r.exitCode, expectedExit);
    QCOMPARE(r.lines, expectedLines);
    if (!errorFragment.isEmpty())
        QVERIFY2(r.standardError.contains(errorFragment), qPrintable(r.standardError));
    else
        QCOMPARE(r.standardError, QString());
}

void TestCliCalendar::holidayFileOverride()
{
    // An updated calendar takes effect without a rebuild: $XINDAI_HOLIDAYS names the file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"holidays.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema": 1, "version": 9, "years": [{"year": 2030,
        "holidays": [{"name": "测试节", "from": "2030-03-05", "to": "2030-03-05"}],
        "workdays": [{"date": "2030-03-09", "holiday": "测试节"}]}]})");
    file.close();
    // 2030-03-05 Tue is the test holiday; 2030-03-09 Sat is its adjusted working day.
    const Run r = runCli({u"days"_s, u"2030-03-04"_s, u"2030-03-05"_s}, path);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines, (QStringList{u"2030-03-04\t1\t"_s, u"2030-03-05\t0\t测试节"_s}));
    const Run next = runCli({u"add-workdays"_s, u"2030-03-04"_s, u"4"_s}, path);
    // After Mon 3/4: 3/5 holiday, 3/6 (1), 3/7 (2), 3/8 (3), 3/9 Sat adjusted (4).
    QCOMPARE(next.lines, QStringList{u"2030-03-09"_s});
}

QTEST_GUILESS_MAIN(TestCliCalendar)
#include "tst_cli_calendar.moc"
