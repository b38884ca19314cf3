#include "commands.h"

namespace XinDai::Cli {

int runRulesCommand(const QStringList &args)
{
    Q_UNUSED(args);
    return usageError(QStringLiteral("'rules' is not built yet"));
}

} // namespace XinDai::Cli
