#pragma once

#include <QCoreApplication>

namespace XinDai::Sync::Internal {

/// Translation context of the sync module's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Sync)
};

} // namespace XinDai::Sync::Internal
