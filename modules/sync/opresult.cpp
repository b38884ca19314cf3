#include "sync/opresult.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QString OpResult::statusName(Status status)
{
    switch (status) {
    case Status::Applied:
        return u"applied"_s;
    case Status::Conflict:
        return u"conflict"_s;
    case Status::Rejected:
        return u"rejected"_s;
    }
    return QString();
}

QJsonObject OpResult::toJson() const
{
    QJsonObject o{{u"opId"_s, opId}, {u"status"_s, statusName(status)}, {u"newVersion"_s, newVersion}};
    if (status == Status::Rejected)
        o.insert(u"reason"_s, reason);
    if (status == Status::Conflict) {
        o.insert(u"serverRow"_s, serverRow.toJson());
        QJsonArray list;
        for (const FieldConflict &c : conflicts)
            list.append(c.toJson());
        o.insert(u"conflicts"_s, list);
    }
    return o;
}

std::optional<OpResult> OpResult::fromJson(const QJsonObject &json, const QString &path, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, path, error);
    OpResult result;
    QString status;
    r.onlyKeys({u"opId"_s, u"status"_s, u"newVersion"_s, u"reason"_s, u"serverRow"_s, u"conflicts"_s});
    r.uuid(u"opId"_s, &result.opId);
    if (r.string(u"status"_s, &status)) {
        if (status == u"applied")
            result.status = Status::Applied;
        else if (status == u"conflict")
            result.status = Status::Conflict;
        else if (status == u"rejected")
            result.status = Status::Rejected;
        else
            r.fail(u"status"_s, Tr::tr("The field %1 must be \"applied\", \"conflict\" or \"rejected\"."));
    }
    if (!r.ok())
        return std::nullopt;

    const bool rejected = result.status == Status::Rejected;
    const bool conflict = result.status == Status::Conflict;
    r.integer(u"newVersion"_s, rejected ? 0 : 1, rejected ? 0 : Q_INT64_C(9007199254740992),
              &result.newVersion);
    if (rejected) {
        if (r.string(u"reason"_s, &result.reason) && result.reason.trimmed().isEmpty())
            r.fail(u"reason"_s, Tr::tr("The field %1 must explain why the operation was rejected."));
    } else if (r.ok() && r.has(u"reason"_s)) {
        r.fail(u"reason"_s, Tr::tr("The field %1 is only allowed when the operation was rejected."));
    }
    if (!conflict) {
        if (r.ok() && r.has(u"serverRow"_s))
            r.fail(u"serverRow"_s, Tr::tr("The field %1 is only allowed for a conflict."));
        if (r.ok() && r.has(u"conflicts"_s))
            r.fail(u"conflicts"_s, Tr::tr("The field %1 is only allowed for a conflict."));
        if (!r.ok())
            return std::nullopt;
        return result;
    }

    QJsonObject rowJson;
    QJsonArray list;
    r.object(u"serverRow"_s, &rowJson);
    if (r.array(u"conflicts"_s, &list) && list.isEmpty())
        r.fail(u"conflicts"_s, Tr::tr("The field %1 must list at least one field for a conflict."));
    if (!r.ok())
        return std::nullopt;
    const auto row = Row::fromJson(rowJson, r.pathOf(u"serverRow"_s), error);
    if (!row)
        return std::nullopt;
    result.serverRow = *row;
    const QString listPath = r.pathOf(u"conflicts"_s);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            Internal::failNotObject(listPath, i, error);
            return std::nullopt;
        }
        const auto c
            = FieldConflict::fromJson(list.at(i).toObject(), Internal::elementPath(listPath, i), error);
        if (!c)
            return std::nullopt;
        result.conflicts.append(*c);
    }
    return result;
}

} // namespace XinDai::Sync
