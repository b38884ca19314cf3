#pragma once

#include "core/domain/syncmeta.h"

#include <QDateTime>
#include <QString>

namespace XinDai::Core {

/// A file attached to a firm or an application (licence scan, statements, authorization scan …).
struct Document
{
    SyncMeta meta;
    QString enterpriseId;
    QString applicationId; ///< empty when attached to the firm only
    QString docType;       ///< e.g. business_licence, financial_statement, authorization
    QString fileName;
    QString mimeType;
    qint64 sizeBytes = 0;
    QString sha256; ///< hex
    QDateTime addedAt;
};

} // namespace XinDai::Core
