#pragma once

#include "scoring/gradescale.h"
#include "scoring/modelinfo.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace XinDai::Scoring {

/// Park credit index (model kind "parkIndex"): an aggregate of the park's firms.
///
/// With n firms: S = mean of each firm score normalised by the model's "firmScoreRange"
/// (clamp((s − min)/(max − min), 0, 1)); financing access A = firms with an approved loan / n; risk
/// incidence R = firms with a penalty in 3 years or a current dishonest-debtor listing / n.
/// index = 100 · (w_S · S + w_A · A + w_R · (1 − R)), weights "firmScore", "financingAccess",
/// "riskIncidence" non-negative and summing to 1 within 1e-9; graded on a 0–100 GradeScale.
class ParkIndex
{
public:
    /// One firm of the park.
    struct Firm
    {
        double score = 0;          ///< the firm's score on the model's firmScoreRange scale
        bool approvedLoan = false; ///< has at least one approved (or later-state) loan on the platform
        bool riskEvent = false;    ///< penalty in 3 years or listed as dishonest debtor now
    };
    struct Result
    {
        bool ok = false; ///< false for a park with no firms (error says so)
        QString error;
        int firms = 0;
        double meanFirmScore = 0;   ///< S ∈ [0, 1]
        double financingAccess = 0; ///< A ∈ [0, 1]
        double riskIncidence = 0;   ///< R ∈ [0, 1]
        double scorePoints = 0;     ///< 100 · w_S · S
        double accessPoints = 0;    ///< 100 · w_A · A
        double riskPoints = 0;      ///< 100 · w_R · (1 − R)
        double index = 0;           ///< 0 … 100, sum of the three points
        QString grade;
    };

    static std::optional<ParkIndex> fromJson(const QByteArray &json, QString *error = nullptr);
    static std::optional<ParkIndex> fromFile(const QString &path, QString *error = nullptr);

    const ModelInfo &info() const { return m_info; }
    const GradeScale &grades() const { return m_grades; }
    Result compute(const QVector<Firm> &firms) const;

private:
    ModelInfo m_info;
    double m_scoreMin = 0;
    double m_scoreMax = 100;
    double m_wScore = 0;
    double m_wAccess = 0;
    double m_wRisk = 0;
    GradeScale m_grades;
};

} // namespace XinDai::Scoring
