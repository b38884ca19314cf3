#pragma once

#include "matching/firmfacts.h"
#include "matching/language.h"
#include "rules/compiledrule.h"

#include <QJsonValue>
#include <QString>
#include <QVector>

#include <optional>

namespace XinDai::Matching {

/// Park-level what-if for a policy's eligibility rule (docs/matching.md, "What-if"): which numeric
/// thresholds the rule compares a fact with, the rule with one of them changed, and how many firms of a
/// park are eligible before and after. Pure functions; the rule is never stored by this class.
class ThresholdWhatIf
{
public:
    /// One numeric constant that a fact is compared with: {"<op>": [{"var": fact}, value]} (either side),
    /// or one bound of the between form {"<op>": [lower, {"var": fact}, upper]}.
    struct Threshold
    {
        QString pointer;        ///< JSON Pointer of the constant inside the rule, e.g. "/and/2/>=/1"
        QString fact;           ///< the compared fact, e.g. "firm.years"
        QString op;             ///< the operator as written: >= > <= < == != === !==
        double value = 0;       ///< the constant now
        bool factOnLeft = true; ///< "fact op value" (true) or "value op fact" (false)
    };

    struct Outcome
    {
        int before = 0;      ///< firms eligible under the rule as it is
        int after = 0;       ///< firms eligible under the changed rule
        QVector<int> gained; ///< indexes (into the firms given) eligible only after the change
        QVector<int> lost;   ///< indexes eligible only before the change
    };

    /// Every threshold of \a rule, in document order. Thresholds under "!" are included (a change there
    /// works the other way round; compare() counts firms, so the numbers stay right).
    static QVector<Threshold> thresholds(const QJsonValue &rule);

    /// \a rule with the constant at \a pointer replaced by \a value; nullopt (and a translated \a error)
    /// when \a pointer does not name a numeric constant of the rule.
    static std::optional<QJsonValue> withValue(const QJsonValue &rule, const QString &pointer, double value,
                                               QString *error = nullptr);

    /// Evaluates both rules for every firm (FactBuilder::facts with the default loan, as policy → firms
    /// does). An invalid rule counts nobody.
    static Outcome compare(const Rules::CompiledRule &before, const Rules::CompiledRule &after,
                           const QVector<FirmFacts> &firms);

    /// The threshold as a phrase with the fact's label and unit: "成立年限 ≥ 3 年" / "Years since
    /// establishment ≥ 3 years"; \a value replaces the current constant when given.
    static QString describe(const Threshold &threshold, Language language,
                            std::optional<double> value = std::nullopt);
};

} // namespace XinDai::Matching
