#pragma once

#include "scoring/factorvalue.h"
#include "scoring/firmfeatures.h"
#include "scoring/gradescale.h"
#include "scoring/modelinfo.h"
#include "scoring/scoreresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace XinDai::Scoring {

/// A binned scorecard (model kind "scorecard"; file format and scaling formula in docs/scoring.md).
///
/// Each factor maps its input to exactly one bin: numeric bins are half-open ranges [lo, hi) that must be
/// listed in ascending order and tile the whole line (first lo and last hi absent = unbounded, each lo ==
/// the previous hi); categorical bins are disjoint category sets plus an optional "other" bin for unknown
/// categories. Every factor has exactly one "missing" bin, used whenever the input is absent (and, for a
/// categorical factor without "other", for unknown categories).
///
/// Scaling "points": score = base + Σ bin points. Scaling "pdo": bins carry "logOdds" (their additive
/// share of ln(good:bad odds)), factor = pdo / ln 2, offset = baseScore − factor · ln(baseOdds), and
/// score = offset + factor · (intercept + Σ bin logOdds): a bin's points are factor · logOdds, and the
/// score rises by pdo points each time the odds double.
class Scorecard
{
public:
    enum class Input {
        Firm,   ///< factors name FirmFeatures features ("feature": "yearsEstablished")
        Columns ///< factors name free columns (trained models); score with scoreValues()
    };
    struct Bin
    {
        enum class Kind { Range, Categories, Other, Missing };
        Kind kind = Kind::Range;
        double lo = 0;          ///< Range: lower bound, inclusive (−inf when unbounded)
        double hi = 0;          ///< Range: upper bound, exclusive (+inf when unbounded)
        QStringList categories; ///< Categories
        double points = 0;      ///< scaled points (PDO models: factor · logOdds)
        double logOdds = 0;     ///< PDO models only
    };
    struct Factor
    {
        QString id;
        QString label;   ///< display name (data)
        QString feature; ///< FirmFeatures name or column name
        bool categorical = false;
        QVector<Bin> bins;
        int missingBin = -1;
        int otherBin = -1;
        double bestPoints = 0;
        int featureIndex = -1; ///< FirmFeatures::Feature for Input::Firm
    };

    /// Parses and validates a model file. On failure returns nothing and sets \a error to a translated
    /// sentence naming the JSON path and the reason; a refused model never half-loads.
    static std::optional<Scorecard> fromJson(const QByteArray &json, QString *error = nullptr);
    /// Reads \a path (a file or a ":/" resource) and calls fromJson().
    static std::optional<Scorecard> fromFile(const QString &path, QString *error = nullptr);
    /// The model as a JSON object in the file format (round-trips through fromJson()).
    QJsonObject toJson() const;

    const ModelInfo &info() const { return m_info; }
    Input input() const { return m_input; }
    const QVector<Factor> &factors() const { return m_factors; }
    const GradeScale &grades() const { return m_grades; }
    int defaultReasonCount() const { return m_reasonCount; }

    /// Scores a firm (Input::Firm models; a Columns model sees all factors as missing). \a reasonCount < 0
    /// uses the model's "reasonCount" (default 4).
    ScoreResult score(const FirmFeatures &features, int reasonCount = -1) const;
    /// Scores one value per factor, in model factor order (missing entries beyond the vector's end).
    ScoreResult scoreValues(const QVector<FactorValue> &values, int reasonCount = -1) const;

    /// The bin of \a value for factor \a factor (the missing bin for missing data).
    int binOf(int factor, const FactorValue &value) const;

    /// "under 3", "from 3 to under 5", "5 or more", "A, B", "other values", "no data" (translated).
    QString binText(int factor, int bin) const;
    /// One sentence per reason: "<label> (<bin>) lowered the score by N points compared with its best
    /// value (<best bin>)."
    QStringList reasonTexts(const ScoreResult &result) const;
    /// One sentence per improvement: "Raising <label> from <bin> to <bin> would add N points."
    QStringList improvementTexts(const ScoreResult &result) const;

private:
    template<typename ValueAt>
    ScoreResult scoreWith(ValueAt valueAt, int reasonCount) const;

    ModelInfo m_info;
    Input m_input = Input::Firm;
    bool m_pdo = false;
    double m_base = 0; ///< points: "base"; pdo: offset + factor · intercept
    double m_pdoPoints = 0;
    double m_baseScore = 0;
    double m_baseOdds = 0;
    double m_intercept = 0;
    int m_reasonCount = 4;
    QVector<Factor> m_factors;
    GradeScale m_grades;
};

} // namespace XinDai::Scoring
