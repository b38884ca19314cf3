#pragma once

#include <QDateTime>
#include <QString>
#include <QVector>

namespace XinDai::Store {

class Database;

/// One row of the local audit_log table (append-only; not synced).
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;   ///< UTC, millisecond precision
    QString userId; ///< User.meta.id or a tool name ("cli"); may be empty
    QString action; ///< dotted verb, e.g. "report.generate", "report.refuse"
    QString entity; ///< table or kind of the row acted on, e.g. "enterprise"
    QString rowId;  ///< id of that row
    QString detail; ///< free text / JSON for people reading the log
};

/// Appends to and reads the audit_log table (schema 0002).
class AuditLog
{
public:
    explicit AuditLog(Database &db);

    /// Appends one entry; at defaults to now (UTC) when invalid. entry.id receives the row id.
    bool append(AuditEntry &entry, QString *errorMessage = nullptr);
    /// Entries, oldest first; empty \a action / \a rowId = any.
    QVector<AuditEntry> entries(const QString &action = {}, const QString &rowId = {}) const;

private:
    Database &m_db;
};

} // namespace XinDai::Store
