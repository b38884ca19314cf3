#include "reportverifydialog.h"

#include "report/pdfsignature.h"
#include "report/reportgenerator.h"
#include "report/reportlog.h"
#include "security/crypto.h"
#include "store/referencerepository.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace XinDai::Ui {

namespace {

/// Larger files are not reports of this suite (a report is well under 10 MB); refusing them keeps a
/// mistaken choice from reading gigabytes into memory.
constexpr qint64 maxReportBytes = 64 * 1024 * 1024;

} // namespace

ReportVerifyDialog::ReportVerifyDialog(Store::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_trusted(Report::ReportGenerator::trustedKey(Report::ReportGenerator::defaultKeyPath()))
{
    setObjectName(QStringLiteral("reportVerifyDialog"));
    setWindowTitle(tr("Verify a credit report"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Open a report PDF to check its signature, or type the verification code "
                                "printed at the foot of its pages."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *fileRow = new QHBoxLayout;
    m_openButton = new QPushButton(tr("Open PDF…"), this);
    m_openButton->setObjectName(QStringLiteral("verifyOpenButton"));
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("verifyFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fileRow->addWidget(m_openButton);
    fileRow->addWidget(m_fileLabel, 1);
    layout->addLayout(fileRow);

    auto *codeRow = new QHBoxLayout;
    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("verifyCodeEdit"));
    m_codeEdit->setPlaceholderText(QStringLiteral("XDR-20261120-1a2b3c4d-0123456789abcdef"));
    m_checkCodeButton = new QPushButton(tr("Check code"), this);
    m_checkCodeButton->setObjectName(QStringLiteral("verifyCodeButton"));
    codeRow->addWidget(new QLabel(tr("Verification code:"), this));
    codeRow->addWidget(m_codeEdit, 1);
    codeRow->addWidget(m_checkCodeButton);
    layout->addLayout(codeRow);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("verifyResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recordLabel = new QLabel(this);
    m_recordLabel->setObjectName(QStringLiteral("verifyRecordLabel"));
    m_recordLabel->setWordWrap(true);
    m_recordLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addWidget(m_recordLabel);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_openButton, &QPushButton::clicked, this, &ReportVerifyDialog::openFile);
    connect(m_checkCodeButton, &QPushButton::clicked, this, [this] { checkCode(m_codeEdit->text()); });
    connect(m_codeEdit, &QLineEdit::returnPressed, this, [this] { checkCode(m_codeEdit->text()); });
    resize(620, 320);
}

void ReportVerifyDialog::setOpenPathProvider(std::function<QString()> provider)
{
    m_openPathProvider = std::move(provider);
}

void ReportVerifyDialog::openFile()
{
    const QString path = m_openPathProvider
                             ? m_openPathProvider()
                             : QFileDialog::getOpenFileName(this, tr("Open a credit report"),
                                                            QDir::homePath(), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        verifyFile(path);
}

ReportVerifyDialog::Verdict ReportVerifyDialog::verifyFile(const QString &path)
{
    m_verdict = Verdict::Tampered;
    m_record = Record::Unknown;
    m_number.clear();
    m_recordText.clear();
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_reason
            = tr("the file %1 cannot be read (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
    } else if (file.size() > maxReportBytes) {
        m_reason = tr("the file %1 is %2 MB, too large to be a report of this suite")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(file.size() / (1024 * 1024));
    } else {
        const QByteArray bytes = file.readAll();
        const Report::PdfSignature::Verification v = Report::PdfSignature::verify(bytes, m_trusted);
        m_verdict = v.valid ? Verdict::Valid : Verdict::Tampered;
        m_reason = v.reason;
        m_number = v.number;
        // Also for a tampered file: whether its number was issued here tells the reader what it claims.
        if (!v.number.isEmpty())
            m_record = lookUp(v.number, v.contentHash, Security::Crypto::sha256Hex(bytes));
    }
    showResult();
    return m_verdict;
}

ReportVerifyDialog::Record ReportVerifyDialog::checkCode(const QString &code)
{
    m_verdict = Verdict::None;
    m_reason.clear();
    m_fileLabel->clear();
    static const QRegularExpression pattern(QStringLiteral("^(XDR-\\d{8}-[0-9a-f]{8})-([0-9a-f]{16})$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = code.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch()) {
        m_record = Record::Unknown;
        m_number.clear();
        m_recordText
            = tr("The verification code \"%1\" is not of the form XDR-yyyyMMdd-xxxxxxxx followed by a "
                 "hyphen and 16 hexadecimal digits; check it against the foot of the printed page.")
                  .arg(trimmed);
    } else {
        m_number = match.captured(1).left(4).toUpper() + match.captured(1).mid(4).toLower();
        m_record = lookUp(m_number, match.captured(2).toLower(), QString());
    }
    showResult();
    return m_record;
}

ReportVerifyDialog::Record ReportVerifyDialog::lookUp(const QString &number, const QString &contentHashPrefix,
                                                      const QString &fileSha256)
{
    const std::optional<Report::ReportLogEntry> entry = Report::ReportLog(m_db).byNumber(number);
    if (!entry) {
        m_recordText = tr("Not found in this installation's records: no report numbered %1 was issued here.")
                           .arg(number);
        return Record::NotFound;
    }
    const QString issuedOn = entry->generatedAt.toUTC().date().toString(Qt::ISODate);
    if (contentHashPrefix.isEmpty() || !entry->contentHash.startsWith(contentHashPrefix)
        || (!fileSha256.isEmpty() && entry->fileSha256 != fileSha256)) {
        m_recordText = tr("The report number %1 is in this installation's records (issued on %2), but its "
                          "content hash or file differs from the one issued: this is not that report.")
                           .arg(number, issuedOn);
        return Record::Mismatch;
    }
    QString institution = entry->institutionId;
    if (const std::optional<Core::Institution> found
        = Store::ReferenceRepository(m_db).institution(entry->institutionId))
        institution = found->name;
    m_recordText = tr("Issued by this installation on %1 for %2 (purpose: %3), with data as of %4.")
                       .arg(issuedOn, institution, entry->purpose, entry->asOf.toString(Qt::ISODate));
    return Record::Issued;
}

QString ReportVerifyDialog::resultText() const
{
    switch (m_verdict) {
    case Verdict::None:
        return {};
    case Verdict::Valid:
        return tr("Valid: the signature of report %1 covers every byte of the file and was made with this "
                  "suite's report-signing key.")
            .arg(m_number);
    case Verdict::Tampered:
        return tr("Tampered: %1.").arg(m_reason);
    }
    return {};
}

QString ReportVerifyDialog::recordText() const
{
    return m_recordText;
}

void ReportVerifyDialog::showResult()
{
    m_result->setText(resultText());
    m_result->setProperty("role", m_verdict == Verdict::Tampered ? QStringLiteral("error") : QString());
    m_recordLabel->setText(m_recordText);
}

} // namespace XinDai::Ui
