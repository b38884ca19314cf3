#include "store/auditlog.h"

#include "store/database.h"
#include "store/storetr_p.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace XinDai::Store {

AuditLog::AuditLog(Database &db)
    : m_db(db)
{}

bool AuditLog::append(AuditEntry &entry, QString *errorMessage)
{
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("INSERT INTO audit_log(at, user_id, action, entity, row_id, detail) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.at.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(entry.userId.isEmpty() ? QVariant() : QVariant(entry.userId));
    q.addBindValue(entry.action);
    q.addBindValue(entry.entity);
    q.addBindValue(entry.rowId);
    q.addBindValue(entry.detail);
    if (!q.exec()) {
        if (errorMessage)
            *errorMessage
                = Internal::Tr::tr("The audit log entry could not be written: %1.").arg(q.lastError().text());
        return false;
    }
    entry.id = q.lastInsertId().toLongLong();
    return true;
}

QVector<AuditEntry> AuditLog::entries(const QString &action, const QString &rowId) const
{
    QString sql
        = QStringLiteral("SELECT id, at, user_id, action, entity, row_id, detail FROM audit_log WHERE 1 = 1");
    if (!action.isEmpty())
        sql += QStringLiteral(" AND action = ?");
    if (!rowId.isEmpty())
        sql += QStringLiteral(" AND row_id = ?");
    QSqlQuery q(m_db.sql());
    q.prepare(sql + QStringLiteral(" ORDER BY id"));
    if (!action.isEmpty())
        q.addBindValue(action);
    if (!rowId.isEmpty())
        q.addBindValue(rowId);
    QVector<AuditEntry> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.userId = q.value(2).toString();
        e.action = q.value(3).toString();
        e.entity = q.value(4).toString();
        e.rowId = q.value(5).toString();
        e.detail = q.value(6).toString();
        out.append(e);
    }
    return out;
}

} // namespace XinDai::Store
