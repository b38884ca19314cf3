// xindai-server: the central server of XinDai Workbench (docs/server.md). Subcommands: serve, migrate,
// user add|disable|reset-password, demo seed, import firms|records|series|calendar|model. Messages are
// plain English; the HTTP API answers in the language of --lang (zh_CN by default).
#include "server/authservice.h"
#include "server/demoseed.h"
#include "server/httpapi.h"
#include "server/httplistener.h"
#include "server/httpworkers.h"
#include "server/referencedocs.h"
#include "server/serverdatabase.h"
#include "server/serverimporter.h"
#include "server/serveroptions.h"
#include "server/syncservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace XinDai;

namespace {

int signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalFds[1], &byte, 1);
}

void printHelp()
{
    QTextStream(stdout)
        << "xindai-server " << QCoreApplication::applicationVersion()
        << " - XinDai Workbench central server\n\n"
        << "  serve --db URL --listen HOST:PORT [--tls-cert F --tls-key F] [--insecure-dev] [--lang "
           "zh_CN|en]\n"
        << "        [--threads N]   threads answering requests (default: one per CPU core)\n"
        << "        URL = sqlite:PATH | postgres://USER[:PASSWORD]@HOST[:PORT]/DB; port 0 picks a free "
           "port;\n"
        << "        prints {\"listening\":\"https://HOST:PORT\"} when ready; SIGTERM/SIGINT stop it\n"
        << "  migrate --db URL\n"
        << "  user add --db URL --login L --role window_staff|park_manager|bank_officer|admin\n"
        << "           [--park-code C | --park-id ID] [--institution-code C | --institution-id ID]\n"
        << "           [--display-name NAME] --password-stdin\n"
        << "  user disable --db URL --login L\n"
        << "  user reset-password --db URL --login L --password-stdin\n"
        << "  demo seed --db URL [--firms N]       (default 600; idempotent)\n"
        << "  import firms|records|series FILE --db URL [--encoding auto|utf-8|gb18030]\n"
        << "  import calendar|model FILE --db URL   (holiday calendar / scoring model JSON)\n";
}

int usageError(const QString &message)
{
    QTextStream(stderr) << "xindai-server: " << message << "\n"
                        << "run 'xindai-server help' for the list of commands\n";
    return 2;
}

int failure(const QString &message)
{
    QTextStream(stderr) << "xindai-server: " << message << "\n";
    return 1;
}

/// "--key value" options and "--flag" flags of a subcommand; positional arguments in order.
struct Args
{
    QHash<QString, QString> values;
    QStringList flags;
    QStringList positional;
    QString error;

    static Args parse(const QStringList &args, const QStringList &valueOptions,
                      const QStringList &flagOptions)
    {
        Args out;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &a = args.at(i);
            if (!a.startsWith(QLatin1String("--"))) {
                out.positional.append(a);
            } else if (flagOptions.contains(a)) {
                out.flags.append(a);
            } else if (valueOptions.contains(a)) {
                if (i + 1 >= args.size()) {
                    out.error = QStringLiteral("%1 needs a value").arg(a);
                    return out;
                }
                out.values.insert(a, args.at(++i));
            } else {
                out.error = QStringLiteral("unknown option '%1'").arg(a);
                return out;
            }
        }
        return out;
    }
};

bool openDatabase(Server::ServerDatabase &db, const QString &url, QString *error)
{
    if (url.isEmpty()) {
        *error = QStringLiteral("--db sqlite:PATH or --db postgres://USER@HOST/DB is required");
        return false;
    }
    return db.open(url, error) && db.migrate(error);
}

QString readPasswordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    QString password = QString::fromStdString(line);
    while (password.endsWith(u'\r') || password.endsWith(u'\n'))
        password.chop(1);
    return password;
}

void printJsonLine(const QJsonObject &object)
{
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
    out.flush();
}

