#pragma once

#include "core/money.h"
#include "matching/financingneed.h"

namespace XinDai::Matching {

/// The loan a policy benefit is computed for (the loan.* and market.* facts of docs/firm-facts.md).
struct LoanTerms
{
    Core::Money amount;       ///< loan.amount_fen
    int rateBp = 0;           ///< loan.rate_bp, annual rate in basis points
    int termMonths = 12;      ///< loan.term_months
    Core::Money guaranteeFee; ///< loan.guarantee_fee_fen, guarantee fee paid over the whole term
    int lprBp = DefaultLprBp; ///< market.lpr_1y_bp

    /// The one-year loan prime rate assumed when none is given: 3.00 % (300 bp).
    static constexpr int DefaultLprBp = 300;
    /// Annual rate assumed for an estimated loan: LPR + 45 bp (3.45 %), a typical inclusive-finance rate.
    static constexpr int DefaultRateBp = 345;
    /// Annual guarantee fee assumed for an estimated loan: 1 % (100 bp), the ceiling of government-backed
    /// guarantees.
    static constexpr int DefaultGuaranteeFeeBp = 100;

    /// The loan assumed when the firm states no need: 100 万元 for 12 months at DefaultRateBp with a
    /// guarantee fee of DefaultGuaranteeFeeBp (1 万元).
    static LoanTerms defaultLoan();
    /// The loan assumed for a stated need: the need's amount and term, DefaultRateBp, and a guarantee fee
    /// of DefaultGuaranteeFeeBp a year over the term (amount × 100 bp × term / 12, rounded half up to fen).
    static LoanTerms fromNeed(const FinancingNeed &need);
};

} // namespace XinDai::Matching
