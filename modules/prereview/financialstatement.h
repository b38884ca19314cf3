#pragma once

#include "core/money.h"

namespace XinDai::Prereview {

/// Figures of the firm's latest financial statements, as typed at the counter (all in fen).
struct FinancialStatement
{
    Core::Money totalAssets; ///< 资产总额
    Core::Money liabilities; ///< 负债总额
    Core::Money equity;      ///< 所有者权益
    Core::Money revenue;     ///< 营业收入, must not be negative
};

} // namespace XinDai::Prereview
