#include "commands.h"

namespace XinDai::Cli {

int runCalendarCommand(const QStringList &args)
{
    Q_UNUSED(args);
    return usageError(QStringLiteral("'calendar' is not built yet"));
}

} // namespace XinDai::Cli
