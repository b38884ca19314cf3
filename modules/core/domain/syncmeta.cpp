#include "core/domain/syncmeta.h"

#include <QUuid>

namespace XinDai::Core {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace XinDai::Core
