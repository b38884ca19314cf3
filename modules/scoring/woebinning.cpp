#include "scoring/woebinning.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>

namespace XinDai::Scoring {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void mergeInto(WoeBinning::Bin &left, const WoeBinning::Bin &right)
{
    left.hi = right.hi;
    left.goods += right.goods;
    left.bads += right.bads;
    left.categories += right.categories;
}

double rawWoe(const WoeBinning::Bin &b, qint64 g, qint64 bd)
{
    return WoeBinning::woe(b.goods, b.bads, g, bd);
}

/// Merges bins below minCount into their smaller neighbour until none is left (or one bin remains).
void mergeSmall(QVector<WoeBinning::Bin> &bins, double minCount)
{
    while (bins.size() > 1) {
        qsizetype smallest = -1;
        for (qsizetype i = 0; i < bins.size(); ++i) {
            const qint64 n = bins.at(i).goods + bins.at(i).bads;
            if (n < minCount && (smallest < 0 || n < bins.at(smallest).goods + bins.at(smallest).bads))
                smallest = i;
        }
        if (smallest < 0)
            return;
        qsizetype left = smallest - 1;
        if (smallest == 0) {
            left = 0;
        } else if (smallest + 1 < bins.size()) {
            const qint64 nl = bins.at(smallest - 1).goods + bins.at(smallest - 1).bads;
            const qint64 nr = bins.at(smallest + 1).goods + bins.at(smallest + 1).bads;
            if (nr < nl)
                left = smallest;
        }
        mergeInto(bins[left], bins.at(left + 1));
        bins.removeAt(left + 1);
    }
}

} // namespace

double WoeBinning::woe(qint64 goods, qint64 bads, qint64 totalGoods, qint64 totalBads)
{
    if (totalGoods <= 0 || totalBads <= 0)
        return 0;
    double g = double(goods);
    double b = double(bads);
    if (goods == 0 || bads == 0) {
        g += 0.5;
        b += 0.5;
    }
    return std::log((g / double(totalGoods)) / (b / double(totalBads)));
}

void WoeBinning::finish(qint64 totalGoods, qint64 totalBads)
{
    m_iv = 0;
    for (Bin &b : m_bins) {
        if (b.goods + b.bads == 0) {
            b.woe = 0;
            b.iv = 0;
            continue;
        }
        b.woe = woe(b.goods, b.bads, totalGoods, totalBads);
        b.iv = totalGoods > 0 && totalBads > 0
                   ? (double(b.goods) / double(totalGoods) - double(b.bads) / double(totalBads)) * b.woe
                   : 0;
        m_iv += b.iv;
    }
}

