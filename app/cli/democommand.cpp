#include "commands.h"

namespace XinDai::Cli {

int runDemoCommand(const QStringList &args)
{
    Q_UNUSED(args);
    return usageError(QStringLiteral("'demo' is not built yet"));
}

} // namespace XinDai::Cli
