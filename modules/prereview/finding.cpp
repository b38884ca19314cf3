#include "prereview/finding.h"

namespace XinDai::Prereview {

QString Finding::severityCode(Severity severity)
{
    switch (severity) {
    case Severity::Block:
        return QStringLiteral("block");
    case Severity::Warn:
        return QStringLiteral("warn");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

} // namespace XinDai::Prereview
