#include "sync/pullrequest.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject PullRequest::toJson() const
{
    QJsonObject o{{u"cursor"_s, cursor}, {u"pageSize"_s, pageSize}};
    if (!entities.isEmpty())
        o.insert(u"entities"_s, QJsonArray::fromStringList(entities));
    return o;
}

std::optional<PullRequest> PullRequest::fromJson(const QJsonObject &json, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, QString(), error);
    PullRequest request;
    QJsonArray list;
    r.onlyKeys({u"cursor"_s, u"pageSize"_s, u"entities"_s});
    r.integer(u"cursor"_s, 0, Q_INT64_C(9007199254740992), &request.cursor);
    r.integer(u"pageSize"_s, MinPageSize, MaxPageSize, &request.pageSize);
    r.array(u"entities"_s, &list, false);
    if (!r.ok())
        return std::nullopt;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString name = list.at(i).toString();
        const QString path = Internal::elementPath(u"entities"_s, i);
        QString message;
        if (!list.at(i).isString() || !Internal::isEntityName(name))
            message = Tr::tr("The entry %1 must be an entity name.");
        else if (request.entities.contains(name))
            message = Tr::tr("The entry %1 repeats an entity named earlier.");
        if (!message.isEmpty()) {
            if (error)
                *error = message.arg(path);
            return std::nullopt;
        }
        request.entities.append(name);
    }
    return request;
}

} // namespace XinDai::Sync
