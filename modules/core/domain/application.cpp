#include "core/domain/application.h"

namespace XinDai::Core {

bool isLegalTransition(Application::State from, Application::State to)
{
    using S = Application::State;
    switch (from) {
    case S::Draft:
        return to == S::Submitted || to == S::Withdrawn;
    case S::Submitted:
        return to == S::Accepted || to == S::Withdrawn;
    case S::Accepted:
        return to == S::Approved || to == S::Rejected;
    case S::Approved:
        return to == S::Disbursed;
    case S::Disbursed:
        return to == S::Settled;
    case S::Rejected:
    case S::Settled:
    case S::Withdrawn:
        return false;
    }
    return false;
}

} // namespace XinDai::Core
