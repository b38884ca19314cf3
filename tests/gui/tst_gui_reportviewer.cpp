// The credit report viewer and the in-app verification, offscreen, on a small generated demo store with an
// authorization granted through the store: section navigation over the signed PDF's own pages, printing
// to a PDF printer, saving a file that the verify dialog calls valid (and a one-byte change tampered),
// the verification code looked up in report_log, and "compare with previous report" after a penalty is
// added between two reports.
#include "common/firmprofilewidget.h"
#include "common/reportverifydialog.h"
#include "common/reportviewer.h"
#include "core/money.h"
#include "demo/demogenerator.h"
#include "report/authorizationcheck.h"
#include "report/reportlabels.h"
#include "shell/mainwindow.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace XinDai;
using namespace Qt::StringLiterals;
using K = Report::ReportLabels::Key;

namespace {

const QDate AsOf(2026, 11, 20); // the demo dataset's "today"
const QString Purpose = u"流动资金贷款审批"_s;

} // namespace

Q_DECLARE_METATYPE(XinDai::Ui::ReportVerifyDialog::Record)

class TestGuiReportViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusalStaysAMessage();
    void sectionsAndNavigation();
    void englishReportSections();
    void printsAllPages();
    void savedFileVerifies();
    void verificationCode_data();
    void verificationCode();
    void comparisonAfterPenalty();
    void profileOpensViewer();
    void helpMenuOpensVerifyDialog();

private:
    Report::ReportGenerator::Request request() const;
    std::unique_ptr<Ui::ReportViewer> generate();

    QTemporaryDir m_dir;
    Store::Database m_db;
    Core::Enterprise m_firm;
    Core::Institution m_bank;
    Core::Institution m_otherBank;
    QString m_keyPath;
    Security::Signer m_key;
    std::unique_ptr<Ui::ReportViewer> m_viewer; ///< the first report of the firm
};

void TestGuiReportViewer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the signing key away from the user's
    QVERIFY(m_dir.isValid());
    Demo::DemoGenerator::Options options;
    options.firms = 6;
    options.passwordIterations = 0;
    QString error;
    const QString path = m_dir.filePath(u"demo.db"_s);
    QVERIFY2(Demo::DemoGenerator::createDatabase(path, options, &error), qPrintable(error));
    QVERIFY2(m_db.open(path, &error), qPrintable(error));
    // The firm with the most credit records, so that the report runs over several pages.
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(u"SELECT enterprise_id FROM credit_record GROUP BY enterprise_id "
                   "ORDER BY COUNT(*) DESC, enterprise_id LIMIT 1"_s));
    QVERIFY(q.next());
    m_firm = *Store::EnterpriseRepository(m_db).byId(q.value(0).toString());
    const QVector<Core::Institution> institutions = Store::ReferenceRepository(m_db).institutions();
    QVERIFY(institutions.size() >= 2);
    m_bank = institutions.at(0);
    m_otherBank = institutions.at(1);

    // The suite's key where the firm profile and the verify dialog look for it (test-mode location).
    m_keyPath = Report::ReportGenerator::defaultKeyPath();
    QFile::remove(m_keyPath);
    m_key = Report::ReportGenerator::loadOrCreateKey(m_keyPath, &error);
    QVERIFY2(m_key.hasPrivateKey(), qPrintable(error));

    // One authorization for m_bank, covering the dataset's day and today (the firm profile uses today).
    Core::Authorization grant;
    grant.enterpriseId = m_firm.meta.id;
    grant.institutionIds = {m_bank.meta.id};
    grant.purpose = Purpose;
    grant.validFrom = std::min(AsOf, QDate::currentDate()).addDays(-10);
    grant.validTo = std::max(AsOf, QDate::currentDate()).addDays(30);
    QVERIFY2(Store::ApplicationRepository(m_db).save(grant, &error), qPrintable(error));

    m_viewer = generate();
    QVERIFY(m_viewer);
}

