// The walk-in wizard (接待新企业) end to end, offscreen, on a small generated demo store: register a
// firm (an invalid and a duplicate code refused first), record its authorization with a scan, the
// need, the documents checklist, the pre-review, the choice of a product and the submission; then the
// stored rows and the receipt with its deadlines for a fixed "today" just before the National Day
// holiday. Also: the file checks, the deadlines on their own, finding a registered firm and reusing its
// authorization, and a firm without authorization (credit data withheld, submission blocked).

#include "common/firmsearchwidget.h"
#include "core/residentid.h"
#include "core/uscc.h"
#include "core/workcalendar.h"
#include "demo/demogenerator.h"
#include "matching/factbuilder.h"
#include "matching/productmatcher.h"
#include "prereview/documenttypes.h"
#include "report/authorizationcheck.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"
#include "window/walkinattachment.h"
#include "window/walkinauthorizationpage.h"
#include "window/walkindocumentspage.h"
#include "window/walkinfirmpage.h"
#include "window/walkinmatchingpage.h"
#include "window/walkinneedpage.h"
#include "window/walkinpage.h"
#include "window/walkinprereviewpage.h"
#include "window/walkinreceipt.h"
#include "window/walkinreceiptpage.h"
#include "window/walkinwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace XinDai;
using namespace Qt::StringLiterals;

namespace {

const QString DemoPassword = u"xindai2026"_s;
const QString WindowLogin = u"window.cs"_s;

// 2026-09-30 is the Wednesday before the National Day holiday (10-01 … 10-07) and 2026-10-10 is a
// Saturday worked in its place (调休): the deadlines only come out right with the official calendar.
const QDateTime Now(QDate(2026, 9, 30), QTime(10, 0));

// A code computed by hand with GB 32100-2015: the weighted sum of the first 17 characters leaves the check
// character '3'. The same code ending in 'A' is refused for its check character.
const QString NewUscc = u"91430100MA4T0C8W13"_s;
const QString BadUscc = u"91430100MA4T0C8W1A"_s;
const QString SecondUscc = u"91430100MA4T0C8W26"_s; // check character '6'
// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits gives '2'.
const QString LegalRepId = u"430104198503121232"_s;
const QString FirmName = u"湖南星沙测试科技有限公司"_s;

QByteArray pdfBytes(const QByteArray &body)
{
    return "%PDF-1.4\n" + body + "\n%%EOF\n";
}

QByteArray pngBytes()
{
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(64, 'x');
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes, qint64 size = -1)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    if (size >= 0 && !file.resize(size)) // sparse tail of zero bytes
        return {};
    return path;
}

