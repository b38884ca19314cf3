#include "sync/idlist_p.h"
#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QSet>

namespace XinDai::Sync::Internal {

bool readIdList(const QJsonArray &list, const QString &path, qsizetype maxIds, QStringList *ids,
                QString *error)
{
    if (list.size() > maxIds) {
        if (error)
            *error = Tr::tr("The field %1 holds more than %2 ids.").arg(path).arg(maxIds);
        return false;
    }
    QSet<QString> seen;
    seen.reserve(list.size());
    ids->clear();
    ids->reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString id = list.at(i).toString();
        QString message;
        if (!list.at(i).isString() || !isStoreUuid(id))
            message = Tr::tr("The entry %1 must be a lower-case UUID without braces.");
        else if (seen.contains(id))
            message = Tr::tr("The entry %1 repeats an id named earlier.");
        if (!message.isEmpty()) {
            if (error)
                *error = message.arg(elementPath(path, i));
            return false;
        }
        seen.insert(id);
        ids->append(id);
    }
    return true;
}

} // namespace XinDai::Sync::Internal
