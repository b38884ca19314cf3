#pragma once

#include "scoring/expertmodel.h"
#include "scoring/modelinfo.h"
#include "scoring/parkindex.h"
#include "scoring/scorecard.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace XinDai::Scoring {

/// The models the application scores with: each shipped model (ShippedModels) unless sync delivered a
/// model of the same id with a higher version (reference_doc rows of kind "scoring_model", installed
/// with installSynced()). Process-wide and thread-safe; the accessors mirror ShippedModels.
class ModelRegistry
{
public:
    /// Loads a model file of any kind ("scorecard", "expert" or "parkIndex") with that kind's loader.
    /// Returns its header, or nullopt and *error (translated, naming the JSON path at fault).
    static std::optional<ModelInfo> validate(const QByteArray &json, QString *error = nullptr);

    /// Offers a model delivered by sync. It replaces the synced model of the same id offered before;
    /// the accessors below prefer it to the shipped model when its version is higher. An invalid model
    /// is refused with qWarning() (and *error): false, and the previous state stays.
    static bool installSynced(const QByteArray &json, QString *error = nullptr);
    /// Makes the synced models exactly \a models, the live scoring-model documents of the store by
    /// model id, in one step (a scoring meanwhile sees the old set or the new one): a synced model
    /// whose id is not among them is forgotten (its document was deleted on the server), and an invalid
    /// one is refused with qWarning() while the model installed under its id before stays. Returns how
    /// many were refused.
    static int replaceSynced(const QHash<QString, QByteArray> &models);
    /// Forgets every synced model.
    static void clearSynced();
    /// The version of the synced model \a id, 0 when none is installed.
    static int syncedVersion(const QString &id);

    static std::optional<Scorecard> commercial(QString *error = nullptr);
    static std::optional<Scorecard> knowledge(QString *error = nullptr);
    static std::optional<ExpertModel> individualBusiness(QString *error = nullptr);
    static std::optional<ParkIndex> parkIndex(QString *error = nullptr);
};

} // namespace XinDai::Scoring
