#pragma once

#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// Outcome of checking an identifier (USCC, resident ID).
/// Invariant: valid == reason.isEmpty(); normalized is the upper-cased input without whitespace and
/// hyphens (also when invalid).
struct IdCheckResult
{
    bool valid = false;
    QString normalized;   ///< upper-cased code without whitespace and hyphens
    QString reason;       ///< empty when valid; otherwise a translated sentence naming what is wrong
    QStringList warnings; ///< translated notes that do not make the code invalid (unknown region, ...)
};

} // namespace XinDai::Core
