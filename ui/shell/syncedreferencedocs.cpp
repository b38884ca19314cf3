#include "syncedreferencedocs.h"

#include "scoring/modelregistry.h"
#include "store/referencedocrepository.h"

namespace XinDai::Ui {

void applySyncedReferenceDocs(Store::Database &db)
{
    const Store::ReferenceDocRepository docs(db);
    docs.installSyncedCalendar();
    QHash<QString, QByteArray> models;
    for (const Store::ReferenceDoc &model :
         docs.referenceDocs(Store::ReferenceDocRepository::scoringModelKind()))
        models.insert(model.name, model.content);
    Scoring::ModelRegistry::replaceSynced(models);
}

} // namespace XinDai::Ui
