#pragma once

#include "sync/operation.h"

#include <QList>

#include <optional>

namespace XinDai::Sync {

/// POST body of a push: a batch of outbox operations, applied by the server in list order.
struct PushRequest
{
    /// Largest batch a server accepts; a client splits a longer outbox.
    static constexpr qsizetype MaxOperations = 5000;

    QString clientId;            ///< UUID of the client installation (lower case, no braces)
    QList<Operation> operations; ///< 1..MaxOperations entries, opIds pairwise distinct

    QJsonObject toJson() const;
    /// Strict parse; on failure nullopt and a translated message naming the field's path in *error.
    static std::optional<PushRequest> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const PushRequest &, const PushRequest &) = default;
};

} // namespace XinDai::Sync
