#include "scoring/logisticregression.h"

#include "scoring/scoringtr_p.h"

#include <algorithm>
#include <cmath>

namespace XinDai::Scoring {

using Internal::Tr;

namespace {

double sigmoid(double z)
{
    return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z));
}

/// Solves H·x = g for symmetric positive definite H (row-major k×k) by Cholesky; false if not SPD.
bool choleskySolve(QVector<double> h, QVector<double> g, int k, QVector<double> &x)
{
    for (int j = 0; j < k; ++j) {
        double d = h[j * k + j];
        for (int p = 0; p < j; ++p)
            d -= h[j * k + p] * h[j * k + p];
        if (!(d > 0))
            return false;
        d = std::sqrt(d);
        h[j * k + j] = d;
        for (int i = j + 1; i < k; ++i) {
            double s = h[i * k + j];
            for (int p = 0; p < j; ++p)
                s -= h[i * k + p] * h[j * k + p];
            h[i * k + j] = s / d;
        }
    }
    for (int i = 0; i < k; ++i) { // L·y = g
        double s = g[i];
        for (int p = 0; p < i; ++p)
            s -= h[i * k + p] * g[p];
        g[i] = s / h[i * k + i];
    }
    x.resize(k);
    for (int i = k - 1; i >= 0; --i) { // Lᵀ·x = y
        double s = g[i];
        for (int p = i + 1; p < k; ++p)
            s -= h[p * k + i] * x[p];
        x[i] = s / h[i * k + i];
    }
    return true;
}

} // namespace

LogisticRegression::Fit LogisticRegression::fit(const QVector<QVector<double>> &rows,
                                                const QVector<int> &target)
{
    return fit(rows, target, Options());
}

double LogisticRegression::probability(const QVector<double> &c, const QVector<double> &row)
{
    double z = c.value(0);
    for (qsizetype j = 0; j < row.size() && j + 1 < c.size(); ++j)
        z += c.at(j + 1) * row.at(j);
    return sigmoid(z);
}

LogisticRegression::Fit LogisticRegression::fit(const QVector<QVector<double>> &rows,
                                                const QVector<int> &target, const Options &options)
{
    Fit fit;
    const qsizetype n = rows.size();
    if (n == 0 || target.size() != n) {
        fit.error = Tr::tr("Logistic regression needs at least one row and one target value per row.");
        return fit;
    }
    const int p = int(rows.first().size());
    const int k = p + 1;
    qint64 events = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (rows.at(i).size() != p) {
            fit.error
                = Tr::tr("Row %1 has %2 features instead of %3.").arg(i + 1).arg(rows.at(i).size()).arg(p);
            return fit;
        }
        if (target.at(i) != 0 && target.at(i) != 1) {
            fit.error = Tr::tr("The target of row %1 must be 0 or 1, found %2.").arg(i + 1).arg(target.at(i));
            return fit;
        }
        events += target.at(i);
    }
    if (events == 0 || events == n) {
        fit.error = Tr::tr("The target column must contain both outcomes 0 and 1.");
        return fit;
    }
    QVector<double> beta(k, 0.0);
    beta[0] = std::log(double(events) / double(n - events));

    QVector<double> h(k * k);
    QVector<double> g(k);
    QVector<double> step;
    for (fit.iterations = 1; fit.iterations <= options.maxIterations; ++fit.iterations) {
        std::fill(h.begin(), h.end(), 0.0);
        std::fill(g.begin(), g.end(), 0.0);
        for (qsizetype i = 0; i < n; ++i) {
            const QVector<double> &x = rows.at(i);
            const double mu = probability(beta, x);
            const double w = std::max(mu * (1 - mu), 1e-12);
            const double r = target.at(i) - mu;
            for (int a = 0; a < k; ++a) {
                const double xa = a == 0 ? 1.0 : x.at(a - 1);
                g[a] += xa * r;
                for (int b = 0; b <= a; ++b)
                    h[a * k + b] += w * xa * (b == 0 ? 1.0 : x.at(b - 1));
            }
        }
        for (int a = 0; a < k; ++a) {
            for (int b = a + 1; b < k; ++b)
                h[a * k + b] = h[b * k + a];
            if (a > 0) {
                h[a * k + a] += options.l2;
                g[a] -= options.l2 * beta.at(a);
            }
        }
        if (!choleskySolve(h, g, k, step)) {
            fit.error = Tr::tr(
                "The features are linearly dependent (or constant): add an L2 penalty or drop a column.");
            return fit;
        }
        double largest = 0;
        for (int a = 0; a < k; ++a) {
            beta[a] += step.at(a);
            largest = std::max(largest, std::abs(step.at(a)));
        }
        if (largest < options.tolerance) {
            fit.converged = true;
            break;
        }
    }
    fit.iterations = std::min(fit.iterations, options.maxIterations);
    double ll = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double mu = std::clamp(probability(beta, rows.at(i)), 1e-300, 1 - 1e-16);
        ll += target.at(i) ? std::log(mu) : std::log1p(-mu);
    }
    fit.logLikelihood = ll;
    fit.coefficients = beta;
    fit.ok = true;
    return fit;
}

} // namespace XinDai::Scoring
