#pragma once

#include "sync/opresult.h"

#include <QList>

#include <optional>

namespace XinDai::Sync {

/// Answer to a PushRequest: one OpResult per operation, in the request's order.
struct PushResponse
{
    QList<OpResult> results; ///< opIds pairwise distinct

    QJsonObject toJson() const;
    /// Strict parse; on failure nullopt and a translated message naming the field's path in *error.
    static std::optional<PushResponse> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const PushResponse &, const PushResponse &) = default;
};

} // namespace XinDai::Sync
