#include "sync/operation.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QString Operation::kindName(Kind kind)
{
    return kind == Kind::Delete ? u"delete"_s : u"upsert"_s;
}

QJsonObject Operation::toJson() const
{
    QJsonObject o{{u"opId"_s, opId},
                  {u"entity"_s, entity},
                  {u"rowId"_s, rowId},
                  {u"kind"_s, kindName(kind)},
                  {u"baseVersion"_s, baseVersion},
                  {u"createdAt"_s, Internal::formatTimestamp(createdAt)}};
    if (kind == Kind::Upsert)
        o.insert(u"fields"_s, fields);
    return o;
}

std::optional<Operation> Operation::fromJson(const QJsonObject &json, const QString &path, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, path, error);
    Operation op;
    QString kind;
    r.onlyKeys(
        {u"opId"_s, u"entity"_s, u"rowId"_s, u"kind"_s, u"baseVersion"_s, u"fields"_s, u"createdAt"_s});
    r.uuid(u"opId"_s, &op.opId);
    r.entity(u"entity"_s, &op.entity);
    r.uuid(u"rowId"_s, &op.rowId);
    if (r.string(u"kind"_s, &kind)) {
        if (kind == u"upsert")
            op.kind = Kind::Upsert;
        else if (kind == u"delete")
            op.kind = Kind::Delete;
        else
            r.fail(u"kind"_s, Tr::tr("The field %1 must be \"upsert\" or \"delete\"."));
    }
    r.integer(u"baseVersion"_s, 0, Q_INT64_C(9007199254740992), &op.baseVersion);
    r.object(u"fields"_s, &op.fields, false);
    r.timestamp(u"createdAt"_s, &op.createdAt);
    if (r.ok() && op.kind == Kind::Upsert && op.fields.isEmpty())
        r.fail(u"fields"_s, Tr::tr("The field %1 must name at least one changed field for an upsert."));
    if (r.ok() && op.kind == Kind::Delete && !op.fields.isEmpty())
        r.fail(u"fields"_s, Tr::tr("The field %1 must be absent or empty for a delete."));
    if (!r.ok())
        return std::nullopt;
    return op;
}

} // namespace XinDai::Sync
