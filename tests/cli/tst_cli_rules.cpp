// Runs the built xindai-cli's "rules" subcommands as a script would: JSON lines in, JSON lines out.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliRules : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QList<QByteArray> lines;
        QByteArray standardError;
    };

    static Run runCli(const QStringList &args, const QByteArray &input = {})
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
        run.lines = process.readAllStandardOutput().split('\n');
        if (!run.lines.isEmpty() && run.lines.last().isEmpty())
            run.lines.removeLast();
        run.standardError = process.readAllStandardError();
        return run;
    }

private slots:
    void eval()
    {
        const QByteArray input = R"({"rule":{"==":[1,"1"]},"data":null}
{"rule":{"var":"a.b"},"data":{"a":{"b":[1,2]}}}
not json
{"rule":{"and":[true,{"foo":1}]},"data":{}}

{"rule":{"/":[1,0]}}
{"rule":{"+":[0.1,0.2]}}
{"data":1}
{"rule":{"cat":["湘",{"var":"n"}]},"data":{"n":1e21}}
)";
        const Run run = runCli({QStringLiteral("rules"), QStringLiteral("eval")}, input);
        // any failed line makes the exit code 1, but every line still gets its answer
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.lines.size(), 8);                 // the blank line is skipped
        QCOMPARE(run.lines.at(0), QByteArray("true")); // loose equality
        QCOMPARE(run.lines.at(1), QByteArray("[1,2]"));
        QVERIFY(run.lines.at(2).startsWith("{\"error\":\"Line 3 is not valid JSON"));
        QCOMPARE(run.lines.at(3),
                 QByteArray(R"({"error":"Line 4: Unrecognized operation foo at /and/1/foo"})"));
        QCOMPARE(run.lines.at(4), QByteArray("null"));                // Infinity is written as null
        QCOMPARE(run.lines.at(5), QByteArray("0.30000000000000004")); // JavaScript number formatting
        QCOMPARE(run.lines.at(6),
                 QByteArray("{\"error\":\"Line 8 must be a JSON object with a \\\"rule\\\" member.\"}"));
        QCOMPARE(QString::fromUtf8(run.lines.at(7)), QStringLiteral("\"湘1e+21\""));
    }

    void evalAllGood()
    {
        const Run run = runCli({QStringLiteral("rules"), QStringLiteral("eval")},
                               R"({"rule":{"if":[{"<":[{"var":"t"},0]},"freezing","fine"]},"data":{"t":-3}})"
                               "\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines, QList<QByteArray>{QByteArray("\"freezing\"")});
    }

    void matrix()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        write(QStringLiteral("rules.json"),
              R"([{">=":[{"var":"employees"},10]},{"in":["hightech",{"var":"q"}]},
            {"!":{"missing":["park"]}},{"==":[{"var":"park"},null]}])");
        write(QStringLiteral("facts.json"), R"([{"employees":5,"q":["hightech"],"park":"P001"},
            {"employees":50,"q":[]},{"employees":10,"q":["zjtx","hightech"],"park":""}])");
        const Run run = runCli({QStringLiteral("rules"), QStringLiteral("matrix"), QStringLiteral("--rules"),
                                dir.filePath(QStringLiteral("rules.json")), QStringLiteral("--facts"),
                                dir.filePath(QStringLiteral("facts.json"))});
        QCOMPARE(run.exitCode, 0);
        // employees ≥ 10: facts 2 and 3; hightech: facts 1 and 3; park present and not "": fact 1 only;
        // park == null: absent park reads as null (fact 2), "" is not null
        QCOMPARE(run.lines,
                 QList<QByteArray>{QByteArray(R"({"rules":4,"facts":3,"true_counts":[2,2,1,1]})")});

        write(QStringLiteral("bad.json"), R"([{"and":[{"nope":1}]}])");
        const Run bad = runCli({QStringLiteral("rules"), QStringLiteral("matrix"), QStringLiteral("--rules"),
                                dir.filePath(QStringLiteral("bad.json")), QStringLiteral("--facts"),
                                dir.filePath(QStringLiteral("facts.json"))});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.standardError.contains("Unrecognized operation nope at /and/0/nope"),
                 bad.standardError.constData());

        const Run missing = runCli({QStringLiteral("rules"), QStringLiteral("matrix"),
                                    QStringLiteral("--rules"), dir.filePath(QStringLiteral("rules.json"))});
        QCOMPARE(missing.exitCode, 2); // usage error
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"
