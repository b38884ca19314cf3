#pragma once

#include "scoring/gradescale.h"
#include "scoring/modelinfo.h"
#include "scoring/woebinning.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Scoring {

/// Turns a trained WoE logistic regression into a scorecard model file (kind "scorecard", input "columns",
/// PDO scaling), which Scorecard::fromJson() then validates like any other model.
///
/// The regression models the log-odds of the event ("bad") as β0 + Σ βj · WoEj; the scorecard works in
/// log-odds of "good", so intercept = −β0 and each bin's logOdds = −βj · WoE(bin). A firm's score is then
/// offset + factor · ln((1 − p) / p) with p the regression's probability of the event.
class ScorecardBuilder
{
public:
    struct Scaling
    {
        double pdo = 40;
        double baseScore = 600;
        double baseOdds = 30;
    };

    /// \a columns[j] names the column binned by \a binnings[j] and weighted by \a coefficients[j + 1]
    /// (coefficients[0] = intercept). Sizes must agree (otherwise an empty object is returned).
    static QJsonObject build(const ModelInfo &info, const QStringList &columns,
                             const QVector<WoeBinning> &binnings, const QVector<double> &coefficients,
                             const Scaling &scaling, const GradeScale &grades);
};

} // namespace XinDai::Scoring
