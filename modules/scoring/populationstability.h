#pragma once

#include <QVector>

namespace XinDai::Scoring {

/// Population stability index between an expected (development) and an actual score distribution.
///
/// Bins: cut points at the k/bins quantiles of the expected scores (duplicates dropped), intervals
/// [c_k, c_k+1) with open ends. PSI = Σ (a_i − e_i) · ln(a_i / e_i) over the bins' shares; a share of 0 is
/// replaced by 1e-4 so an empty bin costs a large but finite amount. PSI of identical inputs is exactly 0.
/// Rule of thumb: < 0.1 stable, 0.1–0.25 watch, > 0.25 shifted.
class PopulationStability
{
public:
    struct Result
    {
        QVector<double> cuts;           ///< ascending bin boundaries
        QVector<double> expectedShares; ///< per bin, sums to 1
        QVector<double> actualShares;
        double psi = 0;
    };
    static Result compute(const QVector<double> &expected, const QVector<double> &actual, int bins = 10);
};

} // namespace XinDai::Scoring