WoeBinning WoeBinning::numeric(const QVector<double> &values, const QVector<int> &target,
                               const Options &options)
{
    WoeBinning result;
    QVector<std::pair<double, int>> rows;
    Bin missing;
    missing.missing = true;
    qint64 totalGoods = 0;
    qint64 totalBads = 0;
    for (qsizetype i = 0; i < values.size() && i < target.size(); ++i) {
        const bool bad = target.at(i) != 0;
        (bad ? totalBads : totalGoods) += 1;
        if (std::isnan(values.at(i)))
            (bad ? missing.bads : missing.goods) += 1;
        else
            rows.append({values.at(i), bad ? 1 : 0});
    }
    std::sort(rows.begin(), rows.end());

    QVector<double> cuts;
    const qsizetype m = rows.size();
    const int preBins = std::max(1, options.preBins);
    for (int k = 1; k < preBins && m > 0; ++k) {
        const double q = rows.at(qsizetype(double(k) * double(m) / preBins)).first;
        if (q > rows.first().first && (cuts.isEmpty() || q > cuts.last()))
            cuts.append(q);
    }
    QVector<Bin> bins(cuts.size() + 1);
    for (qsizetype i = 0; i < bins.size(); ++i) {
        bins[i].lo = i == 0 ? -kInf : cuts.at(i - 1);
        bins[i].hi = i == cuts.size() ? kInf : cuts.at(i);
    }
    qsizetype b = 0;
    for (const auto &[x, bad] : std::as_const(rows)) {
        while (x >= bins.at(b).hi)
            ++b;
        (bad ? bins[b].bads : bins[b].goods) += 1;
    }
    mergeSmall(bins, options.minBinShare * double(m));

    if (options.monotonic && bins.size() > 1) {
        const QVector<Bin> before = bins;
        double meanIndex = 0;
        for (qsizetype i = 0; i < bins.size(); ++i)
            meanIndex += double(i) * double(bins.at(i).goods + bins.at(i).bads);
        meanIndex /= double(std::max<qsizetype>(m, 1));
        double cov = 0;
        for (qsizetype i = 0; i < bins.size(); ++i)
            cov += double(bins.at(i).goods + bins.at(i).bads) * (double(i) - meanIndex)
                   * rawWoe(bins.at(i), totalGoods, totalBads);
        const bool increasing = cov >= 0;
        bool merged = true;
        while (merged && bins.size() > 1) {
            merged = false;
            for (qsizetype i = 0; i + 1 < bins.size(); ++i) {
                const double a = rawWoe(bins.at(i), totalGoods, totalBads);
                const double c = rawWoe(bins.at(i + 1), totalGoods, totalBads);
                if (increasing ? !(c > a) : !(c < a)) {
                    mergeInto(bins[i], bins.at(i + 1));
                    bins.removeAt(i + 1);
                    merged = true;
                    break;
                }
            }
        }
        if (bins.size() == 1 && before.size() >= 3)
            bins = before;
    }
    bins.append(missing);
    result.m_bins = bins;
    result.finish(totalGoods, totalBads);
    return result;
}

WoeBinning WoeBinning::categorical(const QStringList &values, const QVector<int> &target,
                                   const Options &options)
{
    WoeBinning result;
    result.m_categorical = true;
    QMap<QString, Bin> byCategory;
    Bin missing;
    missing.missing = true;
    qint64 totalGoods = 0;
    qint64 totalBads = 0;
    qint64 present = 0;
    for (qsizetype i = 0; i < values.size() && i < target.size(); ++i) {
        const bool bad = target.at(i) != 0;
        (bad ? totalBads : totalGoods) += 1;
        Bin *bin = &missing;
        if (!values.at(i).isEmpty()) {
            bin = &byCategory[values.at(i)];
            ++present;
        }
        (bad ? bin->bads : bin->goods) += 1;
    }
    Bin other;
    other.other = true;
    for (auto it = byCategory.begin(); it != byCategory.end(); ++it) {
        Bin bin = it.value();
        bin.categories = {it.key()};
        if (double(bin.goods + bin.bads) < options.minBinShare * double(present)) {
            other.categories += bin.categories;
            other.goods += bin.goods;
            other.bads += bin.bads;
        } else {
            result.m_bins.append(bin);
        }
    }
    if (!other.categories.isEmpty())
        result.m_bins.append(other);
    result.m_bins.append(missing);
    result.finish(totalGoods, totalBads);
    return result;
}

WoeBinning WoeBinning::numeric(const QVector<double> &values, const QVector<int> &target)
{
    return numeric(values, target, Options());
}

WoeBinning WoeBinning::categorical(const QStringList &values, const QVector<int> &target)
{
    return categorical(values, target, Options());
}

int WoeBinning::binOf(double value) const
{
    if (std::isnan(value))
        return int(m_bins.size()) - 1;
    for (qsizetype i = 0; i + 1 < m_bins.size(); ++i) {
        if (value < m_bins.at(i).hi)
            return int(i);
    }
    return int(m_bins.size()) - 1;
}

int WoeBinning::binOf(const QString &value) const
{
    if (value.isEmpty())
        return int(m_bins.size()) - 1;
    int other = -1;
    for (qsizetype i = 0; i + 1 < m_bins.size(); ++i) {
        if (m_bins.at(i).categories.contains(value))
            return int(i);
        if (m_bins.at(i).other)
            other = int(i);
    }
    return other >= 0 ? other : int(m_bins.size()) - 1;
}

} // namespace XinDai::Scoring
