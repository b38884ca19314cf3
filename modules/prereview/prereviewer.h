#pragma once

#include "core/workcalendar.h"
#include "prereview/prereviewinput.h"
#include "prereview/prereviewresult.h"

#include <QDate>
#include <QString>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Prereview {

/// 资料预审: checks an application before submission with four rule sets, in this order
/// (docs/prereview.md lists every code):
/// - completeness: application amount, term, purpose; firm name, USCC, legal representative,
///   established, industry, region; a product chosen; each required document attached or marked
///   "bring next visit" (the latter is a Warn);
/// - validity: USCC and legal-rep ID check characters, no future dates (established, documents added),
///   an authorization that covers the institution from the day through the result deadline, balance
///   sheet assets = liabilities + equity within 1 % of assets (inclusive), no negative revenue;
/// - limits: amount and term within the product's range (inclusive);
/// - eligibility: every failing top-level condition of the product's rule (Matching::Explainer).
class Prereviewer
{
public:
    /// Working days from submission to the acceptance deadline (受理).
    static constexpr int AcceptanceWorkdays = 3;
    /// Working days from acceptance to the result deadline.
    static constexpr int ResultWorkdays = 10;

    /// Runs every rule on \a input with \a calendar for the deadlines. Pure: same input, same result.
    static PrereviewResult run(const PrereviewInput &input, const Core::WorkCalendar &calendar);

    /// Loads the application \a idOrNumber (its id, or its number such as XD-2026-000123) from \a db with
    /// its firm, product, authorizations and documents (firm-level and its own), for the day \a day.
    /// std::nullopt with \a error set to a translated sentence when the application or its firm is missing.
    static std::optional<PrereviewInput> load(Store::Database &db, const QString &idOrNumber, QDate day,
                                              QString *error);

    /// load() then run(); std::nullopt with \a error when load() fails.
    static std::optional<PrereviewResult> review(Store::Database &db, const QString &idOrNumber, QDate day,
                                                 const Core::WorkCalendar &calendar, QString *error);
};

} // namespace XinDai::Prereview
