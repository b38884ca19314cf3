#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Scoring {

/// Weight-of-evidence binning of one column against a binary target (1 = event / "bad", 0 = "good").
///
/// WoE of a bin = ln((g / G) / (b / B)) with g, b the bin's goods and bads and G, B the column totals:
/// positive means better than average. When g or b is 0, 0.5 is added to both (so no bin is ±∞); when G or
/// B is 0 the column carries no information and every WoE is 0. IV = Σ (g/G − b/B) · WoE.
/// The missing bin (NaN / empty category) is always present and listed last; with no missing rows it has
/// WoE 0 (neutral).
class WoeBinning
{
public:
    struct Options
    {
        int preBins = 20;          ///< quantile pre-bins for numeric columns
        double minBinShare = 0.05; ///< a bin (or category) below this share of non-missing rows is merged
        bool monotonic = true;     ///< numeric: merge adjacent bins until WoE is monotonic, where sensible
    };
    struct Bin
    {
        bool missing = false;
        double lo = 0;          ///< numeric: inclusive lower bound (−inf for the first bin)
        double hi = 0;          ///< numeric: exclusive upper bound (+inf for the last bin)
        QStringList categories; ///< categorical bins
        bool other = false;     ///< categorical: pooled small categories (also takes unseen ones)
        qint64 goods = 0;
        qint64 bads = 0;
        double woe = 0;
        double iv = 0; ///< this bin's share of the information value
    };

    /// Numeric column: NaN is missing. Quantile pre-bins (cut points at the k/preBins quantiles of the
    /// sorted values, duplicates dropped), small bins merged into their smaller neighbour, then (when
    /// monotonic) adjacent bins that break the trend merged until the WoE is strictly monotonic. The trend
    /// follows the sign of the count-weighted covariance of bin order and WoE; if enforcing it would leave a
    /// single bin out of three or more (a U-shaped relation) the non-monotonic bins are kept.
    static WoeBinning numeric(const QVector<double> &values, const QVector<int> &target,
                              const Options &options);
    static WoeBinning numeric(const QVector<double> &values, const QVector<int> &target);
    /// Categorical column: the empty string is missing; one bin per category (sorted), categories below
    /// minBinShare pooled into an "other" bin.
    static WoeBinning categorical(const QStringList &values, const QVector<int> &target,
                                  const Options &options);
    static WoeBinning categorical(const QStringList &values, const QVector<int> &target);

    /// The WoE formula above for one bin.
    static double woe(qint64 goods, qint64 bads, qint64 totalGoods, qint64 totalBads);

    bool isCategorical() const { return m_categorical; }
    const QVector<Bin> &bins() const { return m_bins; }
    double informationValue() const { return m_iv; }
    /// Index of the bin of a value (the missing bin for NaN / empty; "other" or missing for unseen
    /// categories).
    int binOf(double value) const;
    int binOf(const QString &value) const;

private:
    void finish(qint64 totalGoods, qint64 totalBads);

    bool m_categorical = false;
    QVector<Bin> m_bins;
    double m_iv = 0;
};

} // namespace XinDai::Scoring
