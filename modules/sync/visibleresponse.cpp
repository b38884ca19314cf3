#include "sync/visibleresponse.h"

#include "sync/idlist_p.h"
#include "sync/jsonreader_p.h"
#include "sync/visiblerequest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject VisibleResponse::toJson() const
{
    return {{u"hidden"_s, QJsonArray::fromStringList(hidden)}};
}

std::optional<VisibleResponse> VisibleResponse::fromJson(const QJsonObject &json, QString *error)
{
    Internal::JsonReader r(json, QString(), error);
    VisibleResponse response;
    QJsonArray list;
    r.onlyKeys({u"hidden"_s});
    r.array(u"hidden"_s, &list);
    if (!r.ok() || !Internal::readIdList(list, u"hidden"_s, VisibleRequest::MaxIds, &response.hidden, error))
        return std::nullopt;
    return response;
}

} // namespace XinDai::Sync
