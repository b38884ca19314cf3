#pragma once

// Private: the JsonLogic operations as evaluator functions, and the table the compiler resolves
// operator names with.

#include "rules/node_p.h"

#include <QStringView>

namespace XinDai::Rules::Internal {

struct OperationInfo
{
    const char16_t *name;
    EvalFn eval;
    /// Fewer arguments than this is a compile error (only "*", whose reduce has no initial value).
    int minArgs;
    /// Scoped operations get missing arguments filled in (map's logic → undefined, reduce's initial → null).
    int padTo;
    /// False when the result depends on data or has a side effect (var, missing, missing_some, log):
    /// such nodes are never constant-folded.
    bool pure;
};

/// The operation called \a name, or nullptr when JsonLogic has none.
const OperationInfo *findOperation(QStringView name);

const Value &evalConstant(const Node &node, const Value &data, Value &scratch);
const Value &evalArrayLiteral(const Node &node, const Value &data, Value &scratch);
/// var with a path fixed at compile time (node.path, node.constant = default).
const Value &evalVarPath(const Node &node, const Value &data, Value &scratch);
/// missing with constant keys: node.args are the keys' var lookups, node.constant the keys. When
/// nothing is missing the same shared empty array is returned (no allocation).
const Value &evalMissingFixed(const Node &node, const Value &data, Value &scratch);
/// in with a constant, non-empty array of strings (each shorter than 65536 units) as its second argument.
const Value &evalInPackedStrings(const Node &node, const Value &data, Value &scratch);
/// A fused evaluator for a comparison of a constant-path var with number constants ({">=": [var, 3]},
/// {"<=": [1, var, 9]}), or nullptr when \a node (operator \a name, arguments compiled) has another shape.
EvalFn fusedComparison(QStringView name, const BuildNode &node);
/// Splits a var path at dots into interned steps (String(a).split(".")).
std::vector<PathStep> splitPath(const QString &path);

} // namespace XinDai::Rules::Internal
