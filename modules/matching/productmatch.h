#pragma once

#include "core/domain/financingproduct.h"
#include "core/money.h"
#include "matching/condition.h"
#include "matching/explanation.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Matching {

/// One product assessed for a firm and a need (ProductMatcher::match).
struct ProductMatch
{
    enum class Component { ApprovalRate, AnnualCost, DecisionSpeed, ServiceRating, ZoneMatch };

    /// One term of the composite score.
    struct Score
    {
        Component component = Component::ApprovalRate;
        double raw = 0;        ///< approval/service: ‰; cost: effective annual rate in bp; speed: days;
                               ///< zone: 0 or 1
        double normalised = 0; ///< in [0, 1], 1 = best (RankingWeights)
        double weight = 0;
        double contribution = 0; ///< normalised × weight
    };

    Core::FinancingProduct product;
    bool eligible = false;      ///< rule passes and every limit holds
    QString error;              ///< the product's rule does not compile (then not eligible)
    Explanation explanation;    ///< of the eligibility rule
    QVector<Condition> limits;  ///< amount range, term range and (when relevant) collateral, as conditions
    QVector<Condition> failing; ///< failing top-level rule conditions followed by failing limits

    Core::Money annualInterest; ///< amount × mid rate ((rateMinBp + rateMaxBp) / 2), rounded half up to fen
    Core::Money annualFees;     ///< amount × feeBp, rounded to fen
    Core::Money annualSubsidy;  ///< largest eligible interest subsidy per year, at most the annual interest
    QString subsidyPolicyCode;  ///< the policy giving annualSubsidy; empty when none
    Core::Money annualCost;     ///< interest + fees − subsidy
    QStringList matchedZones;   ///< product zones that are firm zone tags

    QVector<Score> scores; ///< the five components, in Component order (eligible products only)
    double score = 0;      ///< Σ contributions
    int rank = 0;          ///< 1-based position among eligible products; 0 when not eligible
};

} // namespace XinDai::Matching
