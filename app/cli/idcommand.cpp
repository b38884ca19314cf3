#include "commands.h"

namespace XinDai::Cli {

int runIdCommand(const QStringList &args)
{
    Q_UNUSED(args);
    return usageError(QStringLiteral("'id' is not built yet"));
}

} // namespace XinDai::Cli