Report::ReportGenerator::Request TestGuiReportViewer::request() const
{
    Report::ReportGenerator::Request r;
    r.firm = m_firm.uscc;
    r.institution = m_bank.meta.id;
    r.purpose = Purpose;
    r.asOf = AsOf;
    r.generatedBy = u"tst_gui_reportviewer"_s;
    return r;
}

std::unique_ptr<Ui::ReportViewer> TestGuiReportViewer::generate()
{
    QString error;
    bool refused = true;
    std::unique_ptr<Ui::ReportViewer> viewer(
        Ui::ReportViewer::generate(m_db, request(), m_key, &error, &refused));
    if (!viewer)
        qWarning("%s", qPrintable(error));
    else if (refused)
        qWarning("refused although a viewer came back");
    return viewer;
}

void TestGuiReportViewer::refusalStaysAMessage()
{
    // m_otherBank has no authorization: no viewer, and the reason is the authorization check's sentence.
    Report::ReportGenerator::Request r = request();
    r.institution = m_otherBank.meta.id;
    QString error;
    bool refused = false;
    std::unique_ptr<Ui::ReportViewer> viewer(Ui::ReportViewer::generate(m_db, r, m_key, &error, &refused));
    QVERIFY(!viewer);
    QVERIFY(refused);
    const QString expected
        = Report::AuthorizationCheck::check(Store::ApplicationRepository(m_db).authorizations(m_firm.meta.id),
                                            m_otherBank.meta.id, m_otherBank.name, Purpose, AsOf)
              .message;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(error, expected);
}

void TestGuiReportViewer::sectionsAndNavigation()
{
    Ui::ReportViewer &v = *m_viewer;
    v.resize(1000, 700);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));

    // Cover plus the fifteen numbered sections, in the report's order, each found in the PDF's text.
    const QVector<K> keys
        = {K::Summary,         K::Registration, K::LegalRep,  K::Qualifications, K::TaxGrades,
           K::SocialInsurance, K::Utilities,    K::BankFlows, K::Procurement,    K::Subsidies,
           K::Financing,       K::Judicial,     K::Score,     K::Sources,        K::Statement};
    QVERIFY(v.pageCount() > 1);
    // One rendered page widget per page of the signed file.
    QCOMPARE(v.pageArea()->widget()->findChildren<QLabel *>().size(), v.pageCount());
    const QVector<Ui::ReportViewer::Section> sections = v.sections();
    QCOMPARE(sections.size(), 16);
    QCOMPARE(v.sectionList()->count(), 16);
    QCOMPARE(sections.at(0).title, u"封面"_s);
    QCOMPARE(sections.at(0).page, 0);
    int lastPage = 0;
    for (int i = 0; i < keys.size(); ++i) {
        const Ui::ReportViewer::Section &s = sections.at(i + 1);
        QCOMPARE(s.title, Report::ReportLabels::text(keys.at(i), Report::ReportLanguage::Chinese));
        QCOMPARE(v.sectionList()->item(i + 1)->text(), s.title);
        QVERIFY2(s.page >= 0, qPrintable(s.title));
        // Sections follow each other: never on an earlier page than the one before.
        QVERIFY2(s.page >= lastPage, qPrintable(s.title));
        lastPage = s.page;
    }
    // The cover fills page 1 (it ends with a page break); the statement is on the last page.
    QCOMPARE(sections.at(1).page, 1);
    QCOMPARE(sections.last().page, v.pageCount() - 1);

    QScrollBar *bar = v.pageArea()->verticalScrollBar();
    QCOMPARE(bar->value(), 0);
    // Clicking "十二、…" (judicial records) scrolls to its title: its page is the one at the top.
    const int judicial = 12;
    QListWidget *list = v.sectionList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(judicial)).center());
    QCOMPARE(list->currentRow(), judicial);
    QVERIFY(v.sectionScrollPosition(judicial) > 0);
    QCOMPARE(bar->value(), v.sectionScrollPosition(judicial));
    QCOMPARE(v.currentPage(), sections.at(judicial).page);
    // The title is inside the visible part of the page area.
    QLabel *page
        = v.pageArea()->widget()->findChild<QLabel *>(u"reportPage%1"_s.arg(sections.at(judicial).page + 1));
    QVERIFY(page);
    const int titleY = page->y() + qRound(sections.at(judicial).position.y() * v.logicalDpiX() / 72.0);
    QVERIFY(titleY >= bar->value());
    QVERIFY(titleY < bar->value() + v.pageArea()->viewport()->height());

    // Back to the cover: the top of the first page.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
    QCOMPARE(bar->value(), 0);
    QCOMPARE(v.currentPage(), 0);
    v.hide();
}

