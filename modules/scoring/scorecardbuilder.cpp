#include "scoring/scorecardbuilder.h"

#include <QJsonArray>

#include <cmath>

namespace XinDai::Scoring {

QJsonObject ScorecardBuilder::build(const ModelInfo &info, const QStringList &columns,
                                    const QVector<WoeBinning> &binnings, const QVector<double> &coefficients,
                                    const Scaling &scaling, const GradeScale &grades)
{
    if (columns.size() != binnings.size() || coefficients.size() != binnings.size() + 1)
        return {};
    QJsonObject root;
    ModelInfo header = info;
    header.kind = QStringLiteral("scorecard");
    header.write(root);
    root.insert(QStringLiteral("input"), QStringLiteral("columns"));
    root.insert(QStringLiteral("scaling"), QJsonObject{{QStringLiteral("method"), QStringLiteral("pdo")},
                                                       {QStringLiteral("pdo"), scaling.pdo},
                                                       {QStringLiteral("baseScore"), scaling.baseScore},
                                                       {QStringLiteral("baseOdds"), scaling.baseOdds},
                                                       {QStringLiteral("intercept"), -coefficients.at(0)}});
    QJsonArray factors;
    for (qsizetype j = 0; j < binnings.size(); ++j) {
        const WoeBinning &b = binnings.at(j);
        const double beta = coefficients.at(j + 1);
        bool anyCategoryBin = false;
        for (const WoeBinning::Bin &bin : b.bins())
            anyCategoryBin = anyCategoryBin || (!bin.missing && !bin.other);
        QJsonArray bins;
        for (const WoeBinning::Bin &bin : b.bins()) {
            QJsonObject o;
            if (bin.missing) {
                o.insert(QStringLiteral("missing"), true);
            } else if (b.isCategorical()) {
                if (bin.other && anyCategoryBin)
                    o.insert(QStringLiteral("other"), true);
                else
                    o.insert(QStringLiteral("categories"), QJsonArray::fromStringList(bin.categories));
            } else {
                if (std::isfinite(bin.lo))
                    o.insert(QStringLiteral("lo"), bin.lo);
                if (std::isfinite(bin.hi))
                    o.insert(QStringLiteral("hi"), bin.hi);
            }
            const double logOdds = -beta * bin.woe;
            o.insert(QStringLiteral("logOdds"), logOdds == 0 ? 0.0 : logOdds); // no "-0"
            bins.append(o);
        }
        factors.append(QJsonObject{{QStringLiteral("id"), columns.at(j)},
                                   {QStringLiteral("label"), columns.at(j)},
                                   {QStringLiteral("feature"), columns.at(j)},
                                   {QStringLiteral("type"), b.isCategorical() ? QStringLiteral("categorical")
                                                                              : QStringLiteral("numeric")},
                                   {QStringLiteral("bins"), bins}});
    }
    root.insert(QStringLiteral("factors"), factors);
    grades.write(root);
    return root;
}

} // namespace XinDai::Scoring
