#pragma once

#include "scoring/ahp.h"
#include "scoring/factorvalue.h"
#include "scoring/firmfeatures.h"
#include "scoring/gradescale.h"
#include "scoring/modelinfo.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace XinDai::Scoring {

/// Expert-weighted model (model kind "expert"), used for 个体工商户 where outcome data is thin.
///
/// Each indicator's raw value x is normalised to s ∈ [0, 1]:
/// - "minmax": s = clamp((x − min) / (max − min), 0, 1) for direction "benefit", 1 − that for "cost";
/// - "piecewise": linear interpolation through points (x_k, y_k) with strictly increasing x_k and
///   y_k ∈ [0, 1], constant beyond the first and last point;
/// - "threshold": cuts c_1 < … < c_m and m + 1 values: s = values[k] where k = number of cuts ≤ x;
/// - "category": s = values[category], or "other" for an unlisted category (required key).
/// Absent data uses the indicator's required "missing" value (in [0, 1]).
/// Weights are given ("weights": non-negative, summing to 1 within 1e-9) or derived by AHP ("ahp":
/// {"matrix": …}, refused when CR ≥ 0.1). score = 100 · Σ w_i · s_i on the range [0, 100].
class ExpertModel
{
public:
    struct Indicator
    {
        enum class Method { MinMax, Piecewise, Threshold, Category };
        QString id;
        QString label;
        QString feature;
        int featureIndex = -1;
        Method method = Method::MinMax;
        double min = 0;
        double max = 1;
        bool cost = false;                     ///< minmax direction "cost": more is worse
        QVector<QPair<double, double>> points; ///< piecewise
        QVector<double> cuts;                  ///< threshold
        QVector<double> values;                ///< threshold: cuts.size() + 1 values
        QHash<QString, double> categoryValues;
        double otherValue = 0;
        double missingValue = 0;
    };
    struct Contribution
    {
        int indicator = -1;
        bool missing = false;
        double normalised = 0; ///< s ∈ [0, 1]
        double weight = 0;
        double points = 0; ///< 100 · weight · s
    };
    struct Result
    {
        double score = 0; ///< 0 … 100
        QString grade;
        QVector<Contribution> contributions; ///< one per indicator, model order
    };

    static std::optional<ExpertModel> fromJson(const QByteArray &json, QString *error = nullptr);
    static std::optional<ExpertModel> fromFile(const QString &path, QString *error = nullptr);

    const ModelInfo &info() const { return m_info; }
    const QVector<Indicator> &indicators() const { return m_indicators; }
    const QVector<double> &weights() const { return m_weights; }
    /// The AHP derivation when the weights came from a matrix (ok == false otherwise: not used).
    const Ahp::Result &ahp() const { return m_ahp; }
    const GradeScale &grades() const { return m_grades; }

    /// s ∈ [0, 1] of indicator \a i for \a value (the missing value for absent data).
    double normalise(int i, const FactorValue &value) const;
    Result score(const FirmFeatures &features) const;
    /// One value per indicator, model order.
    Result scoreValues(const QVector<FactorValue> &values) const;

private:
    ModelInfo m_info;
    QVector<Indicator> m_indicators;
    QVector<double> m_weights;
    Ahp::Result m_ahp;
    GradeScale m_grades;
};

} // namespace XinDai::Scoring
