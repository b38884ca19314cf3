#pragma once

#include "core/domain/policy.h"
#include "core/money.h"
#include "matching/explanation.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace XinDai::Matching {

/// One policy assessed for one firm (PolicyMatcher::match).
struct PolicyMatch
{
    enum class Status {
        Eligible,   ///< the eligibility rule passes
        NearMiss,   ///< fails because of exactly one condition of its top-level "and", not a location one
        Ineligible, ///< fails otherwise
        Broken,     ///< a rule does not compile: error says which and why; never eligible or ineligible
        OutOfScope  ///< would be a near miss, but the one failing condition is where the firm is
                    ///< (firm.region, firm.city or firm.park): another territory's policy
    };
    enum class Window {
        Upcoming, ///< day < windowStart
        Open,     ///< windowStart ≤ day ≤ windowEnd (an unset bound is open-ended)
        Closed    ///< day > windowEnd
    };

    Core::Policy policy;
    Status status = Status::Ineligible;
    QString error;           ///< for Broken: "eligibility rule: …" or "benefit rule: …" (translated)
    Explanation explanation; ///< of the eligibility rule (failing() gives the near-miss condition)
    int ruleVersion = 0;     ///< Policy::ruleVersion of the rules evaluated
    /// Estimated benefit: the benefit rule's result, rounded down to whole fen, at most Policy::benefitCap
    /// (a cap ≤ 0 means none); zero for a non-numeric, negative or non-finite result and for Broken.
    Core::Money benefit;
    bool benefitCapped = false; ///< the cap lowered the rule's result
    Window window = Window::Open;
    int calendarDaysLeft = 0; ///< Open: days from the day to windowEnd (0 on the last day); Upcoming: days
                              ///< until windowStart; Closed: 0. -1 when windowEnd is unset and open.
    int workdaysLeft = 0;     ///< Open: working days in (day, windowEnd]; Upcoming: in (day, windowStart];
                              ///< Closed: 0; -1 when windowEnd is unset and open.
    QStringList requiredMaterials;
};

} // namespace XinDai::Matching
