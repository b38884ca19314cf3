#pragma once

#include <QVector>

namespace XinDai::Scoring {

/// Discrimination measures of a score against a binary outcome (1 = event). A higher score means the
/// event is more likely; pass −score for scorecards where higher is better.
class ClassificationMetrics
{
public:
    /// Area under the ROC curve = Mann–Whitney U / (P·N): the probability that a random event scores
    /// higher than a random non-event, ties counting one half (mid-ranks). NaN without both classes.
    static double auc(const QVector<double> &scores, const QVector<int> &target);
    /// Kolmogorov–Smirnov statistic: max over thresholds t of |TPR(t) − FPR(t)|, tied scores moving
    /// together. NaN without both classes.
    static double ks(const QVector<double> &scores, const QVector<int> &target);
    /// Gini = 2·AUC − 1.
    static double gini(double auc) { return 2 * auc - 1; }
};

} // namespace XinDai::Scoring
