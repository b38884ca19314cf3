#pragma once

#include <QCoreApplication>

namespace XinDai::Store::Internal {

/// Translation context of the store's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Store)
};

} // namespace XinDai::Store::Internal
