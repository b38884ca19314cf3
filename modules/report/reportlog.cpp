#include "report/reportlog.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace XinDai::Report {

namespace {

const QString columns = QStringLiteral("number, enterprise_id, institution_id, purpose, content_hash, "
                                       "file_sha256, generated_by, generated_at, as_of, "
                                       "summary");

ReportLogEntry readEntry(const QSqlQuery &q)
{
    ReportLogEntry e;
    e.number = q.value(0).toString();
    e.enterpriseId = q.value(1).toString();
    e.institutionId = q.value(2).toString();
    e.purpose = q.value(3).toString();
    e.contentHash = q.value(4).toString();
    e.fileSha256 = q.value(5).toString();
    e.generatedBy = q.value(6).toString();
    e.generatedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    e.asOf = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    e.summary = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    return e;
}

} // namespace

ReportLog::ReportLog(Store::Database &db)
    : m_db(db)
{}

bool ReportLog::record(const ReportLogEntry &entry, QString *errorMessage)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("INSERT INTO report_log(") + columns
              + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.number);
    q.addBindValue(entry.enterpriseId);
    q.addBindValue(entry.institutionId);
    q.addBindValue(entry.purpose);
    q.addBindValue(entry.contentHash);
    q.addBindValue(entry.fileSha256);
    q.addBindValue(entry.generatedBy);
    q.addBindValue(entry.generatedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(entry.asOf.toString(Qt::ISODate));
    q.addBindValue(QString::fromUtf8(QJsonDocument(entry.summary).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        if (errorMessage)
            *errorMessage
                = tr("The report %1 could not be recorded: %2.").arg(entry.number, q.lastError().text());
        return false;
    }
    return true;
}

std::optional<ReportLogEntry> ReportLog::byNumber(const QString &number) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM report_log WHERE number = ?"));
    q.addBindValue(number);
    if (q.exec() && q.next())
        return readEntry(q);
    return std::nullopt;
}

std::optional<ReportLogEntry> ReportLog::latestFor(const QString &enterpriseId) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT ") + columns
              + QStringLiteral(
                  " FROM report_log WHERE enterprise_id = ? ORDER BY generated_at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(enterpriseId);
    if (q.exec() && q.next())
        return readEntry(q);
    return std::nullopt;
}

int ReportLog::count() const
{
    QSqlQuery q(m_db.sql());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM report_log")) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace XinDai::Report
