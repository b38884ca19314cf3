#include "rules/js_p.h"
#include "rules/value_p.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace XinDai::Rules::Internal::Js {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Converts an ASCII decimal literal (no leading '+') with std::from_chars; NaN if it does not parse.
double decimalToDouble(const std::string &ascii)
{
    double d = 0;
    const char *begin = ascii.data();
    const char *end = begin + ascii.size();
    const auto res = std::from_chars(begin, end, d);
    if (res.ec == std::errc::result_out_of_range) {
        // from_chars reports overflow / underflow instead of returning ±inf / 0 as JavaScript does.
        return std::strtod(ascii.c_str(), nullptr);
    }
    if (res.ec != std::errc() || res.ptr != end)
        return kNaN;
    return d;
}

bool isDigit(char16_t c) noexcept
{
    return c >= u'0' && c <= u'9';
}

/// Length of the StrUnsignedDecimalLiteral prefix of s (without "Infinity"); 0 when there is none.
qsizetype decimalPrefix(QStringView s)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    qsizetype digits = 0;
    while (i < n && isDigit(s[i].unicode())) {
        ++i;
        ++digits;
    }
    if (i < n && s[i] == u'.') {
        qsizetype j = i + 1;
        qsizetype frac = 0;
        while (j < n && isDigit(s[j].unicode())) {
            ++j;
            ++frac;
        }
        if (digits + frac > 0)
            i = j;
        digits += frac;
    }
    if (digits == 0)
        return 0;
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < n && (s[j] == u'+' || s[j] == u'-'))
            ++j;
        const qsizetype expStart = j;
        while (j < n && isDigit(s[j].unicode()))
            ++j;
        if (j > expStart)
            i = j;
    }
    return i;
}

double radixToDouble(QStringView digits, int radix)
{
    if (digits.isEmpty())
        return kNaN;
    double v = 0;
    for (const QChar ch : digits) {
        const char16_t c = ch.unicode();
        int d;
        if (c >= u'0' && c <= u'9')
            d = c - u'0';
        else if (c >= u'a' && c <= u'z')
            d = c - u'a' + 10;
        else if (c >= u'A' && c <= u'Z')
            d = c - u'A' + 10;
        else
            return kNaN;
        if (d >= radix)
            return kNaN;
        v = v * radix + d;
    }
    return v;
}

QStringView trimmed(QStringView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isWhiteSpace(s[b].unicode()))
        ++b;
    while (e > b && isWhiteSpace(s[e - 1].unicode()))
        --e;
    return s.mid(b, e - b);
}

/// ToPrimitive with hint number for our types: arrays and objects become their string form.
inline bool isObjectLike(const Value &v) noexcept
{
    return v.isArray() || v.isObject();
}

void appendToString(QString &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined:
        out += u"undefined";
        break;
    case Value::Type::Null:
        out += u"null";
        break;
    case Value::Type::Bool:
        out += v.boolValue() ? u"true" : u"false";
        break;
    case Value::Type::Number:
        out += numberToString(ValueAccess::num(v));
        break;
    case Value::Type::String:
        out += ValueAccess::str(v)->text;
        break;
    case Value::Type::Array: {
        bool first = true;
        for (const Value &item : ValueAccess::arr(v)->items) {
            if (!first)
                out += u',';
            first = false;
            if (!item.isNullish())
                appendToString(out, item);
        }
        break;
    }
    case Value::Type::Object:
        out += u"[object Object]";
        break;
    }
}
} // namespace

bool isWhiteSpace(char16_t c) noexcept
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

