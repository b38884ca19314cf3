#include "rules/value.h"

#include "rules/js_p.h"
#include "rules/jsonparser_p.h"
#include "rules/value_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <mutex>
#include <shared_mutex>

namespace XinDai::Rules {

namespace Internal {

void destroyHeap(const Heap *heap, quint8 type)
{
    switch (Value::Type(type)) {
    case Value::Type::String:
        delete static_cast<const StringHeap *>(heap);
        break;
    case Value::Type::Array:
        delete static_cast<const ArrayHeap *>(heap);
        break;
    case Value::Type::Object:
        ObjectHeap::destroy(static_cast<const ObjectHeap *>(heap));
        break;
    default:
        break;
    }
}

ObjectHeap *ObjectHeap::create(const std::vector<quint32> &keys, std::vector<Value> &&values,
                               const std::vector<quint32> &order)
{
    const quint32 n = quint32(keys.size());
    quint32 range = 0;
    if (n > kLinear && n < 0xff && keys.back() - keys.front() < kMaxDirect)
        range = keys.back() - keys.front() + 1;
    const size_t bytes = sizeof(ObjectHeap) + keyBytes(n) + n * sizeof(Value) + n * sizeof(quint32) + range;
    void *memory = ::operator new(bytes);
    auto *h = new (memory) ObjectHeap;
    h->count = n;
    h->range = range;
    h->minKey = n ? keys.front() : 0;
    auto *k = const_cast<quint32 *>(h->keys());
    auto *v = const_cast<Value *>(h->values());
    auto *o = const_cast<quint32 *>(h->order());
    for (quint32 i = 0; i < n; ++i) {
        k[i] = keys[i];
        new (v + i) Value(std::move(values[i]));
        o[i] = order[i];
    }
    if (range) {
        auto *table = const_cast<quint8 *>(h->direct());
        std::memset(table, 0xff, range);
        for (quint32 i = 0; i < n; ++i)
            table[keys[i] - h->minKey] = quint8(i);
    }
    return h;
}

void ObjectHeap::destroy(const ObjectHeap *heap)
{
    const Value *v = heap->values();
    for (quint32 i = 0; i < heap->count; ++i)
        v[i].~Value();
    heap->~ObjectHeap();
    ::operator delete(const_cast<ObjectHeap *>(heap));
}

namespace {
/// Process-wide key interning table. Ids are dense and never reused.
struct KeyTable
{
    std::shared_mutex mutex;
    QHash<QString, quint32> ids;
    std::deque<QString> names;

