// The administrator's rule editor (规则编辑) end to end on a small generated demo store, offscreen: the
// page is opened from the admin's main window; invalid rules are refused with the engine's path, suspicious
// ones warned about; a valid rule is tested against a firm with the Explainer's sentences and saved
// (ruleVersion + 1); a policy whose stored rule is broken is flagged in the combo box.

#include "admin/ruleeditorpage.h"
#include "common/domainlabels.h"
#include "demo/demogenerator.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "store/database.h"
#include "store/referencerepository.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

const QString DemoPassword = u"xindai2026"_s;

} // namespace

class TestGuiRuleEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 20;
        options.demoPassword = DemoPassword;
        options.passwordIterations = 2000;
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));

        Ui::LoginDialog dialog(m_db);
        QString message;
        QVERIFY2(dialog.authenticate(u"admin"_s, DemoPassword, &message), qPrintable(message));
        QCOMPARE(dialog.user().role, Core::Role::Admin);
        m_window = std::make_unique<Ui::MainWindow>(m_db, dialog.user());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The first page loads after the first frame; from then on showing a page loads it at once.
        QTRY_VERIFY(m_window->page(m_window->pages().constFirst())->isLoaded());
        QVERIFY(m_window->showPage(Ui::Navigation::Page::RuleEditor));
        m_page = qobject_cast<Ui::RuleEditorPage *>(m_window->page(Ui::Navigation::Page::RuleEditor));
        QVERIFY(m_page);
        QVERIFY(m_page->isLoaded());

        const Store::ReferenceRepository reference(m_db);
        const QVector<Core::Policy> policies = reference.policies();
        QVERIFY(policies.size() >= 2);
        m_policyId = policies.first().meta.id;
        m_otherPolicyId = policies.last().meta.id;
        // Every policy and product, plus one disabled heading per group.
        QCOMPARE(m_page->targetCombo()->count(), int(policies.size() + reference.products().size() + 2));

        for (const Core::Park &park : reference.parks()) {
            const QVector<Matching::FirmFacts> firms
                = Matching::FactBuilder::loadPark(m_db, park.meta.id, QDate::currentDate());
            if (!firms.isEmpty()) {
                m_firmId = firms.first().enterpriseId;
                m_firmName = firms.first().name;
                break;
            }
        }
        QVERIFY(!m_firmId.isEmpty());
    }

    void cleanupTestCase() { m_window.reset(); }

    void choosingAPolicyShowsItsRule()
    {
        QVERIFY(m_page->selectTarget(m_policyId));
        QVERIFY(m_page->currentIsPolicy());
        const Core::Policy policy = *Store::ReferenceRepository(m_db).policy(m_policyId);
        // The editor shows the stored compact rule indented; both parse to the same JSON.
        QCOMPARE(QJsonDocument::fromJson(m_page->editor()->toPlainText().toUtf8()),
                 QJsonDocument::fromJson(policy.eligibilityRule.toUtf8()));
        QVERIFY(m_page->editor()->toPlainText().contains(u'\n'));
        QVERIFY(m_page->errorLabel()->text().isEmpty());
        QVERIFY(m_page->saveButton()->isEnabled());
        QVERIFY(!m_page->selectTarget(u"no-such-id"_s));
    }

    void unknownOperationDisablesSave()
    {
        QVERIFY(m_page->selectTarget(m_policyId));
        m_page->editor()->setPlainText(u"{\"foo\":[1]}"_s);
        // Typing disables Save at once: the text is not validated until the debounce timer fires.
        QVERIFY(!m_page->saveButton()->isEnabled());
        QTRY_VERIFY2_WITH_TIMEOUT(m_page->errorLabel()->text().contains(u"foo"_s),
                                  qPrintable(m_page->errorLabel()->text()), 3000);
        QVERIFY(!m_page->saveButton()->isEnabled());
        const QString before = Store::ReferenceRepository(m_db).policy(m_policyId)->eligibilityRule;
        QVERIFY(!m_page->save());
        QCOMPARE(Store::ReferenceRepository(m_db).policy(m_policyId)->eligibilityRule, before);
    }

    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("errorPart");
        QTest::addColumn<QStringList>("warningParts"); // one entry per expected warning

        // The engine names the unknown operation and its JSON Pointer.
        QTest::newRow("unknown op nested")
            << u"{\"and\":[true,{\"foo\":[1]}]}"_s << false << u"foo at /and/1/foo"_s << QStringList{};
        // The same at the top level: the editor's error label shows this sentence.
        QTest::newRow("unknown op root")
            << u"{\"foo\":[1]}"_s << false << u"Unrecognized operation foo"_s << QStringList{};
        // A JSON syntax error gives the character offset where parsing stopped (after "{\"and\":").
        QTest::newRow("syntax") << u"{\"and\":"_s << false << u"character 7"_s << QStringList{};
        // Two values separated by a comma are not one rule.
        QTest::newRow("two values") << u"1, 2"_s << false << u"one JSON value"_s << QStringList{};
        // An empty rule is "everyone": valid, nothing to warn about.
        QTest::newRow("empty") << u"  "_s << true << QString() << QStringList{};
        // Known facts, number compared with number: clean.
        QTest::newRow("clean") << u"{\">=\":[{\"var\":\"firm.years\"},2]}"_s << true << QString()
                               << QStringList{};
        // An element of the array fact firm.qualifications is a known fact.
        QTest::newRow("array element") << u"{\"==\":[{\"var\":\"firm.qualifications.0\"},\"hightech\"]}"_s
                                       << true << QString() << QStringList{};
        // Not in docs/firm-facts.md: warned, with its path.
        QTest::newRow("unknown var") << u"{\"and\":[{\"var\":\"firm.nonexistent\"}]}"_s << true << QString()
                                     << QStringList{u"“firm.nonexistent” at /and/0"_s};
        // The [name, default] form of var is checked too.
        QTest::newRow("unknown var default")
            << u"{\"var\":[\"firm.revenue\",0]}"_s << true << QString() << QStringList{u"“firm.revenue”"_s};
        // A divisor that is a fact may be zero (firm.employees is 0 when unknown).
        QTest::newRow("division by var")
            << u"{\">\":[{\"/\":[{\"var\":\"firm.revenue_wan\"},{\"var\":\"firm.employees\"}]},10]}"_s << true
            << QString() << QStringList{u"division at />/0 divides by the fact “firm.employees”"_s};
        QTest::newRow("modulo by var") << u"{\"%\":[10,{\"var\":\"firm.patents\"}]}"_s << true << QString()
                                       << QStringList{u"“firm.patents”, which may be zero"_s};
        // Dividing by a constant cannot divide by zero.
        QTest::newRow("division by constant")
            << u"{\"/\":[{\"var\":\"firm.revenue_wan\"},2]}"_s << true << QString() << QStringList{};
        // "3" against firm.years (an integer fact) is a type mix-up.
        QTest::newRow("string vs number")
            << u"{\">=\":[{\"var\":\"firm.years\"},\"3\"]}"_s << true << QString()
            << QStringList{u"text “3” with the numeric fact “firm.years”"_s};
        // firm.tax_grade is a string fact: comparing it with a string is right.
        QTest::newRow("string vs string fact")
            << u"{\"==\":[{\"var\":\"firm.tax_grade\"},\"A\"]}"_s << true << QString() << QStringList{};
    }

    void check()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, errorPart);
        QFETCH(QStringList, warningParts);
        const Ui::RuleEditorPage::Check result = Ui::RuleEditorPage::check(text);
        QCOMPARE(result.valid, valid);
        if (valid)
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        else
            QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        QCOMPARE(result.warnings.size(), warningParts.size());
        for (qsizetype i = 0; i < warningParts.size(); ++i)
            QVERIFY2(result.warnings.at(i).contains(warningParts.at(i)), qPrintable(result.warnings.at(i)));
    }

    void unknownFactIsWarnedInThePage()
    {
        QVERIFY(m_page->selectTarget(m_policyId));
        m_page->editor()->setPlainText(u"{\"==\":[{\"var\":\"firm.nonexistent\"},1]}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->warningLabel()->text().contains(u"firm.nonexistent"_s), 3000);
        // A warning does not block saving: the rule compiles.
        QVERIFY(m_page->errorLabel()->text().isEmpty());
        QVERIFY(m_page->saveButton()->isEnabled());
        // Showing the page again (a reload) keeps the unsaved edit and its warning.
        m_page->activate();
        QCOMPARE(m_page->editor()->toPlainText(), u"{\"==\":[{\"var\":\"firm.nonexistent\"},1]}"_s);
        QVERIFY(m_page->warningLabel()->text().contains(u"firm.nonexistent"_s));
    }

    void testAgainstFirm_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("passed");
        // Years in business are never negative: every firm passes the first and fails the second.
        QTest::newRow("passes") << u"{\">=\":[{\"var\":\"firm.years\"},0]}"_s << true;
        QTest::newRow("fails") << u"{\"<\":[{\"var\":\"firm.years\"},0]}"_s << false;
    }

    void testAgainstFirm()
    {
        QFETCH(QString, rule);
        QFETCH(bool, passed);
        QVERIFY(m_page->selectTarget(m_policyId));
        m_page->editor()->setPlainText(rule);
        QVERIFY(m_page->testFirm(m_firmId));
        QCOMPARE(m_page->resultLabel()->text(), passed ? u"%1 meets this rule."_s.arg(m_firmName)
                                                       : u"%1 does not meet this rule."_s.arg(m_firmName));
        // The sentences are the Explainer's own for the same facts, in the UI language.
        QString error;
        const auto data = Matching::FactBuilder::load(m_db, m_firmId, &error);
        QVERIFY2(data, qPrintable(error));
        const Rules::Value facts
            = Matching::FactBuilder::facts(Matching::FactBuilder::firmFacts(*data, QDate::currentDate()));
        const Matching::Explanation explanation = Matching::Explainer::explain(rule, facts);
        QCOMPARE(explanation.passed, passed);
        const QStringList lines
            = Matching::Explainer::render(explanation, Ui::DomainLabels::explanationLanguage(), facts);
        QVERIFY(!lines.isEmpty());
        QCOMPARE(m_page->explanationView()->toPlainText(), lines.join(u'\n'));
    }

    void testRefusedForInvalidRule()
    {
        QVERIFY(m_page->selectTarget(m_policyId));
        m_page->editor()->setPlainText(u"{\"foo\":[1]}"_s);
        QVERIFY(!m_page->testFirm(m_firmId));
        QVERIFY(m_page->explanationView()->toPlainText().isEmpty());
        QVERIFY(m_page->resultLabel()->text().contains(u"does not compile"_s));
    }

    void saveWritesRuleAndBumpsVersion()
    {
        QVERIFY(m_page->selectTarget(m_policyId));
        const int before = Store::ReferenceRepository(m_db).policy(m_policyId)->ruleVersion;
        m_page->editor()->setPlainText(u"{\"and\": [ {\">=\": [{\"var\": \"firm.years\"}, 3]} ]}"_s);
        m_page->validateNow();
        QVERIFY(m_page->saveButton()->isEnabled());
        QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
        const Core::Policy after = *Store::ReferenceRepository(m_db).policy(m_policyId);
        // Stored compact, whatever the spacing typed.
        QCOMPARE(after.eligibilityRule, u"{\"and\":[{\">=\":[{\"var\":\"firm.years\"},3]}]}"_s);
        QCOMPARE(after.ruleVersion, before + 1);
        QVERIFY2(m_page->saveMessage()->text().contains(QString::number(before + 1)),
                 qPrintable(m_page->saveMessage()->text()));
        QCOMPARE(m_page->currentTargetId(), m_policyId); // still on the same policy after the reload
    }

    void brokenStoredRuleIsFlagged()
    {
        Store::ReferenceRepository reference(m_db);
        Core::Policy policy = *reference.policy(m_otherPolicyId);
        policy.eligibilityRule = u"{\"foo\":[1]}"_s;
        QString error;
        if (!reference.save(policy, &error))
            QSKIP("the store refuses a rule that does not compile, so none can be flagged");
        m_page->activate(); // reload, as when the page is shown again
        const int index = m_page->targetCombo()->findData(m_otherPolicyId);
        QVERIFY(index > 0);
        QVERIFY2(m_page->targetCombo()->itemText(index).endsWith(u"rule invalid"_s),
                 qPrintable(m_page->targetCombo()->itemText(index)));
        // A valid policy is not flagged.
        QVERIFY(!m_page->targetCombo()
                     ->itemText(m_page->targetCombo()->findData(m_policyId))
                     .contains(u"rule invalid"_s));
        QVERIFY(m_page->selectTarget(m_otherPolicyId));
        QVERIFY(m_page->errorLabel()->text().contains(u"foo"_s));
        QVERIFY(!m_page->saveButton()->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    Store::Database m_db;
    std::unique_ptr<Ui::MainWindow> m_window;
    Ui::RuleEditorPage *m_page = nullptr;
    QString m_policyId;
    QString m_otherPolicyId;
    QString m_firmId;
    QString m_firmName;
};

QTEST_MAIN(TestGuiRuleEditor)
#include "tst_gui_ruleeditor.moc"
