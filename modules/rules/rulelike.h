#pragma once

#include <QJsonValue>

namespace XinDai::Rules {

/// json-logic-js's rule_like(): whether \a rule has the shape of \a pattern. In a pattern, "@" matches
/// anything, "number" / "string" / "array" match a value of that type, {"@": p} matches any operation
/// whose arguments match p, {"op": p} the operation op with arguments matching p, and arrays match
/// element by element (same length, order matters). Scalars match when strictly equal.
bool ruleLike(const QJsonValue &rule, const QJsonValue &pattern);

} // namespace XinDai::Rules
