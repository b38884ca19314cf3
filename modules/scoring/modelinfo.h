#pragma once

#include <QJsonObject>
#include <QString>

namespace XinDai::Scoring {

/// The header every model file carries. Models are versioned: a new version of a model keeps its id and
/// raises version (an integer ≥ 1); sync distributes the highest version of each id.
struct ModelInfo
{
    QString kind;    ///< "scorecard", "expert" or "parkIndex"
    QString id;      ///< stable identifier, e.g. "enterprise-commercial"
    int version = 0; ///< ≥ 1
    QString name;    ///< display name (data, usually Chinese)

    /// Reads and checks the header; \a expectedKind must match "kind". Throws Internal::ModelError (only
    /// used inside the module's loaders).
    static ModelInfo read(const QJsonObject &root, const QString &expectedKind);
    void write(QJsonObject &root) const;
};

} // namespace XinDai::Scoring
