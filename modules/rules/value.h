#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <atomic>
#include <limits>
#include <utility>
#include <vector>

namespace XinDai::Rules {

class Value;

namespace Internal {
/// Reference-counted payload of a string, array or object Value (defined in value_p.h).
struct Heap
{
    mutable std::atomic<int> ref{1};
};
void destroyHeap(const Heap *heap, quint8 type);
} // namespace Internal

/// An immutable JSON-like value with JavaScript's extra "undefined": null, bool, number (IEEE double),
/// string (UTF-16, as JavaScript), array or object. Copies are cheap: strings, arrays and objects share
/// one reference-counted payload, so a Value may be passed between threads freely but is never modified
/// after construction. Object keys are interned (see keyId()), so a member lookup compares integers.
class Value
{
public:
    enum class Type : quint8 { Undefined, Null, Bool, Number, String, Array, Object };

    /// A null value.
    Value() noexcept
        : m_type(quint8(Type::Null))
    {
        m_u.heap = nullptr;
    }
    explicit Value(bool b) noexcept
        : m_type(quint8(Type::Bool))
    {
        m_u.heap = nullptr;
        m_u.boolean = b;
    }
    explicit Value(double d) noexcept
        : m_type(quint8(Type::Number))
    {
        m_u.number = d;
    }
    explicit Value(int i) noexcept
        : Value(double(i))
    {}
    explicit Value(const QString &s);
    explicit Value(QStringView s)
        : Value(s.toString())
    {}
    Value(const Value &o) noexcept
        : m_type(o.m_type)
        , m_u(o.m_u)
    {
        if (isHeap())
            m_u.heap->ref.fetch_add(1, std::memory_order_relaxed);
    }
    Value(Value &&o) noexcept
        : m_type(o.m_type)
        , m_u(o.m_u)
    {
        o.m_type = quint8(Type::Null);
    }
    Value &operator=(const Value &o) noexcept
    {
        Value tmp(o);
        swap(tmp);
        return *this;
    }
    Value &operator=(Value &&o) noexcept
    {
        Value tmp(std::move(o));
        swap(tmp);
        return *this;
    }
    ~Value()
    {
        if (isHeap() && m_u.heap->ref.fetch_sub(1, std::memory_order_acq_rel) == 1)
            Internal::destroyHeap(m_u.heap, m_type);
    }
    void swap(Value &o) noexcept
    {
        std::swap(m_type, o.m_type);
        std::swap(m_u, o.m_u);
    }

    static Value undefined() noexcept
    {
        Value v;
        v.m_type = quint8(Type::Undefined);
        return v;
    }
    /// An array holding \a items in order.
    static Value array(std::vector<Value> items);
    /// An object with the given members; a repeated key keeps the last value (as JSON.parse does).
    static Value object(const std::vector<std::pair<QString, Value>> &members);

    Type type() const noexcept { return Type(m_type); }
    bool isUndefined() const noexcept { return m_type == quint8(Type::Undefined); }
    bool isNull() const noexcept { return m_type == quint8(Type::Null); }
    /// True for null and undefined (JavaScript's "== null").
    bool isNullish() const noexcept { return m_type <= quint8(Type::Null); }
    bool isBool() const noexcept { return m_type == quint8(Type::Bool); }
    bool isNumber() const noexcept { return m_type == quint8(Type::Number); }
    bool isString() const noexcept { return m_type == quint8(Type::String); }
    bool isArray() const noexcept { return m_type == quint8(Type::Array); }
    bool isObject() const noexcept { return m_type == quint8(Type::Object); }

    /// The boolean; false when not a Bool.
    bool boolValue() const noexcept { return isBool() && m_u.boolean; }
    /// The number; NaN when not a Number (no coercion: see Js::toNumber for that).
    double numberValue() const noexcept
    {
        return isNumber() ? m_u.number : std::numeric_limits<double>::quiet_NaN();
    }
    /// The string; empty when not a String (no coercion: see Js::toString).
    const QString &stringValue() const noexcept;
    /// Number of array items or object members; 0 for other types.
    qsizetype size() const noexcept;
    /// Array item \a i (0-based); undefined when out of range or not an array.
    const Value &at(qsizetype i) const noexcept;
    /// The array items; empty for other types.
    const std::vector<Value> &items() const noexcept;
    /// Object member by interned key id; nullptr when absent or not an object.
    const Value *member(quint32 keyId) const noexcept;
    /// Object member by name; nullptr when absent or not an object.
    const Value *member(QStringView key) const;
    /// Object member names in insertion order; empty for other types.
    QStringList keys() const;
    /// Identity of the shared payload (JavaScript's object identity for == and ===); nullptr for scalars.
    const void *identity() const noexcept { return isHeap() ? m_u.heap : nullptr; }

    /// Converts a parsed JSON value. QJsonValue::Undefined becomes undefined.
    static Value fromJson(const QJsonValue &json);
    /// Parses JSON text (UTF-8). On a syntax error returns undefined and sets \a error (if given).
    static Value parseJson(const QByteArray &text, QString *error = nullptr);
    /// Back to QJsonValue: NaN and ±Infinity become null (as JSON.stringify), undefined becomes
    /// QJsonValue::Undefined at top level, null inside arrays and is omitted inside objects.
    QJsonValue toJson() const;
    /// Compact JSON text exactly as JavaScript's JSON.stringify writes it (numbers as
    /// Number.prototype.toString, NaN/Infinity as null); top-level undefined is written as null.
    QByteArray toJsonText() const;

    /// Deep structural equality with numbers compared by value (NaN equals NaN here); for tests.
    bool deepEquals(const Value &other) const;

    /// Interns an object key: equal keys get the same id for the life of the process. Thread-safe.
    static quint32 keyId(QStringView key);
    /// The id of \a key if it was ever interned, otherwise NoKey (no object can then have it).
    static quint32 findKeyId(QStringView key);
    static QString keyName(quint32 id);
    static constexpr quint32 NoKey = 0xffffffffu;

private:
    friend struct ValueAccess;
    bool isHeap() const noexcept { return m_type >= quint8(Type::String); }

    quint8 m_type;
    union
    {
        double number;
        bool boolean;
        Internal::Heap *heap;
    } m_u;
};

/// JsonLogic truthiness: JavaScript's (false, 0, NaN, "", null and undefined are falsy) except that an
/// empty array is falsy too; every object, even {}, is truthy; "0" is truthy.
inline bool truthy(const Value &v) noexcept
{
    switch (v.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return false;
    case Value::Type::Bool:
        return v.boolValue();
    case Value::Type::Number: {
        const double d = v.numberValue();
        return d != 0 && d == d;
    }
    case Value::Type::String:
        return !v.stringValue().isEmpty();
    case Value::Type::Array:
        return v.size() != 0;
    case Value::Type::Object:
        return true;
    }
    return false;
}

} // namespace XinDai::Rules
