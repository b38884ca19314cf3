#include "matching/policymatcher.h"

#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/factcatalog.h"
#include "matching/matchingtr_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace XinDai::Matching {

namespace {

int statusRank(PolicyMatch::Status s)
{
    switch (s) {
    case PolicyMatch::Status::Eligible:
        return 0;
    case PolicyMatch::Status::NearMiss:
        return 1;
    case PolicyMatch::Status::Broken:
        return 2;
    case PolicyMatch::Status::Ineligible:
        return 3;
    case PolicyMatch::Status::OutOfScope:
        break;
    }
    return 4;
}

int windowRank(PolicyMatch::Window w)
{
    switch (w) {
    case PolicyMatch::Window::Open:
        return 0;
    case PolicyMatch::Window::Upcoming:
        return 1;
    case PolicyMatch::Window::Closed:
        break;
    }
    return 2;
}

bool isLocation(const QString &fact)
{
    return fact == u"firm.region" || fact == u"firm.city" || fact == u"firm.park";
}

} // namespace

PolicyMatcher::PolicyMatcher(const QVector<Core::Policy> &policies, const Core::WorkCalendar &calendar)
    : m_calendar(calendar)
{
    for (const Core::Policy &policy : policies) {
        if (policy.meta.deleted)
            continue;
        Entry entry;
        entry.policy = policy;
        QString error;
        if (!policy.eligibilityRule.trimmed().isEmpty()) {
            entry.eligibility = Rules::CompiledRule::compileJson(policy.eligibilityRule.toUtf8(), &error);
            if (!entry.eligibility.isValid())
                entry.error = Internal::Tr::tr("The eligibility rule of the policy %1 does not compile: %2")
                                  .arg(policy.code, error);
        }
        if (entry.error.isEmpty() && !policy.benefitRule.trimmed().isEmpty()) {
            entry.benefit = Rules::CompiledRule::compileJson(policy.benefitRule.toUtf8(), &error);
            if (!entry.benefit.isValid())
                entry.error = Internal::Tr::tr("The benefit rule of the policy %1 does not compile: %2")
                                  .arg(policy.code, error);
        }
        m_entries.append(entry);
    }
}

Core::Money PolicyMatcher::benefitFor(const Rules::CompiledRule &benefitRule, const Rules::Value &facts,
                                      Core::Money cap, bool *capped)
{
    if (capped)
        *capped = false;
    if (!benefitRule.isValid())
        return {};
    const Rules::Value result = benefitRule.evaluate(facts);
    const double value = result.numberValue(); // NaN for anything but a number
    if (!std::isfinite(value) || value <= 0)
        return {};
    const double floored = std::floor(value);
    qint64 fen = floored >= 9.0e18 ? Q_INT64_C(9000000000000000000) : qint64(floored);
    if (cap.fen() > 0 && fen > cap.fen()) {
        fen = cap.fen();
        if (capped)
            *capped = true;
    }
    return Core::Money::fromFen(fen);
}

PolicyMatch PolicyMatcher::assess(const Entry &entry, const Rules::Value &facts, QDate day) const
{
    PolicyMatch m;
    m.policy = entry.policy;
    m.ruleVersion = entry.policy.ruleVersion;
    m.requiredMaterials = entry.policy.requiredMaterials;

    const QDate start = entry.policy.windowStart;
    const QDate end = entry.policy.windowEnd;
    if (start.isValid() && day < start) {
        m.window = PolicyMatch::Window::Upcoming;
        m.calendarDaysLeft = int(day.daysTo(start));
        m.workdaysLeft = m_calendar.workdaysBetween(day, start);
    } else if (end.isValid() && day > end) {
        m.window = PolicyMatch::Window::Closed;
    } else if (end.isValid()) {
        m.window = PolicyMatch::Window::Open;
        m.calendarDaysLeft = int(day.daysTo(end));
        m.workdaysLeft = m_calendar.workdaysBetween(day, end);
    } else {
        m.window = PolicyMatch::Window::Open;
        m.calendarDaysLeft = -1;
        m.workdaysLeft = -1;
    }

    if (!entry.error.isEmpty()) {
        m.status = PolicyMatch::Status::Broken;
        m.error = entry.error;
        return m;
    }
    m.explanation = Explainer::explain(entry.policy.eligibilityRule, facts);
    const bool passes = entry.policy.eligibilityRule.trimmed().isEmpty() || entry.eligibility.matches(facts);
    if (passes)
        m.status = PolicyMatch::Status::Eligible;
    else if (!m.explanation.isNearMiss())
        m.status = PolicyMatch::Status::Ineligible;
    else
        m.status = isLocation(m.explanation.failing().first().fact) ? PolicyMatch::Status::OutOfScope
                                                                    : PolicyMatch::Status::NearMiss;
    m.benefit = benefitFor(entry.benefit, facts, entry.policy.benefitCap, &m.benefitCapped);
    return m;
}

