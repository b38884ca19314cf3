#include "server/scope.h"

#include "server/serverdatabase.h"
#include "server/servertr_p.h"
#include "sync/entitycatalog.h"
#include "sync/row.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

namespace {

using Internal::Tr;
using S = Sync::EntitySpec::Scope;

/// Fields of an application a bank officer may change: the decision and its dates.
const QStringList &bankApplicationFields()
{
    static const QStringList fields{
        u"state"_s,        u"accepted_at"_s,     u"decided_at"_s,       u"disbursed_at"_s,
        u"settled_at"_s,   u"approved_amount"_s, u"approved_rate_bp"_s, u"approved_term_months"_s,
        u"reject_reason"_s};
    return fields;
}

/// The value a write leaves in \a field: the changed value when written, else the existing one.
QJsonValue effective(const Sync::Row *existing, const QJsonObject &changed, const QString &field)
{
    if (changed.contains(field))
        return changed.value(field);
    return existing ? existing->fields.value(field) : QJsonValue();
}

} // namespace

Scope::Scope(ServerDatabase &db, QDate today)
    : m_db(db)
    , m_today(today)
{}

QDate Scope::chinaToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
}

Scope::Predicate Scope::bankFirmIds(const Caller &caller) const
{
    const QString today = m_today.toString(Qt::ISODate);
    return {
        u"SELECT ba.enterprise_id FROM application ba WHERE ba.institution_id = ? AND ba.state <> 'draft' "
        "AND ba.deleted = 0 AND EXISTS (SELECT 1 FROM \"authorization\" bz WHERE bz.enterprise_id = "
        "ba.enterprise_id AND bz.deleted = 0 AND bz.revoked = 0 AND bz.valid_from <= ? AND bz.valid_to >= ? "
        "AND bz.institution_ids LIKE ?)"_s,
        {caller.institutionId, today, today, QString(u"%\""_s + caller.institutionId + u"\"%"_s)}};
}

Scope::Predicate Scope::readPredicate(const Caller &caller, const Sync::EntitySpec &entity,
                                      const QString &alias) const
{
    const QString a = alias + u'.';
    if (entity.scope == S::Reference || caller.isAdmin())
        return {u"1 = 1"_s, {}};
    if (entity.scope == S::User)
        return {a + u"id = ?"_s, {caller.userId}};
    if (caller.isParkStaff() && !caller.parkId.isEmpty()) {
        switch (entity.scope) {
        case S::Firm:
        case S::Application:
            return {a + u"park_id = ?"_s, {caller.parkId}};
        case S::FirmRecord:
            return {a + u"enterprise_id IN (SELECT pe.id FROM enterprise pe WHERE pe.park_id = ?)"_s,
                    {caller.parkId}};
        default:
            break;
        }
    } else if (caller.isBank() && !caller.institutionId.isEmpty()) {
        switch (entity.scope) {
        case S::Firm: {
            const Predicate firms = bankFirmIds(caller);
            return {a + u"id IN ("_s + firms.sql + u')', firms.binds};
        }
        case S::FirmRecord: {
            const Predicate firms = bankFirmIds(caller);
            return {a + u"enterprise_id IN ("_s + firms.sql + u')', firms.binds};
        }
        case S::Application:
            return {a + u"institution_id = ? AND "_s + a + u"state <> 'draft'"_s, {caller.institutionId}};
        default:
            break;
        }
    }
    return {u"1 = 0"_s, {}};
}

QString Scope::parkOfFirm(const QString &enterpriseId) const
{
    QSqlQuery *q = m_db.prepared(u"SELECT park_id FROM enterprise WHERE id = ?"_s, nullptr);
    if (!q)
        return QString();
    q->addBindValue(enterpriseId);
    QString park;
    if (q->exec() && q->next())
        park = q->value(0).toString();
    q->finish();
    return park;
}

