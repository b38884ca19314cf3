#include "sync/visiblerequest.h"

#include "sync/entitycatalog.h"
#include "sync/idlist_p.h"
#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject VisibleRequest::toJson() const
{
    return {{u"entity"_s, entity}, {u"ids"_s, QJsonArray::fromStringList(ids)}};
}

std::optional<VisibleRequest> VisibleRequest::fromJson(const QJsonObject &json, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, QString(), error);
    VisibleRequest request;
    QJsonArray list;
    r.onlyKeys({u"entity"_s, u"ids"_s});
    if (r.entity(u"entity"_s, &request.entity)) {
        const EntitySpec *spec = EntityCatalog::find(request.entity);
        if (!spec || spec->scope != EntitySpec::Scope::Firm)
            r.fail(u"entity"_s, Tr::tr("The field %1 must name a synced entity of firm scope (enterprise)."));
    }
    r.array(u"ids"_s, &list);
    if (!r.ok() || !Internal::readIdList(list, u"ids"_s, MaxIds, &request.ids, error))
        return std::nullopt;
    return request;
}

} // namespace XinDai::Sync
