#pragma once

#include "core/money.h"

#include <QString>

namespace XinDai::Matching {

/// What a firm asks for when it looks for a loan product.
struct FinancingNeed
{
    Core::Money amount;  ///< requested amount (fen), > 0
    int termMonths = 12; ///< requested term, months, ≥ 1
    QString purpose;     ///< free text, e.g. 流动资金
    /// Collateral the firm can offer: 信用 (none), 抵押, 质押 or 保证. Empty = not specified (no filter).
    QString collateral;
};

} // namespace XinDai::Matching
