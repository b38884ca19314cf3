#include "rules/js_p.h"
#include "rules/operations_p.h"
#include "rules/value_p.h"

#include <QTextStream>

#include <cmath>
#include <limits>

namespace XinDai::Rules::Internal {

namespace {

const Value kUndefined = Value::undefined();
const Value kNull;
const Value kTrue(true);
const Value kFalse(false);

inline const Value &boolRef(bool b) noexcept
{
    return b ? kTrue : kFalse;
}

/// Argument \a i evaluated, or undefined when the rule gave fewer arguments (JavaScript's missing
/// parameter).
inline const Value &arg(const Node &n, size_t i, const Value &data, Value &scratch)
{
    return i < n.args.size() ? evaluate(n.args[i], data, scratch) : kUndefined;
}

inline const Value &setNumber(Value &scratch, double d)
{
    scratch = Value(d);
    return scratch;
}

// ------------------------------------------------------------------ data access

/// data[step] as JavaScript property access on our types; nullptr for undefined. Computed results
/// (string characters, lengths) go to \a computed.
const Value *property(const Value &data, const PathStep &step, Value &computed)
{
    switch (data.type()) {
    case Value::Type::Object:
        return step.keyId == Value::NoKey ? nullptr : ValueAccess::obj(data)->find(step.keyId);
    case Value::Type::Array: {
        const auto &items = ValueAccess::arr(data)->items;
        if (step.index >= 0) {
            if (size_t(step.index) >= items.size() || items[size_t(step.index)].isUndefined())
                return nullptr;
            return &items[size_t(step.index)];
        }
        if (step.isLength) {
            computed = Value(double(items.size()));
            return &computed;
        }
        return nullptr;
    }
    case Value::Type::String: {
        const QString &s = ValueAccess::str(data)->text;
        if (step.index >= 0) {
            if (step.index >= s.size())
                return nullptr;
            computed = Value(QString(s[step.index]));
            return &computed;
        }
        if (step.isLength) {
            computed = Value(double(s.size()));
            return &computed;
        }
        return nullptr;
    }
    default:
        return nullptr;
    }
}

PathStep makeStep(const QString &key, bool intern)
{
    PathStep step;
    step.isLength = key == u"length";
    step.keyId = intern ? Value::keyId(key) : Value::findKeyId(key);
    // canonical array index: "0" or digits without a leading zero, below 2^32 - 1
    bool allDigits = !key.isEmpty() && key.size() <= 10;
    for (const QChar c : key)
        allDigits = allDigits && c >= u'0' && c <= u'9';
    if (allDigits && (key.size() == 1 || key[0] != u'0')) {
        const qint64 v = key.toLongLong();
        if (v <= 2147483647LL)
            step.index = qint32(v);
    }
    return step;
}

/// The var operation with evaluated arguments: returns a copy (used by the generic var and missing).
Value lookupVar(const Value &data, const Value &a, const Value &b)
{
    const Value notFound = b.isUndefined() ? Value() : b;
    if (a.isNullish() || (a.isString() && ValueAccess::str(a)->text.isEmpty()))
        return data;
    const QString path = Js::toString(a);
    Value current = data;
    Value computed;
    for (const QStringView part : QStringView(path).split(u'.')) {
        if (current.isNullish())
            return notFound;
        const PathStep step = makeStep(part.toString(), false);
        const Value *next = property(current, step, computed);
        if (!next)
            return notFound;
        current = Value(*next);
    }
    return current;
}

// ------------------------------------------------------------------ accessing data

const Value &opVar(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    scratch = lookupVar(data, a, b);
    return scratch;
}

/// Keys missing from data (var gives null or "") among \a keyArgs (as json-logic-js's missing).
Value missingOf(const Value &data, const std::vector<Value> &args)
{
    const std::vector<Value> *keys = &args;
    if (!args.empty() && args[0].isArray())
        keys = &ValueAccess::arr(args[0])->items;
    std::vector<Value> missing;
    for (const Value &key : *keys) {
        // json-logic-js applies {"var": key}: an array key is var's argument list
        Value found;
        if (key.isArray()) {
            const auto &ka = ValueAccess::arr(key)->items;
            found = lookupVar(data, ka.empty() ? kUndefined : ka[0], ka.size() > 1 ? ka[1] : kUndefined);
        } else {
            found = lookupVar(data, key, kUndefined);
        }
        if (found.isNull() || (found.isString() && ValueAccess::str(found)->text.isEmpty()))
            missing.push_back(key);
    }
    return Value::array(std::move(missing));
}

const Value &opMissing(const Node &n, const Value &data, Value &scratch)
{
    std::vector<Value> args;
    args.reserve(n.args.size());
    for (const Node &a : n.args) {
        Value s;
        args.push_back(evaluate(a, data, s));
    }
    scratch = missingOf(data, args);
    return scratch;
}

const Value &opMissingSome(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2;
    const Value &need = arg(n, 0, data, s1);
    const Value &options = arg(n, 1, data, s2);
    std::vector<Value> list;
    if (options.isArray())
        list = ValueAccess::arr(options)->items;
    else
        list.push_back(options);
    const Value areMissing = missingOf(data, list);
    double optionCount = std::numeric_limits<double>::quiet_NaN();
    if (options.isArray())
        optionCount = double(options.size());
    else if (options.isString())
        optionCount = double(ValueAccess::str(options)->text.size());
    const Js::Order o = Js::compare(Value(optionCount - double(areMissing.size())), need);
    if (o == Js::Order::Greater || o == Js::Order::Equal)
        scratch = Value::array({});
    else
        scratch = areMissing;
    return scratch;
}

// ------------------------------------------------------------------ logic

const Value &opIf(const Node &n, const Value &data, Value &scratch)
{
    const size_t count = n.args.size();
    size_t i = 0;
    for (; i + 1 < count; i += 2) {
        Value s;
        if (truthy(evaluate(n.args[i], data, s)))
            return evaluate(n.args[i + 1], data, scratch);
    }
    if (count == i + 1)
        return evaluate(n.args[i], data, scratch);
    return kNull;
}

const Value &opAnd(const Node &n, const Value &data, Value &scratch)
{
    const Value *current = &kUndefined;
    for (const Node &a : n.args) {
        current = &evaluate(a, data, scratch);
        if (!truthy(*current))
            return *current;
    }
    return *current;
}

const Value &opOr(const Node &n, const Value &data, Value &scratch)
{
    const Value *current = &kUndefined;
    for (const Node &a : n.args) {
        current = &evaluate(a, data, scratch);
        if (truthy(*current))
            return *current;
    }
    return *current;
}

const Value &opNot(const Node &n, const Value &data, Value &)
{
    Value s;
    return boolRef(!truthy(arg(n, 0, data, s)));
}

const Value &opNotNot(const Node &n, const Value &data, Value &)
{
    Value s;
    return boolRef(truthy(arg(n, 0, data, s)));
}

const Value &opLooseEq(const Node &n, const Value &data, Value &)
{
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    if (a.isNumber() && b.isNumber())
        return boolRef(ValueAccess::num(a) == ValueAccess::num(b));
    if (a.isString() && b.isString())
        return boolRef(sameText(ValueAccess::str(a)->text, ValueAccess::str(b)->text));
    return boolRef(Js::looseEquals(a, b));
}

const Value &opLooseNe(const Node &n, const Value &data, Value &)
{
    Value s1, s2;
    return boolRef(!Js::looseEquals(arg(n, 0, data, s1), arg(n, 1, data, s2)));
}

const Value &opStrictEq(const Node &n, const Value &data, Value &)
{
    Value s1, s2;
    return boolRef(Js::strictEquals(arg(n, 0, data, s1), arg(n, 1, data, s2)));
}

const Value &opStrictNe(const Node &n, const Value &data, Value &)
{
    Value s1, s2;
    return boolRef(!Js::strictEquals(arg(n, 0, data, s1), arg(n, 1, data, s2)));
}

// ------------------------------------------------------------------ comparisons

inline bool less(const Value &a, const Value &b, bool orEqual)
{
    if (a.isNumber() && b.isNumber()) {
        const double x = ValueAccess::num(a), y = ValueAccess::num(b);
        return orEqual ? x <= y : x < y;
    }
    const Js::Order o = Js::compare(a, b);
    return o == Js::Order::Less || (orEqual && o == Js::Order::Equal);
}

template<bool OrEqual>
const Value &opGreater(const Node &n, const Value &data, Value &)
{
    // json-logic-js's ">" and ">=" take two parameters: a third argument is ignored.
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    for (size_t i = 2; i < n.args.size(); ++i) {
        Value s; // still evaluated (depth-first), as json-logic-js does
        evaluate(n.args[i], data, s);
    }
    return boolRef(less(b, a, OrEqual));
}

template<bool OrEqual>
const Value &opLess(const Node &n, const Value &data, Value &)
{
    Value s1, s2, s3;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    const Value &c = arg(n, 2, data, s3);
    for (size_t i = 3; i < n.args.size(); ++i) {
        Value s;
        evaluate(n.args[i], data, s);
    }
    if (c.isUndefined())
        return boolRef(less(a, b, OrEqual));
    return boolRef(less(a, b, OrEqual) && less(b, c, OrEqual));
}

// ------------------------------------------------------------------ arithmetic

template<bool IsMax>
const Value &opMinMax(const Node &n, const Value &data, Value &scratch)
{
    double r = IsMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    bool nan = false;
    for (const Node &a : n.args) {
        Value s;
        const double x = Js::toNumber(evaluate(a, data, s));
        if (x != x)
            nan = true;
        else if (IsMax ? (x > r || (x == 0 && r == 0 && !std::signbit(x)))
                       : (x < r || (x == 0 && r == 0 && std::signbit(x))))
            r = x;
    }
    return setNumber(scratch, nan ? std::numeric_limits<double>::quiet_NaN() : r);
}

const Value &opPlus(const Node &n, const Value &data, Value &scratch)
{
    double acc = 0;
    for (const Node &a : n.args) {
        Value s;
        const double x = Js::parseFloat(evaluate(a, data, s));
        acc = (acc == 0 ? 0.0 : acc) + x; // parseFloat(accumulator): -0 reads back as 0
    }
    return setNumber(scratch, acc);
}

const Value &opTimes(const Node &n, const Value &data, Value &scratch)
{
    // Array.prototype.reduce without an initial value: one argument comes back unconverted.
    if (n.args.size() == 1)
        return evaluate(n.args[0], data, scratch);
    Value s0;
    double acc = Js::parseFloat(evaluate(n.args[0], data, s0));
    for (size_t i = 1; i < n.args.size(); ++i) {
        Value s;
        const double x = Js::parseFloat(evaluate(n.args[i], data, s));
        acc = (acc == 0 ? 0.0 : acc) * x;
    }
    return setNumber(scratch, acc);
}

const Value &opMinus(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    if (b.isUndefined())
        return setNumber(scratch, -Js::toNumber(a));
    if (a.isNumber() && b.isNumber())
        return setNumber(scratch, ValueAccess::num(a) - ValueAccess::num(b));
    return setNumber(scratch, Js::toNumber(a) - Js::toNumber(b));
}

const Value &opDivide(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    if (a.isNumber() && b.isNumber())
        return setNumber(scratch, ValueAccess::num(a) / ValueAccess::num(b));
    return setNumber(scratch, Js::toNumber(a) / Js::toNumber(b));
}

const Value &opModulo(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2;
    const double a = Js::toNumber(arg(n, 0, data, s1));
    const double b = Js::toNumber(arg(n, 1, data, s2));
    return setNumber(scratch, std::fmod(a, b));
}

// ------------------------------------------------------------------ arrays

const Value &opMerge(const Node &n, const Value &data, Value &scratch)
{
    std::vector<Value> out;
    for (const Node &a : n.args) {
        Value s;
        const Value &v = evaluate(a, data, s);
        if (v.isArray()) {
            const auto &items = ValueAccess::arr(v)->items;
            out.insert(out.end(), items.begin(), items.end());
        } else {
            out.push_back(v);
        }
    }
    scratch = Value::array(std::move(out));
    return scratch;
}

const Value &opMap(const Node &n, const Value &data, Value &scratch)
{
    Value s0;
    const Value &list = evaluate(n.args[0], data, s0);
    std::vector<Value> out;
    if (list.isArray()) {
        const auto &items = ValueAccess::arr(list)->items;
        out.reserve(items.size());
        for (const Value &item : items) {
            Value s;
            out.push_back(evaluate(n.args[1], item, s));
        }
    }
    scratch = Value::array(std::move(out));
    return scratch;
}

const Value &opFilter(const Node &n, const Value &data, Value &scratch)
{
    Value s0;
    const Value &list = evaluate(n.args[0], data, s0);
    std::vector<Value> out;
    if (list.isArray()) {
        for (const Value &item : ValueAccess::arr(list)->items) {
            Value s;
            if (truthy(evaluate(n.args[1], item, s)))
                out.push_back(item);
        }
    }
    scratch = Value::array(std::move(out));
    return scratch;
}

const Value &opReduce(const Node &n, const Value &data, Value &scratch)
{
    static const quint32 currentId = Value::keyId(u"current");
    static const quint32 accumulatorId = Value::keyId(u"accumulator");
    Value s0;
    const Value &list = evaluate(n.args[0], data, s0);
    Value acc = evaluate(n.args[2], data, scratch);
    if (!list.isArray()) {
        scratch = acc;
        return scratch;
    }
    for (const Value &item : ValueAccess::arr(list)->items) {
        const bool currentFirst = currentId < accumulatorId;
        const Value scope = ValueAccess::adopt(
            ObjectHeap::create(currentFirst ? std::vector<quint32>{currentId, accumulatorId}
                                            : std::vector<quint32>{accumulatorId, currentId},
                               currentFirst ? std::vector<Value>{item, acc} : std::vector<Value>{acc, item},
                               currentFirst ? std::vector<quint32>{0, 1} : std::vector<quint32>{1, 0}),
            Value::Type::Object);
        Value s;
        Value next = evaluate(n.args[1], scope, s);
        acc = std::move(next);
    }
    scratch = std::move(acc);
    return scratch;
}

enum class Quantifier { All, None, Some };

template<Quantifier Q>
const Value &opQuantifier(const Node &n, const Value &data, Value &)
{
    Value s0;
    const Value &list = evaluate(n.args[0], data, s0);
    if (!list.isArray() || list.size() == 0)
        return boolRef(Q == Quantifier::None);
    for (const Value &item : ValueAccess::arr(list)->items) {
        Value s;
        const bool t = truthy(evaluate(n.args[1], item, s));
        if (Q == Quantifier::All && !t)
            return kFalse;
        if (Q == Quantifier::None && t)
            return kFalse;
        if (Q == Quantifier::Some && t)
            return kTrue;
    }
    return boolRef(Q != Quantifier::Some);
}

// ------------------------------------------------------------------ strings and misc

/// JavaScript truthiness ("!b"): unlike JsonLogic's, an empty array is truthy.
inline bool jsTruthy(const Value &v)
{
    return v.isArray() || truthy(v);
}

const Value &opIn(const Node &n, const Value &data, Value &)
{
    Value s1, s2;
    const Value &a = arg(n, 0, data, s1);
    const Value &b = arg(n, 1, data, s2);
    if (!jsTruthy(b))
        return kFalse;
    if (b.isArray()) {
        if (a.isString()) {
            const QString &needle = ValueAccess::str(a)->text;
            for (const Value &item : ValueAccess::arr(b)->items) {
                if (item.isString() && sameText(ValueAccess::str(item)->text, needle))
                    return kTrue;
            }
            return kFalse;
        }
        for (const Value &item : ValueAccess::arr(b)->items) {
            if (Js::strictEquals(item, a))
                return kTrue;
        }
        return kFalse;
    }
    if (b.isString()) {
        const QString needle = Js::toString(a);
        if (needle.isEmpty())
            return kTrue;
        return boolRef(ValueAccess::str(b)->text.indexOf(needle) != -1);
    }
    return kFalse; // numbers, booleans and objects have no indexOf
}

const Value &opCat(const Node &n, const Value &data, Value &scratch)
{
    QString out;
    for (const Node &a : n.args) {
        Value s;
        const Value &v = evaluate(a, data, s);
        if (!v.isNullish())
            out += Js::toString(v);
    }
    scratch = Value(out);
    return scratch;
}

/// String.prototype.substr(start, length).
QString jsSubstr(const QString &s, const Value &start, const Value &length)
{
    const double size = double(s.size());
    double from = Js::toIntegerOrInfinity(start);
    if (from < 0)
        from = std::max(size + from, 0.0);
    else
        from = std::min(from, size);
    double len = length.isUndefined() ? size : Js::toIntegerOrInfinity(length);
    len = std::min(std::max(len, 0.0), size);
    const double end = std::min(from + len, size);
    if (end <= from)
        return QString();
    return s.mid(qsizetype(from), qsizetype(end - from));
}

const Value &opSubstr(const Node &n, const Value &data, Value &scratch)
{
    Value s1, s2, s3;
    const Value &source = arg(n, 0, data, s1);
    const Value &start = arg(n, 1, data, s2);
    const Value &end = arg(n, 2, data, s3);
    const QString text = Js::toString(source);
    if (Js::compare(end, Value(0.0)) == Js::Order::Less) {
        // json-logic-js emulates PHP's negative length: temp.substr(0, temp.length + end)
        const QString temp = jsSubstr(text, start, Value::undefined());
        scratch = Value(jsSubstr(temp, Value(0.0), Js::plus(Value(double(temp.size())), end)));
    } else {
        scratch = Value(jsSubstr(text, start, end));
    }
    return scratch;
}

const Value &opLog(const Node &n, const Value &data, Value &scratch)
{
    const Value &v = arg(n, 0, data, scratch);
    QTextStream(stderr) << QString::fromUtf8(v.toJsonText()) << '\n';
    return v;
}

constexpr OperationInfo kOperations[] = {
    {u"var", opVar, 0, 0, false},
    {u"missing", opMissing, 0, 0, false},
    {u"missing_some", opMissingSome, 0, 0, false},
    {u"if", opIf, 0, 0, true},
    {u"?:", opIf, 0, 0, true},
    {u"==", opLooseEq, 0, 0, true},
    {u"===", opStrictEq, 0, 0, true},
    {u"!=", opLooseNe, 0, 0, true},
    {u"!==", opStrictNe, 0, 0, true},
    {u"!", opNot, 0, 0, true},
    {u"!!", opNotNot, 0, 0, true},
    {u"or", opOr, 0, 0, true},
    {u"and", opAnd, 0, 0, true},
    {u">", opGreater<false>, 0, 0, true},
    {u">=", opGreater<true>, 0, 0, true},
    {u"<", opLess<false>, 0, 0, true},
    {u"<=", opLess<true>, 0, 0, true},
    {u"max", opMinMax<true>, 0, 0, true},
    {u"min", opMinMax<false>, 0, 0, true},
    {u"+", opPlus, 0, 0, true},
    {u"-", opMinus, 0, 0, true},
    {u"*", opTimes, 1, 0, true},
    {u"/", opDivide, 0, 0, true},
    {u"%", opModulo, 0, 0, true},
    {u"map", opMap, 0, 2, true},
    {u"filter", opFilter, 0, 2, true},
    {u"reduce", opReduce, 0, 3, true},
    {u"all", opQuantifier<Quantifier::All>, 0, 2, true},
    {u"none", opQuantifier<Quantifier::None>, 0, 2, true},
    {u"some", opQuantifier<Quantifier::Some>, 0, 2, true},
    {u"merge", opMerge, 0, 0, true},
    {u"in", opIn, 0, 0, true},
    {u"cat", opCat, 0, 0, true},
    {u"substr", opSubstr, 0, 0, true},
    {u"log", opLog, 0, 0, false},
};

} // namespace

const OperationInfo *findOperation(QStringView name)
{
    for (const OperationInfo &op : kOperations) {
        if (name == QStringView(op.name))
            return &op;
    }
    return nullptr;
}

const Value &evalMissingFixed(const Node &node, const Value &data, Value &scratch)
{
    static const Value noneMissing = Value::array({});
    std::vector<Value> missing;
    for (quint32 i = 0; i < node.args.size(); ++i) {
        Value s;
        const Value &v = evaluate(node.args[i], data, s);
        if (v.isNull() || (v.isString() && ValueAccess::str(v)->text.isEmpty()))
            missing.push_back(ValueAccess::arr(node.constant)->items[i]);
    }
    if (missing.empty())
        return noneMissing;
    scratch = Value::array(std::move(missing));
    return scratch;
}

const Value &evalInPackedStrings(const Node &node, const Value &data, Value &)
{
    Value s;
    const Value &a = evaluate(node.args[0], data, s);
    if (!a.isString())
        return kFalse; // === against strings only
    const QString &needle = ValueAccess::str(a)->text;
    const char16_t *want = reinterpret_cast<const char16_t *>(needle.constData());
    const quint32 wantSize = quint32(needle.size());
    const char16_t *p = node.packed.begin();
    const char16_t *end = node.packed.end();
    while (p < end) {
        const quint32 len = *p++;
        // Codes in one list usually share their prefix (430102, 430103, …): the last unit rules most out.
        if (len == wantSize && (len == 0 || p[len - 1] == want[len - 1])) {
            quint32 i = 0;
            while (i < len && p[i] == want[i])
                ++i;
            if (i == len)
                return kTrue;
        }
        p += len;
    }
    return kFalse;
}

const Value &evalConstant(const Node &node, const Value &, Value &)
{
    return node.constant;
}

const Value &evalArrayLiteral(const Node &node, const Value &data, Value &scratch)
{
    std::vector<Value> out;
    out.reserve(node.args.size());
    for (const Node &a : node.args) {
        Value s;
        out.push_back(evaluate(a, data, s));
    }
    scratch = Value::array(std::move(out));
    return scratch;
}

const Value &evalVarPath(const Node &node, const Value &data, Value &scratch)
{
    if (node.wholeData)
        return data;
    const Value *current = &data;
    for (const PathStep &step : node.path) {
        if (current->isObject()) {
            // hot path: object member by interned key
            current = ValueAccess::obj(*current)->find(step.keyId);
            if (!current || current->isUndefined())
                return node.constant;
            continue;
        }
        if (current->isNullish())
            return node.constant;
        Value computed;
        const Value *next = property(*current, step, computed);
        if (!next)
            return node.constant;
        if (next == &computed) {
            scratch = std::move(computed);
            next = &scratch;
        }
        current = next;
    }
    return *current;
}

Program Program::flatten(const BuildNode &root)
{
    size_t nodeCount = 0, stepCount = 0, poolSize = 0;
    auto countNodes = [&](auto &&self, const BuildNode &b) -> void {
        ++nodeCount;
        stepCount += b.path.size();
        poolSize += b.packed.size();
        for (const BuildNode &a : b.args)
            self(self, a);
    };
    countNodes(countNodes, root);
    Program p;
    // exact reservations: pointers into the vectors stay valid while they are filled
    p.nodes.reserve(nodeCount);
    p.steps.reserve(stepCount);
    p.pool.reserve(poolSize);
    p.nodes.emplace_back();
    auto place = [&](auto &&self, const BuildNode &b, size_t slot) -> void {
        Node &n = p.nodes[slot];
        n.eval = b.eval;
        n.constant = b.constant;
        n.wholeData = b.wholeData;
        if (!b.path.empty()) {
            n.path.ptr = p.steps.data() + p.steps.size();
            n.path.count = quint32(b.path.size());
            p.steps.insert(p.steps.end(), b.path.begin(), b.path.end());
        }
        if (!b.packed.empty()) {
            n.packed.ptr = p.pool.data() + p.pool.size();
            n.packed.count = quint32(b.packed.size());
            p.pool.insert(p.pool.end(), b.packed.begin(), b.packed.end());
        }
        if (b.args.empty())
            return;
        const size_t first = p.nodes.size();
        p.nodes.resize(first + b.args.size());
        p.nodes[slot].args.ptr = p.nodes.data() + first;
        p.nodes[slot].args.count = quint32(b.args.size());
        for (size_t i = 0; i < b.args.size(); ++i)
            self(self, b.args[i], first + i);
    };
    place(place, root, 0);
    return p;
}

namespace {
enum class Cmp { Less, LessEq, Greater, GreaterEq };

template<Cmp C>
inline bool cmpNumbers(double x, double y)
{
    switch (C) {
    case Cmp::Less:
        return x < y;
    case Cmp::LessEq:
        return x <= y;
    case Cmp::Greater:
        return x > y;
    case Cmp::GreaterEq:
        return x >= y;
    }
    return false;
}

template<Cmp C>
inline bool cmpValues(const Value &a, const Value &b)
{
    if (a.isNumber() && b.isNumber())
        return cmpNumbers<C>(ValueAccess::num(a), ValueAccess::num(b));
    switch (C) {
    case Cmp::Less:
        return less(a, b, false);
    case Cmp::LessEq:
        return less(a, b, true);
    case Cmp::Greater:
        return less(b, a, false);
    case Cmp::GreaterEq:
        return less(b, a, true);
    }
    return false;
}

/// {op: [var, number]} or {op: [number, var]} in one call: the var lookup is inlined and a number
/// compares directly; anything else takes JavaScript's general comparison.
template<Cmp C, int VarIndex>
const Value &opCmpVarConst(const Node &n, const Value &data, Value &)
{
    Value s;
    const Value &v = evalVarPath(n.args[VarIndex], data, s);
    const Value &k = n.args[1 - VarIndex].constant;
    return boolRef(VarIndex == 0 ? cmpValues<C>(v, k) : cmpValues<C>(k, v));
}

/// {"<" or "<=": [number, var, number]}: the between form in one call.
template<Cmp C>
const Value &opBetweenVar(const Node &n, const Value &data, Value &)
{
    Value s;
    const Value &v = evalVarPath(n.args[1], data, s);
    return boolRef(cmpValues<C>(n.args[0].constant, v) && cmpValues<C>(v, n.args[2].constant));
}
} // namespace

EvalFn fusedComparison(QStringView name, const BuildNode &node)
{
    auto isVar = [](const BuildNode &b) {
        return b.eval == evalVarPath;
    };
    auto isNum = [](const BuildNode &b) {
        return b.isConstant && b.constant.isNumber();
    };
    const auto &a = node.args;
    Cmp c;
    if (name == u"<")
        c = Cmp::Less;
    else if (name == u"<=")
        c = Cmp::LessEq;
    else if (name == u">")
        c = Cmp::Greater;
    else if (name == u">=")
        c = Cmp::GreaterEq;
    else
        return nullptr;
    if (a.size() == 2 && isVar(a[0]) && isNum(a[1])) {
        switch (c) {
        case Cmp::Less:
            return opCmpVarConst<Cmp::Less, 0>;
        case Cmp::LessEq:
            return opCmpVarConst<Cmp::LessEq, 0>;
        case Cmp::Greater:
            return opCmpVarConst<Cmp::Greater, 0>;
        case Cmp::GreaterEq:
            return opCmpVarConst<Cmp::GreaterEq, 0>;
        }
    }
    if (a.size() == 2 && isNum(a[0]) && isVar(a[1])) {
        switch (c) {
        case Cmp::Less:
            return opCmpVarConst<Cmp::Less, 1>;
        case Cmp::LessEq:
            return opCmpVarConst<Cmp::LessEq, 1>;
        case Cmp::Greater:
            return opCmpVarConst<Cmp::Greater, 1>;
        case Cmp::GreaterEq:
            return opCmpVarConst<Cmp::GreaterEq, 1>;
        }
    }
    if (a.size() == 3 && isNum(a[0]) && isVar(a[1]) && isNum(a[2])) {
        if (c == Cmp::Less)
            return opBetweenVar<Cmp::Less>;
        if (c == Cmp::LessEq)
            return opBetweenVar<Cmp::LessEq>;
    }
    return nullptr;
}

std::vector<PathStep> splitPath(const QString &path)
{
    std::vector<PathStep> steps;
    for (const QStringView part : QStringView(path).split(u'.'))
        steps.push_back(makeStep(part.toString(), true));
    return steps;
}

} // namespace XinDai::Rules::Internal
