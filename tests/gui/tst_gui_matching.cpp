// The window-staff pages end to end on a small generated demo store, offscreen: policy matching and
// product matching for a firm of the clerk's park, and the credit report button of the firm profile
// (authorized → signed PDF written; not authorized → the refusal is shown, nothing written).

#include "common/creditreportdialog.h"
#include "common/firmlookuppage.h"
#include "common/firmprofilewidget.h"
#include "demo/demogenerator.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "report/authorizationcheck.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/referencerepository.h"
#include "window/policymatchmodel.h"
#include "window/policymatchpage.h"
#include "window/productmatchmodel.h"
#include "window/productmatchpage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

const QString DemoPassword = u"xindai2026"_s;
const QString WindowLogin = u"window.cs"_s;
const QString Purpose = u"贷款审批"_s;

using Status = Matching::PolicyMatch::Status;

} // namespace

class TestGuiMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and the signing key away from the user's
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 40;
        options.demoPassword = DemoPassword;
        options.passwordIterations = 2000; // the login path is the same, only cheaper
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));

        // Log in as the window clerk of the 长沙 park through the dialog's own check.
        Ui::LoginDialog dialog(m_db);
        QString message;
        QVERIFY2(dialog.authenticate(WindowLogin, DemoPassword, &message), qPrintable(message));
        m_user = dialog.user();
        QCOMPARE(m_user.role, Core::Role::WindowStaff);
        QVERIFY(!m_user.parkId.isEmpty());

        // The firm of the park with the most eligible or near-miss policies today, chosen with the
        // matcher itself so that the page has something to explain.
        const QDate today = QDate::currentDate();
        const Matching::PolicyMatcher matcher(Store::ReferenceRepository(m_db).policies());
        int best = -1;
        for (const Matching::FirmFacts &firm : Matching::FactBuilder::loadPark(m_db, m_user.parkId, today)) {
            int hits = 0;
            for (const Matching::PolicyMatch &m : matcher.match(firm, today))
                hits += (m.status == Status::Eligible || m.status == Status::NearMiss) ? 1 : 0;
            if (hits > best) {
                best = hits;
                m_firmId = firm.enterpriseId;
            } else if (m_otherFirmId.isEmpty()) {
                m_otherFirmId = firm.enterpriseId;
            }
        }
        QVERIFY2(best > 0, "no firm of the park is eligible for, or near, any policy");
        QVERIFY(!m_otherFirmId.isEmpty());
        for (const Core::Policy &policy : Store::ReferenceRepository(m_db).policies())
            m_policyCount += policy.meta.deleted ? 0 : 1;
    }

    void policyMatching_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("language");
        QTest::addColumn<int>("otherLanguage");
        // Explanations follow the UI language: the Explainer's Chinese sentences in zh_CN…
        QTest::newRow("zh_CN") << u"zh_CN"_s << int(Matching::Language::Chinese)
                               << int(Matching::Language::English);
        // …and its English ones otherwise, never both.
        QTest::newRow("en") << u"en"_s << int(Matching::Language::English)
                            << int(Matching::Language::Chinese);
    }

    void policyMatching()
    {
        QFETCH(QString, locale);
        QFETCH(int, language);
        QFETCH(int, otherLanguage);
        const QLocale previous;
        QLocale::setDefault(QLocale(locale));

        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The firm open on the firm page is carried over to the matching page.
        QVERIFY(window.openFirm(m_firmId));
        QVERIFY(window.showPage(Ui::Navigation::Page::PolicyMatching));
        auto *page = qobject_cast<Ui::PolicyMatchPage *>(window.page(Ui::Navigation::Page::PolicyMatching));
        QVERIFY(page);
        QCOMPARE(page->firmId(), m_firmId);

        Ui::PolicyMatchModel *model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // One row per (not deleted) policy: out-of-scope and ineligible ones are listed too.
        QCOMPARE(model->rowCount(), m_policyCount);
        QCOMPARE(model->columnCount(), int(Ui::PolicyMatchModel::ColumnCount));

        // Eligible first, then near misses (the matcher's order, kept by the model).
        int firstHit = -1;
        int lastRank = -1;
        const QList<Status> order
            = {Status::Eligible, Status::NearMiss, Status::Broken, Status::Ineligible, Status::OutOfScope};
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto status = Status(model->index(row, 0).data(Ui::PolicyMatchModel::StatusRole).toInt());
            const int rank = int(order.indexOf(status));
            QVERIFY2(rank >= lastRank, qPrintable(u"row %1 out of order"_s.arg(row)));
            lastRank = rank;
            if (firstHit < 0 && (status == Status::Eligible || status == Status::NearMiss))
                firstHit = row;
        }
        QCOMPARE(firstHit, 0); // the chosen firm has at least one, and they come first

        // Selecting it shows its sentences (✓/✗, in the UI's language) and its materials.
        page->tableView()->selectRow(firstHit);
        const Matching::PolicyMatch &match = model->match(firstHit);
        const QString detail = page->detailView()->toPlainText();
        QVERIFY(!detail.isEmpty());
        QVERIFY2(detail.contains(match.policy.title), qPrintable(detail));
        QVERIFY2(detail.contains(u"✓"_s) || detail.contains(u"✗"_s), qPrintable(detail));
        QString error;
        const std::optional<Matching::FirmData> data = Matching::FactBuilder::load(m_db, m_firmId, &error);
        QVERIFY2(data, qPrintable(error));
        const Rules::Value facts
            = Matching::FactBuilder::facts(Matching::FactBuilder::firmFacts(*data, QDate::currentDate()));
        const QStringList sentences
            = Matching::Explainer::render(match.explanation, Matching::Language(language), facts);
        QVERIFY(!sentences.isEmpty());
        for (const QString &sentence : sentences)
            QVERIFY2(detail.contains(sentence), qPrintable(sentence));
        const QStringList other
            = Matching::Explainer::render(match.explanation, Matching::Language(otherLanguage), facts);
        QVERIFY2(!detail.contains(other.first()), qPrintable(other.first()));
        for (const QString &material : match.requiredMaterials)
            QVERIFY2(detail.contains(material), qPrintable(material));
        // The benefit column is Money::format in 万元 for eligible rows.
        if (match.status == Status::Eligible) {
            QCOMPARE(model->index(firstHit, Ui::PolicyMatchModel::BenefitColumn).data().toString(),
                     match.benefit.format(Core::Money::Unit::Wan));
        }
        QLocale::setDefault(previous);
    }

    void productMatching()
    {
        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(Ui::Navigation::Page::ProductMatching));
        auto *page = qobject_cast<Ui::ProductMatchPage *>(window.page(Ui::Navigation::Page::ProductMatching));
        QVERIFY(page);
        // Without a firm nothing can be matched.
        QVERIFY(!page->matchButton()->isEnabled());
        QVERIFY(!page->runMatch());

        QVERIFY(page->setFirm(m_firmId));
        page->amountSpin()->setValue(50); // 50 万元, a year, any collateral: a common small-firm need
        page->termSpin()->setValue(12);
        page->collateralCombo()->setCurrentIndex(0);
        QTest::mouseClick(page->matchButton(), Qt::LeftButton);

        Ui::ProductMatchModel *model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() > 0);
        // Ranks 1, 2, 3 … for the eligible products, then the ineligible ones (rank 0).
        int expectedRank = 1;
        bool inIneligible = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const int rank = model->index(row, 0).data(Ui::ProductMatchModel::RankRole).toInt();
            if (rank == 0) {
                inIneligible = true;
                continue;
            }
            QVERIFY2(!inIneligible, "an eligible product after an ineligible one");
            QCOMPARE(rank, expectedRank++);
        }
        QVERIFY2(expectedRank > 1, "no eligible product for a 50万元 one-year need");
        QCOMPARE(model->index(0, Ui::ProductMatchModel::RankColumn).data().toString(), QLocale().toString(1));
        // Scores never increase down the ranking.
        for (int row = 1; row < expectedRank - 1; ++row) {
            QVERIFY(model->index(row, 0).data(Ui::ProductMatchModel::ScoreRole).toDouble()
                    <= model->index(row - 1, 0).data(Ui::ProductMatchModel::ScoreRole).toDouble());
        }

        // Row 0 is selected after matching: its position is explained with its product name.
        const QString detail = page->detailView()->toPlainText();
        QVERIFY2(detail.contains(model->match(0).product.name), qPrintable(detail));

        // An ineligible product lists its failing conditions (each ends in ✗).
        if (inIneligible) {
            const int last = model->rowCount() - 1;
            page->tableView()->selectRow(last);
            const QString why = page->detailView()->toPlainText();
            QVERIFY2(why.contains(u"✗"_s), qPrintable(why));
        }

        // A need above every product's maximum (100 亿元) leaves nothing eligible.
        page->amountSpin()->setValue(100000);
        QVERIFY(page->runMatch());
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->match(row).product.maxAmount < Core::Money::fromWan(100000))
                QCOMPARE(model->index(row, 0).data(Ui::ProductMatchModel::RankRole).toInt(), 0);
        }
    }

    void creditReportDialog()
    {
        Ui::CreditReportDialog dialog(m_db);
        const QVector<Core::Institution> institutions = Store::ReferenceRepository(m_db).institutions();
        QCOMPARE(dialog.institutionCombo()->count(), int(institutions.size()));
        QCOMPARE(dialog.purpose(), Purpose); // the default purpose
        QVERIFY(dialog.setInstitutionId(institutions.first().meta.id));
        QCOMPARE(dialog.institutionId(), institutions.first().meta.id);
        QVERIFY(!dialog.setInstitutionId(u"no-such-institution"_s));
        // A blank purpose cannot be submitted.
        dialog.purposeEdit()->setText(u"  "_s);
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void creditReport()
    {
        const QVector<Core::Institution> institutions = Store::ReferenceRepository(m_db).institutions();
        QVERIFY(!institutions.isEmpty());
        const Core::Institution bank = institutions.first();
        const QDate today = QDate::currentDate();

        // The firm authorizes the bank for loan approval, from yesterday for 30 days.
        Core::Authorization grant;
        grant.enterpriseId = m_firmId;
        grant.institutionIds = {bank.meta.id};
        grant.purpose = Purpose;
        grant.validFrom = today.addDays(-1);
        grant.validTo = today.addDays(30);
        grant.recordedBy = m_user.meta.id;
        Store::ApplicationRepository applications(m_db);
        QString error;
        QVERIFY2(applications.save(grant, &error), qPrintable(error));

        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFirm(m_firmId));
        Ui::FirmProfileWidget *profile = window.firmLookupPage()->profileWidget();
        QVERIFY(profile->creditReportButton()->isVisible());
        const QString pdfPath = m_dir.filePath(u"report.pdf"_s);
        QString suggested;
        profile->setSavePathProvider([&](const QString &name) {
            suggested = name;
            return pdfPath;
        });

        QVERIFY2(profile->generateCreditReport(bank.meta.id, Purpose),
                 qPrintable(profile->lastReportMessage()));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(4), QByteArray("%PDF"));
        // The suggested name is the report number; the message names it and the verification code.
        QVERIFY2(suggested.startsWith(u"XDR-"_s) && suggested.endsWith(u".pdf"_s), qPrintable(suggested));
        const QString number = suggested.chopped(4);
        QVERIFY2(profile->lastReportMessage().contains(number + u"-"_s), // code = number-<16 hex>
                 qPrintable(profile->lastReportMessage()));

        // Another firm without any authorization: the refusal is shown and nothing is written.
        const QVector<Core::Authorization> none = applications.authorizations(m_otherFirmId);
        const QString refusal
            = Report::AuthorizationCheck::check(none, bank.meta.id, bank.name, Purpose, today).message;
        QVERIFY(!refusal.isEmpty());
        QVERIFY(window.openFirm(m_otherFirmId));
        QFile::remove(pdfPath);
        QVERIFY(!profile->generateCreditReport(bank.meta.id, Purpose));
        QVERIFY2(profile->lastReportMessage().contains(refusal), qPrintable(profile->lastReportMessage()));
        QVERIFY(!QFile::exists(pdfPath));

        // A revoked authorization is refused as revoked.
        grant.revoked = true;
        grant.revokedAt = QDateTime::currentDateTimeUtc();
        QVERIFY2(applications.save(grant, &error), qPrintable(error));
        QVERIFY(window.openFirm(m_firmId));
        QVERIFY(!profile->generateCreditReport(bank.meta.id, Purpose));
        const QString revoked = Report::AuthorizationCheck::check(applications.authorizations(m_firmId),
                                                                  bank.meta.id, bank.name, Purpose, today)
                                    .message;
        QCOMPARE(Report::AuthorizationCheck::check(applications.authorizations(m_firmId), bank.meta.id,
                                                   bank.name, Purpose, today)
                     .verdict,
                 Report::AuthorizationCheck::Verdict::Revoked);
        QVERIFY2(profile->lastReportMessage().contains(revoked), qPrintable(profile->lastReportMessage()));
        QVERIFY(!QFile::exists(pdfPath));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
    Core::User m_user;
    QString m_firmId;
    QString m_otherFirmId;
    int m_policyCount = 0;
};

QTEST_MAIN(TestGuiMatching)
#include "tst_gui_matching.moc"
