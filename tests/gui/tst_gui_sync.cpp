// The desktop client's sync UI without a server: the status bar widget for each SyncStatus, the
// first-sync dialog, and the Conflicts page on a small generated store with conflict and rejection
// rows written the way the sync engine writes them ("keep the server's value", "use my value",
// "dismiss" change the store as docs/ui.md says).
#include "common/conflictresolver.h"
#include "common/conflictspage.h"
#include "common/conflicttablemodel.h"
#include "common/rejectiontablemodel.h"
#include "common/syncrecordlabels.h"
#include "demo/demogenerator.h"
#include "security/passwordhasher.h"
#include "shell/firstsyncdialog.h"
#include "shell/logindialog.h"
#include "shell/navigation.h"
#include "shell/syncstatuswidget.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/outbox.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace XinDai;
using namespace Qt::StringLiterals;

using State = SyncClient::SyncStatus::State;

namespace {

SyncClient::SyncStatus status(State state, int pending = 0, int conflicts = 0, int rejections = 0,
                              qint64 done = 0, qint64 total = 0, const QString &error = {})
{
    SyncClient::SyncStatus s;
    s.state = state;
    s.pendingOperations = pending;
    s.openConflicts = conflicts;
    s.rejections = rejections;
    s.progressDone = done;
    s.progressTotal = total;
    s.lastError = error;
    return s;
}

/// Selects row \a row of \a view like a click (replacing the selection).
void selectRow(QTableView *view, int row)
{
    view->clearSelection();
    view->selectRow(row);
}

} // namespace

class TestGuiSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(
            QLocale(QLocale::English, QLocale::UnitedStates)); // money and numbers in a known form
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"sync.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 12;
        options.passwordIterations
            = 1000; // the offline fallback verifies these; 600,000 would cost ~0.3 s each
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
    }

    void statusWidget_data()
    {
        QTest::addColumn<SyncClient::SyncStatus>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("stateKey");
        QTest::addColumn<bool>("visible");
        QTest::addColumn<bool>("progressShown");
        QTest::addColumn<int>("progressValue");   // thousandths; -1 = busy indicator (range 0..0)
        QTest::addColumn<QString>("pendingText"); // "" = label hidden
        QTest::addColumn<QString>("issuesText");  // "" = button hidden
        QTest::addColumn<bool>("syncNowEnabled");

        // No server: the widget stays out of the status bar, the client works as before sync.
        QTest::newRow("not configured")
            << status(State::NotConfigured) << u"Local data only"_s << u"notConfigured"_s << false << false
            << -1 << QString() << QString() << true;
        // Offline with 3 queued edits: they are counted so the user knows they are not on the server.
        QTest::newRow("offline, pending")
            << status(State::Offline, 3) << u"Offline · working on local data"_s << u"offline"_s << true
            << false << -1 << u"3 local change(s) waiting to be sent"_s << QString() << true;
        // A pull of 250 of 1000 rows: the bar shows a quarter; "Sync now" is pointless while it runs.
        QTest::newRow("syncing, known total")
            << status(State::Syncing, 0, 0, 0, 250, 1000) << u"Synchronising…"_s << u"syncing"_s << true
            << true << 250 << QString() << QString() << false;
        // The server did not say how many rows there are: a busy indicator, not a wrong fraction.
        QTest::newRow("syncing, unknown total")
            << status(State::Syncing, 0, 0, 0, 40, 0) << u"Synchronising…"_s << u"syncing"_s << true << true
            << -1 << QString() << QString() << false;
        // More done than total (the head moved during the pull) must not overflow the bar.
        QTest::newRow("syncing, done > total")
            << status(State::Syncing, 0, 0, 0, 1200, 1000) << u"Synchronising…"_s << u"syncing"_s << true
            << true << 1000 << QString() << QString() << false;
        // Conflicts and rejections are one button that opens the Conflicts page.
        QTest::newRow("up to date, issues")
            << status(State::UpToDate, 0, 2, 1) << u"Up to date"_s << u"upToDate"_s << true << false << -1
            << QString() << u"2 conflict(s) · 1 rejected change(s)"_s << true;
        // Signed out: the button asks for the password again instead of syncing.
        QTest::newRow("signed out") << status(State::SignedOut, 1)
                                    << u"Signed out · please sign in again to synchronise"_s << u"signedOut"_s
                                    << true << false << -1 << u"1 local change(s) waiting to be sent"_s
                                    << QString() << true;
    }

    void statusWidget()
    {
        QFETCH(SyncClient::SyncStatus, status);
        QFETCH(QString, text);
        QFETCH(QString, stateKey);
        QFETCH(bool, visible);
        QFETCH(bool, progressShown);
        QFETCH(int, progressValue);
        QFETCH(QString, pendingText);
        QFETCH(QString, issuesText);
        QFETCH(bool, syncNowEnabled);

        Ui::SyncStatusWidget widget;
        widget.setStatus(status);
        QCOMPARE(widget.stateLabel()->text(), text);
        QCOMPARE(widget.stateLabel()->property("state").toString(), stateKey);
        QCOMPARE(!widget.isHidden(), visible);
        QCOMPARE(!widget.progressBar()->isHidden(), progressShown);
        if (progressValue < 0) {
            QCOMPARE(widget.progressBar()->maximum(), 0);
        } else {
            QCOMPARE(widget.progressBar()->maximum(), 1000);
            QCOMPARE(widget.progressBar()->value(), progressValue);
        }
        QCOMPARE(!widget.pendingLabel()->isHidden(), !pendingText.isEmpty());
        if (!pendingText.isEmpty())
            QCOMPARE(widget.pendingLabel()->text(), pendingText);
        QCOMPARE(!widget.issuesButton()->isHidden(), !issuesText.isEmpty());
        if (!issuesText.isEmpty())
            QCOMPARE(widget.issuesButton()->text(), issuesText);
        QCOMPARE(widget.syncNowButton()->isEnabled(), syncNowEnabled);
        QCOMPARE(widget.syncNowButton()->text(),
                 status.state == State::SignedOut ? u"Sign in again…"_s : u"Sync now"_s);
    }

    void statusWidgetToolTipAndSignals()
    {
        Ui::SyncStatusWidget widget;
        SyncClient::SyncStatus s = status(State::Offline, 0, 1, 0, 0, 0, u"The server cannot be reached."_s);
        s.lastSuccess = QDateTime(QDate(2026, 11, 25), QTime(8, 30), Qt::UTC);
        s.nextAttempt = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 15), Qt::UTC);
        widget.setStatus(s);
        const QString tip = widget.toolTip();
        // The tooltip names the last success (local time), the error and the retry time.
        QVERIFY2(tip.contains(u"Last successful synchronisation: "_s
                              + s.lastSuccess.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)),
                 qPrintable(tip));
        QVERIFY2(tip.contains(u"Last error: The server cannot be reached."_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"Next attempt at "_s + s.nextAttempt.toLocalTime().toString(u"HH:mm:ss"_s)),
                 qPrintable(tip));
        // Never synchronised: said so instead of a date.
        widget.setStatus(status(State::Offline));
        QVERIFY(widget.toolTip().contains(u"Not synchronised with the server yet."_s));
        QVERIFY(!widget.toolTip().contains(u"Last error"_s));

        widget.setStatus(status(State::UpToDate, 0, 1));
        QSignalSpy syncNow(&widget, &Ui::SyncStatusWidget::syncNowRequested);
        QSignalSpy conflicts(&widget, &Ui::SyncStatusWidget::conflictsRequested);
        QTest::mouseClick(widget.syncNowButton(), Qt::LeftButton);
        QTest::mouseClick(widget.issuesButton(), Qt::LeftButton);
        QCOMPARE(syncNow.count(), 1);
        QCOMPARE(conflicts.count(), 1);
    }

    void firstSyncDialog()
    {
        Ui::FirstSyncDialog dialog;
        dialog.show();
        // Starts as a busy indicator: nothing is known before the first page arrives.
        QCOMPARE(dialog.progressBar()->maximum(), 0);
        dialog.setStatus(status(State::Syncing, 0, 0, 0, 2500, 10000));
        QCOMPARE(dialog.progressBar()->maximum(), 1000);
        QCOMPARE(dialog.progressBar()->value(), 250);
        QCOMPARE(dialog.messageLabel()->text(), u"Downloaded 2,500 of 10,000 records."_s); // en_US grouping
        QVERIFY(dialog.errorLabel()->isHidden());
        // A failure keeps the dialog open with the engine's reason; the engine retries by itself.
        dialog.setStatus(status(State::Offline, 0, 0, 0, 0, 0, u"Connection refused."_s));
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorLabel()->isHidden());
        QCOMPARE(dialog.errorLabel()->text(), u"Connection refused."_s);
        // Done: the dialog closes itself as accepted.
        dialog.setStatus(status(State::UpToDate));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());

        Ui::FirstSyncDialog other;
        other.show();
        QTest::mouseClick(other.backgroundButton(), Qt::LeftButton);
        QCOMPARE(other.result(), int(QDialog::Rejected)); // the sync goes on in the background
    }

    void onlineSignIn_data()
    {
        QTest::addColumn<int>("result"); // LoginDialog::OnlineResult
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<bool>("online");
        QTest::addColumn<bool>("fellBack");
        // The server accepts: signed in online, no local check needed.
        QTest::newRow("signed in") << int(Ui::LoginDialog::OnlineResult::SignedIn) << u"new-secret"_s << true
                                   << true << false;
        // The server refuses: its sentence, and no local fallback (the local hash may be stale).
        QTest::newRow("refused") << int(Ui::LoginDialog::OnlineResult::Refused) << u"xindai2026"_s << false
                                 << false << false;
        // The server cannot be reached: the local hash decides; the demo password matches it.
        QTest::newRow("unreachable, local ok")
            << int(Ui::LoginDialog::OnlineResult::Unreachable) << u"xindai2026"_s << true << false << true;
        // Unreachable and a wrong password: refused locally too.
        QTest::newRow("unreachable, local wrong")
            << int(Ui::LoginDialog::OnlineResult::Unreachable) << u"wrong"_s << false << false << false;
    }

    void onlineSignIn()
    {
        QFETCH(int, result);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        QFETCH(bool, online);
        QFETCH(bool, fellBack);
        const std::optional<Core::User> local = Store::UserRepository(m_db).byLogin(u"window.cs"_s);
        QVERIFY(local);

        Ui::LoginDialog dialog(m_db);
        dialog.setLocalHashIterations(1000);
        dialog.setServer(u"http://127.0.0.1:9/"_s, QString());
        QStringList calls;
        dialog.setOnlineSignIn(
            [&](const QUrl &server, const QString &ca, const QString &login, const QString &pw) {
                calls.append(server.toString() + u'|' + ca + u'|' + login + u'|' + pw);
            });
        QSignalSpy failed(&dialog, &Ui::LoginDialog::signInFailed);
        // The folded server section still names the server the sign-in goes to.
        QCOMPARE(dialog.serverSettingsButton()->text(), u"Server settings (127.0.0.1)"_s);
        dialog.show();
        QTest::keyClicks(dialog.loginEdit(), u"window.cs"_s);
        QTest::keyClicks(dialog.passwordEdit(), password);
        QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        // The dialog asked the server with exactly what was typed, and waits (OK disabled).
        QCOMPARE(calls, QStringList{u"http://127.0.0.1:9/||window.cs|"_s + password});
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        const QJsonObject server{{u"id"_s, local->meta.id},
                                 {u"login"_s, u"window.cs"_s},
                                 {u"display_name"_s, u"服务器上的名字"_s},
                                 {u"role"_s, u"window_staff"_s},
                                 {u"park_id"_s, local->parkId},
                                 {u"institution_id"_s, QJsonValue::Null}};
        const auto outcome = static_cast<Ui::LoginDialog::OnlineResult>(result);
        dialog.finishOnlineSignIn(outcome,
                                  outcome == Ui::LoginDialog::OnlineResult::Unreachable
                                      ? u"Connection refused"_s
                                      : u"The server refused the login name or the password."_s,
                                  outcome == Ui::LoginDialog::OnlineResult::SignedIn ? server
                                                                                     : QJsonObject());
        QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
        QCOMPARE(dialog.signedInOnline(), online);
        QCOMPARE(dialog.fellBackToOffline(), fellBack);
        QCOMPARE(failed.count(), accepted ? 0 : 1);
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        if (!accepted) {
            QVERIFY(!dialog.errorLabel()->isHidden());
            if (outcome == Ui::LoginDialog::OnlineResult::Refused)
                QCOMPARE(dialog.errorLabel()->text(),
                         u"The server refused the login name or the password."_s);
            else
                QVERIFY(dialog.errorLabel()->text().startsWith(
                    u"The server cannot be reached (Connection refused)"_s));
            return;
        }
        if (!online) {
            QCOMPARE(dialog.user().meta.id, local->meta.id); // the local row
            return;
        }
        // Online: the server's description, with a hash of the typed password for the local row.
        QCOMPARE(dialog.user().displayName, u"服务器上的名字"_s);
        QCOMPARE(dialog.user().role, Core::Role::WindowStaff);
        QVERIFY(Security::PasswordHasher::verify(password, dialog.user().passwordHash));
        const int outboxBefore = Store::Outbox(m_db).count();
        QString error;
        QVERIFY2(Ui::LoginDialog::rememberUser(m_db, dialog.user(), &error), qPrintable(error));
        const std::optional<Core::User> stored = Store::UserRepository(m_db).byLogin(u"window.cs"_s);
        QVERIFY(stored);
        QCOMPARE(stored->meta.id, local->meta.id);
        QCOMPARE(stored->displayName, u"服务器上的名字"_s);
        // The next offline sign-in takes the new password, not the old one.
        QVERIFY(Security::PasswordHasher::verify(password, stored->passwordHash));
        QVERIFY(!Security::PasswordHasher::verify(u"xindai2026"_s, stored->passwordHash));
        QCOMPARE(Store::Outbox(m_db).count(), outboxBefore); // the server owns user rows: nothing to push
        // Restore the demo password for the other rows.
        QVERIFY2(Ui::LoginDialog::rememberUser(m_db, *local, &error), qPrintable(error));
    }

    void onlineSignInValidatesServerSettings_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("message");
        // Not a URL the engine can use: named in the sentence, the server is never asked.
        QTest::newRow("no scheme")
            << u"xindai.example.cn:8443"_s << QString()
            << u"The server address \"xindai.example.cn:8443\" is not valid: write it as "
               "https://host:port/."_s;
        QTest::newRow("ftp") << u"ftp://xindai.example.cn/"_s << QString()
                             << u"The server address \"ftp://xindai.example.cn/\" is not valid: write it as "
                                "https://host:port/."_s;
        QTest::newRow("missing CA file") << u"https://xindai.example.cn:8443/"_s << u"/nonexistent/ca.pem"_s
                                         << u"The CA certificate file /nonexistent/ca.pem does not exist."_s;
    }

    void onlineSignInValidatesServerSettings()
    {
        QFETCH(QString, server);
        QFETCH(QString, caFile);
        QFETCH(QString, message);
        Ui::LoginDialog dialog(m_db);
        dialog.setServer(server, caFile);
        int calls = 0;
        dialog.setOnlineSignIn(
            [&](const QUrl &, const QString &, const QString &, const QString &) { ++calls; });
        QSignalSpy failed(&dialog, &Ui::LoginDialog::signInFailed);
        dialog.submit(u"window.cs"_s, u"xindai2026"_s);
        QCOMPARE(calls, 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), message);
        QVERIFY(dialog.serverSettingsButton()->isChecked()); // the section opens to show the field
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void conflictsPageIsInEveryWorkspace_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("window staff") << int(Core::Role::WindowStaff);
        QTest::newRow("park manager") << int(Core::Role::ParkManager);
        QTest::newRow("bank officer") << int(Core::Role::BankOfficer);
        QTest::newRow("admin") << int(Core::Role::Admin);
    }

    void conflictsPageIsInEveryWorkspace()
    {
        // Everybody edits offline, so everybody can lose a field to the server.
        QFETCH(int, role);
        QVERIFY(Ui::Navigation::pagesFor(Core::Role(role)).contains(Ui::Navigation::Page::Conflicts));
        QCOMPARE(Ui::Navigation::key(Ui::Navigation::Page::Conflicts), u"page.conflicts"_s);
    }

    void storedValues_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("isNull");
        QTest::addColumn<QJsonValue>("value");
        // The engine stores compact JSON: a quoted string stays a string, numbers stay numbers.
        QTest::newRow("json string") << u"\"长沙湘江\""_s << false << QJsonValue(u"长沙湘江"_s);
        QTest::newRow("json number") << u"300000000"_s << false << QJsonValue(300000000.0);
        QTest::newRow("json null") << u"null"_s << false << QJsonValue(QJsonValue::Null);
        QTest::newRow("json bool") << u"true"_s << false << QJsonValue(true);
        // Migration 0003 wrote plain text: it must still be readable (as a string).
        QTest::newRow("plain text") << u"no quotes"_s << false << QJsonValue(u"no quotes"_s);
        // SQL NULL: that side had removed the field.
        QTest::newRow("sql null") << QString() << true << QJsonValue(QJsonValue::Undefined);
    }

    void storedValues()
    {
        QFETCH(QString, stored);
        QFETCH(bool, isNull);
        QFETCH(QJsonValue, value);
        const QVariant column = isNull ? QVariant() : QVariant(stored);
        QCOMPARE(Ui::SyncRecordLabels::parseStored(column), value);
        if (!isNull && stored != u"no quotes"_s)
            QCOMPARE(Ui::SyncRecordLabels::toStored(value), stored); // round trip
    }

    void conflictsPage()
    {
        const Store::ApplicationRepository applications(m_db);
        const QVector<Core::Application> all = applications.applications();
        QVERIFY(!all.isEmpty());
        // A submitted application: from there "accepted" is legal and "settled" is not.
        auto submitted = std::find_if(all.cbegin(), all.cend(), [](const Core::Application &a) {
            return a.state == Core::Application::State::Submitted;
        });
        QVERIFY2(submitted != all.cend(), "the demo data has no submitted application");
        const Core::Application app = *submitted;
        const Core::Enterprise firm = *Store::EnterpriseRepository(m_db).byId(app.enterpriseId);
        const QVector<Core::Policy> policies = Store::ReferenceRepository(m_db).policies();
        QVERIFY(!policies.isEmpty());

        QSqlQuery sql(m_db.sql());
        // The row as the last pull left it: server version 41, the server's amount 2.5 million yuan.
        QVERIFY(sql.exec(
            u"UPDATE application SET version = 41, amount = 250000000 WHERE id = '%1'"_s.arg(app.meta.id)));
        const qint64 serverAmount = 250000000;
        const qint64 myAmount = 350000000; // 1 million yuan more than the kept value
        auto insertConflict = [&](const QString &entity, const QString &rowId, const QString &field,
                                  const QString &local, const QString &server, const QString &at) {
            QSqlQuery q(m_db.sql());
            q.prepare(u"INSERT INTO conflict (entity, row_id, field, local_value, server_value, detected_at, "
                      "resolved) VALUES (?, ?, ?, ?, ?, ?, 0)"_s);
            for (const QString &v : {entity, rowId, field, local, server, at})
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        };
        insertConflict(u"application"_s, app.meta.id, u"amount"_s, QString::number(myAmount),
                       QString::number(serverAmount), u"2026-11-25T08:00:00.000Z"_s);
        insertConflict(u"enterprise"_s, firm.meta.id, u"phone"_s, u"\"0731-1234567\""_s,
                       Ui::SyncRecordLabels::toStored(QJsonValue(firm.phone)), u"2026-11-25T07:00:00.000Z"_s);
        insertConflict(u"policy"_s, policies.first().meta.id, u"title"_s, u"\"我的标题\""_s,
                       Ui::SyncRecordLabels::toStored(QJsonValue(policies.first().title)),
                       u"2026-11-25T06:00:00.000Z"_s);
        insertConflict(u"application"_s, app.meta.id, u"state"_s, u"\"settled\""_s, u"\"submitted\""_s,
                       u"2026-11-25T05:00:00.000Z"_s);
        QVERIFY(sql.exec(u"INSERT INTO sync_rejection (op_id, entity, row_id, reason, rejected_at) VALUES "
                         "('0b0e5c1a-3f7e-4c55-9a51-5d2f7c1e9a02', 'application', '%1', "
                         "'The application cannot be deleted after it was submitted.', "
                         "'2026-11-25T08:31:00.000Z')"_s.arg(app.meta.id)));

        const int outboxBefore = Store::Outbox(m_db).count();

        Ui::ConflictsPage page(m_db);
        QAbstractItemModelTester conflictTester(page.conflictModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rejectionTester(page.rejectionModel(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.activate();
        Ui::ConflictTableModel *model = page.conflictModel();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->columnCount(), int(Ui::ConflictTableModel::ColumnCount));
        // Newest first: the amount conflict (08:00), the phone (07:00), the policy (06:00), the state.
        auto cell = [model](int row, int column) {
            return model->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, Ui::ConflictTableModel::EntityColumn), u"Application"_s);
        // An application is named by its number and its firm's name.
        QCOMPARE(cell(0, Ui::ConflictTableModel::RecordColumn), u"%1 · %2"_s.arg(app.number, firm.name));
        QCOMPARE(cell(0, Ui::ConflictTableModel::FieldColumn), u"Requested amount"_s);
        // Money in fen is shown in yuan units (English: millions), never as raw fen.
        QCOMPARE(cell(0, Ui::ConflictTableModel::LocalValueColumn), u"CNY 3.50 million"_s);
        QCOMPARE(cell(0, Ui::ConflictTableModel::ServerValueColumn), u"CNY 2.50 million"_s);
        QCOMPARE(cell(1, Ui::ConflictTableModel::RecordColumn), firm.name);
        QCOMPARE(cell(1, Ui::ConflictTableModel::FieldColumn), u"Phone"_s);
        QCOMPARE(cell(1, Ui::ConflictTableModel::LocalValueColumn), u"0731-1234567"_s);
        QCOMPARE(cell(1, Ui::ConflictTableModel::ServerValueColumn),
                 firm.phone.isEmpty() ? u"—"_s : firm.phone);
        QCOMPARE(cell(2, Ui::ConflictTableModel::RecordColumn), policies.first().title);
        // State codes are shown translated (English source strings here).
        QCOMPARE(cell(3, Ui::ConflictTableModel::FieldColumn), u"State"_s);
        QCOMPARE(cell(3, Ui::ConflictTableModel::LocalValueColumn), u"Settled"_s);
        QCOMPARE(cell(3, Ui::ConflictTableModel::ServerValueColumn), u"Submitted"_s);
        // Detected-at in local time, minutes.
        QCOMPARE(cell(0, Ui::ConflictTableModel::DetectedColumn),
                 QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC)
                     .toLocalTime()
                     .toString(u"yyyy-MM-dd HH:mm"_s));
        QCOMPARE(page.rejectionModel()->rowCount(), 1);
        QCOMPARE(page.rejectionModel()->index(0, Ui::RejectionTableModel::ReasonColumn).data().toString(),
                 u"The application cannot be deleted after it was submitted."_s);
        QCOMPARE(page.rejectionModel()->index(0, Ui::RejectionTableModel::RecordColumn).data().toString(),
                 u"%1 · %2"_s.arg(app.number, firm.name));

        // Nothing selected: no action possible.
        QVERIFY(!page.keepServerButton()->isEnabled());
        QVERIFY(!page.useMineButton()->isEnabled());
        QVERIFY(!page.dismissButton()->isEnabled());

        // A policy title is reference data edited on the server: only "keep" is offered.
        selectRow(page.conflictView(), 2);
        QVERIFY(page.keepServerButton()->isEnabled());
        QVERIFY(!page.useMineButton()->isEnabled());

        // "Use my value" on the amount: the row gets my amount again, through the repository, which
        // queues exactly that field for the next push on top of the server version 41.
        QSignalSpy changed(&page, &Ui::ConflictsPage::changed);
        selectRow(page.conflictView(), 0);
        QVERIFY(page.useMineButton()->isEnabled());
        QTest::mouseClick(page.useMineButton(), Qt::LeftButton);
        QVERIFY2(page.messageLabel()->property("role").toString() != u"error"_s,
                 qPrintable(page.messageLabel()->text()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(applications.application(app.meta.id)->amount.fen(), myAmount);
        Store::Outbox outbox(m_db);
        QCOMPARE(outbox.count(), outboxBefore + 1);
        const QVector<Store::Outbox::Operation> queued = outbox.pendingFor(u"application"_s, app.meta.id);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().kind, u"upsert"_s);
        QCOMPARE(queued.first().baseVersion, 41);
        QCOMPARE(queued.first().payload.value(u"amount"_s).toDouble(), double(myAmount));
        QVERIFY(!queued.first().payload.contains(u"state"_s)); // only the changed field
        QCOMPARE(resolved(u"application"_s, u"amount"_s), 1);
        QCOMPARE(model->rowCount(), 3);

        // "Keep the server's value" on the phone: resolved, the row and the outbox untouched.
        QCOMPARE(cell(0, Ui::ConflictTableModel::FieldColumn), u"Phone"_s);
        selectRow(page.conflictView(), 0);
        QTest::mouseClick(page.keepServerButton(), Qt::LeftButton);
        QCOMPARE(resolved(u"enterprise"_s, u"phone"_s), 1);
        QCOMPARE(Store::EnterpriseRepository(m_db).byId(firm.meta.id)->phone, firm.phone);
        QCOMPARE(outbox.count(), outboxBefore + 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model->rowCount(), 2);

        // "Use my value" on the state: submitted → settled is not a legal step any more, so the
        // repository refuses; nothing changes and the conflict stays open with the reason shown.
        QCOMPARE(cell(1, Ui::ConflictTableModel::FieldColumn), u"State"_s);
        selectRow(page.conflictView(), 1);
        QVERIFY(page.useMineButton()->isEnabled());
        QTest::mouseClick(page.useMineButton(), Qt::LeftButton);
        QCOMPARE(page.messageLabel()->property("role").toString(), u"error"_s);
        QVERIFY2(page.messageLabel()->text().contains(app.number), qPrintable(page.messageLabel()->text()));
        QCOMPARE(resolved(u"application"_s, u"state"_s), 0);
        QCOMPARE(applications.application(app.meta.id)->state, Core::Application::State::Submitted);
        QCOMPARE(outbox.count(), outboxBefore + 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model->rowCount(), 2);

        // Dismissing the rejection hides it; the row is not touched.
        selectRow(page.rejectionView(), 0);
        QVERIFY(page.dismissButton()->isEnabled());
        QTest::mouseClick(page.dismissButton(), Qt::LeftButton);
        QCOMPARE(page.rejectionModel()->rowCount(), 0);
        QVERIFY(sql.exec(u"SELECT dismissed FROM sync_rejection"_s) && sql.next());
        QCOMPARE(sql.value(0).toInt(), 1);
        QCOMPARE(changed.count(), 3);

        // The resolver refuses a second resolution of the same conflict (e.g. from another window).
        QVERIFY(sql.exec(u"SELECT id FROM conflict WHERE field = 'phone'"_s) && sql.next());
        const qint64 phoneConflict = sql.value(0).toLongLong();
        sql.finish();
        QString error;
        QVERIFY(!Ui::ConflictResolver(m_db).keepServerValue(phoneConflict, &error));
        QCOMPARE(error, u"The conflict is no longer open: it was resolved already."_s);
    }

    void renumberedApplication()
    {
        // The server gave an application the next free number (its own was taken meanwhile): the old
        // number cannot be sent again, and the page says what the change means for the receipt.
        QVERIFY(!Ui::ConflictResolver::canUseLocalValue(u"application"_s, u"number"_s));
        QVERIFY(Ui::ConflictResolver::canUseLocalValue(u"application"_s, u"amount"_s));
        const Core::Application app = Store::ApplicationRepository(m_db).applications().first();
        QSqlQuery sql(m_db.sql());
        sql.prepare(u"INSERT INTO conflict (entity, row_id, field, local_value, server_value, detected_at, "
                    "resolved) VALUES ('application', ?, 'number', ?, ?, '2026-11-26T09:00:00.000Z', 0)"_s);
        sql.addBindValue(app.meta.id);
        sql.addBindValue(u"\"XD-2026-CS-0000007\""_s);
        sql.addBindValue(Ui::SyncRecordLabels::toStored(QJsonValue(app.number)));
        QVERIFY2(sql.exec(), qPrintable(sql.lastError().text()));

        Ui::ConflictsPage page(m_db);
        page.show();
        page.activate();
        Ui::ConflictTableModel *model = page.conflictModel();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->entry(r).field == u"number"_s)
                row = r;
        }
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, Ui::ConflictTableModel::LocalValueColumn).data().toString(),
                 u"XD-2026-CS-0000007"_s);
        const QString hint = Ui::ConflictTableModel::renumberingHint();
        QVERIFY(hint.contains(u"receipt"_s));
        QCOMPARE(model->index(row, Ui::ConflictTableModel::LocalValueColumn).data(Qt::ToolTipRole).toString(),
                 hint);
        selectRow(page.conflictView(), row);
        QVERIFY(page.keepServerButton()->isEnabled());
        QVERIFY(!page.useMineButton()->isEnabled());
        QCOMPARE(page.useMineButton()->toolTip(), hint);
        QTest::mouseClick(page.keepServerButton(), Qt::LeftButton);
        QCOMPARE(resolved(u"application"_s, u"number"_s), 1);
        QCOMPARE(Store::ApplicationRepository(m_db).application(app.meta.id)->number, app.number);
    }

private:
    /// The resolved flag of the conflict of \a entity.\a field (-1 when there is none).
    int resolved(const QString &entity, const QString &field)
    {
        QSqlQuery q(m_db.sql());
        q.prepare(u"SELECT resolved FROM conflict WHERE entity = ? AND field = ?"_s);
        q.addBindValue(entity);
        q.addBindValue(field);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
};

QTEST_MAIN(TestGuiSync)
#include "tst_gui_sync.moc"