void TestGuiReportViewer::englishReportSections()
{
    // An English report: the entries are its English titles, each found in its text layer.
    Report::ReportGenerator::Request r = request();
    r.language = Report::ReportLanguage::English;
    QString error;
    std::unique_ptr<Ui::ReportViewer> viewer(Ui::ReportViewer::generate(m_db, r, m_key, &error));
    QVERIFY2(viewer, qPrintable(error));
    const QVector<Ui::ReportViewer::Section> sections = viewer->sections();
    QCOMPARE(sections.size(), 16);
    QCOMPARE(sections.at(0).title, u"Cover"_s);
    QCOMPARE(sections.at(1).title, u"1. Summary"_s);
    QCOMPARE(sections.last().title, u"15. Statement"_s);
    for (const Ui::ReportViewer::Section &s : sections)
        QVERIFY2(s.page >= 0, qPrintable(s.title));
    // The comparison follows the report's language too; its previous report is m_viewer's, same data.
    QCOMPARE(viewer->comparison(), QStringList{u"No changes since %1."_s.arg(m_viewer->data().number)});
}

void TestGuiReportViewer::printsAllPages()
{
    // The printing path without the dialog: a PDF printer at 150 dpi (fast; the pages are the same).
    const QString out = m_dir.filePath(u"printed.pdf"_s);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(out);
    printer.setResolution(150);
    QVERIFY(m_viewer->printTo(&printer));
    QPdfDocument printed;
    QCOMPARE(printed.load(out), QPdfDocument::Error::None);
    QVERIFY(printed.pageCount() > 1);
    QCOMPARE(printed.pageCount(), m_viewer->pageCount());
    // A4 portrait, as the report: 595 × 842 points.
    QCOMPARE(printed.pagePointSize(0).toSize(), QSize(595, 842));
}

