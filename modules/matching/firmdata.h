#pragma once

#include "core/domain/application.h"
#include "core/domain/creditrecord.h"
#include "core/domain/enterprise.h"
#include "core/domain/park.h"
#include "core/domain/series.h"

#include <QVector>

#include <optional>

namespace XinDai::Matching {

/// Everything known about one firm, as plain values: the input of FactBuilder.
struct FirmData
{
    Core::Enterprise enterprise;
    std::optional<Core::Park> park; ///< the park of enterprise.parkId, when in one
    QVector<Core::MonthlyValue> series;
    QVector<Core::CreditRecord> records;
    QVector<Core::Application> applications; ///< the firm's applications (for firm.had_bank_loan)
    /// The firm's own declaration of having had a bank loan elsewhere; true makes firm.had_bank_loan true.
    bool declaredHadBankLoan = false;
};

} // namespace XinDai::Matching