QString numberToString(double d)
{
    if (d != d)
        return QStringLiteral("NaN");
    if (d == 0)
        return QStringLiteral("0");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    // buf: [-]d[.ddd]e(+|-)XX
    std::string sci(buf, res.ptr);
    std::string out;
    if (sci[0] == '-') {
        out += '-';
        sci.erase(0, 1);
    }
    const auto ePos = sci.find('e');
    std::string digits;
    for (size_t i = 0; i < ePos; ++i) {
        if (sci[i] != '.')
            digits += sci[i];
    }
    const int exp10 = std::atoi(sci.c_str() + ePos + 1);
    const int k = int(digits.size());
    const int n = exp10 + 1; // value = 0.digits × 10^n
    if (k <= n && n <= 21) {
        out += digits;
        out.append(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, size_t(n));
        out += '.';
        out += digits.substr(size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(size_t(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += (n - 1) >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return QString::fromLatin1(out.data(), qsizetype(out.size()));
}

double stringToNumber(QStringView s)
{
    const QStringView t = trimmed(s);
    if (t.isEmpty())
        return 0;
    if (t.size() > 2 && t[0] == u'0') {
        const char16_t p = t[1].unicode();
        if (p == u'x' || p == u'X')
            return radixToDouble(t.mid(2), 16);
        if (p == u'o' || p == u'O')
            return radixToDouble(t.mid(2), 8);
        if (p == u'b' || p == u'B')
            return radixToDouble(t.mid(2), 2);
    }
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == u'+' || t[0] == u'-') {
        negative = t[0] == u'-';
        i = 1;
    }
    const QStringView body = t.mid(i);
    if (body == u"Infinity")
        return negative ? -kInf : kInf;
    const qsizetype len = decimalPrefix(body);
    if (len == 0 || len != body.size())
        return kNaN;
    const double v = decimalToDouble(body.toString().toStdString());
    return negative ? -v : v;
}

double parseFloat(const Value &v)
{
    if (v.isNumber()) {
        const double d = ValueAccess::num(v);
        return d == 0 ? 0.0 : d; // String(-0) is "0"
    }
    const QString s = toString(v);
    QStringView t(s);
    qsizetype b = 0;
    while (b < t.size() && isWhiteSpace(t[b].unicode()))
        ++b;
    t = t.mid(b);
    bool negative = false;
    if (!t.isEmpty() && (t[0] == u'+' || t[0] == u'-')) {
        negative = t[0] == u'-';
        t = t.mid(1);
    }
    if (t.startsWith(u"Infinity"))
        return negative ? -kInf : kInf;
    const qsizetype len = decimalPrefix(t);
    if (len == 0)
        return kNaN;
    const double d = decimalToDouble(t.left(len).toString().toStdString());
    return negative ? -d : d;
}

double toNumber(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined:
        return kNaN;
    case Value::Type::Null:
        return 0;
    case Value::Type::Bool:
        return v.boolValue() ? 1 : 0;
    case Value::Type::Number:
        return ValueAccess::num(v);
    case Value::Type::String:
        return stringToNumber(ValueAccess::str(v)->text);
    case Value::Type::Array:
    case Value::Type::Object:
        return stringToNumber(toString(v));
    }
    return kNaN;
}

QString toString(const Value &v)
{
    if (v.isString())
        return ValueAccess::str(v)->text;
    QString out;
    appendToString(out, v);
    return out;
}

double toIntegerOrInfinity(const Value &v)
{
    const double d = toNumber(v);
    if (d != d)
        return 0;
    if (std::isinf(d))
        return d;
    return std::trunc(d);
}

bool strictEquals(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.boolValue() == b.boolValue();
    case Value::Type::Number:
        return ValueAccess::num(a) == ValueAccess::num(b);
    case Value::Type::String: {
        const QString &x = ValueAccess::str(a)->text;
        const QString &y = ValueAccess::str(b)->text;
        return x.size() == y.size()
               && std::memcmp(x.constData(), y.constData(), size_t(x.size()) * sizeof(QChar)) == 0;
    }
    case Value::Type::Array:
    case Value::Type::Object:
        return a.identity() == b.identity();
    }
    return false;
}

bool looseEquals(const Value &a, const Value &b)
{
    const bool aObj = isObjectLike(a);
    const bool bObj = isObjectLike(b);
    if (aObj && bObj)
        return a.identity() == b.identity();
    if (a.type() == b.type())
        return strictEquals(a, b);
    if (a.isNullish() || b.isNullish())
        return a.isNullish() && b.isNullish();
    if (a.isNumber() && b.isString())
        return ValueAccess::num(a) == stringToNumber(ValueAccess::str(b)->text);
    if (a.isString() && b.isNumber())
        return stringToNumber(ValueAccess::str(a)->text) == ValueAccess::num(b);
    if (a.isBool())
        return looseEquals(Value(a.boolValue() ? 1.0 : 0.0), b);
    if (b.isBool())
        return looseEquals(a, Value(b.boolValue() ? 1.0 : 0.0));
    if (aObj)
        return looseEquals(Value(toString(a)), b);
    if (bObj)
        return looseEquals(a, Value(toString(b)));
    return false;
}

Order compare(const Value &a, const Value &b)
{
    double x, y;
    if (a.isNumber() && b.isNumber()) {
        x = ValueAccess::num(a);
        y = ValueAccess::num(b);
    } else {
        const bool aStr = a.isString() || isObjectLike(a);
        const bool bStr = b.isString() || isObjectLike(b);
        if (aStr && bStr) {
            const QString sa = toString(a);
            const QString sb = toString(b);
            const int c = QStringView(sa).compare(QStringView(sb), Qt::CaseSensitive);
            return c < 0 ? Order::Less : c > 0 ? Order::Greater : Order::Equal;
        }
        x = toNumber(a);
        y = toNumber(b);
    }
    if (x != x || y != y)
        return Order::Unordered;
    return x < y ? Order::Less : x > y ? Order::Greater : Order::Equal;
}

Value plus(const Value &a, const Value &b)
{
    const bool aStr = a.isString() || isObjectLike(a);
    const bool bStr = b.isString() || isObjectLike(b);
    if (aStr || bStr)
        return Value(toString(a) + toString(b));
    return Value(toNumber(a) + toNumber(b));
}

} // namespace XinDai::Rules::Internal::Js
