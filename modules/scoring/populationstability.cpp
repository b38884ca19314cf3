#include "scoring/populationstability.h"

#include <algorithm>
#include <cmath>

namespace XinDai::Scoring {

namespace {

QVector<double> shares(const QVector<double> &values, const QVector<double> &cuts)
{
    QVector<double> counts(cuts.size() + 1, 0.0);
    for (double v : values) {
        const auto k = std::upper_bound(cuts.begin(), cuts.end(), v) - cuts.begin(); // cuts ≤ v
        counts[k] += 1;
    }
    for (double &c : counts)
        c = values.isEmpty() ? 0 : c / double(values.size());
    return counts;
}

} // namespace

PopulationStability::Result PopulationStability::compute(const QVector<double> &expected,
                                                         const QVector<double> &actual, int bins)
{
    Result r;
    QVector<double> sorted = expected;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype m = sorted.size();
    for (int k = 1; k < bins && m > 0; ++k) {
        const double q = sorted.at(qsizetype(double(k) * double(m) / bins));
        if (q > sorted.first() && (r.cuts.isEmpty() || q > r.cuts.last()))
            r.cuts.append(q);
    }
    r.expectedShares = shares(expected, r.cuts);
    r.actualShares = shares(actual, r.cuts);
    for (qsizetype i = 0; i < r.expectedShares.size(); ++i) {
        const double e = std::max(r.expectedShares.at(i), 1e-4);
        const double a = std::max(r.actualShares.at(i), 1e-4);
        r.psi += (a - e) * std::log(a / e);
    }
    return r;
}

} // namespace XinDai::Scoring