int runServe(QCoreApplication &app, const QStringList &args)
{
    QString error;
    const std::optional<Server::ServerOptions> options = Server::ServerOptions::parse(args, &error);
    if (!options)
        return usageError(error);

    QLocale::setDefault(QLocale(options->language));
    if (options->language != QLatin1String("en")) {
        auto *translator = new QTranslator(&app);
        if (translator->load(QStringLiteral(":/i18n/xindai_%1.qm").arg(options->language)))
            QCoreApplication::installTranslator(translator);
    }

    QSslConfiguration tls;
    if (!options->insecureDev) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(options->tlsCertificate);
        if (chain.isEmpty())
            return failure(
                QStringLiteral("no PEM certificate could be read from %1").arg(options->tlsCertificate));
        QFile keyFile(options->tlsKey);
        if (!keyFile.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("the key file %1 cannot be read: %2")
                               .arg(options->tlsKey, keyFile.errorString()));
        const QByteArray pem = keyFile.readAll();
        QSslKey key;
        for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
            if (!key.isNull())
                break;
        }
        if (key.isNull())
            return failure(QStringLiteral("%1 holds no unencrypted PEM private key (RSA, EC or DSA)")
                               .arg(options->tlsKey));
        tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setProtocol(QSsl::SecureProtocols);
    } else {
        QTextStream(stderr)
            << "xindai-server: WARNING: --insecure-dev serves plain HTTP without TLS; passwords "
               "and tokens travel in clear text. Use it for a local demo only.\n";
    }

    Server::ServerDatabase db;
    if (!openDatabase(db, options->dbUrl, &error))
        return failure(error);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return failure(QStringLiteral("the signal pipe could not be created"));
    QSocketNotifier notifier(signalFds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(signalFds[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    // Scope changes that come with the date alone (SyncService::startDay()): now and every ten minutes,
    // so a new day is applied soon after midnight (China time) by whichever server process is first.
    auto startDay = [&db] {
        QString dayError;
        if (!Server::SyncService(db).startDay(&dayError))
            QTextStream(stderr) << "xindai-server: WARNING: " << dayError << '\n';
    };
    startDay();
    QTimer dayTimer;
    QObject::connect(&dayTimer, &QTimer::timeout, &app, startDay);
    dayTimer.start(std::chrono::minutes(10));

    Server::HttpApi api(db);
    const quint16 port
        = Server::listenForHttp(api, options->address, options->port,
                                options->insecureDev ? std::nullopt : std::optional<QSslConfiguration>(tls));
    if (port == 0)
        return failure(
            QStringLiteral("cannot listen on %1:%2").arg(options->address.toString()).arg(options->port));
    // The main thread answers too; the others share its listening socket (HttpWorkers).
    const int threads = options->threads > 0 ? options->threads : std::max(1, QThread::idealThreadCount());
    Server::HttpWorkers workers;
    if (threads > 1
        && !workers.start(threads - 1, options->dbUrl, api.servers().constFirst()->socketDescriptor(),
                          options->insecureDev ? std::nullopt : std::optional<QSslConfiguration>(tls),
                          &error))
        return failure(error);
    const QString host = options->address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + options->address.toString() + u']'
                             : options->address.toString();
    printJsonLine({{QStringLiteral("listening"),
                    QStringLiteral("%1://%2:%3")
                        .arg(options->insecureDev ? QStringLiteral("http") : QStringLiteral("https"), host)
                        .arg(port)}});
    const int rc = app.exec();
    workers.stop();
    db.close();
    return rc;
}

int runMigrate(const QStringList &args)
{
    const Args a = Args::parse(args, {QStringLiteral("--db")}, {});
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return usageError(a.error.isEmpty() ? QStringLiteral("migrate takes only --db URL") : a.error);
    Server::ServerDatabase db;
    QString error;
    if (!openDatabase(db, a.values.value(QStringLiteral("--db")), &error))
        return failure(error);
    printJsonLine({{QStringLiteral("schemaVersion"), db.schemaVersion()}});
    return 0;
}

int runUser(const QStringList &args)
{
    const Args a = Args::parse(args,
                               {QStringLiteral("--db"), QStringLiteral("--login"), QStringLiteral("--role"),
                                QStringLiteral("--park-code"), QStringLiteral("--park-id"),
                                QStringLiteral("--institution-code"), QStringLiteral("--institution-id"),
                                QStringLiteral("--display-name")},
                               {QStringLiteral("--password-stdin")});
    if (!a.error.isEmpty())
        return usageError(a.error);
    if (a.positional.size() != 1)
        return usageError(QStringLiteral("user wants one of add, disable, reset-password"));
    const QString action = a.positional.first();
    const QString login = a.values.value(QStringLiteral("--login"));
    if (login.isEmpty())
        return usageError(QStringLiteral("user %1 needs --login L").arg(action));
    const bool wantsPassword = action == QLatin1String("add") || action == QLatin1String("reset-password");
    if (wantsPassword && !a.flags.contains(QStringLiteral("--password-stdin")))
        return usageError(
            QStringLiteral("user %1 reads the password from stdin: add --password-stdin").arg(action));
    if (action != QLatin1String("add") && action != QLatin1String("disable") && !wantsPassword)
        return usageError(QStringLiteral("unknown user action '%1'").arg(action));

    Server::ServerDatabase db;
    QString error;
    if (!openDatabase(db, a.values.value(QStringLiteral("--db")), &error))
        return failure(error);
    Server::AuthService auth(db);
    if (action == QLatin1String("disable")) {
        if (!auth.disableUser(login, &error))
            return failure(error);
        printJsonLine({{QStringLiteral("disabled"), login}});
        return 0;
    }
    const QString password = readPasswordFromStdin();
    if (action == QLatin1String("reset-password")) {
        if (!auth.resetPassword(login, password, &error))
            return failure(error);
        printJsonLine({{QStringLiteral("passwordReset"), login}});
        return 0;
    }
    QString parkId = a.values.value(QStringLiteral("--park-id"));
    if (const QString code = a.values.value(QStringLiteral("--park-code")); !code.isEmpty()) {
        parkId = auth.parkIdByCode(code);
        if (parkId.isEmpty())
            return failure(QStringLiteral("no park has the code %1").arg(code));
    }
    QString institutionId = a.values.value(QStringLiteral("--institution-id"));
    if (const QString code = a.values.value(QStringLiteral("--institution-code")); !code.isEmpty()) {
        institutionId = auth.institutionIdByCode(code);
        if (institutionId.isEmpty())
            return failure(QStringLiteral("no institution has the code %1").arg(code));
    }
    const std::optional<QString> id
        = auth.addUser(login, a.values.value(QStringLiteral("--role")), parkId, institutionId, password,
                       a.values.value(QStringLiteral("--display-name")), &error);
    if (!id)
        return failure(error);
    printJsonLine({{QStringLiteral("id"), *id}, {QStringLiteral("login"), login}});
    return 0;
}

int runDemo(const QStringList &args)
{
    const Args a = Args::parse(
        args, {QStringLiteral("--db"), QStringLiteral("--firms"), QStringLiteral("--password-iterations")},
        {});
    if (!a.error.isEmpty())
        return usageError(a.error);
    if (a.positional != QStringList{QStringLiteral("seed")})
        return usageError(QStringLiteral("demo wants: seed --db URL [--firms N]"));
    bool ok = true;
    const int firms = a.values.value(QStringLiteral("--firms"), QStringLiteral("600")).toInt(&ok);
    if (!ok || firms < 0)
        return usageError(QStringLiteral("--firms wants a whole number >= 0"));
    const int iterations
        = a.values.value(QStringLiteral("--password-iterations"), QStringLiteral("600000")).toInt(&ok);
    if (!ok || iterations < 1)
        return usageError(QStringLiteral("--password-iterations wants a whole number >= 1"));
    Server::ServerDatabase db;
    QString error;
    if (!openDatabase(db, a.values.value(QStringLiteral("--db")), &error))
        return failure(error);
    const std::optional<Server::DemoSeed::Counts> counts
        = Server::DemoSeed::run(db, firms, &error, iterations);
    if (!counts)
        return failure(error);
    printJsonLine({{QStringLiteral("created"), counts->created},
                   {QStringLiteral("updated"), counts->updated},
                   {QStringLiteral("unchanged"), counts->unchanged}});
    return 0;
}

// import calendar|model FILE: a reference document (holiday calendar, scoring model) for the clients.
int runImportReferenceDoc(const QString &file, Server::ReferenceDocs::Kind kind,
                          const QHash<QString, QString> &values)
{
    if (values.contains(QStringLiteral("--encoding")))
        return usageError(QStringLiteral("--encoding applies to CSV files only (firms|records|series)"));
    Server::ServerDatabase db;
    QString error;
    if (!openDatabase(db, values.value(QStringLiteral("--db")), &error))
        return failure(error);
    const Server::ReferenceDocs::Result result = Server::ReferenceDocs(db).importFile(file, kind);
    printJsonLine(result.toJson());
    if (!result.completed)
        return failure(result.error);
    return 0;
}

int runImport(const QStringList &args)
{
    const Args a = Args::parse(args, {QStringLiteral("--db"), QStringLiteral("--encoding")}, {});
    if (!a.error.isEmpty())
        return usageError(a.error);
    Server::ReferenceDocs::Kind docKind = Server::ReferenceDocs::Kind::Calendar;
    if (a.positional.size() == 2 && Server::ReferenceDocs::kindFromName(a.positional.at(0), &docKind))
        return runImportReferenceDoc(a.positional.at(1), docKind, a.values);
    Server::ServerImporter::Kind kind = Server::ServerImporter::Kind::Firms;
    if (a.positional.size() != 2 || !Server::ServerImporter::kindFromName(a.positional.at(0), &kind))
        return usageError(QStringLiteral("import wants: firms|records|series|calendar|model FILE --db URL"));
    Intake::TextEncoding::Encoding encoding = Intake::TextEncoding::Encoding::Auto;
    if (a.values.contains(QStringLiteral("--encoding"))
        && !Intake::TextEncoding::fromName(a.values.value(QStringLiteral("--encoding")), &encoding))
        return usageError(QStringLiteral("--encoding wants auto, utf-8 or gb18030"));
    Server::ServerDatabase db;
    QString error;
    if (!openDatabase(db, a.values.value(QStringLiteral("--db")), &error))
        return failure(error);
    Server::ServerImporter importer(db);
    const Server::ServerImporter::Result result = importer.importFile(a.positional.at(1), kind, encoding);
    printJsonLine(result.toJson());
    return result.completed && result.rejected == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xindai-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("XinDai"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XINDAI_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("help") || args.first() == QLatin1String("--help")) {
        printHelp();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        QTextStream(stdout) << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("serve"))
        return runServe(app, rest);
    if (command == QLatin1String("migrate"))
        return runMigrate(rest);
    if (command == QLatin1String("user"))
        return runUser(rest);
    if (command == QLatin1String("demo"))
        return runDemo(rest);
    if (command == QLatin1String("import"))
        return runImport(rest);
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}
