#pragma once

#include "core/domain/syncmeta.h"
#include "core/money.h"

#include <QDateTime>
#include <QString>

namespace XinDai::Core {

/// A financing application from a firm to one institution's product.
/// States: draft → submitted → accepted → approved | rejected; approved → disbursed → settled;
/// draft | submitted → withdrawn.
struct Application
{
    enum class State { Draft, Submitted, Accepted, Approved, Rejected, Disbursed, Settled, Withdrawn };

    SyncMeta meta;
    QString number; ///< human number, e.g. XD-2026-000123
    QString enterpriseId;
    QString productId;
    QString institutionId;
    QString parkId;
    Money amount; ///< requested
    int termMonths = 12;
    QString purpose;
    QString collateral;
    State state = State::Draft;
    QDateTime createdAt;
    QDateTime submittedAt;
    QDateTime acceptedAt;
    QDateTime decidedAt;
    QDateTime disbursedAt;
    QDateTime settledAt;
    Money approvedAmount;
    int approvedRateBp = 0;
    int approvedTermMonths = 0;
    QString rejectReason;
    QString createdBy; ///< User.meta.id
};

/// Whether \a from → \a to is a legal transition of the application state machine.
bool isLegalTransition(Application::State from, Application::State to);

} // namespace XinDai::Core
