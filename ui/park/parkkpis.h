#pragma once

#include "core/domain/application.h"
#include "core/money.h"

#include <QHash>
#include <QVector>

#include <optional>

namespace XinDai::Ui {

/// Key figures of a park (or of all parks), computed from plain values so they can be tested alone.
struct ParkKpis
{
    int firms = 0;
    QHash<Core::Application::State, int> applicationsByState;
    Core::Money creditGranted; ///< sum of approved amounts of approved, disbursed and settled applications

    /// Applications that received a positive decision: approved, disbursed or settled (the last two
    /// were approved before moving on).
    int approvedCount() const;
    int rejectedCount() const;
    /// approved / (approved + rejected) in per mille, rounded half up; nullopt before any decision.
    std::optional<int> approvalRatePermille() const;

    /// Sums approvedAmount over \a applications in the approved states (others are ignored).
    static Core::Money sumGranted(const QVector<Core::Application> &applications);
};

} // namespace XinDai::Ui
