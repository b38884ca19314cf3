#include "matching/loanterms.h"

namespace XinDai::Matching {

LoanTerms LoanTerms::defaultLoan()
{
    FinancingNeed need;
    need.amount = Core::Money::fromWan(100);
    need.termMonths = 12;
    return fromNeed(need);
}

LoanTerms LoanTerms::fromNeed(const FinancingNeed &need)
{
    LoanTerms loan;
    loan.amount = need.amount;
    loan.termMonths = need.termMonths;
    loan.rateBp = DefaultRateBp;
    // amount × bp / 10000 × term / 12, exact: one division, rounded half up (amounts are ≥ 0).
    const qint64 numerator = need.amount.fen() * DefaultGuaranteeFeeBp * need.termMonths;
    loan.guaranteeFee = Core::Money::fromFen((numerator + 60000) / 120000);
    return loan;
}

} // namespace XinDai::Matching
