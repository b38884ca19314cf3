#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Report {

/// One generated report as the suite records it.
struct ReportLogEntry
{
    QString number;
    QString enterpriseId;
    QString institutionId;
    QString purpose;
    QString contentHash; ///< ReportData::contentHash (64 hex)
    QString fileSha256;  ///< SHA-256 of the signed PDF file (64 hex)
    QString generatedBy;
    QDateTime generatedAt; ///< UTC
    QDate asOf;
    /// What the next report compares against: {"score", "grade", "records": [ids], "series": {kind: sum12}}.
    QJsonObject summary;
};

/// The report_log table. Created on first use with CREATE TABLE IF NOT EXISTS (not yet in a numbered
/// migration; see docs/report.md).
class ReportLog
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::ReportLog)
public:
    explicit ReportLog(Store::Database &db);

    bool record(const ReportLogEntry &entry, QString *errorMessage = nullptr);
    std::optional<ReportLogEntry> byNumber(const QString &number) const;
    /// The firm's most recent report (by generatedAt), if any.
    std::optional<ReportLogEntry> latestFor(const QString &enterpriseId) const;
    int count() const;

private:
    Store::Database &m_db;
};

} // namespace XinDai::Report
