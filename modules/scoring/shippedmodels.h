#pragma once

#include "scoring/expertmodel.h"
#include "scoring/parkindex.h"
#include "scoring/scorecard.h"

#include <QString>

#include <optional>

namespace XinDai::Scoring {

/// The models built into the suite (resources/models/*.json, embedded under ":/xindai/models/"). Sync may
/// later deliver newer versions of the same ids; these are the fallback. Each loader validates the file
/// like any other model and returns nothing (with \a error) if it were refused.
class ShippedModels
{
public:
    static QString commercialPath() { return QStringLiteral(":/xindai/models/enterprise-commercial.json"); }
    static QString knowledgePath() { return QStringLiteral(":/xindai/models/enterprise-knowledge.json"); }
    static QString individualPath() { return QStringLiteral(":/xindai/models/individual-business.json"); }
    static QString parkIndexPath() { return QStringLiteral(":/xindai/models/park-credit-index.json"); }

    /// Enterprise commercial value scorecard (PDO-scaled, 300–900).
    static std::optional<Scorecard> commercial(QString *error = nullptr);
    /// Enterprise knowledge value scorecard (points, 0–100): patents and R&D qualifications.
    static std::optional<Scorecard> knowledge(QString *error = nullptr);
    /// 个体工商户 expert model (AHP weights, 0–100).
    static std::optional<ExpertModel> individualBusiness(QString *error = nullptr);
    /// Park credit index (0–100) over commercial scores.
    static std::optional<ParkIndex> parkIndex(QString *error = nullptr);
};

} // namespace XinDai::Scoring
