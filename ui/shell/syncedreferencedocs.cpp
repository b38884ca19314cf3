#include "syncedreferencedocs.h"

#include "scoring/modelregistry.h"
#include "store/referencedocrepository.h"

namespace XinDai::Ui {

void applySyncedReferenceDocs(Store::Database &db)
{
    const Store::ReferenceDocRepository docs(db);
    docs.installSyncedCalendar();
    for (const Store::ReferenceDoc &model :
         docs.referenceDocs(Store::ReferenceDocRepository::scoringModelKind()))
        Scoring::ModelRegistry::installSynced(model.content);
}

} // namespace XinDai::Ui
