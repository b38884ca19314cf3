#pragma once

#include "core/domain/syncmeta.h"

#include <QString>

namespace XinDai::Core {

/// A financial institution offering products on the platform.
struct Institution
{
    enum class Type { Bank, Insurer, Guarantor, Leasing, Factoring, Microcredit, EquityInvestor };

    SyncMeta meta;
    QString code; ///< short stable code, e.g. "ICBC-HN"
    QString name; ///< e.g. 中国工商银行湖南省分行
    Type type = Type::Bank;
    QString regionCode; ///< where the branch is registered
};

} // namespace XinDai::Core
