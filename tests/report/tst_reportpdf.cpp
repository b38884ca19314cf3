#include "core/residentid.h"
#include "demo/demogenerator.h"
#include "report/pdfsignature.h"
#include "report/reportgenerator.h"
#include "report/reportlog.h"
#include "report/reportrenderer.h"
#include "security/crypto.h"
#include "store/applicationrepository.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using Verdict = Report::AuthorizationCheck::Verdict;

Q_DECLARE_METATYPE(Verdict)

namespace {

const QDate asOf(2026, 11, 20); // the demo dataset's "today"
const QString purpose = QStringLiteral("流动资金贷款审批");

/// Runs a poppler tool; empty when it is missing or fails.
QString runTool(const QString &tool, const QStringList &args, bool *ok)
{
    QProcess p;
    p.start(tool, args);
    *ok = p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pdfContent();
    void tamperedBytes_data();
    void tamperedBytes();
    void refusals_data();
    void refusals();
    void changesSincePrevious();
    void englishOption();

private:
    Report::ReportGenerator::Request request(const QString &institution) const;
    Core::Authorization grant(const QString &institution, QDate from, QDate to, bool revoked = false);
    bool hasPoppler() const
    {
        return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
               && !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()
               && !QStandardPaths::findExecutable(QStringLiteral("pdffonts")).isEmpty();
    }

    QTemporaryDir m_dir;
    Store::Database m_db;
    Core::Enterprise m_firm;
    QVector<Core::Institution> m_institutions;
    Security::Signer m_key;
    Report::ReportGenerator::Outcome m_report; ///< the first good report
};

void TestReportPdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Demo::DemoGenerator::Options options;
    options.firms = 6;
    options.passwordIterations = 0;
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY2(Demo::DemoGenerator::createDatabase(path, options, &error), qPrintable(error));
    QVERIFY2(m_db.open(path, &error), qPrintable(error));
    // The firm with the most credit records, so every table section has rows.
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT enterprise_id FROM credit_record GROUP BY enterprise_id "
                                  "ORDER BY COUNT(*) DESC, enterprise_id LIMIT 1")));
    QVERIFY(q.next());
    m_firm = *Store::EnterpriseRepository(m_db).byId(q.value(0).toString());
    m_institutions = Store::ReferenceRepository(m_db).institutions();
    QVERIFY(m_institutions.size() >= 4);
    m_key = Report::ReportGenerator::loadOrCreateKey(
        m_dir.filePath(QStringLiteral("keys/report-signing.pem")), &error);
    QVERIFY2(m_key.hasPrivateKey(), qPrintable(error));
    QCOMPARE(QFile::permissions(m_dir.filePath(QStringLiteral("keys/report-signing.pem")))
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    grant(m_institutions.at(0).meta.id, asOf.addDays(-10), asOf.addDays(20));
    m_report = Report::ReportGenerator::generate(m_db, request(m_institutions.at(0).code), m_key);
    QVERIFY2(m_report.ok, qPrintable(m_report.error));
}

Report::ReportGenerator::Request TestReportPdf::request(const QString &institution) const
{
    Report::ReportGenerator::Request r;
    r.firm = m_firm.uscc;
    r.institution = institution;
    r.purpose = purpose;
    r.asOf = asOf;
    r.generatedBy = QStringLiteral("tst_reportpdf");
    return r;
}

Core::Authorization TestReportPdf::grant(const QString &institution, QDate from, QDate to, bool revoked)
{
    Core::Authorization a;
    a.enterpriseId = m_firm.meta.id;
    a.institutionIds = {institution};
    a.purpose = purpose;
    a.validFrom = from;
    a.validTo = to;
    a.revoked = revoked;
    if (revoked)
        a.revokedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    QString error;
    if (!Store::ApplicationRepository(m_db).save(a, &error))
        qWarning("%s", qPrintable(error));
    return a;
}

