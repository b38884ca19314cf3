#pragma once

#include "sync/fieldconflict.h"
#include "sync/row.h"

#include <QList>

#include <optional>

namespace XinDai::Sync {

/// The server's answer to one Operation. A replayed opId gets the first answer again, unchanged.
struct OpResult
{
    enum class Status {
        Applied,  ///< stored as sent; newVersion >= 1
        Conflict, ///< merged field by field; some fields kept the server's value (conflicts non-empty);
                  ///< newVersion >= 1 is the merged row's version, serverRow the row as now stored
        Rejected  ///< nothing stored; reason says why (translated sentence); newVersion 0
    };

    QString opId; ///< the Operation's opId
    Status status = Status::Applied;
    qint64 newVersion = 0;          ///< server sequence after the operation; 0 when rejected
    QString reason;                 ///< non-empty exactly when rejected
    Row serverRow;                  ///< meaningful only for Conflict
    QList<FieldConflict> conflicts; ///< non-empty exactly when Conflict

    /// Wire form: "reason" only when rejected, "serverRow" and "conflicts" only for a conflict.
    QJsonObject toJson() const;
    /// Strict parse of \a json at \a path, checking the per-status invariants above.
    static std::optional<OpResult> fromJson(const QJsonObject &json, const QString &path, QString *error);

    /// "applied" / "conflict" / "rejected".
    static QString statusName(Status status);

    friend bool operator==(const OpResult &, const OpResult &) = default;
};

} // namespace XinDai::Sync
