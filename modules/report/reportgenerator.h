#pragma once

#include "report/authorizationcheck.h"
#include "report/reportdata.h"
#include "report/reportlabels.h"
#include "security/signer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Report {

/// The whole trusted flow: authorization check → data snapshot → comparison with the firm's previous
/// report → content hash → PDF → signature → report_log row; every generation and every refusal is
/// written to audit_log.
class ReportGenerator
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::ReportGenerator)
public:
    struct Request
    {
        QString firm;        ///< USCC or enterprise id
        QString institution; ///< institution id or code
        QString purpose;
        QDate asOf;          ///< invalid = today (UTC)
        QString generatedBy; ///< user id or tool name, recorded in the log
        ReportLanguage language = ReportLanguage::Chinese;
        QString number; ///< empty = ReportData::newNumber(asOf)
    };
    struct Outcome
    {
        bool ok = false;
        bool refused = false; ///< true: the authorization check said no (error says why)
        QString error;        ///< translated
        AuthorizationCheck::Verdict verdict = AuthorizationCheck::Verdict::NoAuthorization;
        ReportData data; ///< filled when ok
        QByteArray pdf;  ///< signed PDF when ok
        int pageCount = 0;
    };

    static Outcome generate(Store::Database &db, const Request &request, const Security::Signer &key);

    /// QStandardPaths::AppDataLocation + "/keys/report-signing.pem".
    static QString defaultKeyPath();
    /// Loads the key at \a path, or generates and saves one (mode 0600) when the file does not exist.
    static Security::Signer loadOrCreateKey(const QString &path, QString *error = nullptr);
    /// The suite's public key for verification: the public half of the key at \a path (nothing is created).
    static Security::Signer trustedKey(const QString &path, QString *error = nullptr);
};

} // namespace XinDai::Report
