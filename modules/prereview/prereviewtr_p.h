#pragma once

#include <QCoreApplication>

namespace XinDai::Prereview::Internal {

/// Translation context of the pre-review module's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Prereview)
};

} // namespace XinDai::Prereview::Internal
