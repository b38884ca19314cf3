#include "sync/fieldconflict.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject FieldConflict::toJson() const
{
    QJsonObject o{{u"field"_s, field}};
    if (!localValue.isUndefined())
        o.insert(u"localValue"_s, localValue);
    if (!serverValue.isUndefined())
        o.insert(u"serverValue"_s, serverValue);
    return o;
}

std::optional<FieldConflict> FieldConflict::fromJson(const QJsonObject &json, const QString &path,
                                                     QString *error)
{
    Internal::JsonReader r(json, path, error);
    FieldConflict c;
    r.onlyKeys({u"field"_s, u"localValue"_s, u"serverValue"_s});
    if (r.string(u"field"_s, &c.field) && c.field.isEmpty())
        r.fail(u"field"_s, Internal::Tr::tr("The field %1 must not be empty."));
    if (!r.ok())
        return std::nullopt;
    c.localValue = json.value(u"localValue"_s);
    c.serverValue = json.value(u"serverValue"_s);
    return c;
}

} // namespace XinDai::Sync
