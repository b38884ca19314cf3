#pragma once

#include <QCoreApplication>

namespace XinDai::Scoring::Internal {

/// Translation context of the scoring module's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Scoring)
};

} // namespace XinDai::Scoring::Internal
