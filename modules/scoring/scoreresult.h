#pragma once

#include <QString>
#include <QVector>

namespace XinDai::Scoring {

/// The outcome of Scorecard::score(): structured fields only (cheap enough to score 100,000 firms);
/// Scorecard::reasonTexts() / improvementTexts() turn them into translated sentences on demand.
/// Invariant: rawScore == basePoints + Σ contributions[i].points; score == rawScore clamped into the
/// model's score range.
struct ScoreResult
{
    /// What one factor added to the score.
    struct Contribution
    {
        int factor = -1;       ///< index into the model's factors
        int bin = -1;          ///< index into that factor's bins (the missing bin when data is absent)
        bool missing = false;  ///< the missing bin was used
        double points = 0;     ///< points of that bin (PDO models: factor × the bin's log-odds)
        double bestPoints = 0; ///< the factor's highest bin points
    };
    /// A factor that lowered the score, relative to its best bin.
    struct Reason
    {
        int factor = -1;
        int bin = -1;
        double pointsLost = 0; ///< bestPoints − points, > 0
    };
    /// The next better bin of a factor and what reaching it would add.
    struct Improvement
    {
        int factor = -1;
        int fromBin = -1;
        int toBin = -1;
        double pointsGained = 0; ///< > 0
    };

    double score = 0; ///< rawScore clamped into the score range
    double rawScore = 0;
    double basePoints = 0; ///< points independent of the factors (PDO offset + intercept, or "base")
    QString grade;         ///< AAA … C
    QVector<Contribution> contributions; ///< one per factor, model order
    QVector<Reason> reasons;             ///< ≤ N, largest loss first, ties in model order
    QVector<Improvement> improvements;   ///< one per factor with a better non-missing bin, largest gain first
};

} // namespace XinDai::Scoring
