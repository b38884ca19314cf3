#include "scoring/gradescale.h"

#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <QJsonArray>

#include <algorithm>

namespace XinDai::Scoring {

using Internal::JsonReader;
using Internal::Tr;

const QStringList &GradeScale::gradeNames()
{
    static const QStringList names = {QStringLiteral("AAA"), QStringLiteral("AA"), QStringLiteral("A"),
                                      QStringLiteral("BBB"), QStringLiteral("BB"), QStringLiteral("B"),
                                      QStringLiteral("CCC"), QStringLiteral("CC"), QStringLiteral("C")};
    return names;
}

GradeScale GradeScale::read(const QJsonObject &root)
{
    GradeScale scale;
    const QJsonObject range = JsonReader::requiredObject(root, QStringLiteral("scoreRange"), {});
    scale.m_min = JsonReader::requiredNumber(range, QStringLiteral("min"), QStringLiteral("scoreRange"));
    scale.m_max = JsonReader::requiredNumber(range, QStringLiteral("max"), QStringLiteral("scoreRange"));
    if (!(scale.m_min < scale.m_max))
        JsonReader::fail(QStringLiteral("scoreRange"),
                         Tr::tr("The score range minimum must be below its maximum."));

    const QJsonArray grades = JsonReader::requiredArray(root, QStringLiteral("grades"), {});
    const QStringList &names = gradeNames();
    if (grades.size() != names.size())
        JsonReader::fail(QStringLiteral("grades"),
                         Tr::tr("Exactly nine grade bands AAA, AA, A, BBB, BB, B, CCC, CC, C "
                                "are required, found %1.")
                             .arg(grades.size()));
    double upper = scale.m_max;
    for (qsizetype i = 0; i < grades.size(); ++i) {
        const QString path = JsonReader::index(QStringLiteral("grades"), i);
        const QJsonObject band = JsonReader::object(grades.at(i), path);
        const QString name = JsonReader::requiredString(band, QStringLiteral("grade"), path);
        if (name != names.at(i))
            JsonReader::fail(JsonReader::child(path, QStringLiteral("grade")),
                             Tr::tr("Grade band %1 must be \"%2\" (best first), found \"%3\".")
                                 .arg(i + 1)
                                 .arg(names.at(i), name));
        const double from = JsonReader::requiredNumber(band, QStringLiteral("from"), path);
        if (!(from < upper) || from < scale.m_min)
            JsonReader::fail(
                JsonReader::child(path, QStringLiteral("from")),
                Tr::tr("The lower bound %1 of grade %2 must lie in the score range and below the "
                       "bound of the better grade (%3).")
                    .arg(from)
                    .arg(name)
                    .arg(upper));
        scale.m_from.append(from);
        upper = from;
    }
    if (scale.m_from.last() != scale.m_min)
        JsonReader::fail(
            JsonReader::child(JsonReader::index(QStringLiteral("grades"), names.size() - 1),
                              QStringLiteral("from")),
            Tr::tr("The grade bands do not cover the score range: grade C must start at the range "
                   "minimum %1, found %2.")
                .arg(scale.m_min)
                .arg(scale.m_from.last()));
    return scale;
}

void GradeScale::write(QJsonObject &root) const
{
    root.insert(QStringLiteral("scoreRange"),
                QJsonObject{{QStringLiteral("min"), m_min}, {QStringLiteral("max"), m_max}});
    QJsonArray grades;
    for (qsizetype i = 0; i < m_from.size(); ++i)
        grades.append(QJsonObject{{QStringLiteral("grade"), gradeNames().at(i)},
                                  {QStringLiteral("from"), m_from.at(i)}});
    root.insert(QStringLiteral("grades"), grades);
}

GradeScale GradeScale::fromBounds(double min, double max, const QVector<double> &fromBestFirst)
{
    GradeScale scale;
    scale.m_min = min;
    scale.m_max = max;
    scale.m_from = fromBestFirst;
    return scale;
}

double GradeScale::clamp(double score) const
{
    return std::clamp(score, m_min, m_max);
}

QString GradeScale::grade(double score) const
{
    const double s = clamp(score);
    for (qsizetype i = 0; i < m_from.size(); ++i) {
        if (s >= m_from.at(i))
            return gradeNames().at(i);
    }
    return gradeNames().last();
}

} // namespace XinDai::Scoring
