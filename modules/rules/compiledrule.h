#pragma once

#include "rules/value.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <memory>

namespace XinDai::Rules {

namespace Internal {
struct Program;
}

/// A JsonLogic rule compiled once into a tree of nodes with resolved operator functions, var paths split
/// into interned keys / array indexes, and constant sub-trees folded; evaluated many times without
/// re-parsing. Semantics are those of json-logic-js 2.0.5 (see docs/rules.md). Copies share the compiled
/// tree; evaluate() and matches() are const and safe to call from several threads at once.
class CompiledRule
{
public:
    /// An invalid rule (isValid() false); evaluate() gives undefined.
    CompiledRule() = default;

    /// Compiles \a rule. An unknown operator anywhere in the rule (even in a branch that would never be
    /// taken) and "*" without arguments are errors: the result is invalid and \a error (if given) gets a
    /// message naming the operator and its JSON Pointer inside the rule, e.g.
    /// "Unrecognized operation foo at /and/1/foo".
    static CompiledRule compile(const QJsonValue &rule, QString *error = nullptr);
    /// Parses JSON text (any JSON value, UTF-8) and compiles it; a syntax error is reported in \a error.
    static CompiledRule compileJson(const QByteArray &text, QString *error = nullptr);

    bool isValid() const { return m_root != nullptr; }
    /// The compile error of an invalid rule; empty for a valid one.
    QString errorString() const { return m_error; }
    /// The rule as given to compile().
    QJsonValue source() const { return m_source; }

    /// The rule's result for \a data (JavaScript undefined is possible, e.g. {"and": []}).
    Value evaluate(const Value &data) const;
    /// truthy(evaluate(data)) without copying the result: the fast path for matching.
    bool matches(const Value &data) const;

private:
    std::shared_ptr<const Internal::Program> m_root;
    QString m_error;
    QJsonValue m_source;
};

} // namespace XinDai::Rules
