#pragma once

#include "security/signer.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// "Verify a report…": answers whether a report PDF is valid or tampered (Report::PdfSignature under the
/// suite's report-signing key, with the reason), and whether this installation issued it: the report
/// number and content hash in the file, or a verification code typed from a printed page
/// (<number>-<first 16 hex of the content hash>), are looked up in the local report_log.
class ReportVerifyDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Verdict {
        None,     ///< nothing checked yet
        Valid,    ///< signature valid under the trusted key
        Tampered, ///< not valid: the reason says why
    };
    enum class Record {
        Unknown,  ///< nothing to look up (no number)
        Issued,   ///< in report_log with the same content hash (and file SHA-256 for a file)
        Mismatch, ///< the number is in report_log but the content hash or file differs
        NotFound, ///< the number is not in this installation's records
    };

    /// Uses the public half of the suite's signing key (Report::ReportGenerator::defaultKeyPath()).
    explicit ReportVerifyDialog(Store::Database &db, QWidget *parent = nullptr);

    /// Replaces the key signatures are checked against (tests; another installation's public key).
    void setTrustedKey(const Security::Signer &key) { m_trusted = key; }

    /// Checks the PDF at \a path; returns the verdict and fills resultText() / recordText().
    Verdict verifyFile(const QString &path);
    /// Checks a verification code as printed in a report's footer against report_log.
    Record checkCode(const QString &code);

    Verdict verdict() const { return m_verdict; }
    Record record() const { return m_record; }
    /// "Valid: …" or "Tampered: <reason>".
    QString resultText() const;
    /// "Issued by this installation on <date> for <institution> …" or "Not found in …".
    QString recordText() const;

    /// Where "Open PDF…" reads from; returns a path or an empty string to cancel. Default: a QFileDialog.
    void setOpenPathProvider(std::function<QString()> provider);
    QLineEdit *codeEdit() const { return m_codeEdit; }
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *checkCodeButton() const { return m_checkCodeButton; }

private:
    void openFile();
    /// report_log lookup of \a number; \a contentHashPrefix must start the logged content hash and,
    /// when not empty, \a fileSha256 must equal the logged file hash.
    Record lookUp(const QString &number, const QString &contentHashPrefix, const QString &fileSha256);
    void showResult();

    Store::Database &m_db;
    Security::Signer m_trusted;
    Verdict m_verdict = Verdict::None;
    Record m_record = Record::Unknown;
    QString m_reason;
    QString m_number;
    QString m_recordText;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_recordLabel = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_checkCodeButton = nullptr;
    std::function<QString()> m_openPathProvider;
};

} // namespace XinDai::Ui
