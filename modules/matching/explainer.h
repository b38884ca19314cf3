#pragma once

#include "matching/condition.h"
#include "matching/explanation.h"
#include "matching/language.h"
#include "rules/value.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace XinDai::Matching {

/// Explains a JsonLogic rule against a facts object: the tree of conditions with pass/fail, the actual
/// value and the threshold of each leaf, and sentences in Chinese or English
/// ("成立年限 7 年 ≥ 要求 3 年 ✓", "Requires the High-tech Enterprise qualification ✗").
///
/// Recognised shapes: and / or / ! nesting; {"op":[{"var":f}, x]} and its mirror for >= <= > < == ===
/// != !==; the between forms {"<" or "<=":[a, {"var":f}, b]}; {"in":[{"var":f}, [list]]};
/// {"in":[x, {"var":f}]} over an array fact; a boolean fact alone, negated, or compared with true/false.
/// Anything else is a Generic node rendered with its JsonLogic text; nothing makes it fail. Pass/fail of
/// every node is the engine's own result for that fragment, so the explanation always agrees with
/// CompiledRule::matches() on the whole rule.
class Explainer
{
public:
    /// Explains the rule given as compact JSON text; an empty text is the rule "everyone" (passes, no
    /// conditions). A rule that does not compile gives valid = false and the engine's error.
    static Explanation explain(const QString &ruleText, const Rules::Value &facts);
    /// Explains a parsed rule.
    static Explanation explain(const QJsonValue &rule, const Rules::Value &facts);

    /// One line for \a condition, ending in ✓ or ✗ (combinations give their heading only). \a facts is
    /// used for display context (the firm's county for a city condition).
    static QString sentence(const Condition &condition, Language language,
                            const Rules::Value &facts = Rules::Value());
    /// The whole tree, one sentence per line, children of a nested combination indented by two spaces per
    /// level; the children of a root "and" are the top level. Empty for an invalid rule.
    static QStringList render(const Explanation &explanation, Language language,
                              const Rules::Value &facts = Rules::Value());

    /// The value of a dotted fact name in \a facts; undefined when absent.
    static Rules::Value factValue(const Rules::Value &facts, const QString &name);
};

} // namespace XinDai::Matching
