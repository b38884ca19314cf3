// XinDai Workbench desktop client: options, translations, the local database, login, main window.
#include "common/conflictspage.h"
#include "common/firmlookuppage.h"
#include "common/firmprofilewidget.h"
#include "common/firmsearchwidget.h"
#include "demo/demogenerator.h"
#include "firstpaintwatcher.h"
#include "security/passwordhasher.h"
#include "shell/appstyle.h"
#include "shell/firstsyncdialog.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/syncedreferencedocs.h"
#include "store/database.h"
#include "syncclient/syncengine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

using namespace XinDai;

namespace {

/// Messages of main(); a context of its own in the translation files.
class Main
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::App::Main)
};

/// Resident set size of this process in MB, from /proc/self/status (0 when unavailable).
double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts.at(1).toDouble() / 1024.0;
        }
    }
    return 0;
}

void printError(const QString &message)
{
    QTextStream(stderr) << "xindai: " << message << Qt::endl;
}

/// Shows \a message in a box (unless running for automation, where nobody could close it) and on stderr.
void reportFatal(const QString &title, const QString &message, bool interactive)
{
    printError(message);
    if (interactive)
        QMessageBox::critical(nullptr, title, message);
}

void installTranslations(QApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    if (language == QLatin1String("en"))
        return; // the source strings are English
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/xindai_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

/// Generates the demo database at \a path behind a progress dialog. Returns false with \a error set.
bool createDemoDatabase(const QString &path, bool interactive, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = Main::tr("Cannot create the folder of the database %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QProgressDialog progress(
        Main::tr("Creating the demo database (600 firms) at %1 …").arg(QDir::toNativeSeparators(path)),
        Main::tr("Cancel"), 0, 1000);
    progress.setWindowTitle(Main::tr("XinDai Workbench"));
    progress.setMinimumDuration(interactive ? 0 : 1000000);
    progress.setWindowModality(Qt::ApplicationModal);
    Demo::DemoGenerator::Options options;
    options.firms = 600;
    const bool ok = Demo::DemoGenerator::createDatabase(path, options, error, [&](int done, int total) {
        progress.setValue(total > 0 ? int(qint64(done) * 1000 / total) : 0);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    });
    progress.setValue(1000);
    if (!ok && error->isEmpty())
        *error = Main::tr("Creating the demo database was cancelled.");
    return ok;
}

/// Whether the store at \a db has never finished a pull (no sync cursor yet): the first sync must fill it.
bool neverSynced(const Store::Database &db)
{
    QSqlQuery query(db.sql());
    return !query.exec(QStringLiteral("SELECT value FROM store_state WHERE key = 'sync_cursor'"))
           || !query.next() || query.value(0).toLongLong() == 0;
}

/// The sync engine of the desktop client: created for the server the login dialog signs in at
/// (recreated when the user changes the server in the dialog).
class SyncConnection
{
public:
    explicit SyncConnection(QString storePath)
        : m_storePath(std::move(storePath))
    {}

    SyncClient::SyncEngine *engine() const { return m_engine.get(); }

    /// Signs in at \a server; \a done gets the outcome for LoginDialog::finishOnlineSignIn. A failure
    /// during which the engine reported Offline means the server could not be reached.
    void signIn(
        const QUrl &server, const QString &caFile, const QString &login, const QString &password,
        const std::function<void(Ui::LoginDialog::OnlineResult, const QString &, const QJsonObject &)> &done)
    {
        if (!m_engine || m_server != server || m_caFile != caFile) {
            m_engine.reset(); // stops the old one's thread
            SyncClient::SyncEngine::Options options;
            options.storePath = m_storePath;
            options.serverUrl = server;
            options.caCertificateFile = caFile;
            m_engine = std::make_unique<SyncClient::SyncEngine>(options);
            m_server = server;
            m_caFile = caFile;
            QObject::connect(m_engine.get(), &SyncClient::SyncEngine::statusChanged, m_engine.get(),
                             [this](const SyncClient::SyncStatus &status) {
                                 if (status.state == SyncClient::SyncStatus::State::Offline)
                                     m_sawOffline = true;
                             });
        }
        m_sawOffline = false;
        QObject::connect(
            m_engine.get(), &SyncClient::SyncEngine::loginFinished, m_engine.get(),
            [this, done](bool ok, const QString &message, const QJsonObject &user) {
                using Result = Ui::LoginDialog::OnlineResult;
                done(ok ? Result::SignedIn : (m_sawOffline ? Result::Unreachable : Result::Refused), message,
                     user);
            },
            Qt::SingleShotConnection);
        m_engine->signIn(login, password);
    }

private:
    QString m_storePath;
    QUrl m_server;
    QString m_caFile;
    bool m_sawOffline = false;
    std::unique_ptr<SyncClient::SyncEngine> m_engine;
};

/// Waits (event loop) until the running first sync ends: UpToDate → true; Offline or SignedOut →
/// false. Shows FirstSyncDialog when \a interactive (the user may continue in the background).
bool runFirstSync(SyncClient::SyncEngine &engine, bool interactive)
{
    using State = SyncClient::SyncStatus::State;
    if (interactive) {
        Ui::FirstSyncDialog dialog;
        QObject::connect(&engine, &SyncClient::SyncEngine::statusChanged, &dialog,
                         &Ui::FirstSyncDialog::setStatus);
        if (engine.status().state == State::UpToDate)
            return true;
        if (engine.status().state == State::Syncing) // an older status (before the sign-in) says nothing
            dialog.setStatus(engine.status());
        return dialog.exec() == QDialog::Accepted;
    }
    QEventLoop loop;
    const auto settle = [&loop](const SyncClient::SyncStatus &status) {
        if (status.state == State::UpToDate)
            loop.exit(0);
        else if (status.state == State::Offline || status.state == State::SignedOut)
            loop.exit(1);
    };
    QObject::connect(&engine, &SyncClient::SyncEngine::statusChanged, &loop, settle);
    if (engine.status().state == State::UpToDate)
        return true;
    return loop.exec() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("XinDai"));
    QCoreApplication::setApplicationName(QStringLiteral("xindai"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XINDAI_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("XinDai Workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("XinDai Workbench - Hunan enterprise-financing credit suite"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Local database file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: zh_CN or en."),
                                        QStringLiteral("LANG"));
    QCommandLineOption loginOption(QStringLiteral("login"), QStringLiteral("Log in as USER (automation)."),
                                   QStringLiteral("USER"));
    QCommandLineOption passwordOption(QStringLiteral("password"), QStringLiteral("Password for --login."),
                                      QStringLiteral("PW"));
    QCommandLineOption openFirmOption(QStringLiteral("open-firm"), QStringLiteral("Open the firm USCC."),
                                      QStringLiteral("USCC"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the main window as PNG FILE and exit."),
                                        QStringLiteral("FILE"));
    QCommandLineOption searchOption(
        QStringLiteral("search"), QStringLiteral("Type TEXT into the firm search."), QStringLiteral("TEXT"));
    QCommandLineOption tabOption(
        QStringLiteral("profile-tab"),
        QStringLiteral("Profile tab: registration, records, series, applications or score."),
        QStringLiteral("TAB"));
    QCommandLineOption pageOption(QStringLiteral("page"),
                                  QStringLiteral("Show the page KEY (e.g. page.policyMatching)."),
                                  QStringLiteral("KEY"));
    QCommandLineOption measureOption(
        QStringLiteral("measure-startup"),
        QStringLiteral("Print start-up time and RSS at the first paint, then quit."));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral(
            "Sync server address, e.g. https://xindai.example.cn:8443/ (default: the one remembered "
            "from the login dialog; none = local data only)."),
        QStringLiteral("URL"));
    const QCommandLineOption caFileOption(
        QStringLiteral("ca-file"), QStringLiteral("PEM file with the CA certificate of the sync server."),
        QStringLiteral("FILE"));
    for (QCommandLineOption *hidden : {&loginOption, &passwordOption, &openFirmOption, &searchOption,
                                       &tabOption, &screenshotOption, &measureOption, &pageOption})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({dbOption, langOption, serverOption, caFileOption, loginOption, passwordOption,
                       openFirmOption, searchOption, tabOption, screenshotOption, measureOption, pageOption});
    parser.process(app);

    const bool automated
        = parser.isSet(loginOption) || parser.isSet(screenshotOption) || parser.isSet(measureOption);
    const bool interactive = !automated;

    QSettings settings;
    QString language = parser.value(langOption);
    if (language.isEmpty())
        language = settings.value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString();
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        printError(QStringLiteral("unknown language '%1': use zh_CN or en").arg(language));
        return 2;
    }
    if (parser.isSet(langOption))
        settings.setValue(QStringLiteral("language"), language);
    installTranslations(app, language);
    Ui::AppStyle::apply(app);

    QString dbPath = parser.value(dbOption);
    if (dbPath.isEmpty())
        dbPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                 + QStringLiteral("/xindai.db");
    dbPath = QFileInfo(dbPath).absoluteFilePath();

    // The sync server: --server / --ca-file, else what the login dialog remembered (QSettings).
    const bool serverFromCommandLine = parser.isSet(serverOption);
    const QString server = serverFromCommandLine ? parser.value(serverOption).trimmed()
                                                 : settings.value(QStringLiteral("sync/server")).toString();
    const QString caFile = parser.isSet(caFileOption)
                               ? parser.value(caFileOption)
                               : settings.value(QStringLiteral("sync/caFile")).toString();
    if (!server.isEmpty() && !QFileInfo::exists(dbPath)) {
        // With a server a new store starts empty: the first sync fills it with the user's scope.
        if (!QDir().mkpath(QFileInfo(dbPath).absolutePath())) {
            reportFatal(Main::tr("XinDai Workbench"),
                        Main::tr("Cannot create the folder of the database %1.")
                            .arg(QDir::toNativeSeparators(dbPath)),
                        interactive);
            return 1;
        }
    } else if (!QFileInfo::exists(dbPath)) {
        QString error;
        if (!createDemoDatabase(dbPath, interactive, &error)) {
            reportFatal(Main::tr("XinDai Workbench"),
                        Main::tr("The demo database could not be created at %1: %2")
                            .arg(QDir::toNativeSeparators(dbPath), error),
                        interactive);
            return 1;
        }
    }

    Store::Database db;
    QString error;
    if (!db.open(dbPath, &error,
                 server.isEmpty() ? Store::Database::OpenMode::MustExist
                                  : Store::Database::OpenMode::CreateIfMissing)) {
        reportFatal(
            Main::tr("XinDai Workbench"),
            Main::tr("The database %1 cannot be opened: %2").arg(QDir::toNativeSeparators(dbPath), error),
            interactive);
        return 1;
    }

    qint64 loginMs = 0; // time spent verifying the scripted login's password (PBKDF2, deliberately slow)
    const auto measureAt
        = [&](QWidget *window, const char *which) {
              auto *watcher = new App::FirstPaintWatcher(window);
              QObject::connect(
                  watcher, &App::FirstPaintWatcher::painted, &app, [&sinceStart, &loginMs, which, &dbPath] {
                      QTextStream(stdout)
                          << QStringLiteral("{\"bench\":\"startup\",\"window\":\"%1\",\"first_paint_ms\":%2,"
                                            "\"rss_mb\":%3,\"login_ms\":%4,\"db\":\"%5\"}")
                                 .arg(QLatin1String(which))
                                 .arg(sinceStart.elapsed())
                                 .arg(residentMegabytes(), 0, 'f', 1)
                                 .arg(loginMs)
                                 .arg(dbPath)
                          << Qt::endl;
                      QCoreApplication::exit(0);
                  });
          };

    SyncConnection sync(dbPath);
    Core::User user;
    bool signedInOnline = false;
    {
        Ui::LoginDialog login(db);
        login.setServer(server, caFile);
        login.setOnlineSignIn([&sync, &login](const QUrl &url, const QString &ca, const QString &name,
                                              const QString &password) {
            sync.signIn(
                url, ca, name, password,
                [&login](Ui::LoginDialog::OnlineResult result, const QString &message,
                         const QJsonObject &account) { login.finishOnlineSignIn(result, message, account); });
        });
        if (parser.isSet(loginOption) && !server.isEmpty()) {
            // Scripted sign-in at the server: wait for its answer.
            QEventLoop waiting;
            int outcome = -1; // 0 signed in, 1 failed
            QObject::connect(&login, &QDialog::accepted, &waiting, [&] {
                outcome = 0;
                waiting.quit();
            });
            QObject::connect(&login, &Ui::LoginDialog::signInFailed, &waiting, [&](const QString &message) {
                printError(message);
                outcome = 1;
                waiting.quit();
            });
            QElapsedTimer verifying;
            verifying.start();
            login.submit(parser.value(loginOption), parser.value(passwordOption));
            if (outcome < 0)
                waiting.exec();
            if (outcome != 0)
                return 1;
            loginMs = verifying.elapsed();
        } else if (parser.isSet(loginOption)) {
            QString message;
            QElapsedTimer verifying;
            verifying.start();
            const bool ok
                = login.authenticate(parser.value(loginOption), parser.value(passwordOption), &message);
            loginMs = verifying.elapsed();
            if (!ok) {
                printError(message);
                return 1;
            }
        } else {
            login.setLogin(settings.value(QStringLiteral("lastLogin")).toString());
            if (parser.isSet(measureOption)) {
                measureAt(&login, "login");
                login.show();
                return app.exec();
            }
            if (parser.isSet(screenshotOption)) { // without --login: a picture of the login dialog
                auto *watcher = new App::FirstPaintWatcher(&login);
                const QString file = parser.value(screenshotOption);
                QObject::connect(watcher, &App::FirstPaintWatcher::painted, &login, [&login, file] {
                    QCoreApplication::exit(login.grab().save(file, "PNG") ? 0 : 1);
                });
                login.show();
                return app.exec();
            }
            if (login.exec() != QDialog::Accepted)
                return 0;
            if (!serverFromCommandLine) { // remember the dialog's server settings for the next start
                settings.setValue(QStringLiteral("sync/server"), login.serverAddress());
                settings.setValue(QStringLiteral("sync/caFile"), login.caCertificateFile());
            }
        }
        user = login.user();
        signedInOnline = login.signedInOnline();
        if (login.fellBackToOffline())
            printError(Main::tr("The server cannot be reached: signed in with the data on this computer."));
    }
    settings.setValue(QStringLiteral("lastLogin"), user.login);

    if (signedInOnline && sync.engine()) {
        // A new store is filled by the first sync before the pages load their data.
        if (neverSynced(db) && !runFirstSync(*sync.engine(), interactive))
            printError(Main::tr("The first synchronisation did not finish: %1")
                           .arg(sync.engine()->status().lastError));
        // The local row of the user with a hash of the typed password: the next sign-in works offline.
        // After the first sync, because the row refers to the user's park or institution.
        QString message;
        if (!Ui::LoginDialog::rememberUser(db, user, &message))
            printError(Main::tr("The account could not be stored for offline sign-in: %1").arg(message));
    }

    // Synced reference documents (holiday calendar, scoring models) newer than the built-in ones.
    Ui::applySyncedReferenceDocs(db);
    Ui::MainWindow window(db, user);
    if (parser.isSet(screenshotOption))
        window.resize(1360, 860); // a fixed size, independent of saved geometry, for the README picture
    // Watchers first: a platform may paint synchronously inside show().
    if (parser.isSet(measureOption))
        measureAt(&window, "main");
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        auto *watcher = new App::FirstPaintWatcher(&window);
        QObject::connect(watcher, &App::FirstPaintWatcher::painted, &window, [&window, file] {
            // Let charts and deferred layouts settle before grabbing.
            QTimer::singleShot(500, &window, [&window, file] {
                if (!window.grab().save(file, "PNG")) {
                    printError(QStringLiteral("cannot write the screenshot %1").arg(file));
                    QCoreApplication::exit(1);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
    }
    if (SyncClient::SyncEngine *engine = sync.engine()) {
        window.setSyncStatus(engine->status());
        QObject::connect(engine, &SyncClient::SyncEngine::statusChanged, &window,
                         &Ui::MainWindow::setSyncStatus);
        QObject::connect(engine, &SyncClient::SyncEngine::dataChanged, &window, &Ui::MainWindow::reloadData);
        // Whether the engine holds a session (token): not after an offline sign-in or a 401.
        auto session = std::make_shared<bool>(signedInOnline);
        QObject::connect(engine, &SyncClient::SyncEngine::statusChanged, engine,
                         [session](const SyncClient::SyncStatus &status) {
                             if (status.state == SyncClient::SyncStatus::State::SignedOut)
                                 *session = false;
                         });
        // A conflict resolved or a value re-applied: send it now when there is a session.
        if (Ui::ConflictsPage *conflicts = window.conflictsPage())
            QObject::connect(conflicts, &Ui::ConflictsPage::changed, engine, [engine, session] {
                if (*session)
                    engine->syncNow();
            });
        QObject::connect(
            &window, &Ui::MainWindow::syncNowRequested, engine, [engine, session, &window, &user, &db] {
                if (*session) {
                    engine->syncNow();
                    return;
                }
                // The server ended the session, or the sign-in was offline: ask for the password again.
                bool ok = false;
                const QString password
                    = QInputDialog::getText(&window, Main::tr("Sign in to the server"),
                                            Main::tr("Password of %1 for the sync server:").arg(user.login),
                                            QLineEdit::Password, QString(), &ok);
                if (!ok || password.isEmpty())
                    return;
                QObject::connect(
                    engine, &SyncClient::SyncEngine::loginFinished, &window,
                    [session, &window, &user, &db, password](bool signedIn, const QString &message) {
                        *session = signedIn;
                        if (!signedIn) {
                            QMessageBox::warning(&window, Main::tr("Sign in to the server"), message);
                            return;
                        }
                        // The password may have changed on the server: the offline sign-in follows it.
                        Core::User local = user;
                        local.passwordHash = Security::PasswordHasher::hash(password);
                        QString error;
                        if (!Ui::LoginDialog::rememberUser(db, local, &error))
                            printError(Main::tr("The account could not be stored for offline sign-in: %1")
                                           .arg(error));
                    },
                    Qt::SingleShotConnection);
                engine->signIn(user.login, password);
            });
    }
    window.show();
    if (parser.isSet(searchOption) && window.firmLookupPage()) {
        window.showPage(Ui::Navigation::Page::Firms);
        window.firmLookupPage()->searchWidget()->searchEdit()->setText(parser.value(searchOption));
        window.firmLookupPage()->searchWidget()->searchNow();
    }
    if (parser.isSet(openFirmOption) && !window.openFirmByUscc(parser.value(openFirmOption)))
        printError(Main::tr("No firm with the USCC %1 in the database.").arg(parser.value(openFirmOption)));
    if (parser.isSet(tabOption) && window.firmLookupPage()) {
        const QStringList tabs
            = {QStringLiteral("registration"), QStringLiteral("records"), QStringLiteral("series"),
               QStringLiteral("applications"), QStringLiteral("score")};
        const int tab = int(tabs.indexOf(parser.value(tabOption)));
        if (tab < 0) {
            printError(QStringLiteral("unknown --profile-tab '%1'").arg(parser.value(tabOption)));
            return 2;
        }
        window.firmLookupPage()->profileWidget()->tabs()->setCurrentIndex(tab);
    }
    if (parser.isSet(pageOption)) {
        const QList<Ui::Navigation::Page> pages = window.pages();
        const auto page = std::find_if(pages.cbegin(), pages.cend(), [&](Ui::Navigation::Page p) {
            return Ui::Navigation::key(p) == parser.value(pageOption);
        });
        if (page == pages.cend()) {
            printError(QStringLiteral("unknown --page '%1' for this role").arg(parser.value(pageOption)));
            return 2;
        }
        window.showPage(*page);
    }

    return app.exec();
}
