#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace XinDai::Sync::Internal {

/// Reads \a list, the array at \a path, as distinct store UUIDs (lower case, no braces), at most
/// \a maxIds of them. On failure false and one translated sentence naming the entry's path
/// ("ids[3]") or the array's in *error.
bool readIdList(const QJsonArray &list, const QString &path, qsizetype maxIds, QStringList *ids,
                QString *error);

} // namespace XinDai::Sync::Internal
