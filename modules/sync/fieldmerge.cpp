#include "sync/fieldmerge.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace XinDai::Sync {

MergeResult FieldMerge::merge(const QJsonObject &base, const QJsonObject &local, const QJsonObject &server)
{
    QStringList keys = base.keys() + local.keys() + server.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

    MergeResult result;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue b = base.value(key);
        const QJsonValue l = local.value(key);
        const QJsonValue s = server.value(key);
        const bool localChanged = l != b;
        const bool serverChanged = s != b;
        QJsonValue value = s; // unchanged on both, changed on the server only, or the server wins
        if (localChanged && !serverChanged)
            value = l;
        else if (localChanged && serverChanged && l != s)
            result.conflicts.append({key, l, s});
        if (!value.isUndefined())
            result.merged.insert(key, value);
    }
    return result;
}

} // namespace XinDai::Sync
