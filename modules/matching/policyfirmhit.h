#pragma once

#include "core/money.h"
#include "matching/firmfacts.h"

namespace XinDai::Matching {

/// One firm eligible for a policy (政策找企业).
struct PolicyFirmHit
{
    FirmFacts firm;
    Core::Money benefit; ///< as PolicyMatch::benefit
    bool benefitCapped = false;
};

} // namespace XinDai::Matching