void TestReportPdf::pdfContent()
{
    const Report::ReportData &d = m_report.data;
    QVERIFY(d.number.startsWith(QStringLiteral("XDR-20261120-")));
    QCOMPARE(d.number.size(), 21); // XDR- + 8 digits + - + 8 hex
    QCOMPARE(d.contentHash, Security::Crypto::sha256Hex(d.canonicalJson()));
    QCOMPARE(d.verificationCode(), d.number + QLatin1Char('-') + d.contentHash.left(16));
    QVERIFY(d.score.available);
    QVERIFY(d.score.score >= 300 && d.score.score <= 900);
    // Series only from the 24 months before the as-of month.
    for (const Core::MonthlyValue &v : d.series)
        QVERIFY(v.month >= QDate(2024, 11, 1) && v.month < QDate(2026, 11, 1));
    for (const Core::CreditRecord &r : d.records)
        QVERIFY(r.date <= asOf);

    // Recorded: number, firm, institution, purpose, hashes.
    const std::optional<Report::ReportLogEntry> logged = Report::ReportLog(m_db).byNumber(d.number);
    QVERIFY(logged);
    QCOMPARE(logged->enterpriseId, m_firm.meta.id);
    QCOMPARE(logged->institutionId, m_institutions.at(0).meta.id);
    QCOMPARE(logged->purpose, purpose);
    QCOMPARE(logged->contentHash, d.contentHash);
    QCOMPARE(logged->fileSha256, Security::Crypto::sha256Hex(m_report.pdf));
    QCOMPARE(logged->generatedBy, QStringLiteral("tst_reportpdf"));
    const QVector<Store::AuditEntry> generated
        = Store::AuditLog(m_db).entries(QStringLiteral("report.generate"), m_firm.meta.id);
    QCOMPARE(generated.size(), 1);
    QVERIFY(generated.first().detail.contains(d.number));

    // The signature verifies under the suite key (its public half only).
    const Report::PdfSignature::Verification v = Report::PdfSignature::verify(
        m_report.pdf,
        Report::ReportGenerator::trustedKey(m_dir.filePath(QStringLiteral("keys/report-signing.pem"))));
    QVERIFY2(v.valid, qPrintable(v.reason));
    QCOMPARE(v.number, d.number);
    QCOMPARE(v.contentHash, d.contentHash);

    if (!hasPoppler())
        QSKIP("poppler-utils (pdfinfo, pdffonts, pdftotext) not installed");
    const QString pdfPath = m_dir.filePath(QStringLiteral("report.pdf"));
    QFile f(pdfPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_report.pdf);
    f.close();
    bool ok = false;
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdfPath}, &ok);
    QVERIFY2(ok, "pdfinfo refused the signed file: the appended block must not break PDF readers");
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(m_report.pageCount))),
             qPrintable(info));
    QVERIFY(m_report.pageCount >= 3); // cover + at least two pages of sections
    QVERIFY2(info.contains(QLatin1String("(A4)")), qPrintable(info));

    // Charts are vector paths: the file holds no raster image at all.
    if (!QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty()) {
        const QStringList images
            = runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdfPath}, &ok)
                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(ok);
        QCOMPARE(images.size(), 2); // the two heading lines only
    }

    const QString fonts = runTool(QStringLiteral("pdffonts"), {pdfPath}, &ok);
    QVERIFY(ok);
    QVERIFY2(fonts.contains(QLatin1String("WenQuanYiMicroHei")), qPrintable(fonts));
    // Every font line says "yes" in the emb column.
    const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines)
        QVERIFY2(line.contains(QLatin1String(" yes ")), qPrintable(line));

    // -raw keeps content-stream order, so the rotated watermark does not interleave with the lines.
    const QString text
        = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdfPath, QStringLiteral("-")}, &ok);
    QVERIFY(ok);
    for (QChar c : text)
        QVERIFY2(c.unicode() < 0x2F00 || c.unicode() > 0x2FDF,
                 qPrintable(QStringLiteral("Kangxi radical U+%1 in the text layer").arg(c.unicode(), 4, 16)));
    const QString flat = QString(text).remove(QRegularExpression(QStringLiteral("\\s")));
    // Every section title (blocks after a chart once went missing: see ReportRenderer), the watermark.
    const QStringList expected
        = {m_firm.name,
           m_firm.uscc,
           QStringLiteral("企业综合信用报告"),
           QStringLiteral("一、报告摘要"),
           QStringLiteral("二、登记信息"),
           QStringLiteral("三、法定代表人"),
           QStringLiteral("四、资质认定"),
           QStringLiteral("五、纳税信用等级与纳税情况"),
           QStringLiteral("六、社会保险与住房公积金"),
           QStringLiteral("七、水电气（用电）"),
           QStringLiteral("八、银行流水"),
           QStringLiteral("九、政府采购与合同"),
           QStringLiteral("十、财政补贴"),
           QStringLiteral("十一、平台融资记录"),
           QStringLiteral("十二、司法记录、行政处罚与失信被执行人"),
           QStringLiteral("十三、信用评分与等级"),
           QStringLiteral("十四、数据来源与截止日期"),
           QStringLiteral("十五、声明"),
           QStringLiteral("仅供") + m_institutions.at(0).name + purpose + QStringLiteral("使用"),
           QStringLiteral("统一社会信用代码"),
           QStringLiteral("月度银行流入与流出（万元）"),
           QStringLiteral("第1/%1页").arg(m_report.pageCount),
           QStringLiteral("第%1/%1页").arg(m_report.pageCount),
           d.verificationCode(),
           Core::ResidentId::masked(m_firm.legalRepId),
           QStringLiteral("贷款审批"),
           QStringLiteral("用途"),
           QStringLiteral("金额")};
    for (const QString &s : expected)
        QVERIFY2(flat.contains(s), qPrintable(QStringLiteral("missing from pdftotext output: ") + s));
    // The full ID number never appears.
    QVERIFY(!m_firm.legalRepId.isEmpty());
    QVERIFY(!flat.contains(m_firm.legalRepId));
}

