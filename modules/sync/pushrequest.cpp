#include "sync/pushrequest.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

QJsonObject PushRequest::toJson() const
{
    QJsonArray ops;
    for (const Operation &op : operations)
        ops.append(op.toJson());
    return {{u"clientId"_s, clientId}, {u"operations"_s, ops}};
}

std::optional<PushRequest> PushRequest::fromJson(const QJsonObject &json, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, QString(), error);
    PushRequest request;
    QJsonArray ops;
    r.onlyKeys({u"clientId"_s, u"operations"_s});
    r.uuid(u"clientId"_s, &request.clientId);
    if (r.array(u"operations"_s, &ops)) {
        if (ops.isEmpty())
            r.fail(u"operations"_s, Tr::tr("The field %1 must contain at least one operation."));
        else if (ops.size() > MaxOperations)
            r.fail(u"operations"_s, Tr::tr("The field %1 holds more than %2 operations.")
                                        .arg(u"%1"_s, QString::number(MaxOperations)));
    }
    if (!r.ok())
        return std::nullopt;
    QSet<QString> seen;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const QString path = Internal::elementPath(u"operations"_s, i);
        if (!ops.at(i).isObject()) {
            Internal::failNotObject(u"operations"_s, i, error);
            return std::nullopt;
        }
        const auto op = Operation::fromJson(ops.at(i).toObject(), path, error);
        if (!op)
            return std::nullopt;
        if (seen.contains(op->opId)) {
            if (error)
                *error = Tr::tr("The field %1 repeats an operation id used earlier in the batch.")
                             .arg(path + u".opId"_s);
            return std::nullopt;
        }
        seen.insert(op->opId);
        request.operations.append(*op);
    }
    return request;
}

} // namespace XinDai::Sync
