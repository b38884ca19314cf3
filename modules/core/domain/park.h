#pragma once

#include "core/domain/syncmeta.h"

#include <QString>

namespace XinDai::Core {

/// An industrial park (园区) with a financing service window.
struct Park
{
    SyncMeta meta;
    QString code;       ///< short stable code, e.g. "CS-HTZ"
    QString name;       ///< e.g. 长沙高新技术产业开发区
    QString regionCode; ///< GB/T 2260 county code where the park sits
    QString level;      ///< 国家级 / 省级
};

} // namespace XinDai::Core
