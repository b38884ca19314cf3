// The desktop shell end to end on a small generated demo database: login through the real dialog for
// each role, the role's pages, firm search, the firm profile; wrong password, disabled account, lock-out.
#include "admin/referencetablepage.h"
#include "common/applicationtablemodel.h"
#include "common/firmlookuppage.h"
#include "common/firmprofilewidget.h"
#include "common/firmsearchmodel.h"
#include "common/firmsearchwidget.h"
#include "common/recordtablemodel.h"
#include "common/seriestablemodel.h"
#include "demo/demogenerator.h"
#include "park/kpicardwidget.h"
#include "park/parkdashboardpage.h"
#include "security/passwordhasher.h"
#include "shell/aboutdialog.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/statusbarwidget.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

const QString DemoPassword = u"xindai2026"_s;

/// Types \a login and \a password into the dialog and clicks its OK button, like a user.
void signIn(Ui::LoginDialog &dialog, const QString &login, const QString &password)
{
    dialog.loginEdit()->clear();
    dialog.passwordEdit()->clear();
    QTest::keyClicks(dialog.loginEdit(), login);
    QTest::keyClicks(dialog.passwordEdit(), password);
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

class TestGuiShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings (geometry, language) away from the user's
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 40;
        options.demoPassword = DemoPassword;
        options.passwordIterations
            = 2000; // the login path is the same; 600,000 rounds would cost ~0.3 s each
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));

        // A disabled account with a cheap hash (verify reads the iteration count from the string).
        Core::User disabled;
        disabled.login = u"disabled.test"_s;
        disabled.displayName = u"停用账号"_s;
        disabled.role = Core::Role::WindowStaff;
        disabled.passwordHash = Security::PasswordHasher::hash(DemoPassword, 1000);
        disabled.disabled = true;
        QVERIFY2(Store::UserRepository(m_db).save(disabled, &error), qPrintable(error));
    }

    void loginAsEachRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("pages");
        // Expected pages per role (ui/shell/navigation.cpp); every other page must be absent.
        QTest::newRow("admin") << int(Core::Role::Admin)
                               << QStringList{u"page.dashboard"_s,   u"page.parkIndex"_s,
                                              u"page.firms"_s,       u"page.policyMatching"_s,
                                              u"page.policyFirms"_s, u"page.productMatching"_s,
                                              u"page.users"_s,       u"page.institutions"_s,
                                              u"page.products"_s,    u"page.policies"_s,
                                              u"page.ruleEditor"_s,  u"page.conflicts"_s};
        QTest::newRow("window staff")
            << int(Core::Role::WindowStaff)
            << QStringList{u"page.firms"_s,       u"page.walkIn"_s,          u"page.policyMatching"_s,
                           u"page.policyFirms"_s, u"page.productMatching"_s, u"page.parkApplications"_s,
                           u"page.conflicts"_s};
        QTest::newRow("park manager")
            << int(Core::Role::ParkManager)
            << QStringList{u"page.dashboard"_s,   u"page.parkIndex"_s,        u"page.firms"_s,
                           u"page.policyFirms"_s, u"page.parkApplications"_s, u"page.conflicts"_s};
        QTest::newRow("bank officer") << int(Core::Role::BankOfficer)
                                      << QStringList{u"page.inbox"_s, u"page.firms"_s, u"page.conflicts"_s};
    }

    void loginAsEachRole()
    {
        QFETCH(int, role);
        QFETCH(QStringList, pages);
        const Core::User account = demoUser(static_cast<Core::Role>(role));
        QVERIFY2(!account.login.isEmpty(), "the demo data has no user of this role");

        Ui::LoginDialog dialog(m_db);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        signIn(dialog, account.login, DemoPassword);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.user().login, account.login);

        Ui::MainWindow window(m_db, dialog.user());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList navigation;
        for (int i = 0; i < window.navigationList()->count(); ++i)
            navigation.append(window.navigationList()->item(i)->data(Qt::UserRole).toString());
        QCOMPARE(navigation, pages);
        QStringList stacked;
        for (int i = 0; i < window.stack()->count(); ++i)
            stacked.append(window.stack()->widget(i)->objectName());
        QCOMPARE(stacked, pages);
        QCOMPARE(window.stack()->currentWidget()->objectName(),
                 pages.first()); // first page shown after login
        QCOMPARE(window.statusWidget()->connectionText(), u"Offline · local data"_s);

        // A firm this role may see: in the user's park, or behind an application to the user's bank.
        const Core::Enterprise firm = visibleFirm(dialog.user());
        QVERIFY2(!firm.meta.id.isEmpty(), "no firm visible to this role in the demo data");

        QVERIFY(window.showPage(Ui::Navigation::Page::Firms));
        Ui::FirmLookupPage *lookup = window.firmLookupPage();
        QVERIFY(lookup);
        QCOMPARE(window.stack()->currentWidget(), lookup);
        Ui::FirmSearchWidget *search = lookup->searchWidget();
        QAbstractItemModelTester searchTester(search->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The 2-character 字号 after the 2-character city prefix of the name.
        const QString fragment = firm.name.mid(2, 2);
        // Typed as an input method would commit it (QTest::keyClicks only handles Latin-1).
        QSignalSpy finished(search, &Ui::FirmSearchWidget::searchFinished);
        search->searchEdit()->insert(fragment);
        QVERIFY(finished.wait(2000)); // after the debounce
        int row = -1;
        for (int r = 0; r < search->model()->rowCount(); ++r) {
            const QModelIndex index = search->model()->index(r, Ui::FirmSearchModel::NameColumn);
            QVERIFY(index.data().toString().contains(fragment)
                    || search->model()
                           ->index(r, Ui::FirmSearchModel::UsccColumn)
                           .data()
                           .toString()
                           .contains(fragment));
            if (index.data(Ui::FirmSearchModel::EnterpriseIdRole).toString() == firm.meta.id)
                row = r;
        }
        QVERIFY2(row >= 0, qPrintable(u"search for %1 did not list %2"_s.arg(fragment, firm.name)));

        QTableView *view = search->resultView();
        const QRect cell = view->visualRect(search->model()->index(row, Ui::FirmSearchModel::NameColumn));
        QVERIFY(cell.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());

        Ui::FirmProfileWidget *profile = lookup->profileWidget();
        QCOMPARE(profile->enterpriseId(), firm.meta.id);
        QCOMPARE(profile->findChild<QLabel *>(u"firmNameLabel"_s)->text(), firm.name);
        QVERIFY(profile->findChild<QLabel *>(u"firmUsccLabel"_s)->text().startsWith(firm.uscc));
        QVERIFY(!profile->findChild<QLabel *>(u"firmSizeLabel"_s)->text().isEmpty());
        QCOMPARE(profile->tabs()->count(), int(Ui::FirmProfileWidget::TabCount));
        // 24 months of series per firm (docs/demo-data.md), one table row per month.
        QCOMPARE(profile->seriesModel()->rowCount(), 24);
        QCOMPARE(profile->seriesModel()->columnCount(), int(Ui::SeriesTableModel::ColumnCount));
        QVERIFY(profile->chartPointCount() > 0);
        QVERIFY(profile->chartPointCount() <= 24);
        QAbstractItemModelTester seriesTester(profile->seriesModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester recordTester(profile->recordModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester applicationTester(profile->applicationModel(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Switching the charted series redraws it (the combo drives the chart).
        profile->chartSeriesCombo()->setCurrentIndex(1);
        QVERIFY(profile->chartPointCount() > 0);

        // The profile's applications are exactly the firm's applications in the store.
        Store::ApplicationRepository::Filter filter;
        filter.enterpriseId = firm.meta.id;
        QCOMPARE(profile->applicationModel()->rowCount(),
                 int(Store::ApplicationRepository(m_db).applications(filter).size()));

        // Every page of the role opens without error.
        for (Ui::Navigation::Page p : window.pages()) {
            QVERIFY(window.showPage(p));
            QVERIFY(window.page(p)->isLoaded());
        }
    }

    void aboutShowsVersions()
    {
        QCoreApplication::setApplicationVersion(u"9.8.7"_s);
        Ui::AboutDialog about(m_db.schemaVersion());
        QVERIFY(about.text().contains(u"XinDai Workbench 9.8.7"_s));
        QVERIFY(about.text().contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.text().contains(u"schema version %1"_s.arg(m_db.schemaVersion())));
    }

    void dashboardMatchesStore()
    {
        const Core::User manager = demoUser(Core::Role::ParkManager);
        Ui::ParkDashboardPage page(m_db, manager.parkId);
        page.activate();
        QCOMPARE(page.kpis().firms, Store::EnterpriseRepository(m_db).count(manager.parkId));
        Store::ApplicationRepository::Filter filter;
        filter.parkId = manager.parkId;
        QCOMPARE(page.kpis().applicationsByState, Store::ApplicationRepository(m_db).countByState(filter));
        QCOMPARE(page.firmsCard()->value(), QLocale().toString(page.kpis().firms));
    }

    void referenceTables_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("users") << int(Ui::ReferenceTableModel::Kind::Users);
        QTest::newRow("institutions") << int(Ui::ReferenceTableModel::Kind::Institutions);
        QTest::newRow("products") << int(Ui::ReferenceTableModel::Kind::Products);
        QTest::newRow("policies") << int(Ui::ReferenceTableModel::Kind::Policies);
    }

    void referenceTables()
    {
        QFETCH(int, kind);
        Ui::ReferenceTableModel model(static_cast<Ui::ReferenceTableModel::Kind>(kind));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(m_db);
        // The demo data has ≥ 12 institutions, ≥ 30 products, ≥ 40 policies and users of every role.
        QVERIFY(model.rowCount() >= 5);
        QVERIFY(model.columnCount() >= 4);
        QVERIFY(!model.index(0, 1).data().toString().isEmpty());
    }

    // A policy whose stored rule does not compile is flagged in the admin table (never silently listed
    // as fine); the others show their rule version.
    void brokenRuleFlaggedInAdminTable()
    {
        Store::ReferenceRepository reference(m_db);
        Core::Policy policy = reference.policies().constFirst();
        const QString original = policy.eligibilityRule;
        policy.eligibilityRule = u"{\"and\": [{\"frobnicate\": [1]}]}"_s;
        QString error;
        QVERIFY2(reference.save(policy, &error), qPrintable(error));
        auto restore = qScopeGuard([&] {
            policy.eligibilityRule = original;
            QString e;
            QVERIFY2(reference.save(policy, &e), qPrintable(e));
        });
        Ui::ReferenceTableModel model(Ui::ReferenceTableModel::Kind::Policies);
        model.load(m_db);
        const int ruleColumn = model.columnCount() - 1;
        QCOMPARE(model.headerData(ruleColumn, Qt::Horizontal).toString(), u"Rule"_s);
        int broken = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex cell = model.index(row, ruleColumn);
            if (cell.data(Ui::ReferenceTableModel::IdRole).toString() == policy.meta.id) {
                QVERIFY(cell.data(Ui::ReferenceTableModel::BrokenRole).toBool());
                QCOMPARE(cell.data().toString(), u"Rule invalid"_s);
                QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(u"frobnicate"_s),
                         qPrintable(cell.data(Qt::ToolTipRole).toString()));
                ++broken;
            } else {
                QVERIFY(!cell.data(Ui::ReferenceTableModel::BrokenRole).toBool());
                QVERIFY2(cell.data().toString().startsWith(u'v'), qPrintable(cell.data().toString()));
            }
        }
        QCOMPARE(broken, 1);
    }

    void wrongPasswordShowsError()
    {
        const Core::User account = demoUser(Core::Role::WindowStaff);
        Ui::LoginDialog dialog(m_db);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        signIn(dialog, account.login, u"not-the-password"_s);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(),
                 u"The login name or password is wrong (failed attempts in a row: 1 of 5)."_s);

        // An unknown login gets the same message: the dialog doesn't reveal which logins exist.
        signIn(dialog, u"nobody.here"_s, DemoPassword);
        QCOMPARE(dialog.errorLabel()->text(),
                 u"The login name or password is wrong (failed attempts in a row: 2 of 5)."_s);
    }

    void disabledAccountRefused()
    {
        Ui::LoginDialog dialog(m_db);
        QString message;
        QVERIFY(!dialog.authenticate(u"disabled.test"_s, DemoPassword, &message));
        QCOMPARE(message,
                 u"The account \"disabled.test\" is disabled. Please ask an administrator to enable it."_s);
    }

    void lockOutAfterFiveFailures()
    {
        const Core::User account = demoUser(Core::Role::BankOfficer);
        Ui::LoginDialog dialog(m_db);
        qint64 now = 0;
        dialog.setClock([&now] { return now; });
        QString message;
        for (int i = 0; i < Ui::LoginThrottle::MaxFailures; ++i)
            QVERIFY(!dialog.authenticate(account.login, u"wrong"_s, &message));
        QVERIFY(message.contains(u"locked for 30 seconds"_s));
        // Locked: even the right password is refused, without checking it.
        now = 10000;
        QVERIFY(!dialog.authenticate(account.login, DemoPassword, &message));
        QCOMPARE(message, u"Too many failed sign-in attempts. Please wait 20 second(s) and try again."_s);
        // 30 s after the 5th failure the right password works again.
        now = 30000;
        QVERIFY2(dialog.authenticate(account.login, DemoPassword, &message), qPrintable(message));
    }

    void damagedDatabaseRefused_data()
    {
        QTest::addColumn<QString>("kind");
        // Each must make the client print the store's own message and exit 1, never crash or start.
        QTest::newRow("not a database") << u"garbage"_s;
        QTest::newRow("truncated copy") << u"truncated"_s;
        QTest::newRow("newer schema") << u"newer"_s;
    }

    void damagedDatabaseRefused()
    {
#ifndef XINDAI_DESKTOP_BIN
        QSKIP("the xindai client is not part of this build");
#else
        QFETCH(QString, kind);
        const QString path = m_dir.filePath(kind + u".db"_s);
        QFile::remove(path);
        if (kind == u"garbage") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        } else {
            const QString fresh = m_dir.filePath(kind + u"-fresh.db"_s);
            QFile::remove(fresh);
            {
                Store::Database db;
                QString error;
                QVERIFY2(db.open(fresh, &error), qPrintable(error));
            }
            if (kind == u"truncated") {
                QFile in(fresh);
                QVERIFY(in.open(QIODevice::ReadOnly));
                QVERIFY(in.size() > 8192);
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(in.read(8192)); // an interrupted copy: the header announces more pages
            } else {
                QVERIFY(QFile::copy(fresh, path));
                {
                    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
                    raw.setDatabaseName(path);
                    QVERIFY(raw.open());
                    QSqlQuery query(raw);
                    QVERIFY(query.exec(
                        u"PRAGMA user_version = %1"_s.arg(Store::Database::latestSchemaVersion() + 1)));
                    raw.close();
                }
                QSqlDatabase::removeDatabase(u"newer"_s);
            }
        }
        QString expected;
        {
            Store::Database db;
            QVERIFY(!db.open(path, &expected, Store::Database::OpenMode::MustExist));
            QVERIFY(!expected.isEmpty());
        }
        QProcess client;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        client.setProcessEnvironment(env);
        client.start(QStringLiteral(XINDAI_DESKTOP_BIN), {u"--db"_s, path, u"--lang"_s, u"en"_s, u"--login"_s,
                                                          u"admin"_s, u"--password"_s, DemoPassword});
        QVERIFY(client.waitForFinished(30000));
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), 1);
        const QString stderrText = QString::fromUtf8(client.readAllStandardError());
        QVERIFY2(stderrText.contains(expected), qPrintable(stderrText));
#endif
    }

private:
    Core::User demoUser(Core::Role role)
    {
        for (const Core::User &u : Store::UserRepository(m_db).users()) {
            if (u.role == role && !u.disabled)
                return u;
        }
        return {};
    }

    Core::Enterprise visibleFirm(const Core::User &user)
    {
        Store::ApplicationRepository::Filter filter;
        if (user.role == Core::Role::BankOfficer)
            filter.institutionId = user.institutionId;
        const Store::EnterpriseRepository firms(m_db);
        for (const Core::Application &a : Store::ApplicationRepository(m_db).applications(filter)) {
            const std::optional<Core::Enterprise> e = firms.byId(a.enterpriseId);
            if (!e || e->name.size() < 6)
                continue;
            if ((user.role == Core::Role::WindowStaff || user.role == Core::Role::ParkManager)
                && e->parkId != user.parkId)
                continue;
            return *e;
        }
        return {};
    }

    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
};

QTEST_MAIN(TestGuiShell)
#include "tst_gui_shell.moc"
