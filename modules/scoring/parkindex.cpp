#include "scoring/parkindex.h"

#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <QFile>

#include <algorithm>
#include <cmath>

namespace XinDai::Scoring {

using Internal::JsonReader;
using Internal::ModelError;
using Internal::Tr;

std::optional<ParkIndex> ParkIndex::fromJson(const QByteArray &json, QString *error)
{
    try {
        const QJsonObject root = JsonReader::parseDocument(json);
        ParkIndex m;
        m.m_info = ModelInfo::read(root, QStringLiteral("parkIndex"));
        const QJsonObject range = JsonReader::requiredObject(root, QStringLiteral("firmScoreRange"), {});
        m.m_scoreMin
            = JsonReader::requiredNumber(range, QStringLiteral("min"), QStringLiteral("firmScoreRange"));
        m.m_scoreMax
            = JsonReader::requiredNumber(range, QStringLiteral("max"), QStringLiteral("firmScoreRange"));
        if (!(m.m_scoreMin < m.m_scoreMax))
            JsonReader::fail(QStringLiteral("firmScoreRange"),
                             Tr::tr("The firm score range minimum must be below its maximum."));
        const QJsonObject w = JsonReader::requiredObject(root, QStringLiteral("weights"), {});
        double *targets[3] = {&m.m_wScore, &m.m_wAccess, &m.m_wRisk};
        const QString keys[3] = {QStringLiteral("firmScore"), QStringLiteral("financingAccess"),
                                 QStringLiteral("riskIncidence")};
        double sum = 0;
        for (int i = 0; i < 3; ++i) {
            *targets[i] = JsonReader::requiredNumber(w, keys[i], QStringLiteral("weights"));
            if (*targets[i] < 0)
                JsonReader::fail(JsonReader::child(QStringLiteral("weights"), keys[i]),
                                 Tr::tr("A weight must not be negative, found %1.").arg(*targets[i]));
            sum += *targets[i];
        }
        if (std::abs(sum - 1) > 1e-9)
            JsonReader::fail(
                QStringLiteral("weights"),
                Tr::tr("The weights sum to %1 instead of 1 (tolerance 1e-9).").arg(sum, 0, 'g', 15));
        m.m_grades = GradeScale::read(root);
        if (m.m_grades.minimum() != 0 || m.m_grades.maximum() != 100)
            JsonReader::fail(QStringLiteral("scoreRange"),
                             Tr::tr("The park index runs from 0 to 100: the score range must be 0 to 100."));
        if (error)
            error->clear();
        return m;
    } catch (const ModelError &e) {
        if (error)
            *error = Internal::describe(e);
        return std::nullopt;
    }
}

std::optional<ParkIndex> ParkIndex::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("The model file %1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

ParkIndex::Result ParkIndex::compute(const QVector<Firm> &firms) const
{
    Result r;
    r.firms = int(firms.size());
    if (firms.isEmpty()) {
        r.error = Tr::tr("The park credit index needs at least one firm in the park.");
        return r;
    }
    double scoreSum = 0;
    qsizetype access = 0;
    qsizetype risk = 0;
    for (const Firm &f : firms) {
        scoreSum += std::clamp((f.score - m_scoreMin) / (m_scoreMax - m_scoreMin), 0.0, 1.0);
        access += f.approvedLoan ? 1 : 0;
        risk += f.riskEvent ? 1 : 0;
    }
    const double n = double(firms.size());
    r.meanFirmScore = scoreSum / n;
    r.financingAccess = double(access) / n;
    r.riskIncidence = double(risk) / n;
    r.scorePoints = 100 * m_wScore * r.meanFirmScore;
    r.accessPoints = 100 * m_wAccess * r.financingAccess;
    r.riskPoints = 100 * m_wRisk * (1 - r.riskIncidence);
    r.index = m_grades.clamp(r.scorePoints + r.accessPoints + r.riskPoints);
    r.grade = m_grades.grade(r.index);
    r.ok = true;
    return r;
}

} // namespace XinDai::Scoring
