#pragma once

#include <QCoreApplication>

namespace XinDai::Matching::Internal {

/// Translation context of the matching module's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Matching)
};

} // namespace XinDai::Matching::Internal
