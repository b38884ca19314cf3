#pragma once

// Private: JavaScript's abstract operations (ECMAScript ToNumber, ToString, ==, <, …) on Value, as
// json-logic-js relies on them.

#include "rules/value.h"

#include <QString>
#include <QStringView>

namespace XinDai::Rules::Internal::Js {

/// Number.prototype.toString(): shortest round-trip digits, "1e+21", "1e-7", "NaN", "Infinity", -0 → "0".
QString numberToString(double d);
/// StringToNumber: trimmed decimal / 0x / 0o / 0b literal or ±Infinity; "" → 0; anything else NaN.
double stringToNumber(QStringView s);
/// The global parseFloat(): longest decimal prefix of ToString(v) after leading white space, else NaN.
double parseFloat(const Value &v);
/// ToNumber: undefined → NaN, null → 0, bool → 0/1, string → stringToNumber, array/object via toString.
double toNumber(const Value &v);
/// ToString: "undefined", "null", "true", numbers as numberToString, arrays joined by "," (null and
/// undefined items as ""), objects "[object Object]".
QString toString(const Value &v);
/// ToIntegerOrInfinity(ToNumber(v)): NaN → 0, truncated toward zero, ±Infinity kept.
double toIntegerOrInfinity(const Value &v);
/// Abstract (loose) equality ==.
bool looseEquals(const Value &a, const Value &b);
/// Strict equality ===: same type and value; arrays and objects by identity; NaN unequal to itself.
bool strictEquals(const Value &a, const Value &b);

enum class Order { Less, Equal, Greater, Unordered };
/// Abstract relational comparison: both primitives strings → UTF-16 code-unit order, otherwise
/// numeric (Unordered when either side is NaN).
Order compare(const Value &a, const Value &b);
/// The binary + operator for number + value (used by substr's negative length emulation): string
/// concatenation when the other side's primitive is a string, otherwise numeric addition.
Value plus(const Value &a, const Value &b);
/// True for JavaScript's StrWhiteSpaceChar and line terminators.
bool isWhiteSpace(char16_t c) noexcept;

} // namespace XinDai::Rules::Internal::Js