void TestGuiReportViewer::savedFileVerifies()
{
    const QString path = m_dir.filePath(u"saved.pdf"_s);
    QString suggested;
    m_viewer->setSavePathProvider([&](const QString &name) {
        suggested = name;
        return path;
    });
    QTest::mouseClick(m_viewer->saveButton(), Qt::LeftButton);
    QCOMPARE(suggested, m_viewer->data().number + u".pdf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    QCOMPARE(bytes, m_viewer->pdf()); // exactly the signed file the generator produced
    QVERIFY(m_viewer->lastMessage().contains(m_viewer->data().number));

    // The dialog loads the suite's public key from the default path (test mode): valid, issued here.
    Ui::ReportVerifyDialog dialog(m_db);
    dialog.setOpenPathProvider([&] { return path; });
    QTest::mouseClick(dialog.openButton(), Qt::LeftButton);
    QCOMPARE(dialog.verdict(), Ui::ReportVerifyDialog::Verdict::Valid);
    QVERIFY2(dialog.resultText().startsWith(u"Valid:"_s), qPrintable(dialog.resultText()));
    QVERIFY(dialog.resultText().contains(m_viewer->data().number));
    QCOMPARE(dialog.record(), Ui::ReportVerifyDialog::Record::Issued);
    const QString issuedOn = m_viewer->data().generatedAt.toUTC().date().toString(Qt::ISODate);
    QCOMPARE(dialog.recordText(),
             u"Issued by this installation on %1 for %2 (purpose: %3), with data as of 2026-11-20."_s.arg(
                 issuedOn, m_bank.name, Purpose));

    // One byte flipped in a copy, in the middle of the PDF body: tampered, with the signature's reason.
    QByteArray changed = bytes;
    changed[changed.size() / 2] = char(changed.at(changed.size() / 2) ^ 0x01);
    const QString copy = m_dir.filePath(u"tampered.pdf"_s);
    QFile out(copy);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(changed);
    out.close();
    QCOMPARE(dialog.verifyFile(copy), Ui::ReportVerifyDialog::Verdict::Tampered);
    QCOMPARE(dialog.resultText(),
             u"Tampered: the signature does not match the file's content (some byte was changed)."_s);
    // Its number is still this installation's, but the file is not the one issued.
    QCOMPARE(dialog.record(), Ui::ReportVerifyDialog::Record::Mismatch);

    // Signed by another key (another installation): not valid under this suite's key.
    Ui::ReportVerifyDialog foreign(m_db);
    foreign.setTrustedKey(Security::Signer::fromRawPublicKey(Security::Signer::generate().rawPublicKey()));
    QCOMPARE(foreign.verifyFile(path), Ui::ReportVerifyDialog::Verdict::Tampered);
    QCOMPARE(foreign.resultText(),
             u"Tampered: the report was signed with a key that is not the suite's report-signing key."_s);

    // Not a report at all.
    QCOMPARE(dialog.verifyFile(m_dir.filePath(u"missing.pdf"_s)), Ui::ReportVerifyDialog::Verdict::Tampered);
    QCOMPARE(dialog.record(), Ui::ReportVerifyDialog::Record::Unknown);
}

void TestGuiReportViewer::verificationCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<Ui::ReportVerifyDialog::Record>("expected");
    const QString code = m_viewer->data().verificationCode();
    const QString number = m_viewer->data().number;
    QTest::newRow("as printed") << code << Ui::ReportVerifyDialog::Record::Issued;
    // Typed with spaces around and in upper case: the code is case-insensitive hex.
    QTest::newRow("upper case") << u"  "_s + code.toUpper() + u" "_s
                                << Ui::ReportVerifyDialog::Record::Issued;
    // The right number with another content hash: a report altered and reprinted.
    QTest::newRow("other hash") << number + u"-0000000000000000"_s
                                << Ui::ReportVerifyDialog::Record::Mismatch;
    // A well-formed number this installation never issued.
    QTest::newRow("unknown number") << u"XDR-20261120-00000000-0123456789abcdef"_s
                                    << Ui::ReportVerifyDialog::Record::NotFound;
    // Hash part too short: not a verification code.
    QTest::newRow("malformed") << number + u"-0123"_s << Ui::ReportVerifyDialog::Record::Unknown;
}

void TestGuiReportViewer::verificationCode()
{
    QFETCH(QString, code);
    QFETCH(Ui::ReportVerifyDialog::Record, expected);
    Ui::ReportVerifyDialog dialog(m_db);
    dialog.codeEdit()->setText(code);
    QTest::mouseClick(dialog.checkCodeButton(), Qt::LeftButton);
    QCOMPARE(dialog.record(), expected);
    QCOMPARE(dialog.verdict(), Ui::ReportVerifyDialog::Verdict::None); // no file was checked
    QVERIFY(!dialog.recordText().isEmpty());
    if (expected == Ui::ReportVerifyDialog::Record::NotFound)
        QCOMPARE(dialog.recordText(), u"Not found in this installation's records: no report numbered "
                                      "XDR-20261120-00000000 was issued here."_s);
}

