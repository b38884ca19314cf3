#include "scoring/ahp.h"

#include "scoring/scoringtr_p.h"

#include <cmath>

namespace XinDai::Scoring {

using Internal::Tr;

double Ahp::randomIndex(int n)
{
    static const double ri[10] = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    return n >= 1 && n <= 10 ? ri[n - 1] : -1;
}

Ahp::Result Ahp::derive(const QVector<QVector<double>> &a)
{
    Result r;
    const int n = int(a.size());
    if (n < 1 || n > 10) {
        r.error = Tr::tr("The comparison matrix must have between 1 and 10 criteria, found %1.").arg(n);
        return r;
    }
    for (int i = 0; i < n; ++i) {
        if (a.at(i).size() != n) {
            r.error = Tr::tr("The comparison matrix must be square: row %1 has %2 entries instead of %3.")
                          .arg(i + 1)
                          .arg(a.at(i).size())
                          .arg(n);
            return r;
        }
    }
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double v = a.at(i).at(j);
            if (!(v > 0) || !std::isfinite(v)) {
                r.error = Tr::tr("Comparison matrix entry (%1, %2) must be a positive number, found %3.")
                              .arg(i + 1)
                              .arg(j + 1)
                              .arg(v);
                return r;
            }
            if (i == j && std::abs(v - 1) > 1e-12) {
                r.error = Tr::tr("Comparison matrix diagonal entry (%1, %1) must be 1, found %2.")
                              .arg(i + 1)
                              .arg(v);
                return r;
            }
            if (j > i && std::abs(v * a.at(j).at(i) - 1) > 1e-6) {
                r.error
                    = Tr::tr(
                          "The comparison matrix is not reciprocal: entry (%1, %2) = %3 but entry (%2, %1) = "
                          "%4 instead of %5.")
                          .arg(i + 1)
                          .arg(j + 1)
                          .arg(v)
                          .arg(a.at(j).at(i))
                          .arg(1 / v);
                return r;
            }
        }
    }

    QVector<double> w(n, 1.0 / n);
    QVector<double> next(n);
    for (r.iterations = 1; r.iterations <= 100000; ++r.iterations) {
        double sum = 0;
        for (int i = 0; i < n; ++i) {
            double s = 0;
            for (int j = 0; j < n; ++j)
                s += a.at(i).at(j) * w.at(j);
            next[i] = s;
            sum += s;
        }
        double change = 0;
        for (int i = 0; i < n; ++i) {
            next[i] /= sum;
            change = std::max(change, std::abs(next.at(i) - w.at(i)));
        }
        w.swap(next);
        if (change < 1e-12)
            break;
    }
    double lambda = 0;
    for (int i = 0; i < n; ++i) {
        double s = 0;
        for (int j = 0; j < n; ++j)
            s += a.at(i).at(j) * w.at(j);
        lambda += s / w.at(i);
    }
    r.weights = w;
    r.lambdaMax = lambda / n;
    r.ci = n > 1 ? (r.lambdaMax - n) / (n - 1) : 0;
    r.cr = n > 2 ? r.ci / randomIndex(n) : 0;
    if (r.cr >= maxConsistencyRatio) {
        r.error = Tr::tr("The comparison matrix is too inconsistent: its consistency ratio CR = %1 must be "
                         "below 0.1 "
                         "(λmax = %2, CI = %3).")
                      .arg(r.cr, 0, 'f', 4)
                      .arg(r.lambdaMax, 0, 'f', 4)
                      .arg(r.ci, 0, 'f', 4);
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace XinDai::Scoring
