#include "sync/pushresponse.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject PushResponse::toJson() const
{
    QJsonArray list;
    for (const OpResult &result : results)
        list.append(result.toJson());
    return {{u"results"_s, list}};
}

std::optional<PushResponse> PushResponse::fromJson(const QJsonObject &json, QString *error)
{
    Internal::JsonReader r(json, QString(), error);
    QJsonArray list;
    r.onlyKeys({u"results"_s});
    r.array(u"results"_s, &list);
    if (!r.ok())
        return std::nullopt;
    PushResponse response;
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = Internal::elementPath(u"results"_s, i);
        if (!list.at(i).isObject()) {
            Internal::failNotObject(u"results"_s, i, error);
            return std::nullopt;
        }
        const auto result = OpResult::fromJson(list.at(i).toObject(), path, error);
        if (!result)
            return std::nullopt;
        if (seen.contains(result->opId)) {
            if (error)
                *error = Internal::Tr::tr("The field %1 repeats an operation id answered earlier.")
                             .arg(path + u".opId"_s);
            return std::nullopt;
        }
        seen.insert(result->opId);
        response.results.append(*result);
    }
    return response;
}

} // namespace XinDai::Sync
