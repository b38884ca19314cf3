#pragma once

#include "core/domain/syncmeta.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// 授权书: a firm's signed consent that listed institutions may query its credit data for a purpose.
struct Authorization
{
    SyncMeta meta;
    QString enterpriseId;
    QStringList institutionIds; ///< institutions covered
    QString purpose;            ///< e.g. 贷款审批
    QDate validFrom;
    QDate validTo; ///< inclusive
    bool revoked = false;
    QDateTime revokedAt;
    QString scanSha256; ///< SHA-256 (hex) of the signed scan
    QString recordedBy; ///< User.meta.id

    /// True when not revoked, \a day within [validFrom, validTo] and \a institutionId covered.
    bool permits(const QString &institutionId, QDate day) const
    {
        return !revoked && validFrom.isValid() && validTo.isValid() && day >= validFrom && day <= validTo
               && institutionIds.contains(institutionId);
    }
};

} // namespace XinDai::Core