void TestGuiReportViewer::comparisonAfterPenalty()
{
    // The first report of the firm has nothing to compare with.
    QCOMPARE(m_viewer->comparison(), QStringList{u"这是本企业的首份报告。"_s});

    // The report before the change (other tests have drawn reports since m_viewer's).
    std::unique_ptr<Ui::ReportViewer> first = generate();
    QVERIFY(first);

    // A penalty decided between the two reports (dated before the as-of day).
    Core::CreditRecord penalty;
    penalty.enterpriseId = m_firm.meta.id;
    penalty.kind = Core::CreditRecord::Kind::Penalty;
    penalty.date = AsOf.addDays(-3);
    penalty.title = u"擅自改变排污方式"_s;
    penalty.authority = u"长沙市生态环境局"_s;
    penalty.amount = Core::Money::fromYuan(80000);
    QString error;
    QVERIFY2(Store::FirmDataRepository(m_db).save(penalty, &error), qPrintable(error));

    std::unique_ptr<Ui::ReportViewer> second = generate();
    QVERIFY(second);
    const Report::ReportData &before = first->data();
    const Report::ReportData &after = second->data();
    QCOMPARE(after.changes.previousNumber, before.number);
    // Expected from the two reports' own data: score and grade sentences only where they differ, then
    // the new penalty (80,000 yuan ≥ 1万, so in 万元).
    QStringList expected;
    if (before.score.available && after.score.available
        && qRound(before.score.score) != qRound(after.score.score))
        expected
            << u"信用评分由 %1 变为 %2。"_s.arg(qRound(before.score.score)).arg(qRound(after.score.score));
    if (before.score.grade != after.score.grade)
        expected << u"信用等级由 %1 变为 %2。"_s.arg(before.score.grade, after.score.grade);
    expected << u"新增行政处罚：长沙市生态环境局 于 %1 作出的“擅自改变排污方式”，金额 8.00万元。"_s.arg(
        AsOf.addDays(-3).toString(Qt::ISODate));
    QCOMPARE(second->comparison(), expected);

    // The button shows the same sentences under a title naming the previous report.
    QVERIFY(!second->comparisonList()->isVisible());
    second->show();
    QVERIFY(QTest::qWaitForWindowExposed(second.get()));
    QTest::mouseClick(second->compareButton(), Qt::LeftButton);
    QVERIFY(second->comparisonList()->isVisible());
    QCOMPARE(second->comparisonTitle()->text(), u"与上次报告 %1 相比的变化"_s.arg(before.number));
    QStringList shown;
    for (int i = 0; i < second->comparisonList()->count(); ++i)
        shown << second->comparisonList()->item(i)->text();
    QCOMPARE(shown, expected);
    QTest::mouseClick(second->compareButton(), Qt::LeftButton);
    QVERIFY(!second->comparisonList()->isVisible());
}

void TestGuiReportViewer::profileOpensViewer()
{
    Ui::FirmProfileWidget profile(m_db);
    profile.setCurrentUser(u"clerk"_s);
    QVERIFY(profile.showEnterprise(m_firm.meta.id));
    // Authorized: the viewer opens on the generated report (today's date, the profile's default).
    Ui::ReportViewer *viewer = profile.openCreditReport(m_bank.meta.id, Purpose);
    QVERIFY2(viewer, qPrintable(profile.lastReportMessage()));
    QVERIFY(viewer->isVisible());
    QCOMPARE(viewer->data().enterprise.meta.id, m_firm.meta.id);
    QCOMPARE(viewer->data().generatedBy, u"clerk"_s);
    viewer->close(); // deleted on close
    // Not authorized for m_otherBank: the refusal message as before, no viewer.
    QVERIFY(!profile.openCreditReport(m_otherBank.meta.id, Purpose));
    QVERIFY2(profile.lastReportMessage().startsWith(u"No report was produced: "_s),
             qPrintable(profile.lastReportMessage()));
}

void TestGuiReportViewer::helpMenuOpensVerifyDialog()
{
    const QVector<Core::User> users = Store::UserRepository(m_db).users();
    QVERIFY(!users.isEmpty());
    Ui::MainWindow window(m_db, users.first());
    auto *action = window.findChild<QAction *>(u"verifyReportAction"_s);
    QVERIFY(action);
    // The dialog is modal: close it from the event loop once it is up, and note that it was it.
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<Ui::ReportVerifyDialog *>(QApplication::activeModalWidget())) {
            opened = true;
            dialog->reject();
        }
    });
    action->trigger();
    QVERIFY(opened);
}

QTEST_MAIN(TestGuiReportViewer)
#include "tst_gui_reportviewer.moc"
