#include "syncclient/pushresulthandler.h"

#include "store/database.h"
#include "sync/entitycatalog.h"
#include "sync/pushresponse.h"
#include "syncclient/rowapplier.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/syncstate.h"
#include "syncclient/uncheckedtransaction_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

namespace {

/// A conflict value as stored in the conflict table: compact JSON text, NULL when absent.
QVariant conflictText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QVariant();
    // QJsonDocument only wraps arrays and objects: wrap the value in an array and strip it.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/// WHERE clause locating the local row an operation is about (monthly_value: by the natural key
/// the operation carries, else by id).
QString rowWhere(const Store::Outbox::Operation &op, QVariantList *values)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(op.entity);
    if (spec && !spec->naturalKey.isEmpty()) {
        QStringList parts;
        QVariantList keyValues;
        for (const QString &name : spec->naturalKey) {
            if (!op.payload.contains(name))
                break;
            parts.append(name + u" = ?"_s);
            keyValues.append(Sync::EntityCatalog::toStored(*spec->field(name), op.payload.value(name)));
        }
        if (parts.size() == spec->naturalKey.size()) {
            *values = keyValues;
            return parts.join(u" AND "_s);
        }
    }
    *values = {op.rowId};
    return u"id = ?"_s;
}

} // namespace

PushResultHandler::PushResultHandler(Store::Database &db)
    : m_db(db)
{}

bool PushResultHandler::handle(const QVector<Store::Outbox::Operation> &sent,
                               const Sync::PushResponse &response, QString *errorMessage)
{
    m_changed.clear();
    m_applied = m_conflicts = m_rejected = 0;
    QHash<QString, const Store::Outbox::Operation *> byId;
    for (const Store::Outbox::Operation &op : sent)
        byId.insert(op.opId, &op);

    Internal::UncheckedTransaction transaction(m_db);
    if (!transaction.begin(errorMessage))
        return false;
    // Each statement is prepared once per answer, not once per operation (three per operation).
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    std::shared_ptr<QSqlQuery> last; ///< the statement run last (its error for the message)
    auto fail = [&](const QString &message) {
        if (errorMessage && !message.isEmpty())
            *errorMessage = message;
        transaction.rollback();
        m_changed.clear();
        m_applied = m_conflicts = m_rejected = 0;
        return false;
    };
    auto exec = [&](const QString &sql, const QVariantList &values) {
        auto it = statements.constFind(sql);
        if (it == statements.constEnd()) {
            last = std::make_shared<QSqlQuery>(m_db.sql());
            if (!last->prepare(sql))
                return false;
            it = statements.insert(sql, last);
        }
        last = *it;
        for (int i = 0; i < values.size(); ++i)
            last->bindValue(i, values.at(i));
        const bool ok = last->exec();
        if (ok)
            last->finish();
        return ok;
    };
    auto dbError = [&] {
        return Internal::Tr::tr("Could not record the server's answer in the local store: %1")
            .arg(last ? last->lastError().text() : QString());
    };
    auto touched = [&](const QString &entity) {
        if (!m_changed.contains(entity))
            m_changed.append(entity);
    };

    Store::Outbox outbox(m_db);
    RowApplier applier(m_db);
    for (const Sync::OpResult &result : response.results) {
        const Store::Outbox::Operation *op = byId.value(result.opId);
        if (!op)
            return fail(Internal::Tr::tr("The server answered an operation (%1) that was not sent.")
                            .arg(result.opId));
        QVariantList keyValues;
        const QString where = rowWhere(*op, &keyValues);
        switch (result.status) {
        case Sync::OpResult::Status::Applied:
            if (!exec(u"UPDATE "_s + op->entity + u" SET version = ? WHERE "_s + where
                          + u" AND version < ?"_s,
                      QVariantList{result.newVersion} + keyValues + QVariantList{result.newVersion}))
                return fail(dbError());
            ++m_applied;
            break;
        case Sync::OpResult::Status::Conflict: {
            QString error;
            if (applier.apply(result.serverRow, &error, op->opId) == RowApplier::Outcome::Failed)
                return fail(error);
            for (const Sync::FieldConflict &c : result.conflicts) {
                if (!exec(u"INSERT INTO conflict (entity, row_id, field, local_value, server_value, "
                          u"detected_at, "
                          "resolved) VALUES (?, ?, ?, ?, ?, ?, 0)"_s,
                          {op->entity, op->rowId, c.field, conflictText(c.localValue),
                           conflictText(c.serverValue), nowText()}))
                    return fail(dbError());
            }
            touched(op->entity);
            ++m_conflicts;
            break;
        }
        case Sync::OpResult::Status::Rejected: {
            if (!exec(u"INSERT OR REPLACE INTO sync_rejection (op_id, entity, row_id, reason, rejected_at, "
                      u"dismissed) "
                      "VALUES (?, ?, ?, ?, ?, 0)"_s,
                      {op->opId, op->entity, op->rowId, result.reason, nowText()}))
                return fail(dbError());
            const bool laterOps = outbox.pendingFor(op->entity, op->rowId).size() > 1;
            if (op->baseVersion == 0) {
                if (!laterOps
                    && !exec(u"UPDATE "_s + op->entity + u" SET deleted = 1 WHERE "_s + where, keyValues))
                    return fail(dbError());
            } else {
                // Below the base version, so that the server's copy (version >= base) applies again.
                if (!exec(u"UPDATE "_s + op->entity + u" SET version = ? WHERE "_s + where,
                          QVariantList{op->baseVersion - 1} + keyValues))
                    return fail(dbError());
                SyncState state(m_db);
                QString error;
                if (state.cursor() > op->baseVersion - 1 && !state.setCursor(op->baseVersion - 1, &error))
                    return fail(error);
            }
            touched(op->entity);
            ++m_rejected;
            break;
        }
        }
        if (result.status != Sync::OpResult::Status::Rejected
            && !outbox.rebase(op->entity, op->rowId, result.newVersion))
            return fail(dbError());
        if (!exec(u"DELETE FROM outbox WHERE op_id = ?"_s, {op->opId}))
            return fail(dbError());
    }
    if (!transaction.commit())
        return fail(Internal::Tr::tr("Could not commit the server's answer to the local store: %1")
                        .arg(m_db.sql().lastError().text()));
    return true;
}

} // namespace XinDai::SyncClient
