#include "sync/row.h"

#include "sync/jsonreader_p.h"

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject Row::toJson() const
{
    return {{u"entity"_s, entity},   {u"id"_s, id},
            {u"version"_s, version}, {u"updatedAt"_s, Internal::formatTimestamp(updatedAt)},
            {u"deleted"_s, deleted}, {u"fields"_s, fields}};
}

std::optional<Row> Row::fromJson(const QJsonObject &json, const QString &path, QString *error)
{
    Internal::JsonReader r(json, path, error);
    Row row;
    r.onlyKeys({u"entity"_s, u"id"_s, u"version"_s, u"updatedAt"_s, u"deleted"_s, u"fields"_s});
    r.entity(u"entity"_s, &row.entity);
    r.uuid(u"id"_s, &row.id);
    r.integer(u"version"_s, 1, Q_INT64_C(9007199254740992), &row.version);
    r.timestamp(u"updatedAt"_s, &row.updatedAt);
    r.boolean(u"deleted"_s, &row.deleted);
    r.object(u"fields"_s, &row.fields);
    if (!r.ok())
        return std::nullopt;
    return row;
}

} // namespace XinDai::Sync