    static KeyTable &instance()
    {
        static KeyTable table;
        return table;
    }
};
} // namespace

} // namespace Internal

using namespace Internal;

quint32 Value::keyId(QStringView key)
{
    KeyTable &t = KeyTable::instance();
    {
        std::shared_lock lock(t.mutex);
        const auto it = t.ids.constFind(key.toString());
        if (it != t.ids.constEnd())
            return it.value();
    }
    std::unique_lock lock(t.mutex);
    const QString k = key.toString();
    const auto it = t.ids.constFind(k);
    if (it != t.ids.constEnd())
        return it.value();
    const quint32 id = quint32(t.names.size());
    t.names.push_back(k);
    t.ids.insert(k, id);
    return id;
}

quint32 Value::findKeyId(QStringView key)
{
    KeyTable &t = KeyTable::instance();
    std::shared_lock lock(t.mutex);
    const auto it = t.ids.constFind(key.toString());
    return it != t.ids.constEnd() ? it.value() : NoKey;
}

QString Value::keyName(quint32 id)
{
    KeyTable &t = KeyTable::instance();
    std::shared_lock lock(t.mutex);
    return id < t.names.size() ? t.names[id] : QString();
}

Value::Value(const QString &s)
    : m_type(quint8(Type::String))
{
    auto *h = new StringHeap;
    h->text = s;
    m_u.heap = h;
}

Value Value::array(std::vector<Value> items)
{
    auto *h = new ArrayHeap;
    h->items = std::move(items);
    return ValueAccess::adopt(h, Type::Array);
}

namespace Internal {
/// An object from interned keys (used by the JSON reader too).
Value makeObjectFromIds(std::vector<std::pair<quint32, Value>> members)
{
    // Last duplicate wins (JSON.parse); keep first-seen position for output order.
    std::vector<quint32> position(members.size());
    for (size_t i = 0; i < members.size(); ++i)
        position[i] = quint32(i);
    std::stable_sort(position.begin(), position.end(),
                     [&](quint32 a, quint32 b) { return members[a].first < members[b].first; });
    std::vector<quint32> keys;
    std::vector<Value> values;
    std::vector<quint32> firstSeen;
    for (size_t i = 0; i < position.size(); ++i) {
        auto &m = members[position[i]];
        if (!keys.empty() && keys.back() == m.first) {
            values.back() = std::move(m.second);
            continue;
        }
        keys.push_back(m.first);
        values.push_back(std::move(m.second));
        firstSeen.push_back(position[i]);
    }
    // order: the sorted slots listed by their first appearance in the input
    std::vector<quint32> slotList(keys.size());
    for (size_t i = 0; i < slotList.size(); ++i)
        slotList[i] = quint32(i);
    std::sort(slotList.begin(), slotList.end(),
              [&](quint32 x, quint32 y) { return firstSeen[x] < firstSeen[y]; });
    return ValueAccess::adopt(ObjectHeap::create(keys, std::move(values), slotList), Value::Type::Object);
}
} // namespace Internal

Value Value::object(const std::vector<std::pair<QString, Value>> &members)
{
    std::vector<std::pair<quint32, Value>> m;
    m.reserve(members.size());
    for (const auto &[k, v] : members)
        m.emplace_back(keyId(k), v);
    return makeObjectFromIds(std::move(m));
}

const QString &Value::stringValue() const noexcept
{
    static const QString empty;
    return isString() ? ValueAccess::str(*this)->text : empty;
}

qsizetype Value::size() const noexcept
{
    if (isArray())
        return qsizetype(ValueAccess::arr(*this)->items.size());
    if (isObject())
        return qsizetype(ValueAccess::obj(*this)->count);
    return 0;
}

const Value &Value::at(qsizetype i) const noexcept
{
    static const Value undef = Value::undefined();
    if (!isArray() || i < 0 || size_t(i) >= ValueAccess::arr(*this)->items.size())
        return undef;
    return ValueAccess::arr(*this)->items[size_t(i)];
}

const std::vector<Value> &Value::items() const noexcept
{
    static const std::vector<Value> none;
    return isArray() ? ValueAccess::arr(*this)->items : none;
}

const Value *Value::member(quint32 id) const noexcept
{
    return isObject() ? ValueAccess::obj(*this)->find(id) : nullptr;
}

const Value *Value::member(QStringView key) const
{
    if (!isObject())
        return nullptr;
    const quint32 id = findKeyId(key);
    return id == NoKey ? nullptr : ValueAccess::obj(*this)->find(id);
}

QStringList Value::keys() const
{
    QStringList out;
    if (!isObject())
        return out;
    const ObjectHeap *h = ValueAccess::obj(*this);
    for (quint32 i = 0; i < h->count; ++i)
        out.append(keyName(h->keys()[h->order()[i]]));
    return out;
}

Value Value::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
        return Value();
    case QJsonValue::Bool:
        return Value(json.toBool());
    case QJsonValue::Double:
        return Value(json.toDouble());
    case QJsonValue::String:
        return Value(json.toString());
    case QJsonValue::Array: {
        const QJsonArray a = json.toArray();
        std::vector<Value> items;
        items.reserve(size_t(a.size()));
        for (const QJsonValue &item : a)
            items.push_back(fromJson(item));
        return array(std::move(items));
    }
    case QJsonValue::Object: {
        const QJsonObject o = json.toObject();
        std::vector<std::pair<quint32, Value>> m;
        m.reserve(size_t(o.size()));
        for (auto it = o.begin(); it != o.end(); ++it)
            m.emplace_back(keyId(it.key()), fromJson(it.value()));
        return makeObjectFromIds(std::move(m));
    }
    case QJsonValue::Undefined:
        return undefined();
    }
    return Value();
}

Value Value::parseJson(const QByteArray &text, QString *error)
{
    Value fast;
    if (parseJsonFast(text, &fast))
        return fast;
    // QJsonDocument only accepts arrays and objects at top level: wrap scalars in an array.
    QJsonParseError err;
    const QByteArray wrapped = '[' + text + ']';
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        if (error) {
            *error = err.error != QJsonParseError::NoError
                         ? err.errorString() + QStringLiteral(" (offset %1)").arg(qMax(0, err.offset - 1))
                         : QStringLiteral("expected exactly one JSON value");
        }
        return undefined();
    }
    return fromJson(doc.array().at(0));
}

