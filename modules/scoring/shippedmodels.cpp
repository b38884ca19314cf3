#include "scoring/shippedmodels.h"

namespace XinDai::Scoring {

std::optional<Scorecard> ShippedModels::commercial(QString *error)
{
    return Scorecard::fromFile(commercialPath(), error);
}

std::optional<Scorecard> ShippedModels::knowledge(QString *error)
{
    return Scorecard::fromFile(knowledgePath(), error);
}

std::optional<ExpertModel> ShippedModels::individualBusiness(QString *error)
{
    return ExpertModel::fromFile(individualPath(), error);
}

std::optional<ParkIndex> ShippedModels::parkIndex(QString *error)
{
    return ParkIndex::fromFile(parkIndexPath(), error);
}

} // namespace XinDai::Scoring
