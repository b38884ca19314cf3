#pragma once

#include "core/domain/policy.h"

#include <QString>

namespace XinDai::Matching {

/// A policy whose rules do not compile.
struct BrokenPolicy
{
    Core::Policy policy;
    QString error; ///< translated, names the rule and the engine's error with its location
};

} // namespace XinDai::Matching
