#pragma once

#include <QtGlobal>

namespace XinDai::Ui {

/// Lock-out after repeated failed logins: MaxFailures failures in a row lock the dialog for
/// LockSeconds; a success resets the count. Times are milliseconds of any monotonic clock.
class LoginThrottle
{
public:
    static constexpr int MaxFailures = 5;
    static constexpr int LockSeconds = 30;

    bool isLocked(qint64 nowMs) const { return nowMs < m_lockedUntilMs; }
    /// Whole seconds left of the lock, rounded up; 0 when not locked.
    int secondsLeft(qint64 nowMs) const;
    /// Counts a failure; the MaxFailures-th in a row starts the lock (and resets the count).
    void recordFailure(qint64 nowMs);
    void recordSuccess();
    int failuresInARow() const { return m_failures; }

private:
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
};

} // namespace XinDai::Ui