QByteArray sha256Hex(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestGuiWalkIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // English explanations and Chinese amounts ("300.00万元") whatever the machine's locale.
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 30;
        options.demoPassword = DemoPassword;
        options.passwordIterations = 2000;
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        Ui::LoginDialog dialog(m_db);
        QString message;
        QVERIFY2(dialog.authenticate(WindowLogin, DemoPassword, &message), qPrintable(message));
        m_user = dialog.user();
        QCOMPARE(m_user.role, Core::Role::WindowStaff);
        QVERIFY(!m_user.parkId.isEmpty());

        m_scan = writeFile(m_dir, u"authorization.pdf"_s, pdfBytes("signed authorization"));
        m_licence = writeFile(m_dir, u"licence.png"_s, pngBytes());
        QVERIFY(!m_scan.isEmpty() && !m_licence.isEmpty());
    }

    void attachmentChecks_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<qint64>("size");    // -1: just the head
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::addColumn<QString>("mime");

        // A PDF starts with "%PDF-": accepted.
        QTest::newRow("pdf") << u"a.pdf"_s << pdfBytes("x") << qint64(-1) << QString()
                             << u"application/pdf"_s;
        // Extensions are compared case-insensitively; JPEG content starts with FF D8 FF.
        QTest::newRow("JPG upper case") << u"b.JPG"_s << QByteArray("\xFF\xD8\xFF\xE0rest", 8) << qint64(-1)
                                        << QString() << u"image/jpeg"_s;
        // Exactly 20 MB is within the limit…
        QTest::newRow("20 MB") << u"c.png"_s << pngBytes() << qint64(20 * 1024 * 1024) << QString()
                               << u"image/png"_s;
        // …one byte more is not.
        QTest::newRow("20 MB + 1")
            << u"d.pdf"_s << pdfBytes("x") << qint64(20 * 1024 * 1024 + 1)
            << u"The file “d.pdf” cannot be attached: it is 20.0 MB, larger than the limit of 20 MB."_s
            << QString();
        // Word files are not scans.
        QTest::newRow("docx") << u"e.docx"_s << QByteArray("PK\x03\x04", 4) << qint64(-1)
                              << u"The file “e.docx” cannot be attached: only PDF, JPEG and PNG scans are "
                                 "accepted."_s
                              << QString();
        // A renamed text file: the name says PDF, the content does not.
        QTest::newRow("fake pdf") << u"f.pdf"_s << QByteArray("hello") << qint64(-1)
                                  << u"The file “f.pdf” cannot be attached: its content is not a PDF file "
                                     "although its name says so."_s
                                  << QString();
        // An empty file proves nothing.
        QTest::newRow("empty") << u"g.png"_s << QByteArray() << qint64(-1)
                               << u"The file “g.png” cannot be attached: it is empty."_s << QString();
    }

    void attachmentChecks()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, head);
        QFETCH(qint64, size);
        QFETCH(QString, reason);
        QFETCH(QString, mime);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeFile(dir, name, head, size);
        QVERIFY(!path.isEmpty());
        QString error;
        const std::optional<Core::Document> document
            = Ui::WalkInAttachment::inspect(path, u"business_licence"_s, &error);
        QCOMPARE(document.has_value(), reason.isEmpty());
        QCOMPARE(error, reason);
        if (!document)
            return;
        QCOMPARE(document->fileName, name);
        QCOMPARE(document->docType, u"business_licence"_s);
        QCOMPARE(document->mimeType, mime);
        QCOMPARE(document->sizeBytes, QFileInfo(path).size());
        QCOMPARE(document->sha256.toLatin1(), sha256Hex(path));
    }

    void receiptDeadlines_data()
    {
        QTest::addColumn<QDate>("submitted");
        QTest::addColumn<QDate>("acceptBy");
        QTest::addColumn<QDate>("resultBy");
        QTest::addColumn<QStringList>("holidays");
        // Wed 09-30: 10-01…07 are off, Thu 10-08, Fri 10-09 and the worked Saturday 10-10 are the three
        // days; then 10-12…16 and 10-19…23 are the ten.
        QTest::newRow("before National Day")
            << QDate(2026, 9, 30) << QDate(2026, 10, 10) << QDate(2026, 10, 23) << QStringList{u"国庆节"_s};
        // Thu 02-12: Fri 02-13, the worked Saturday 02-14, then the Spring Festival 02-15…23, Tue 02-24;
        // ten from there: 02-25, 26, 27, the worked Saturday 02-28, 03-02…06, 03-09.
        QTest::newRow("Spring Festival")
            << QDate(2026, 2, 12) << QDate(2026, 2, 24) << QDate(2026, 3, 9) << QStringList{u"春节"_s};
        // An ordinary week: Wed 11-18 → Thu, Fri, Mon 11-23; ten more: 11-24…27, 11-30, 12-01…04, 12-07.
        QTest::newRow("ordinary") << QDate(2026, 11, 18) << QDate(2026, 11, 23) << QDate(2026, 12, 7)
                                  << QStringList();
    }

    void receiptDeadlines()
    {
        QFETCH(QDate, submitted);
        QFETCH(QDate, acceptBy);
        QFETCH(QDate, resultBy);
        QFETCH(QStringList, holidays);
        const Ui::WalkInReceipt receipt(Core::Enterprise(), {}, QDateTime(submitted, QTime(15, 30)), {}, {},
                                        Core::WorkCalendar::builtin());
        QCOMPARE(receipt.acceptanceDeadline(), acceptBy);
        QCOMPARE(receipt.resultDeadline(), resultBy);
        QCOMPARE(receipt.holidaysInPeriod(), holidays);
    }

    void registerAndSubmit()
    {
        Ui::WalkInWizard wizard(m_db, m_user);
        wizard.setClock([] { return Now; });
        wizard.setCalendar(Core::WorkCalendar::builtin());
        QString nextFile;
        wizard.setOpenFileChooser(
            [&nextFile](QWidget *, const QString &, const QString &) { return nextFile; });
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::FirmPageId));

        // --- 1. register the firm -------------------------------------------------------------------
        Ui::WalkInFirmPage *firm = wizard.firmPage();
        firm->setMode(Ui::WalkInFirmPage::Mode::Register);
        QTest::keyClicks(firm->usccEdit(), BadUscc);
        QCOMPARE(firm->usccProblem(),
                 u"The check character of the unified social credit code should be '3' but is 'A'."_s);
        // A code already registered is refused and that firm offered instead.
        const Store::EnterpriseHit existing = Store::EnterpriseRepository(m_db).search(u"公司"_s, 1).value(0);
        QVERIFY(!existing.id.isEmpty());
        firm->usccEdit()->setText(existing.uscc);
        QVERIFY(firm->usccProblem().contains(u"is already registered"_s));
        QVERIFY(firm->openDuplicateButton()->isVisibleTo(firm));

        firm->usccEdit()->setText(BadUscc);
        firm->nameEdit()->setText(FirmName);
        firm->legalRepEdit()->setText(u"张三"_s);
        firm->legalRepIdEdit()->setText(LegalRepId);
        firm->establishedEdit()->setDate(QDate(2018, 5, 2));
        firm->capitalEdit()->setText(u"500"_s);
        firm->industryCombo()->setCurrentIndex(firm->industryCombo()->findData(u"C39"_s));
        firm->employeesSpin()->setValue(80);
        wizard.next();
        // Refused with the exact reason, nothing stored.
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::FirmPageId));
        QCOMPARE(firm->errorText(),
                 u"The check character of the unified social credit code should be '3' but is 'A'."_s);
        QVERIFY(!Store::EnterpriseRepository(m_db).byUscc(BadUscc));

        firm->usccEdit()->setText(NewUscc);
        QCOMPARE(firm->usccProblem(), QString());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::AuthorizationPageId));
        const std::optional<Core::Enterprise> stored = Store::EnterpriseRepository(m_db).byUscc(NewUscc);
        QVERIFY(stored);
        QCOMPARE(stored->name, FirmName);
        QCOMPARE(stored->legalRepId, LegalRepId);
        QCOMPARE(stored->established, QDate(2018, 5, 2));
        QCOMPARE(stored->registeredCapital.fen(), qint64(500) * 1000000); // 500 万元
        QCOMPARE(stored->industryCode, u"C39"_s);
        QCOMPARE(stored->parkId, m_user.parkId); // the staff's park
        QCOMPARE(stored->employees, 80);
        QCOMPARE(stored->kind, Core::Enterprise::Kind::Company); // authority 9, type 1
        m_firmId = stored->meta.id;

        // The product: the best-ranked eligible one for this firm and need, chosen with the matcher
        // itself so that the test follows the demo products.
        Matching::FinancingNeed need;
        need.amount = Core::Money::fromWan(300);
        need.termMonths = 12;
        need.purpose = u"流动资金"_s;
        QString error;
        const std::optional<Matching::FirmData> data = Matching::FactBuilder::load(m_db, m_firmId, &error);
        QVERIFY2(data, qPrintable(error));
        const Matching::ProductMatcher matcher(Store::ReferenceRepository(m_db).products(),
                                               Store::ReferenceRepository(m_db).policies(), {},
                                               Core::WorkCalendar::builtin());
        std::optional<Core::FinancingProduct> product;
        for (const Matching::ProductMatch &m :
             matcher.match(Matching::FactBuilder::firmFacts(*data, Now.date()), need, Now.date())) {
            if (m.eligible) {
                product = m.product;
                break;
            }
        }
        QVERIFY2(product, "no demo product is eligible for the new firm");
        QVERIFY(product->requiredDocuments.size() >= 2);

        // --- 2. authorization -----------------------------------------------------------------------
        Ui::WalkInAuthorizationPage *auth = wizard.authorizationPage();
        QCOMPARE(auth->choice(), Ui::WalkInAuthorizationPage::Choice::RecordNew); // a new firm has none
        QCOMPARE(auth->choiceCombo()->count(), 2);
        QVERIFY(auth->setInstitutionCovered(product->institutionId, true));
        nextFile = writeFile(m_dir, u"authorization.docx"_s, QByteArray("PK\x03\x04", 4));
        QTest::mouseClick(auth->attachButton(), Qt::LeftButton);
        QCOMPARE(auth->errorText(), u"The file “authorization.docx” cannot be attached: only PDF, JPEG and "
                                    "PNG scans are accepted."_s);
        QVERIFY(!auth->scan());
        nextFile = m_scan;
        QTest::mouseClick(auth->attachButton(), Qt::LeftButton);
        QVERIFY(auth->scan());
        QCOMPARE(auth->validFromEdit()->date(), QDate(2026, 9, 30));
        QCOMPARE(auth->validToEdit()->date(), QDate(2027, 9, 29)); // one year, inclusive
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::NeedPageId));

        // --- 3. need --------------------------------------------------------------------------------
        Ui::WalkInNeedPage *needPage = wizard.needPage();
        needPage->amountEdit()->setText(u"-5"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::NeedPageId));
        QCOMPARE(needPage->errorText(),
                 u"The amount must be more than zero: type the amount the firm needs in 万元."_s);
        needPage->amountEdit()->setText(u"300"_s);
        needPage->termSpin()->setValue(12);
        needPage->purposeCombo()->setCurrentText(u"流动资金"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::DocumentsPageId));
        QCOMPARE(wizard.session().need.amount.fen(), qint64(300000000));

        // --- 4. documents ---------------------------------------------------------------------------
        Ui::WalkInDocumentsPage *docs = wizard.documentsPage();
        QVERIFY(docs->setProduct(product->meta.id));
        QCOMPARE(docs->requiredDocuments(), product->requiredDocuments);
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QString attachedName;
        QStringList broughtLater;
        for (int row = 0; row < docs->requiredDocuments().size(); ++row) {
            const QString required = docs->requiredDocuments().at(row);
            if (docs->isHandled(required)) {
                // Only the authorization scan recorded in step 2 can be on file for a new firm.
                QCOMPARE(Prereview::DocumentTypes::typeCode(required), u"authorization"_s);
                continue;
            }
            QVERIFY(!next->isEnabled()); // an unhandled document remains
            if (attachedName.isEmpty()) {
                nextFile = m_licence;
                auto *attach = docs->findChild<QPushButton *>(u"attach_%1"_s.arg(row));
                QVERIFY(attach);
                QTest::mouseClick(attach, Qt::LeftButton);
                attachedName = required;
            } else {
                docs->checklist()
                    ->item(row, Ui::WalkInDocumentsPage::BringColumn)
                    ->setCheckState(Qt::Checked);
                broughtLater << required;
            }
            QVERIFY(docs->isHandled(required));
        }
        QVERIFY(!attachedName.isEmpty());
        QVERIFY2(!broughtLater.isEmpty(),
                 "the product asks for too few documents to mark one for next visit");
        QVERIFY(next->isEnabled());
        QCOMPARE(wizard.session().bringNextVisit, broughtLater);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::PrereviewPageId));

        // --- 5. pre-review --------------------------------------------------------------------------
        Ui::WalkInPrereviewPage *review = wizard.prereviewPage();
        QVERIFY2(review->result().passed, qPrintable(review->slipText()));
        QCOMPARE(review->result().acceptanceDeadline, QDate(2026, 10, 10));
        QCOMPARE(review->result().resultDeadline, QDate(2026, 10, 23));
        // Every document marked for next visit is a warning, and listed on the slip.
        QCOMPARE(review->result().withCode(u"completeness.document_next_visit"_s).size(),
                 broughtLater.size());
        QCOMPARE(review->result().documentsToBring, broughtLater);
        QCOMPARE(review->findingsTable()->rowCount(), int(review->result().findings.size()));
        const QString slipPath = m_dir.filePath(u"slip.txt"_s);
        QVERIFY(review->saveSlip(slipPath, &error));
        QFile slip(slipPath);
        QVERIFY(slip.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(slip.readAll()).trimmed(), review->slipText().trimmed());
        QVERIFY(next->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::MatchingPageId));

        // --- 6. matching ----------------------------------------------------------------------------
        Ui::WalkInMatchingPage *matching = wizard.matchingPage();
        QCOMPARE(matching->creditNotice(), QString());
        QVERIFY(!matching->products().isEmpty());
        // The documents step's product is chosen already; others, not covered by the authorization,
        // cannot be chosen (their scores are credit data).
        QCOMPARE(matching->chosenProductIds(), QStringList{product->meta.id});
        for (const Matching::ProductMatch &m : matching->products()) {
            if (m.product.institutionId != product->institutionId)
                QVERIFY(!matching->setChosen(m.product.meta.id, true));
        }
        const QString expectedNumber
            = Store::ApplicationRepository(m_db).nextNumber(2026, wizard.park().code);
        // The window's park code in the number: two parks never give the same one.
        QVERIFY(!wizard.park().code.isEmpty());
        QVERIFY2(QRegularExpression(u"^XD-2026-"_s + QRegularExpression::escape(wizard.park().code)
                                    + u"-\\d{7}$"_s)
                     .match(expectedNumber)
                     .hasMatch(),
                 qPrintable(expectedNumber));
        QAbstractButton *commit = wizard.button(QWizard::CommitButton);
        QVERIFY(commit->isVisible());
        QTest::mouseClick(commit, Qt::LeftButton);
        QCOMPARE(matching->errorText(), QString());
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::ReceiptPageId));

        // --- stored rows ----------------------------------------------------------------------------
        Store::ApplicationRepository repository(m_db);
        Store::ApplicationRepository::Filter filter;
        filter.enterpriseId = m_firmId;
        const QVector<Core::Application> applications = repository.applications(filter);
        QCOMPARE(applications.size(), 1);
        const Core::Application &a = applications.first();
        QCOMPARE(a.number, expectedNumber);
        QCOMPARE(a.state, Core::Application::State::Submitted);
        QCOMPARE(a.amount.fen(), qint64(300000000)); // 300 万元
        QCOMPARE(a.termMonths, 12);
        QCOMPARE(a.purpose, u"流动资金"_s);
        QCOMPARE(a.productId, product->meta.id);
        QCOMPARE(a.institutionId, product->institutionId);
        QCOMPARE(a.parkId, m_user.parkId);
        QCOMPARE(a.submittedAt, Now);
        QCOMPARE(a.createdBy, m_user.meta.id);
        QCOMPARE(repository.nextNumber(2026, wizard.park().code).right(7).toInt(),
                 expectedNumber.right(7).toInt() + 1);

        const QVector<Core::Authorization> authorizations = repository.authorizations(m_firmId);
        QCOMPARE(authorizations.size(), 1);
        QCOMPARE(authorizations.first().institutionIds, QStringList{product->institutionId});
        QCOMPARE(authorizations.first().purpose, u"贷款审批"_s);
        QCOMPARE(authorizations.first().validFrom, QDate(2026, 9, 30));
        QCOMPARE(authorizations.first().validTo, QDate(2027, 9, 29));
        QCOMPARE(authorizations.first().scanSha256.toLatin1(), sha256Hex(m_scan));
        QCOMPARE(authorizations.first().recordedBy, m_user.meta.id);
        QVERIFY(!authorizations.first().revoked);

        QVector<Core::Document> documents = repository.documents(m_firmId);
        std::sort(documents.begin(), documents.end(),
                  [](const auto &x, const auto &y) { return x.docType < y.docType; });
        QCOMPARE(documents.size(), 2); // the scan and the attached file; nothing for "next visit"
        const QString attachedType = Prereview::DocumentTypes::typeCode(attachedName);
        const Core::Document &scanRow = documents.at(attachedType < u"authorization"_s ? 1 : 0);
        const Core::Document &fileRow = documents.at(attachedType < u"authorization"_s ? 0 : 1);
        QCOMPARE(scanRow.docType, u"authorization"_s);
        QCOMPARE(scanRow.fileName, u"authorization.pdf"_s);
        QCOMPARE(scanRow.sizeBytes, QFileInfo(m_scan).size());
        QCOMPARE(scanRow.sha256.toLatin1(), sha256Hex(m_scan));
        QCOMPARE(fileRow.docType, attachedType);
        QCOMPARE(fileRow.fileName, u"licence.png"_s);
        QCOMPARE(fileRow.mimeType, u"image/png"_s);
        QCOMPARE(fileRow.sha256.toLatin1(), sha256Hex(m_licence));
        QCOMPARE(fileRow.addedAt, Now);

        // --- 7. receipt -----------------------------------------------------------------------------
        const Store::ReferenceRepository reference(m_db);
        const QString institution = reference.institution(product->institutionId)->name;
        const QString park = reference.park(m_user.parkId)->name;
        const QStringList expected{
            u"Receipt of financing applications"_s,
            u"Firm: %1 (unified social credit code %2)"_s.arg(FirmName, NewUscc),
            u"Legal representative: 张三, ID number 430104********1232"_s,
            u"Submitted on 2026-09-30 10:00 at the service window of %1, received by %2."_s.arg(
                park, m_user.displayName),
            QString(),
            u"Application %1: %2, %3, 300.00万元 for 12 month(s)."_s.arg(expectedNumber, institution,
                                                                         product->name),
            QString(),
            // 09-30 + 3 working days over National Day (see receiptDeadlines).
            u"Acceptance is due by 2026-10-10 (3 working days after submission)."_s,
            u"The result is due by 2026-10-23 if the application is accepted on 2026-10-10; the result "
            "deadline is 10 working days after the actual acceptance day."_s,
            u"Working days follow the official holiday calendar; public holidays in this period: 国庆节."_s,
        };
        QCOMPARE(wizard.receiptPage()->receiptText().split(u'\n'), expected);
        const QString pdf = m_dir.filePath(u"receipt.pdf"_s);
        QVERIFY2(wizard.receipt()->writePdf(pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        pdfFile.close();
        // The PDF's text layer must give back the Chinese names (the font choice matters, see
        // PLATFORM-NOTES): checked when poppler's pdftotext is installed.
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (!pdftotext.isEmpty()) {
            QProcess process;
            process.start(pdftotext, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
            QVERIFY(process.waitForFinished(20000));
            const QString extracted = QString::fromUtf8(process.readAllStandardOutput());
            QVERIFY2(extracted.contains(FirmName), qPrintable(extracted));
            QVERIFY2(extracted.contains(product->name), qPrintable(extracted));
            QVERIFY2(extracted.contains(u"2026-10-23"_s), qPrintable(extracted));
        }
    }

    void findFirmAndReuseAuthorization()
    {
        QVERIFY(!m_firmId.isEmpty()); // registered by registerAndSubmit
        Ui::WalkInWizard wizard(m_db, m_user);
        wizard.setClock([] { return Now.addDays(1); });
        wizard.setCalendar(Core::WorkCalendar::builtin());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        Ui::WalkInFirmPage *firm = wizard.firmPage();
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QVERIFY(!next->isEnabled()); // no firm chosen yet
        firm->searchWidget()->searchEdit()->setText(NewUscc);
        firm->searchWidget()->searchNow();
        QTableView *view = firm->searchWidget()->resultView();
        QCOMPARE(view->model()->rowCount(), 1);
        view->scrollTo(view->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(0, 0)).center());
        QCOMPARE(firm->chosenFirmId(), m_firmId);
        QVERIFY(next->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::AuthorizationPageId));
        // The authorization of the first visit is offered for reuse, and preselected.
        Ui::WalkInAuthorizationPage *auth = wizard.authorizationPage();
        QCOMPARE(auth->choice(), Ui::WalkInAuthorizationPage::Choice::Reuse);
        QCOMPARE(auth->choiceCombo()->count(), 3);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::NeedPageId));
        QVERIFY(wizard.session().authorization);
        QCOMPARE(Store::ApplicationRepository(m_db).authorizations(m_firmId).size(), 1); // nothing new
    }

    void duplicateOpensExistingFirm()
    {
        Ui::WalkInWizard wizard(m_db, m_user);
        wizard.setClock([] { return Now; });
        Ui::WalkInFirmPage *firm = wizard.firmPage();
        firm->setMode(Ui::WalkInFirmPage::Mode::Register);
        firm->usccEdit()->setText(u"91430100ma4t0c8w13"_s); // lower case: normalised, then found
        QCOMPARE(firm->usccProblem(),
                 u"A firm with the unified social credit code %1 is already registered: %2. Open it instead "
                 "of registering it again."_s.arg(NewUscc, FirmName));
        QTest::mouseClick(firm->openDuplicateButton(), Qt::LeftButton);
        QCOMPARE(firm->mode(), Ui::WalkInFirmPage::Mode::Find);
        QCOMPARE(firm->chosenFirmId(), m_firmId);
    }

    void withoutAuthorizationNothingIsShown()
    {
        Ui::WalkInWizard wizard(m_db, m_user);
        wizard.setClock([] { return Now; });
        wizard.setCalendar(Core::WorkCalendar::builtin());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        Ui::WalkInFirmPage *firm = wizard.firmPage();
        firm->setMode(Ui::WalkInFirmPage::Mode::Register);
        firm->usccEdit()->setText(SecondUscc);
        firm->nameEdit()->setText(u"湖南无授权测试有限公司"_s);
        firm->legalRepEdit()->setText(u"李四"_s);
        // A future birth date inside the ID number is refused with the ID checker's reason.
        firm->legalRepIdEdit()->setText(u"430104203001014566"_s);
        firm->establishedEdit()->setDate(QDate(2020, 1, 2));
        firm->capitalEdit()->setText(u"100"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::FirmPageId));
        QCOMPARE(firm->errorText(), u"The legal representative's ID number is refused: %1"_s.arg(
                                        Core::ResidentId::check(u"430104203001014566"_s, Now.date()).reason));
        firm->legalRepIdEdit()->setText(u"430104199001014562"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::AuthorizationPageId));

        QVERIFY(wizard.authorizationPage()->setChoice(Ui::WalkInAuthorizationPage::Choice::None));
        wizard.next();
        wizard.needPage()->amountEdit()->setText(u"100"_s);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::DocumentsPageId));
        Ui::WalkInDocumentsPage *docs = wizard.documentsPage();
        for (const QString &required : docs->requiredDocuments())
            QVERIFY(docs->setBringNextVisit(required, true));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(Ui::WalkInWizard::PrereviewPageId));

        // The pre-review blocks: no authorization covers the institution; the slip can still be printed.
        Ui::WalkInPrereviewPage *review = wizard.prereviewPage();
        QVERIFY(!review->result().passed);
        QCOMPARE(review->result().withCode(u"validity.authorization_missing"_s).size(), 1);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!review->slipText().isEmpty());

        // Matching would show credit data: it explains why it shows none.
        Ui::WalkInMatchingPage *matching = wizard.matchingPage();
        matching->initializePage();
        const Report::AuthorizationCheck::Result refusal
            = Report::AuthorizationCheck::check({}, QString(), QString(), u"贷款审批"_s, Now.date());
        QCOMPARE(refusal.verdict, Report::AuthorizationCheck::Verdict::NoAuthorization);
        QCOMPARE(matching->creditNotice(),
                 u"Matching scores are credit data and are shown only under a valid authorization of the "
                 "firm: %1"_s.arg(refusal.message));
        QCOMPARE(matching->productTable()->rowCount(), 0);
        QVERIFY(!matching->productTable()->isEnabled());
        QVERIFY(matching->policies().isEmpty());
        QVERIFY(!matching->isComplete());
        Store::ApplicationRepository::Filter filter;
        filter.enterpriseId = wizard.session().firm.meta.id;
        QVERIFY(Store::ApplicationRepository(m_db).applications(filter).isEmpty());
    }

    void launchedFromShell()
    {
        QVERIFY(!m_firmId.isEmpty());
        Ui::MainWindow window(m_db, m_user);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Window staff have the walk-in page right after the firm page.
        const QList<Ui::Navigation::Page> pages = window.pages();
        QCOMPARE(pages.indexOf(Ui::Navigation::Page::WalkIn), pages.indexOf(Ui::Navigation::Page::Firms) + 1);
        auto *walkIn = qobject_cast<Ui::WalkInPage *>(window.page(Ui::Navigation::Page::WalkIn));
        QVERIFY(walkIn);
        QCOMPARE(walkIn->objectName(), u"page.walkIn"_s);

        // The firm page's button opens the wizard on the firm shown there.
        QVERIFY(window.openFirm(m_firmId));
        auto *button
            = window.page(Ui::Navigation::Page::Firms)->findChild<QPushButton *>(u"walkInFromFirms"_s);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(window.stack()->currentWidget(), walkIn);
        auto *wizard = walkIn->findChild<Ui::WalkInWizard *>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->firmPage()->chosenFirmId(), m_firmId);
        wizard->reject();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
    Core::User m_user;
    QString m_scan;
    QString m_licence;
    QString m_firmId;
};

QTEST_MAIN(TestGuiWalkIn)
#include "tst_gui_walkin.moc"
