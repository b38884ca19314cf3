#pragma once

#include <QString>
#include <QVector>

namespace XinDai::Scoring {

/// Binary logistic regression P(y = 1 | x) = 1 / (1 + exp(−(β0 + Σ βj·xj))), fitted by Newton–Raphson
/// (IRLS) on the L2-penalised log-likelihood ℓ(β) − (λ/2)·Σ_{j≥1} βj² (the intercept is not penalised).
/// Deterministic: starts from β = 0 (intercept = logit of the event rate) and solves each Newton step by
/// Cholesky decomposition, no randomness.
class LogisticRegression
{
public:
    struct Options
    {
        double l2 = 1e-6; ///< λ ≥ 0
        int maxIterations = 100;
        double tolerance = 1e-10; ///< stop when the largest |Δβ| is below this
    };
    struct Fit
    {
        bool ok = false;
        QString error;                ///< translated sentence when !ok
        QVector<double> coefficients; ///< [0] = intercept β0, then one per column
        int iterations = 0;
        bool converged = false;
        double logLikelihood = 0; ///< unpenalised, at the solution
    };

    /// \a rows: one vector of p features per observation (all of equal length); \a target: 0 or 1 each.
    static Fit fit(const QVector<QVector<double>> &rows, const QVector<int> &target, const Options &options);
    static Fit fit(const QVector<QVector<double>> &rows, const QVector<int> &target);
    /// P(y = 1) for one row.
    static double probability(const QVector<double> &coefficients, const QVector<double> &row);
};

} // namespace XinDai::Scoring
