#include "scoring/featureextractor.h"

#include "core/recordsummary.h"

#include <QSet>

#include <array>
#include <cmath>
#include <optional>

namespace XinDai::Scoring {

namespace {

using Feature = FirmFeatures::Feature;
using Kind = Core::MonthlyValue::Kind;

constexpr int kWindow = 24; // months kept: the 24 before the as-of month
constexpr int kKinds = 6;
__extension__ typedef __int128 Int128; // exact Σx² for the coefficient of variation

int monthKey(const QDate &d)
{
    return d.year() * 12 + d.month() - 1;
}

/// values[kind][k]: k = 0 is the month just before the as-of month, k = 23 is 24 months before.
using Window = std::array<std::array<std::optional<qint64>, kWindow>, kKinds>;

/// Sum of months [from, from + count) of one kind; nullopt when any month is absent.
std::optional<qint64> sum(const Window &w, Kind kind, int from, int count)
{
    qint64 s = 0;
    for (int k = from; k < from + count; ++k) {
        const auto &v = w[std::size_t(kind)][std::size_t(k)];
        if (!v)
            return std::nullopt;
        s += *v;
    }
    return s;
}

bool belongs(const QString &recordFirm, const Core::Enterprise &e)
{
    return recordFirm.isEmpty() || e.meta.id.isEmpty() || recordFirm == e.meta.id;
}

} // namespace

FirmFeatures FeatureExtractor::extract(const Core::Enterprise &enterprise,
                                       const QVector<Core::MonthlyValue> &series,
                                       const QVector<Core::CreditRecord> &records, const QDate &asOf)
{
    FirmFeatures f;

    // Register data.
    if (enterprise.established.isValid() && enterprise.established <= asOf) {
        const QDate &e = enterprise.established;
        int months = (asOf.year() - e.year()) * 12 + asOf.month() - e.month();
        if (asOf.day() < e.day())
            --months;
        f.set(Feature::YearsEstablished, months / 12.0);
    }
    if (enterprise.employees > 0)
        f.set(Feature::Employees, enterprise.employees);
    if (enterprise.annualRevenue.fen() > 0)
        f.set(Feature::RevenueWan, double(enterprise.annualRevenue.fen()) / 1e6);

    // Monthly series into a 24-month window.
    Window w{};
    const int asOfKey = monthKey(asOf);
    QSet<int> monthsWithData;
    for (const Core::MonthlyValue &v : series) {
        if (!belongs(v.enterpriseId, enterprise) || !v.month.isValid())
            continue;
        const int k = asOfKey - monthKey(v.month) - 1;
        if (k < 0 || k >= kWindow)
            continue;
        w[std::size_t(v.kind)][std::size_t(k)] = v.value;
        monthsWithData.insert(k);
    }
    f.set(Feature::MonthsOfHistory, double(monthsWithData.size()));

    const auto tax12 = sum(w, Kind::TaxPaid, 0, 12);
    if (tax12) {
        f.set(Feature::TaxPaid12mWan, double(*tax12) / 1e6);
        const auto taxPrev = sum(w, Kind::TaxPaid, 12, 12);
        if (taxPrev && *taxPrev > 0)
            f.set(Feature::TaxPaidGrowth, double(*tax12 - *taxPrev) / double(*taxPrev));
    }
    const auto &heads = w[std::size_t(Kind::SocialInsuranceHeadcount)];
    if (heads[0]) {
        f.set(Feature::SocialInsuranceHeadcount, double(*heads[0]));
        if (heads[12] && *heads[12] > 0)
            f.set(Feature::SocialInsuranceTrend, double(*heads[0] - *heads[12]) / double(*heads[12]));
    }
    if (const auto power = sum(w, Kind::Electricity, 0, 12); power && *power > 0) {
        // cv = σ / mean = sqrt(n·Σx² − (Σx)²) / Σx, with n = 12 (population σ).
        Int128 squares = 0;
        for (int k = 0; k < 12; ++k) {
            const Int128 x = *w[std::size_t(Kind::Electricity)][std::size_t(k)];
            squares += x * x;
        }
        const Int128 s = *power;
        const Int128 spread = 12 * squares - s * s;
        f.set(Feature::ElectricityCv, std::sqrt(double(spread)) / double(*power));
    }
    const auto in = sum(w, Kind::BankInflow, 0, 12);
    const auto out = sum(w, Kind::BankOutflow, 0, 12);
    if (in && out && *out > 0)
        f.set(Feature::BankFlowRatio, double(*in) / double(*out));

    // Records (the same reading as the rule facts: core/recordsummary.h).
    const Core::RecordSummary summary = Core::RecordSummary::of(enterprise.meta.id, records, asOf);
    f.taxGrade = summary.taxGrade;
    auto hasQualification = [&](QStringView needle) {
        for (const QString &q : summary.qualifications) {
            if (q.contains(needle))
                return 1.0;
        }
        return 0.0;
    };
    f.set(Feature::Penalties3y, summary.penalties3y);
    f.set(Feature::DishonestNow, summary.dishonest ? 1 : 0);
    f.set(Feature::HighTech, hasQualification(u"高新技术企业"));
    f.set(Feature::Specialised, hasQualification(u"专精特新"));
    f.set(Feature::LittleGiant, hasQualification(u"小巨人"));
    f.set(Feature::TechSme, hasQualification(u"科技型中小企业"));
    f.set(Feature::InnovativeSme, hasQualification(u"创新型中小企业"));
    f.set(Feature::QualificationCount, double(summary.qualifications.size()));
    f.set(Feature::PatentCount, summary.patents);
    return f;
}

} // namespace XinDai::Scoring
