#include "scoring/firmfeatures.h"

namespace XinDai::Scoring {

namespace {

const char16_t *const kNames[FirmFeatures::Count] = {
    u"yearsEstablished",
    u"employees",
    u"revenueWan",
    u"taxPaid12mWan",
    u"taxPaidGrowth",
    u"socialInsuranceHeadcount",
    u"socialInsuranceTrend",
    u"electricityCv",
    u"bankFlowRatio",
    u"monthsOfHistory",
    u"penalties3y",
    u"dishonestNow",
    u"highTech",
    u"specialised",
    u"littleGiant",
    u"techSme",
    u"innovativeSme",
    u"qualificationCount",
    u"patentCount",
    u"taxGrade",
};

} // namespace

FactorValue FirmFeatures::factorValue(Feature f) const
{
    if (f == Feature::TaxGrade)
        return FactorValue::of(taxGrade);
    const std::optional<double> &v = numbers[std::size_t(f)];
    return v ? FactorValue::of(*v) : FactorValue::missing();
}

QString FirmFeatures::name(Feature f)
{
    return QString::fromUtf16(kNames[int(f)]);
}

std::optional<FirmFeatures::Feature> FirmFeatures::fromName(QStringView name)
{
    for (int i = 0; i < Count; ++i) {
        if (name == QStringView(kNames[i]))
            return Feature(i);
    }
    return std::nullopt;
}

} // namespace XinDai::Scoring
