#pragma once

namespace XinDai::Matching {

/// Weights and scales of the product ranking score (docs/matching.md), set by administrators.
/// score = Σ weight × normalised component, each component normalised to [0, 1] (1 = best):
///   approval rate   = approvalRatePermille / 1000
///   annual cost     = 1 − effective annual cost rate / costCeilingBp (clamped to [0, 1])
///   decision speed  = 1 − avgDaysToDecision / slowestDays (clamped to [0, 1])
///   service rating  = serviceRatingPermille / 1000
///   zone match      = 1 when one of the product's zones is one of the firm's zone tags, else 0
/// The default weights sum to 1, so a score is in [0, 1].
struct RankingWeights
{
    double approvalRate = 0.30;
    double annualCost = 0.30;
    double decisionSpeed = 0.15;
    double serviceRating = 0.15;
    double zoneMatch = 0.10;
    int costCeilingBp
        = 1000; ///< effective annual cost (interest + fees − subsidy) / amount at which cost scores 0
    int slowestDays = 30; ///< average working days to decision at which speed scores 0
};

} // namespace XinDai::Matching