QVector<PolicyMatch> PolicyMatcher::match(const FirmFacts &firm, QDate day,
                                          const std::optional<FinancingNeed> &need,
                                          const std::optional<LoanTerms> &loan) const
{
    const Rules::Value facts = FactBuilder::facts(firm, need, loan);
    QVector<PolicyMatch> out;
    out.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        out.append(assess(entry, facts, day));
    auto key = [](const PolicyMatch &m) {
        const bool eligible = m.status == PolicyMatch::Status::Eligible;
        const int days = eligible && m.window != PolicyMatch::Window::Closed
                             ? (m.calendarDaysLeft < 0 ? std::numeric_limits<int>::max() : m.calendarDaysLeft)
                             : 0;
        return std::make_tuple(statusRank(m.status), eligible ? windowRank(m.window) : 0, days,
                               m.policy.code);
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const PolicyMatch &a, const PolicyMatch &b) { return key(a) < key(b); });
    return out;
}

QVector<PolicyFirmHit> PolicyMatcher::eligibleFirms(const QString &policyId,
                                                    const QVector<FirmFacts> &firms) const
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                 [&](const Entry &e) { return e.policy.meta.id == policyId; });
    if (it == m_entries.cend() || !it->error.isEmpty())
        return {};
    const bool everyone = it->policy.eligibilityRule.trimmed().isEmpty();
    QVector<PolicyFirmHit> hits;
    for (const FirmFacts &firm : firms) {
        const Rules::Value facts = FactBuilder::facts(firm);
        if (!everyone && !it->eligibility.matches(facts))
            continue;
        PolicyFirmHit hit;
        hit.firm = firm;
        hit.benefit = benefitFor(it->benefit, facts, it->policy.benefitCap, &hit.benefitCapped);
        hits.append(hit);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const PolicyFirmHit &a, const PolicyFirmHit &b) {
        if (a.benefit != b.benefit)
            return a.benefit > b.benefit;
        return a.firm.name < b.firm.name;
    });
    return hits;
}

QVector<PolicyMatch> PolicyMatcher::deadlineReminders(const FirmFacts &firm, QDate day, int workdays) const
{
    QVector<PolicyMatch> out;
    const QVector<PolicyMatch> all = match(firm, day);
    for (const PolicyMatch &m : all) {
        if (m.status == PolicyMatch::Status::Eligible && m.window == PolicyMatch::Window::Open
            && m.workdaysLeft >= 0 && m.workdaysLeft <= workdays)
            out.append(m);
    }
    std::stable_sort(out.begin(), out.end(), [](const PolicyMatch &a, const PolicyMatch &b) {
        return std::tie(a.workdaysLeft, a.calendarDaysLeft, a.policy.code)
               < std::tie(b.workdaysLeft, b.calendarDaysLeft, b.policy.code);
    });
    return out;
}

QVector<BrokenPolicy> PolicyMatcher::brokenPolicies() const
{
    QVector<BrokenPolicy> out;
    for (const Entry &e : m_entries) {
        if (!e.error.isEmpty())
            out.append({e.policy, e.error});
    }
    return out;
}

QString PolicyMatcher::csvField(const QString &text)
{
    const bool quote
        = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QByteArray PolicyMatcher::toCsv(const Core::Policy &policy, const QVector<PolicyFirmHit> &hits)
{
    QString text = QStringLiteral(
        "序号,企业名称,统一社会信用代码,所在地区,企业规模,预计受益金额（元）,政策编号,政策名称,规则版本\r\n");
    int row = 0;
    for (const PolicyFirmHit &hit : hits) {
        const QStringList fields = {
            QString::number(++row),
            hit.firm.name,
            hit.firm.uscc,
            FactCatalog::regionDisplay(hit.firm.region),
            FactCatalog::formatValue(QStringLiteral("firm.size"), Rules::Value(hit.firm.size),
                                     Language::Chinese),
            hit.benefit.toDecimalString(),
            policy.code,
            policy.title,
            QString::number(policy.ruleVersion),
        };
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        text += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace XinDai::Matching
