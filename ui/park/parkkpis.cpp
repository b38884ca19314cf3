#include "parkkpis.h"

namespace XinDai::Ui {

using State = Core::Application::State;

int ParkKpis::approvedCount() const
{
    return applicationsByState.value(State::Approved) + applicationsByState.value(State::Disbursed)
           + applicationsByState.value(State::Settled);
}

int ParkKpis::rejectedCount() const
{
    return applicationsByState.value(State::Rejected);
}

std::optional<int> ParkKpis::approvalRatePermille() const
{
    const qint64 approved = approvedCount();
    const qint64 decided = approved + rejectedCount();
    if (decided == 0)
        return std::nullopt;
    return int((approved * 1000 * 2 + decided) / (decided * 2));
}

Core::Money ParkKpis::sumGranted(const QVector<Core::Application> &applications)
{
    Core::Money total;
    for (const Core::Application &a : applications) {
        if (a.state == State::Approved || a.state == State::Disbursed || a.state == State::Settled)
            total += a.approvedAmount;
    }
    return total;
}

} // namespace XinDai::Ui