QString Scope::canWrite(const Caller &caller, const Sync::EntitySpec &entity, const Sync::Row *existing,
                        const QJsonObject &changed) const
{
    if (!entity.pushRoles.contains(caller.role))
        return Tr::tr("Your role may not change records of the kind %1.").arg(entity.name);
    if (caller.isAdmin())
        return QString();
    // Who recorded a row is the signed-in user, never what a client claims.
    for (const QString &author : {u"created_by"_s, u"recorded_by"_s}) {
        const QJsonValue v = changed.value(author);
        if (!v.isUndefined() && !v.isNull() && v.toString() != caller.userId)
            return Tr::tr("The field %1 must name the signed-in user.").arg(author);
    }

    if (caller.isParkStaff()) {
        if (caller.parkId.isEmpty())
            return Tr::tr("Your account is not attached to a park, so it may not change firm data.");
        switch (entity.scope) {
        case S::Firm:
            if (existing && existing->fields.value(u"park_id"_s).toString() != caller.parkId)
                return Tr::tr("The firm belongs to another park.");
            if (effective(existing, changed, u"park_id"_s).toString() != caller.parkId)
                return Tr::tr("The field park_id must name your own park.");
            return QString();
        case S::FirmRecord: {
            const QString before
                = existing ? existing->fields.value(u"enterprise_id"_s).toString() : QString();
            const QString after = effective(existing, changed, u"enterprise_id"_s).toString();
            if ((existing && parkOfFirm(before) != caller.parkId) || parkOfFirm(after) != caller.parkId)
                return Tr::tr("The firm of this record belongs to another park.");
            return QString();
        }
        case S::Application: {
            if (existing && existing->fields.value(u"park_id"_s).toString() != caller.parkId)
                return Tr::tr("The application belongs to another park.");
            if (effective(existing, changed, u"park_id"_s).toString() != caller.parkId)
                return Tr::tr("The field park_id must name your own park.");
            if (parkOfFirm(effective(existing, changed, u"enterprise_id"_s).toString()) != caller.parkId)
                return Tr::tr("The firm of this application belongs to another park.");
            return QString();
        }
        default:
            return Tr::tr("Your role may not change records of the kind %1.").arg(entity.name);
        }
    }

    if (caller.isBank() && entity.scope == S::Application) {
        if (!existing)
            return Tr::tr("A bank officer cannot create applications; the park window creates them.");
        if (caller.institutionId.isEmpty()
            || existing->fields.value(u"institution_id"_s).toString() != caller.institutionId
            || existing->fields.value(u"state"_s).toString() == u"draft"_s)
            return Tr::tr("The application is not addressed to your institution.");
        for (auto it = changed.begin(); it != changed.end(); ++it) {
            if (!bankApplicationFields().contains(it.key()) && existing->fields.value(it.key()) != it.value())
                return Tr::tr("A bank officer may not change the field %1 of an application.").arg(it.key());
        }
        return QString();
    }
    return Tr::tr("Your role may not change records of the kind %1.").arg(entity.name);
}

QStringList Scope::banksSeeingFirm(const QString &enterpriseId) const
{
    QSet<QString> addressed;
    QSqlQuery *apps
        = m_db.prepared(u"SELECT DISTINCT institution_id FROM application WHERE enterprise_id = ? "
                        "AND deleted = 0 AND state <> 'draft' AND institution_id IS NOT NULL"_s,
                        nullptr);
    if (!apps)
        return {};
    apps->addBindValue(enterpriseId);
    if (apps->exec()) {
        while (apps->next())
            addressed.insert(apps->value(0).toString());
    }
    apps->finish();
    if (addressed.isEmpty())
        return {};

    QSet<QString> covered;
    const QString today = m_today.toString(Qt::ISODate);
    QSqlQuery *auths
        = m_db.prepared(u"SELECT institution_ids FROM \"authorization\" WHERE enterprise_id = ? AND "
                        "deleted = 0 AND revoked = 0 AND valid_from <= ? AND valid_to >= ?"_s,
                        nullptr);
    if (!auths)
        return {};
    auths->addBindValue(enterpriseId);
    auths->addBindValue(today);
    auths->addBindValue(today);
    if (auths->exec()) {
        while (auths->next()) {
            const QJsonArray ids = QJsonDocument::fromJson(auths->value(0).toString().toUtf8()).array();
            for (const QJsonValue &id : ids)
                covered.insert(id.toString());
        }
    }
    auths->finish();

    QStringList result;
    for (const QString &institution : std::as_const(addressed)) {
        if (covered.contains(institution))
            result.append(institution);
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace XinDai::Server
