#pragma once

#include "core/domain/policy.h"
#include "core/workcalendar.h"
#include "matching/brokenpolicy.h"
#include "matching/financingneed.h"
#include "matching/firmfacts.h"
#include "matching/loanterms.h"
#include "matching/policyfirmhit.h"
#include "matching/policymatch.h"
#include "rules/compiledrule.h"
#include "rules/value.h"

#include <QByteArray>
#include <QDate>
#include <QVector>

#include <optional>

namespace XinDai::Matching {

/// Matches firms and policies (docs/matching.md). Rules are compiled once, in the constructor; a policy
/// whose eligibility or benefit rule does not compile is Broken: reported with its error, never matched
/// and never counted as failing. Benefits are computed with the loan.* facts of the firm's need
/// (LoanTerms::fromNeed) or LoanTerms::defaultLoan(). Immutable after construction; const methods are
/// thread-safe.
class PolicyMatcher
{
public:
    explicit PolicyMatcher(const QVector<Core::Policy> &policies,
                           const Core::WorkCalendar &calendar = Core::WorkCalendar::instance());

    /// Every policy (deleted ones skipped) assessed for the firm on \a day. Order: Eligible (open windows
    /// first, then upcoming, then closed; by days left, then code), NearMiss, Broken, Ineligible,
    /// OutOfScope (by code).
    QVector<PolicyMatch> match(const FirmFacts &firm, QDate day,
                               const std::optional<FinancingNeed> &need = {},
                               const std::optional<LoanTerms> &loan = {}) const;

    /// Eligible firms of \a firms (e.g. FactBuilder::loadPark) for the policy with id \a policyId, ordered
    /// by benefit (largest first), then name. Empty for an unknown or broken policy. Benefits use the
    /// default loan.
    QVector<PolicyFirmHit> eligibleFirms(const QString &policyId, const QVector<FirmFacts> &firms) const;

    /// Policies the firm is eligible for whose window is open on \a day and closes within \a workdays
    /// working days (workdaysLeft ≤ workdays), soonest first.
    QVector<PolicyMatch> deadlineReminders(const FirmFacts &firm, QDate day, int workdays) const;

    /// The policies whose rules do not compile, with their errors.
    QVector<BrokenPolicy> brokenPolicies() const;

    /// The benefit of \a benefitRule for \a facts: rounded down to whole fen, capped by \a cap when
    /// cap > 0; zero for a non-numeric, non-finite or negative result. \a capped (optional) tells whether
    /// the cap applied.
    static Core::Money benefitFor(const Rules::CompiledRule &benefitRule, const Rules::Value &facts,
                                  Core::Money cap, bool *capped = nullptr);

    /// CSV of eligibleFirms() for Excel: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting (fields with a
    /// comma, quote or line break in double quotes, quotes doubled). Header (Chinese):
    /// 序号,企业名称,统一社会信用代码,所在地区,企业规模,预计受益金额（元）,政策编号,政策名称,规则版本
    static QByteArray toCsv(const Core::Policy &policy, const QVector<PolicyFirmHit> &hits);
    /// One CSV field, quoted when needed.
    static QString csvField(const QString &text);

private:
    struct Entry
    {
        Core::Policy policy;
        Rules::CompiledRule eligibility; ///< invalid when the rule is empty (everyone) or broken
        Rules::CompiledRule benefit;     ///< invalid when the rule is empty (no benefit) or broken
        QString error;                   ///< non-empty when broken
    };
    PolicyMatch assess(const Entry &entry, const Rules::Value &facts, QDate day) const;

    QVector<Entry> m_entries;
    Core::WorkCalendar m_calendar;
};

} // namespace XinDai::Matching
