#pragma once

#include <QString>
#include <QVector>

namespace XinDai::Scoring {

/// Analytic Hierarchy Process: weights from a pairwise comparison matrix (Saaty).
///
/// a[i][j] says how much more important criterion i is than j (1 = equal … 9 = extreme); the matrix must be
/// square (1 ≤ n ≤ 10), strictly positive, with a[i][i] = 1 and a[j][i] = 1 / a[i][j] (relative tolerance
/// 1e-6). Weights = principal eigenvector by power iteration (until the largest change of a normalised
/// component is below 1e-12), normalised to sum 1; λmax = mean of (A·w)_i / w_i; CI = (λmax − n)/(n − 1);
/// CR = CI / RI(n) with Saaty's random indices 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
/// (CR = 0 for n ≤ 2, which is always consistent). The weights are refused when CR ≥ 0.1.
class Ahp
{
public:
    struct Result
    {
        bool ok = false;         ///< false: see error
        QString error;           ///< translated sentence (names the offending cell, or the CR)
        QVector<double> weights; ///< sum 1, all > 0 (empty when the matrix is malformed)
        double lambdaMax = 0;
        double ci = 0;      ///< consistency index
        double cr = 0;      ///< consistency ratio
        int iterations = 0; ///< power iterations used
    };

    /// Saaty's random index for order \a n (1 … 10); -1 outside that range.
    static double randomIndex(int n);
    /// The consistency ratio above which (inclusive) weights are refused.
    static constexpr double maxConsistencyRatio = 0.1;

    /// Checks \a matrix (row-major, n rows of n) and derives the weights. When the matrix is well formed
    /// but CR ≥ 0.1, ok is false and weights, λmax, CI and CR are still filled for display.
    static Result derive(const QVector<QVector<double>> &matrix);
};

} // namespace XinDai::Scoring