QJsonValue Value::toJson() const
{
    switch (type()) {
    case Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(boolValue());
    case Type::Number: {
        const double d = ValueAccess::num(*this);
        if (!std::isfinite(d))
            return QJsonValue(QJsonValue::Null);
        return QJsonValue(d);
    }
    case Type::String:
        return QJsonValue(stringValue());
    case Type::Array: {
        QJsonArray a;
        for (const Value &item : items())
            a.append(item.isUndefined() ? QJsonValue(QJsonValue::Null) : item.toJson());
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        const ObjectHeap *h = ValueAccess::obj(*this);
        for (quint32 i = 0; i < h->count; ++i) {
            const quint32 slot = h->order()[i];
            if (!h->values()[slot].isUndefined())
                o.insert(keyName(h->keys()[slot]), h->values()[slot].toJson());
        }
        return o;
    }
    }
    return QJsonValue();
}

namespace {
void writeJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        switch (c) {
        case u'"':
            out += "\\\"";
            continue;
        case u'\\':
            out += "\\\\";
            continue;
        case u'\b':
            out += "\\b";
            continue;
        case u'\f':
            out += "\\f";
            continue;
        case u'\n':
            out += "\\n";
            continue;
        case u'\r':
            out += "\\r";
            continue;
        case u'\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            out += QByteArray("\\u") + QByteArray::number(c, 16).rightJustified(4, '0');
        } else if (c < 0x80) {
            out += char(c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
            out += QStringView(s).mid(i, 2).toUtf8();
            ++i;
        } else if (QChar::isSurrogate(c)) {
            // JSON.stringify escapes lone surrogates
            out += QByteArray("\\u") + QByteArray::number(c, 16).rightJustified(4, '0');
        } else {
            out += QStringView(s).mid(i, 1).toUtf8();
        }
    }
    out += '"';
}

void writeJson(QByteArray &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        out += "null";
        return;
    case Value::Type::Bool:
        out += v.boolValue() ? "true" : "false";
        return;
    case Value::Type::Number: {
        const double d = v.numberValue();
        if (!std::isfinite(d))
            out += "null";
        else
            out += Js::numberToString(d).toLatin1();
        return;
    }
    case Value::Type::String:
        writeJsonString(out, v.stringValue());
        return;
    case Value::Type::Array: {
        out += '[';
        bool first = true;
        for (const Value &item : v.items()) {
            if (!first)
                out += ',';
            first = false;
            writeJson(out, item);
        }
        out += ']';
        return;
    }
    case Value::Type::Object: {
        out += '{';
        bool first = true;
        const ObjectHeap *h = ValueAccess::obj(v);
        for (quint32 i = 0; i < h->count; ++i) {
            const quint32 slot = h->order()[i];
            if (h->values()[slot].isUndefined())
                continue;
            if (!first)
                out += ',';
            first = false;
            writeJsonString(out, Value::keyName(h->keys()[slot]));
            out += ':';
            writeJson(out, h->values()[slot]);
        }
        out += '}';
        return;
    }
    }
}
} // namespace

QByteArray Value::toJsonText() const
{
    QByteArray out;
    writeJson(out, *this);
    return out;
}

bool Value::deepEquals(const Value &other) const
{
    if (type() != other.type())
        return false;
    switch (type()) {
    case Type::Undefined:
    case Type::Null:
        return true;
    case Type::Bool:
        return boolValue() == other.boolValue();
    case Type::Number: {
        const double a = numberValue(), b = other.numberValue();
        return a == b || (a != a && b != b);
    }
    case Type::String:
        return stringValue() == other.stringValue();
    case Type::Array: {
        const auto &a = items();
        const auto &b = other.items();
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].deepEquals(b[i]))
                return false;
        }
        return true;
    }
    case Type::Object: {
        const ObjectHeap *a = ValueAccess::obj(*this);
        const ObjectHeap *b = ValueAccess::obj(other);
        if (a->count != b->count)
            return false;
        for (quint32 i = 0; i < a->count; ++i) {
            if (a->keys()[i] != b->keys()[i] || !a->values()[i].deepEquals(b->values()[i]))
                return false;
        }
        return true;
    }
    }
    return false;
}

} // namespace XinDai::Rules
