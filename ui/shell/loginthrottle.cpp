#include "loginthrottle.h"

namespace XinDai::Ui {

int LoginThrottle::secondsLeft(qint64 nowMs) const
{
    if (!isLocked(nowMs))
        return 0;
    return int((m_lockedUntilMs - nowMs + 999) / 1000);
}

void LoginThrottle::recordFailure(qint64 nowMs)
{
    if (isLocked(nowMs))
        return;
    if (++m_failures >= MaxFailures) {
        m_failures = 0;
        m_lockedUntilMs = nowMs + qint64(LockSeconds) * 1000;
    }
}

void LoginThrottle::recordSuccess()
{
    m_failures = 0;
    m_lockedUntilMs = 0;
}

} // namespace XinDai::Ui
