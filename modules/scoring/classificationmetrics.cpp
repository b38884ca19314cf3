#include "scoring/classificationmetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace XinDai::Scoring {

namespace {

/// Indices of \a scores sorted ascending (stable, so the result is deterministic).
QVector<qsizetype> order(const QVector<double> &scores, qsizetype n)
{
    QVector<qsizetype> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(),
                     [&](qsizetype a, qsizetype b) { return scores.at(a) < scores.at(b); });
    return idx;
}

} // namespace

double ClassificationMetrics::auc(const QVector<double> &scores, const QVector<int> &target)
{
    const qsizetype n = std::min(scores.size(), target.size());
    const QVector<qsizetype> idx = order(scores, n);
    double rankSumPositives = 0;
    qint64 positives = 0;
    for (qsizetype i = 0; i < n;) {
        qsizetype j = i;
        while (j < n && scores.at(idx.at(j)) == scores.at(idx.at(i)))
            ++j;
        const double midRank = (double(i + 1) + double(j)) / 2; // ranks i+1 … j share their mean
        for (qsizetype k = i; k < j; ++k) {
            if (target.at(idx.at(k)) != 0) {
                rankSumPositives += midRank;
                ++positives;
            }
        }
        i = j;
    }
    const qint64 negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double u = rankSumPositives - double(positives) * double(positives + 1) / 2;
    return u / (double(positives) * double(negatives));
}

double ClassificationMetrics::ks(const QVector<double> &scores, const QVector<int> &target)
{
    const qsizetype n = std::min(scores.size(), target.size());
    const QVector<qsizetype> idx = order(scores, n);
    qint64 positives = 0;
    for (qsizetype i = 0; i < n; ++i)
        positives += target.at(i) != 0 ? 1 : 0;
    const qint64 negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    // Walk from the highest score down: everything at or above the threshold is predicted an event.
    qint64 tp = 0;
    qint64 fp = 0;
    double best = 0;
    for (qsizetype i = n - 1; i >= 0;) {
        qsizetype j = i;
        while (j >= 0 && scores.at(idx.at(j)) == scores.at(idx.at(i))) {
            (target.at(idx.at(j)) != 0 ? tp : fp) += 1;
            --j;
        }
        best = std::max(best, std::abs(double(tp) / double(positives) - double(fp) / double(negatives)));
        i = j;
    }
    return best;
}

} // namespace XinDai::Scoring
