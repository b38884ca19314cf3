#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Scoring {

/// Nine grade bands AAA, AA, A, BBB, BB, B, CCC, CC, C over a closed score range [min, max].
///
/// In a model file: "scoreRange": {"min": m, "max": M} and "grades": [{"grade": "AAA", "from": f0}, …,
/// {"grade": "C", "from": f8}], listed best first with strictly decreasing "from". Band i covers
/// [from_i, from_(i-1)); AAA covers [from_0, M] (the maximum included). Validation requires all nine
/// grades in that order, min < f0 < M … and f8 == min, so the bands cover the range without gaps.
class GradeScale
{
public:
    /// The nine grade names, best first.
    static const QStringList &gradeNames();

    /// Reads "scoreRange" and "grades" from \a root. Throws Internal::ModelError (module-internal).
    static GradeScale read(const QJsonObject &root);
    void write(QJsonObject &root) const;

    /// Bands from explicit lower bounds (best first, 9 values); for code-built models and tests.
    static GradeScale fromBounds(double min, double max, const QVector<double> &fromBestFirst);

    double minimum() const { return m_min; }
    double maximum() const { return m_max; }
    /// \a score clamped into [minimum, maximum].
    double clamp(double score) const;
    /// The grade of \a score (clamped first).
    QString grade(double score) const;
    /// The nine lower bounds, best grade first.
    QVector<double> lowerBounds() const { return m_from; }

private:
    double m_min = 0;
    double m_max = 100;
    QVector<double> m_from; ///< 9 lower bounds, best grade first
};

} // namespace XinDai::Scoring
