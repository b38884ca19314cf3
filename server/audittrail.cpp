#include "server/audittrail.h"

#include "core/domain/syncmeta.h"
#include "server/serverdatabase.h"
#include "server/servertr_p.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

AuditTrail::AuditTrail(ServerDatabase &db)
    : m_db(db)
{}

bool AuditTrail::record(const Caller &caller, const QString &action, const QString &entity,
                        const QString &rowId, const QJsonObject &detail, QString *errorMessage)
{
    QSqlQuery *q
        = m_db.prepared(u"INSERT INTO audit_log (id, at, user_id, login, action, entity, row_id, detail) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        errorMessage);
    if (!q)
        return false;
    q->addBindValue(Core::newId());
    q->addBindValue(ServerDatabase::now());
    q->addBindValue(caller.userId);
    q->addBindValue(caller.login);
    q->addBindValue(action);
    q->addBindValue(entity);
    q->addBindValue(rowId);
    q->addBindValue(QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    const bool ok = q->exec();
    if (!ok && errorMessage)
        *errorMessage = Internal::Tr::tr("The audit log could not be written: %1").arg(q->lastError().text());
    q->finish();
    return ok;
}

} // namespace XinDai::Server
