#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace XinDai::Sync {

/// One field both sides changed to different values: the server's value was kept, the local one is
/// preserved here (and in the store's conflict table) so the user can see and re-apply it.
struct FieldConflict
{
    QString field;          ///< field name inside the row's "fields" object, non-empty
    QJsonValue localValue;  ///< the client's value that lost (Undefined = the client removed the field)
    QJsonValue serverValue; ///< the value now stored (Undefined = the server removed the field)

    /// Wire form; an Undefined value is written as an absent key.
    QJsonObject toJson() const;
    /// Strict parse of \a json at \a path; on failure nullopt and a translated message in *error.
    static std::optional<FieldConflict> fromJson(const QJsonObject &json, const QString &path,
                                                 QString *error);

    friend bool operator==(const FieldConflict &, const FieldConflict &) = default;
};

} // namespace XinDai::Sync