void TestReportPdf::tamperedBytes_data()
{
    QTest::addColumn<double>("position"); // fraction of the file; < 0: inside the signature block
    QTest::newRow("start") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("just before the block") << 0.999;
    QTest::newRow("signature block") << -1.0;
}

void TestReportPdf::tamperedBytes()
{
    QFETCH(double, position);
    const Security::Signer trusted
        = Report::ReportGenerator::trustedKey(m_dir.filePath(QStringLiteral("keys/report-signing.pem")));
    QByteArray file = m_report.pdf;
    const qsizetype block = file.lastIndexOf("\n%XINDAI-SIGNATURE-1\n");
    QVERIFY(block > 0);
    qsizetype index = position < 0 ? file.lastIndexOf("%signature ") + 40 : qsizetype(block * position);
    file[index] = char(file[index] ^ 0x04);
    const Report::PdfSignature::Verification v = Report::PdfSignature::verify(file, trusted);
    QVERIFY(!v.valid);
    QVERIFY(!v.reason.isEmpty());
}

void TestReportPdf::refusals_data()
{
    QTest::addColumn<int>("institution");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<bool>("revoked");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("why");
    // Each row uses its own institution, so rows don't see each other's authorizations.
    QTest::newRow("none for this institution")
        << 1 << QDate() << QDate() << false << Verdict::InstitutionNotCovered
        << QStringLiteral("covers the institution");
    QTest::newRow("expired") << 2 << QDate(2026, 1, 1) << QDate(2026, 10, 31) << false << Verdict::Expired
                             << QStringLiteral("expired on 2026-10-31");
    QTest::newRow("revoked") << 3 << QDate(2026, 1, 1) << QDate(2027, 12, 31) << true << Verdict::Revoked
                             << QStringLiteral("revoked on 2026-11-02");
}

