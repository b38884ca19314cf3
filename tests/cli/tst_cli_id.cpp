#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

/// Runs the built xindai-cli as a user would: codes on stdin, lines on stdout, exit code.
class TestCliId : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
};

namespace {

struct Run
{
    int exitCode = -1;
    QStringList lines;
    QByteArray standardError;
};

Run runCli(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(XINDAI_CLI), args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    run.standardError = process.readAllStandardError();
    return run;
}

} // namespace

void TestCliId::check_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<int>("expectedExit");

    const QStringList check{u"id"_s, u"check"_s};
    // Auto-detection: 17 digits + digit/X with a real birth date is a resident ID, the rest USCCs. All valid
    // -> exit 0; a valid line has an empty third column unless there are warnings. Blank lines are skipped
    // and codes are echoed trimmed, as typed (lower-case x kept).
    QTest::newRow("all valid")
        << check << "91430104MA4L0ABC1F\n\n  430104199003071237\n11010519491231002x\n"_ba
        << QStringList{u"91430104MA4L0ABC1F\tvalid\t"_s, u"430104199003071237\tvalid\t"_s,
                       u"11010519491231002x\tvalid\tThe region code 110105 of the resident "
                       "ID number is not in the region table; only its province, 北京市, "
                       "is known."_s}
        << 0;
    // One invalid line makes the exit code 1; each line carries its own reason.
    QTest::newRow("some invalid")
        << check << "91110000600037341N\n430104199003071238\n91110000600037341L\n12345\n"_ba
        << QStringList{u"91110000600037341N\tinvalid\tThe check character of the unified social credit code "
                       u"should "
                       "be 'L' but is 'N'."_s,
                       u"430104199003071238\tinvalid\tThe check digit of the resident ID number should be "
                       u"'7' but "
                       "is '8'."_s,
                       // 110000 is the Beijing province-level code itself, which is in the table: no warning.
                       u"91110000600037341L\tvalid\t"_s,
                       u"12345\tinvalid\tThe unified social credit code must have 18 characters, but it has 5."_s}
        << 1;
    // --kind forces the rule: a USCC read as a resident ID fails on its first letter.
    QTest::newRow("forced ric")
        << QStringList{u"id"_s, u"check"_s, u"--kind"_s, u"ric"_s} << "91430104MA4L0ABC1F\n"_ba
        << QStringList{u"91430104MA4L0ABC1F\tinvalid\tCharacter 'M' at position 9 of the "
                       "resident ID number is not a digit."_s}
        << 1;
    // A resident ID with a month 13 is not auto-detected as one (no real birth date), so it is checked as a
    // USCC, whose check character it fails; --kind=ric gives the precise reason.
    QTest::newRow("auto, bad date")
        << check << "430104199013010016\n"_ba
        << QStringList{u"430104199013010016\tinvalid\tThe check character of the unified "
                       "social credit code should be 'B' but is '6'."_s}
        << 1;
    QTest::newRow("forced ric, bad date")
        << QStringList{u"id"_s, u"check"_s, u"--kind=ric"_s} << "430104199013010016\n"_ba
        << QStringList{u"430104199013010016\tinvalid\tThe birth date 19901301 in "
                       "the resident ID number is not a real date."_s}
        << 1;
    QTest::newRow("bad kind") << QStringList{u"id"_s, u"check"_s, u"--kind"_s, u"passport"_s} << QByteArray()
                              << QStringList() << 2;
    QTest::newRow("no subcommand") << QStringList{u"id"_s} << QByteArray() << QStringList() << 2;
    // No input at all: nothing invalid, exit 0 and no output.
    QTest::newRow("empty input") << check << QByteArray() << QStringList() << 0;
}

void TestCliId::check()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expectedLines);
    QFETCH(int, expectedExit);
    const Run run = runCli(args, input);
    QCOMPARE(run.exitCode, expectedExit);
    QCOMPARE(run.lines, expectedLines);
    if (expectedExit == 2)
        QVERIFY2(run.standardError.startsWith("xindai-cli: "), run.standardError.constData());
}

QTEST_GUILESS_MAIN(TestCliId)
#include "tst_cli_id.moc"
