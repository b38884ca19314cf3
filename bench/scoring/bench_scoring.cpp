// Benchmark: score 100,000 synthetic firms' features with the shipped commercial scorecard (target ≤ 0.5 s).
// Prints {"bench":"score_firms","firms":N,"seconds":…,"firms_per_s":…}. Optional argument: firm count.

#include "scoring/shippedmodels.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <random>

using namespace XinDai::Scoring;
using Feature = FirmFeatures::Feature;

namespace {

/// Plausible, deterministic feature vectors; about 5 % of each series feature missing.
QVector<FirmFeatures> syntheticFirms(int count)
{
    std::mt19937_64 rng(20261125);
    auto uniform = [&] {
        return double(rng() >> 11) * 0x1.0p-53;
    };
    auto maybe = [&](double v) {
        return uniform() < 0.05 ? std::optional<double>() : std::optional<double>(v);
    };
    static const QString grades[] = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("M"),
                                     QStringLiteral("C"), QStringLiteral("D")};
    QVector<FirmFeatures> firms(count);
    for (FirmFeatures &f : firms) {
        f.set(Feature::YearsEstablished, maybe(uniform() * 20));
        f.set(Feature::TaxPaid12mWan, maybe(uniform() * uniform() * 300));
        f.set(Feature::TaxPaidGrowth, maybe(uniform() * 0.8 - 0.4));
        f.set(Feature::SocialInsuranceTrend, maybe(uniform() * 0.6 - 0.3));
        f.set(Feature::ElectricityCv, maybe(uniform() * 0.9));
        f.set(Feature::BankFlowRatio, maybe(0.6 + uniform() * 0.9));
        f.set(Feature::MonthsOfHistory, double(rng() % 25));
        f.set(Feature::Penalties3y, uniform() < 0.9 ? 0.0 : double(1 + rng() % 3));
        f.set(Feature::DishonestNow, uniform() < 0.01 ? 1.0 : 0.0);
        const double g = uniform();
        if (g > 0.03)
            f.taxGrade = grades[g < 0.4 ? 0 : g < 0.9 ? 1 : g < 0.95 ? 2 : g < 0.99 ? 3 : 4];
    }
    return firms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QString error;
    const auto card = ShippedModels::commercial(&error);
    if (!card) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QVector<FirmFeatures> firms = syntheticFirms(count);

    QElapsedTimer timer;
    timer.start();
    double checksum = 0;
    qsizetype reasons = 0;
    for (const FirmFeatures &f : firms) {
        const ScoreResult r = card->score(f);
        checksum += r.score;
        reasons += r.reasons.size();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    // Fixed key order, as documented above (QJsonObject would sort the keys).
    std::printf("{\"bench\":\"score_firms\",\"firms\":%d,\"seconds\":%.6f,\"firms_per_s\":%.0f,"
                "\"mean_score\":%.4f,\"reasons\":%lld}\n",
                count, seconds, seconds > 0 ? double(count) / seconds : 0.0,
                count > 0 ? checksum / count : 0.0, static_cast<long long>(reasons));
    return 0;
}