void TestReportPdf::refusals()
{
    QFETCH(int, institution);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(bool, revoked);
    QFETCH(Verdict, verdict);
    QFETCH(QString, why);
    const Core::Institution &inst = m_institutions.at(institution);
    // The demo data may already hold authorizations for this institution: skip such a row rather than guess.
    for (const Core::Authorization &a : Store::ApplicationRepository(m_db).authorizations(m_firm.meta.id)) {
        if (a.institutionIds.contains(inst.meta.id))
            QSKIP("demo data already authorizes this institution");
    }
    if (from.isValid())
        grant(inst.meta.id, from, to, revoked);
    const int reportsBefore = Report::ReportLog(m_db).count();
    const int refusalsBefore = int(Store::AuditLog(m_db).entries(QStringLiteral("report.refuse")).size());
    const Report::ReportGenerator::Outcome o
        = Report::ReportGenerator::generate(m_db, request(inst.meta.id), m_key);
    QVERIFY(!o.ok);
    QVERIFY(o.refused);
    QVERIFY(o.pdf.isEmpty());
    QCOMPARE(o.verdict, verdict);
    QVERIFY2(o.error.contains(why), qPrintable(o.error));
    QCOMPARE(Report::ReportLog(m_db).count(), reportsBefore);
    const QVector<Store::AuditEntry> refusals
        = Store::AuditLog(m_db).entries(QStringLiteral("report.refuse"));
    QCOMPARE(refusals.size(), refusalsBefore + 1);
    QCOMPARE(refusals.last().rowId, m_firm.meta.id);
    QCOMPARE(refusals.last().userId, QStringLiteral("tst_reportpdf"));
    const QJsonObject detail = QJsonDocument::fromJson(refusals.last().detail.toUtf8()).object();
    QCOMPARE(detail.value(QLatin1String("institution")).toString(), inst.meta.id);
    QCOMPARE(detail.value(QLatin1String("verdict")).toInt(), int(verdict));
}

void TestReportPdf::changesSincePrevious()
{
    // A new penalty after the first report appears as a change in the second one.
    Core::CreditRecord penalty;
    penalty.enterpriseId = m_firm.meta.id;
    penalty.kind = Core::CreditRecord::Kind::Penalty;
    penalty.date = asOf.addDays(-1);
    penalty.title = QStringLiteral("未按规定申报");
    penalty.authority = QStringLiteral("长沙市市场监督管理局");
    penalty.amount = Core::Money::fromYuan(5000);
    QString error;
    QVERIFY2(Store::FirmDataRepository(m_db).save(penalty, &error), qPrintable(error));
    const Report::ReportGenerator::Outcome second
        = Report::ReportGenerator::generate(m_db, request(m_institutions.at(0).meta.id), m_key);
    QVERIFY2(second.ok, qPrintable(second.error));
    const Report::ReportData::Changes &c = second.data.changes;
    QCOMPARE(c.previousNumber, m_report.data.number);
    QCOMPARE(c.newRecords.value(int(Core::CreditRecord::Kind::Penalty)), 1);
    QCOMPARE(c.newRecords.size(), 1);   // nothing else is new
    QVERIFY(c.seriesChanges.isEmpty()); // same as-of day, same months
    QVERIFY(c.previousScore.has_value());
    QCOMPARE(qRound(*c.previousScore), qRound(m_report.data.score.score));
    QVERIFY(second.data.number != m_report.data.number);
    QVERIFY(second.data.contentHash != m_report.data.contentHash);
}

void TestReportPdf::englishOption()
{
    Report::ReportGenerator::Request r = request(m_institutions.at(0).meta.id);
    r.language = Report::ReportLanguage::English;
    const Report::ReportGenerator::Outcome o = Report::ReportGenerator::generate(m_db, r, m_key);
    QVERIFY2(o.ok, qPrintable(o.error));
    const QString html = Report::ReportRenderer::html(o.data, Report::ReportLanguage::English);
    QVERIFY(html.contains(QLatin1String("Enterprise Comprehensive Credit Report")));
    QVERIFY(html.contains(QLatin1String("13. Credit score and grade")));
    QVERIFY(!html.contains(QStringLiteral("十三、信用评分与等级")));
    QVERIFY(html.contains(m_firm.name)); // data stays Chinese
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
