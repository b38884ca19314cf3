#pragma once

#include "scoring/factorvalue.h"

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace XinDai::Scoring {

/// The indicators the shipped models use, computed from raw data by FeatureExtractor (formulas in
/// docs/scoring.md). Numeric features are std::nullopt when the data to compute them is absent; flags
/// (qualifications, dishonest listing) are 0 or 1 and always present; the tax grade is a category.
struct FirmFeatures
{
    enum class Feature {
        YearsEstablished,         ///< years since 成立日期 (completed months / 12)
        Employees,                ///< 从业人数, persons
        RevenueWan,               ///< last full year's revenue, 万元
        TaxPaid12mWan,            ///< tax paid in the 12 months before the as-of month, 万元
        TaxPaidGrowth,            ///< (last 12 months − previous 12) / previous 12, ratio (0.1 = +10 %)
        SocialInsuranceHeadcount, ///< persons insured in the month before the as-of month
        SocialInsuranceTrend,     ///< (headcount last month − 12 months earlier) / 12 months earlier, ratio
        ElectricityCv,            ///< coefficient of variation of 12 months' kWh (population σ / mean)
        BankFlowRatio,            ///< Σ inflow / Σ outflow over 12 months
        MonthsOfHistory,          ///< distinct months with any series value, within 24 months before as-of
        Penalties3y,              ///< administrative penalties dated in the 3 years up to as-of, count
        DishonestNow,             ///< 1 if on the 失信被执行人 list at as-of, else 0
        HighTech,                 ///< 1 if a valid 高新技术企业 qualification at as-of
        Specialised,              ///< 1 if a valid 专精特新 qualification (incl. 小巨人)
        LittleGiant,              ///< 1 if a valid 专精特新"小巨人" qualification
        TechSme,                  ///< 1 if a valid 科技型中小企业 qualification
        InnovativeSme,            ///< 1 if a valid 创新型中小企业 qualification
        QualificationCount,       ///< number of distinct valid qualification titles at as-of
        PatentCount,              ///< patents granted up to as-of
        TaxGrade,                 ///< latest 纳税信用等级 (A/B/M/C/D), categorical
        FeatureCount
    };
    static constexpr int Count = int(Feature::FeatureCount);

    std::array<std::optional<double>, Count> numbers{}; ///< numeric features (TaxGrade unused here)
    QString taxGrade;                                   ///< empty when unknown

    std::optional<double> value(Feature f) const { return numbers[std::size_t(f)]; }
    void set(Feature f, std::optional<double> v) { numbers[std::size_t(f)] = v; }
    /// The feature as a model input (Missing when absent).
    FactorValue factorValue(Feature f) const;

    /// Stable name used in model files ("yearsEstablished", "taxGrade", …).
    static QString name(Feature f);
    static std::optional<Feature> fromName(QStringView name);
    static bool isCategorical(Feature f) { return f == Feature::TaxGrade; }
};

} // namespace XinDai::Scoring
