#pragma once

#include <QCoreApplication>

namespace XinDai::Intake::Internal {

/// Translation context of the intake module's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Intake)
};

} // namespace XinDai::Intake::Internal
