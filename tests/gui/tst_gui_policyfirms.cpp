// 政策找企业 and deadline reminders end to end on a small generated demo store, offscreen, as the window
// clerk window.cs: the page lists exactly PolicyMatcher::eligibleFirms for the clerk's park, "Export
// CSV…" writes PolicyMatcher::toCsv through the injected path, and the policy matching page shows
// exactly PolicyMatcher::deadlineReminders(firm, today, 10).

#include "demo/demogenerator.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "matching/thresholdwhatif.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/navigation.h"
#include "store/database.h"
#include "store/referencerepository.h"
#include "window/policyfirmmodel.h"
#include "window/policyfirmspage.h"
#include "window/policymatchpage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

const QString DemoPassword = u"xindai2026"_s;
const QString WindowLogin = u"window.cs"_s;
const QByteArray CsvHeader
    = QByteArray("\xEF\xBB\xBF")
      + u"序号,企业名称,统一社会信用代码,所在地区,企业规模,预计受益金额（元）,政策编号,政策名称,规则版本\r\n"_s
            .toUtf8();

} // namespace

class TestGuiPolicyFirms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 40;
        options.demoPassword = DemoPassword;
        options.passwordIterations = 2000; // the login path is the same, only cheaper
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        Ui::LoginDialog dialog(m_db);
        QString message;
        QVERIFY2(dialog.authenticate(WindowLogin, DemoPassword, &message), qPrintable(message));
        m_user = dialog.user();
        QCOMPARE(m_user.role, Core::Role::WindowStaff);
        QVERIFY(!m_user.parkId.isEmpty());

        // The policy with the most eligible firms in the clerk's park, found with the matcher itself on
        // the same data, so that the table and the CSV have rows to compare.
        const QDate today = QDate::currentDate();
        m_parkFirms = Matching::FactBuilder::loadPark(m_db, m_user.parkId, today);
        QVERIFY(!m_parkFirms.isEmpty());
        const QVector<Core::Policy> policies = Store::ReferenceRepository(m_db).policies();
        const Matching::PolicyMatcher matcher(policies);
        for (const Core::Policy &policy : policies) {
            if (policy.meta.deleted)
                continue;
            const QVector<Matching::PolicyFirmHit> hits = matcher.eligibleFirms(policy.meta.id, m_parkFirms);
            if (hits.size() > m_hits.size()) {
                m_hits = hits;
                m_policy = policy;
            }
        }
        QVERIFY2(!m_hits.isEmpty(), "no policy has an eligible firm in the clerk's park");
        qInfo("policy %s: %d of %d firms eligible", qPrintable(m_policy.code), int(m_hits.size()),
              int(m_parkFirms.size()));
    }

    void policyFirmsPage()
    {
        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The page is in the clerk's navigation, loads when shown and lists the park's firms.
        QVERIFY(window.showPage(Ui::Navigation::Page::PolicyFirms));
        auto *page = qobject_cast<Ui::PolicyFirmsPage *>(window.page(Ui::Navigation::Page::PolicyFirms));
        QVERIFY(page);
        QVERIFY(page->isLoaded());
        QCOMPARE(page->firms().size(), m_parkFirms.size());

        Ui::PolicyFirmModel *model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->columnCount(), int(Ui::PolicyFirmModel::ColumnCount));
        QVERIFY(!page->setPolicy(u"no-such-policy"_s)); // not in the picker: nothing changes
        QVERIFY(page->setPolicy(m_policy.meta.id));
        QCOMPARE(page->policyId(), m_policy.meta.id);

        // Exactly the matcher's hits, in its order (benefit, then name), benefit in 万元.
        QCOMPARE(model->rowCount(), int(m_hits.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const Matching::PolicyFirmHit &hit = m_hits.at(row);
            QCOMPARE(model->index(row, 0).data(Ui::PolicyFirmModel::EnterpriseIdRole).toString(),
                     hit.firm.enterpriseId);
            QCOMPARE(model->index(row, Ui::PolicyFirmModel::NameColumn).data().toString(), hit.firm.name);
            QCOMPARE(model->index(row, Ui::PolicyFirmModel::UsccColumn).data().toString(), hit.firm.uscc);
            QCOMPARE(model->index(row, 0).data(Ui::PolicyFirmModel::BenefitFenRole).toLongLong(),
                     hit.benefit.fen());
            QCOMPARE(model->index(row, Ui::PolicyFirmModel::BenefitColumn).data().toString(),
                     hit.benefit.format(Core::Money::Unit::Wan));
        }
        // The count names the number of hits.
        QVERIFY2(page->countLabel()->text().contains(QString::number(m_hits.size())),
                 qPrintable(page->countLabel()->text()));
        QVERIFY(page->exportButton()->isEnabled());

        // "Export CSV…" through the injected path: BOM + Chinese header, then one CRLF line per hit,
        // byte for byte PolicyMatcher::toCsv.
        const QString csvPath = m_dir.filePath(u"export.csv"_s);
        QString suggested;
        page->setSavePathProvider([&](const QString &name) {
            suggested = name;
            return csvPath;
        });
        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QVERIFY2(suggested.startsWith(m_policy.code) && suggested.endsWith(u".csv"_s), qPrintable(suggested));
        QFile file(csvPath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith(CsvHeader));
        QCOMPARE(csv.count("\r\n"), m_hits.size() + 1); // header + one line per hit (no quoted breaks)
        QCOMPARE(csv, Matching::PolicyMatcher::toCsv(m_policy, m_hits));

        // Cancelling the dialog writes nothing.
        QVERIFY(QFile::remove(csvPath));
        page->setSavePathProvider([](const QString &) { return QString(); });
        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QVERIFY(!QFile::exists(csvPath));
        // A path that cannot be written is an error, not a silent success.
        QString error;
        QVERIFY(!page->exportCsv(m_dir.filePath(u"missing/dir/export.csv"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    // Near misses and the what-if, checked against the matcher and ThresholdWhatIf on the same firms.
    void nearMissesAndWhatIf()
    {
        // The policy with the most near misses among those with a numeric threshold, so that both
        // panels have something to show.
        const QVector<Core::Policy> policies = Store::ReferenceRepository(m_db).policies();
        Core::Policy policy;
        QStringList nearMissFirms;
        for (const Core::Policy &p : policies) {
            const QJsonValue r = QJsonDocument::fromJson(p.eligibilityRule.toUtf8()).object();
            if (p.meta.deleted || Matching::ThresholdWhatIf::thresholds(r).isEmpty())
                continue;
            const Matching::PolicyMatcher matcher({p});
            QStringList ids;
            for (const Matching::FirmFacts &firm : std::as_const(m_parkFirms)) {
                if (matcher.match(firm, QDate::currentDate()).constFirst().status
                    == Matching::PolicyMatch::Status::NearMiss)
                    ids.append(firm.enterpriseId);
            }
            if (policy.meta.id.isEmpty() || ids.size() > nearMissFirms.size()) {
                policy = p;
                nearMissFirms = ids;
            }
        }
        QVERIFY2(!policy.meta.id.isEmpty(), "no demo policy has a numeric threshold");
        qInfo("policy %s: %d near miss(es)", qPrintable(policy.code), int(nearMissFirms.size()));

        Ui::PolicyFirmsPage page(m_db, m_user.parkId);
        page.show();
        page.activate();
        QVERIFY(page.setPolicy(policy.meta.id));

        QStringList listed;
        for (int i = 0; i < page.nearMissList()->count(); ++i) {
            const QString id = page.nearMissList()->item(i)->data(Qt::UserRole).toString();
            if (!id.isEmpty())
                listed.append(id);
        }
        QCOMPARE(listed, nearMissFirms);

        // Every numeric threshold of the rule is offered, with its current value.
        const QJsonValue rule = QJsonDocument::fromJson(policy.eligibilityRule.toUtf8()).object();
        const auto thresholds = Matching::ThresholdWhatIf::thresholds(rule);
        QCOMPARE(page.whatIfThresholdCombo()->count(), int(thresholds.size()));
        const auto &t = thresholds.constFirst();
        QCOMPARE(page.whatIfThresholdCombo()->currentData().toString(), t.pointer);
        QCOMPARE(page.whatIfValueSpin()->value(), t.value);
        // Loosen the threshold a lot in the direction that admits more firms.
        const bool lowerAdmits = (t.op == u">=" || t.op == u">") == t.factOnLeft;
        const double looser = lowerAdmits ? t.value - 1e6 : t.value + 1e6;
        page.whatIfValueSpin()->setValue(looser);
        QVERIFY(page.runWhatIf());
        const auto outcome = Matching::ThresholdWhatIf::compare(
            Rules::CompiledRule::compile(rule),
            Rules::CompiledRule::compile(*Matching::ThresholdWhatIf::withValue(rule, t.pointer, looser)),
            m_parkFirms);
        QCOMPARE(outcome.before, page.model()->rowCount());
        QVERIFY(outcome.after >= outcome.before);
        const QString text = page.whatIfResultLabel()->text();
        QVERIFY2(text.contains(QString::number(outcome.after))
                     && text.contains(QString::number(outcome.gained.size())),
                 qPrintable(text));
    }

    void policyComboOrder()
    {
        // Open policies come first in the picker: once a closed or upcoming one appears, no open one
        // follows.
        Ui::PolicyFirmsPage page(m_db, m_user.parkId);
        page.activate();
        const QDate today = QDate::currentDate();
        QHash<QString, Core::Policy> byId;
        for (const Core::Policy &policy : Store::ReferenceRepository(m_db).policies())
            byId.insert(policy.meta.id, policy);
        QVERIFY(page.policyCombo()->count() > 0);
        bool seenClosed = false;
        for (int i = 0; i < page.policyCombo()->count(); ++i) {
            const Core::Policy policy = byId.value(page.policyCombo()->itemData(i).toString());
            QVERIFY(!policy.meta.id.isEmpty());
            const bool open = (!policy.windowStart.isValid() || policy.windowStart <= today)
                              && (!policy.windowEnd.isValid() || today <= policy.windowEnd);
            QVERIFY2(!(open && seenClosed), qPrintable(policy.code));
            seenClosed = seenClosed || !open;
        }
    }

    void deadlineReminders()
    {
        // The firm of the park with the most reminders (any firm when none has one: then the list must
        // be empty and hidden).
        const QDate today = QDate::currentDate();
        const Matching::PolicyMatcher matcher(Store::ReferenceRepository(m_db).policies());
        QString firmId = m_parkFirms.constFirst().enterpriseId;
        QVector<Matching::PolicyMatch> expected;
        for (const Matching::FirmFacts &firm : std::as_const(m_parkFirms)) {
            const QVector<Matching::PolicyMatch> r
                = matcher.deadlineReminders(firm, today, Ui::PolicyMatchPage::ReminderWorkdays);
            if (r.size() > expected.size()) {
                expected = r;
                firmId = firm.enterpriseId;
            }
        }

        qInfo("%d deadline reminder(s) for the chosen firm", int(expected.size()));

        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(Ui::Navigation::Page::PolicyMatching));
        auto *page = qobject_cast<Ui::PolicyMatchPage *>(window.page(Ui::Navigation::Page::PolicyMatching));
        QVERIFY(page);
        QVERIFY(page->setFirm(firmId));
        QCOMPARE(Ui::PolicyMatchPage::ReminderWorkdays, 10);
        QCOMPARE(page->reminders().size(), expected.size());
        QCOMPARE(page->reminderList()->count(), int(expected.size()));
        QCOMPARE(page->reminderList()->isVisible(), !expected.isEmpty());
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(page->reminders().at(i).policy.meta.id, expected.at(i).policy.meta.id);
            QCOMPARE(page->reminders().at(i).workdaysLeft, expected.at(i).workdaysLeft);
            const QListWidgetItem *item = page->reminderList()->item(i);
            QCOMPARE(item->data(Qt::UserRole).toString(), expected.at(i).policy.meta.id);
            QVERIFY2(item->text().contains(expected.at(i).policy.code), qPrintable(item->text()));
            QVERIFY2(item->text().contains(QString::number(expected.at(i).workdaysLeft)),
                     qPrintable(item->text()));
        }
        // Each reminder is an eligible, open policy closing within the horizon.
        for (const Matching::PolicyMatch &m : std::as_const(expected)) {
            QCOMPARE(m.status, Matching::PolicyMatch::Status::Eligible);
            QCOMPARE(m.window, Matching::PolicyMatch::Window::Open);
            QVERIFY(m.workdaysLeft >= 0 && m.workdaysLeft <= 10);
        }
        // An unknown firm clears the reminders.
        QVERIFY(!page->setFirm(u"no-such-firm"_s));
        QCOMPARE(page->reminders().size(), 0);
        QCOMPARE(page->reminderList()->count(), 0);
        QVERIFY(!page->reminderList()->isVisible());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
    Core::User m_user;
    QVector<Matching::FirmFacts> m_parkFirms;
    Core::Policy m_policy;
    QVector<Matching::PolicyFirmHit> m_hits;
};

QTEST_MAIN(TestGuiPolicyFirms)
#include "tst_gui_policyfirms.moc"
