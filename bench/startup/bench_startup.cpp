// Start-up benchmark of the desktop client: runs bin/xindai --measure-startup on a database, for the
// login window and for the main window after a scripted login, and prints JSON lines:
//   {"bench":"startup","window":"login"|"main","run":i,"first_paint_ms":…,"rss_mb":…,"login_ms":…}   one per
//   run (login_ms: the part of first_paint_ms spent checking the scripted login's password, PBKDF2-SHA256)
//   {"bench":"startup_summary","window":…,"runs":n,"firms":…,"first_paint_ms_median":…,"first_paint_ms_max":…,
//    "rss_mb_max":…,"target_ms":500,"target_rss_mb":200,"ok":true|false}
// Usage: bench_startup [--db FILE | --firms N] [--runs N] [--login USER --password PW] [--platform P]
//                      [--xindai PATH]
// Without --db a store of --firms firms (default 100000) is generated once with xindai-cli into a temp dir.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

constexpr int TargetMs = 500;
constexpr int TargetRssMb = 200;

struct Sample
{
    qint64 ms = 0;
    double rssMb = 0;
    qint64 loginMs = 0; ///< part of ms spent in the password check (PBKDF2) of the scripted login
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// Runs the client once; returns false with a message on any failure.
bool runOnce(const QString &program, const QStringList &arguments, const QString &platform, Sample *sample,
             QString *error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("xindai did not finish within 120 s");
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("xindai exited with %1: %2")
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("bench")).toString() == QLatin1String("startup")) {
            sample->ms = o.value(QStringLiteral("first_paint_ms")).toInteger();
            sample->rssMb = o.value(QStringLiteral("rss_mb")).toDouble();
            sample->loginMs = o.value(QStringLiteral("login_ms")).toInteger();
            return true;
        }
    }
    *error = QStringLiteral("xindai printed no startup line");
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Existing store file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption firmsOption(QStringLiteral("firms"),
                                         QStringLiteral("Firms to generate without --db."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per window."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption loginOption(QStringLiteral("login"),
                                         QStringLiteral("Login for the main window."), QStringLiteral("USER"),
                                         QStringLiteral("window.cs"));
    const QCommandLineOption passwordOption(QStringLiteral("password"), QStringLiteral("Password."),
                                            QStringLiteral("PW"), QStringLiteral("xindai2026"));
    const QCommandLineOption platformOption(QStringLiteral("platform"), QStringLiteral("Qt platform plugin."),
                                            QStringLiteral("P"), QStringLiteral("offscreen"));
    const QCommandLineOption xindaiOption(QStringLiteral("xindai"), QStringLiteral("The client binary."),
                                          QStringLiteral("PATH"), QStringLiteral(XINDAI_DESKTOP_BIN));
    parser.addOptions(
        {dbOption, firmsOption, runsOption, loginOption, passwordOption, platformOption, xindaiOption});
    parser.process(app);

    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir tmp;
    QString db = parser.value(dbOption);
    QString firms = QStringLiteral("null");
    if (db.isEmpty()) {
        db = tmp.filePath(QStringLiteral("startup.db"));
        firms = QString::number(parser.value(firmsOption).toInt());
        err() << "generating " << firms << " firms into " << db << " …" << Qt::endl;
        QProcess cli;
        cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        cli.start(QStringLiteral(XINDAI_CLI_BIN),
                  {QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--firms"), firms,
                   QStringLiteral("--out"), db});
        if (!cli.waitForFinished(-1) || cli.exitCode() != 0) {
            err() << "bench_startup: generating the database failed" << Qt::endl;
            return 1;
        }
    }

    // Settings of the benchmark runs stay out of the user's own configuration.
    qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("config")).toLocal8Bit());
    bool allOk = true;
    for (const QString &window : {QStringLiteral("login"), QStringLiteral("main")}) {
        QStringList arguments = {QStringLiteral("--db"), db, QStringLiteral("--measure-startup")};
        if (window == QLatin1String("main"))
            arguments << QStringLiteral("--login") << parser.value(loginOption)
                      << QStringLiteral("--password") << parser.value(passwordOption);
        QList<Sample> samples;
        for (int i = 0; i < runs; ++i) {
            Sample s;
            QString error;
            if (!runOnce(parser.value(xindaiOption), arguments, parser.value(platformOption), &s, &error)) {
                err() << "bench_startup: " << error << Qt::endl;
                return 1;
            }
            samples.append(s);
            out() << QStringLiteral(
                         "{\"bench\":\"startup\",\"window\":\"%1\",\"run\":%2,\"first_paint_ms\":%3,"
                         "\"rss_mb\":%4,\"login_ms\":%5}")
                         .arg(window)
                         .arg(i + 1)
                         .arg(s.ms)
                         .arg(s.rssMb, 0, 'f', 1)
                         .arg(s.loginMs)
                  << Qt::endl;
        }
        QList<qint64> ms;
        double rssMax = 0;
        for (const Sample &s : std::as_const(samples)) {
            ms.append(s.ms);
            rssMax = std::max(rssMax, s.rssMb);
        }
        std::sort(ms.begin(), ms.end());
        const qint64 median = ms.at(ms.size() / 2);
        const bool ok = median <= TargetMs && rssMax <= TargetRssMb;
        allOk = allOk && ok;
        out() << QStringLiteral("{\"bench\":\"startup_summary\",\"window\":\"%1\",\"runs\":%2,\"firms\":%3,"
                                "\"first_paint_ms_median\":%4,\"first_paint_ms_max\":%5,\"rss_mb_max\":%6,"
                                "\"target_ms\":%7,\"target_rss_mb\":%8,\"ok\":%9}")
                     .arg(window)
                     .arg(runs)
                     .arg(firms)
                     .arg(median)
                     .arg(ms.last())
                     .arg(rssMax, 0, 'f', 1)
                     .arg(TargetMs)
                     .arg(TargetRssMb)
                     .arg(ok ? QStringLiteral("true") : QStringLiteral("false"))
              << Qt::endl;
    }
    return allOk ? 0 : 3;
}
