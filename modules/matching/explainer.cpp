#include "matching/explainer.h"

#include "matching/factcatalog.h"
#include "rules/compiledrule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace XinDai::Matching {

namespace {

using Rules::Value;
using Kind = Condition::Kind;

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(Value::fromJson(v).toJsonText());
}

QString escapePointer(QString key)
{
    key.replace(u'~', QStringLiteral("~0"));
    key.replace(u'/', QStringLiteral("~1"));
    return key;
}

/// The fact name of {"var": "name"} (or {"var": ["name", default]}); nullopt for anything else.
std::optional<QString> varName(const QJsonValue &v)
{
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    if (o.size() != 1 || !o.contains(u"var"))
        return std::nullopt;
    QJsonValue arg = o.value(u"var");
    if (arg.isArray())
        arg = arg.toArray().at(0);
    if (!arg.isString())
        return std::nullopt;
    return arg.toString();
}

bool isOperation(const QJsonValue &v)
{
    return v.isObject() && v.toObject().size() == 1;
}

Value evaluate(const QJsonValue &fragment, const Value &facts)
{
    const Rules::CompiledRule rule = Rules::CompiledRule::compile(fragment);
    return rule.isValid() ? rule.evaluate(facts) : Value::undefined();
}

/// A threshold: literals as they are, expressions evaluated against the facts.
Value operand(const QJsonValue &v, const Value &facts)
{
    return isOperation(v) || v.isArray() ? evaluate(v, facts) : Value::fromJson(v);
}

QString mirrored(const QString &op)
{
    if (op == u">=")
        return QStringLiteral("<=");
    if (op == u"<=")
        return QStringLiteral(">=");
    if (op == u">")
        return QStringLiteral("<");
    if (op == u"<")
        return QStringLiteral(">");
    return op; // == === != !== are symmetric
}

bool isComparison(const QString &op)
{
    static const QStringList ops
        = {QStringLiteral(">="), QStringLiteral("<="),  QStringLiteral(">"),  QStringLiteral("<"),
           QStringLiteral("=="), QStringLiteral("==="), QStringLiteral("!="), QStringLiteral("!==")};
    return ops.contains(op);
}

Condition build(const QJsonValue &node, const Value &facts, const QString &pointer)
{
    Condition c;
    c.fragment = compact(node);
    c.pointer = pointer;
    c.passed = Rules::truthy(evaluate(node, facts));
    if (!isOperation(node))
        return c;
    const QJsonObject object = node.toObject();
    const QString op = object.begin().key();
    const QJsonValue raw = object.begin().value();
    const QJsonArray args = raw.isArray() ? raw.toArray() : QJsonArray{raw};
    const QString base = pointer + u'/' + escapePointer(op);
    c.op = op;

    auto leaf = [&](Kind kind, const QString &fact) {
        c.kind = kind;
        c.fact = fact;
        c.actual = Explainer::factValue(facts, fact);
    };

    if (op == u"and" || op == u"or") {
        c.kind = op == u"and" ? Kind::All : Kind::Any;
        for (qsizetype i = 0; i < args.size(); ++i)
            c.children.append(
                build(args.at(i), facts, raw.isArray() ? base + u'/' + QString::number(i) : base));
        return c;
    }
    if (op == u"var") {
        if (const auto name = varName(node)) {
            leaf(Kind::Flag, *name);
            c.threshold = Value(true);
        }
        return c;
    }
    if ((op == u"!" || op == u"!!") && args.size() == 1) {
        const QJsonValue inner = args.at(0);
        if (const auto name = varName(inner)) {
            leaf(Kind::Flag, *name);
            c.threshold = Value(op == u"!!");
            return c;
        }
        if (op == u"!" && isOperation(inner)) {
            c.kind = Kind::Not;
            c.children.append(build(inner, facts, raw.isArray() ? base + u"/0" : base));
        }
        return c;
    }
    if (isComparison(op) && args.size() == 2) {
        const auto left = varName(args.at(0));
        const auto right = varName(args.at(1));
        if (left.has_value() == right.has_value())
            return c;
        const QString fact = left ? *left : *right;
        const QJsonValue other = left ? args.at(1) : args.at(0);
        if (other.isBool() && op != u">=" && op != u"<=" && op != u">" && op != u"<") {
            const bool negated = op == u"!=" || op == u"!==";
            leaf(Kind::Flag, fact);
            c.threshold = Value(other.toBool() != negated);
            return c;
        }
        leaf(Kind::Compare, fact);
        c.op = left ? op : mirrored(op);
        c.threshold = operand(other, facts);
        return c;
    }
    if ((op == u"<" || op == u"<=") && args.size() == 3) {
        if (const auto name = varName(args.at(1)); name && !varName(args.at(0)) && !varName(args.at(2))) {
            leaf(Kind::Between, *name);
            c.threshold = operand(args.at(0), facts);
            c.upper = operand(args.at(2), facts);
        }
        return c;
    }
    if (op == u"in" && args.size() == 2) {
        const auto needle = varName(args.at(0));
        const auto haystack = varName(args.at(1));
        if (needle && !haystack && args.at(1).isArray()) {
            leaf(Kind::Membership, *needle);
            c.threshold = operand(args.at(1), facts);
        } else if (!needle && haystack) {
            leaf(Kind::Has, *haystack);
            c.threshold = operand(args.at(0), facts);
        }
        return c;
    }
    return c;
}

QString symbol(const QString &op)
{
    return FactCatalog::operatorSymbol(op);
}

void renderInto(const Condition &c, Language language, const Value &facts, int depth, QStringList &out)
{
    out.append(QString(depth * 2, u' ') + Explainer::sentence(c, language, facts));
    for (const Condition &child : c.children)
        renderInto(child, language, facts, depth + 1, out);
}

} // namespace

Explanation Explainer::explain(const QString &ruleText, const Value &facts)
{
    if (ruleText.trimmed().isEmpty()) {
        Explanation e;
        e.valid = true;
        e.passed = true;
        e.root.kind = Kind::All;
        e.root.passed = true;
        return e;
    }
    QString error;
    const Rules::CompiledRule rule = Rules::CompiledRule::compileJson(ruleText.toUtf8(), &error);
    if (!rule.isValid()) {
        Explanation e;
        e.error = error;
        return e;
    }
    return explain(rule.source(), facts);
}

Explanation Explainer::explain(const QJsonValue &rule, const Value &facts)
{
    Explanation e;
    QString error;
    const Rules::CompiledRule compiled = Rules::CompiledRule::compile(rule, &error);
    if (!compiled.isValid()) {
        e.error = error;
        return e;
    }
    e.valid = true;
    e.passed = compiled.matches(facts);
    e.root = build(rule, facts, QString());
    return e;
}

Value Explainer::factValue(const Value &facts, const QString &name)
{
    const Value *current = &facts;
    for (const QStringView part : QStringView(name).split(u'.')) {
        bool isIndex = false;
        const qsizetype index = part.toLongLong(&isIndex);
        if (current->isArray() && isIndex) {
            if (index < 0 || index >= current->size())
                return Value::undefined();
            current = &current->at(index);
            continue;
        }
        current = current->member(part);
        if (!current)
            return Value::undefined();
    }
    return *current;
}

QString Explainer::sentence(const Condition &c, Language language, const Value &facts)
{
    const bool zh = language == Language::Chinese;
    const QString mark = c.passed ? QStringLiteral("✓") : QStringLiteral("✗");
    const QString label = FactCatalog::label(c.fact, language);
    const QString unit = FactCatalog::unit(c.fact, language);
    const QString unitSuffix = unit.isEmpty() ? QString() : u' ' + unit;
    auto show = [&](const Value &v) {
        return FactCatalog::formatValue(c.fact, v, language, facts);
    };

    switch (c.kind) {
    case Kind::All:
        return (zh ? QStringLiteral("满足以下全部条件 ") : QStringLiteral("All of the following ")) + mark;
    case Kind::Any:
        return (zh ? QStringLiteral("满足以下任一条件 ") : QStringLiteral("At least one of the following "))
               + mark;
    case Kind::Not:
        return (zh ? QStringLiteral("不得满足以下条件 ") : QStringLiteral("The following must not hold "))
               + mark;
    case Kind::Compare:
        if (zh)
            return label + u' ' + show(c.actual) + unitSuffix + u' ' + symbol(c.op) + u" 要求 "
                   + show(c.threshold) + unitSuffix + u' ' + mark;
        return label + u' ' + show(c.actual) + u' ' + symbol(c.op) + u" required " + show(c.threshold) + u' '
               + mark;
    case Kind::Between:
        if (zh)
            return label + u' ' + show(c.actual) + unitSuffix + u" 在 " + show(c.threshold) + u"–"
                   + show(c.upper) + unitSuffix
                   + (c.op == u"<" ? QStringLiteral(" 之间（不含端点） ") : QStringLiteral(" 之间 ")) + mark;
        return label + u' ' + show(c.actual) + (c.op == u"<" ? u" strictly between " : u" between ")
               + show(c.threshold) + u" and " + show(c.upper) + u' ' + mark;
    case Kind::Membership:
        if (zh)
            return label + u' ' + show(c.actual) + u" 属于 " + show(c.threshold) + u' ' + mark;
        return label + u' ' + show(c.actual) + u" is one of " + show(c.threshold) + u' ' + mark;
    case Kind::Has:
        if (c.fact == u"firm.qualifications" && c.threshold.isString()) {
            const QString name = FactCatalog::qualificationName(c.threshold.stringValue(), language);
            if (zh)
                return u"需具备" + name + u"资质 " + mark;
            return u"Requires the " + name + u" qualification " + mark;
        }
        if (zh)
            return label + u" 包含 " + show(c.threshold) + u' ' + mark;
        return label + u" includes " + show(c.threshold) + u' ' + mark;
    case Kind::Flag: {
        const bool expected = c.threshold.boolValue();
        const QString phrase = FactCatalog::flagPhrase(c.fact, expected, language);
        if (!phrase.isEmpty())
            return phrase + u' ' + mark;
        if (zh)
            return label + u" 要求 " + (expected ? u"是" : u"否") + u"，实际 " + show(c.actual) + u' ' + mark;
        return label + u": required " + (expected ? u"yes" : u"no") + u", actual " + show(c.actual) + u' '
               + mark;
    }
    case Kind::Generic:
        break;
    }
    return (zh ? QStringLiteral("条件 ") : QStringLiteral("Condition ")) + c.fragment + u' ' + mark;
}

QStringList Explainer::render(const Explanation &explanation, Language language, const Value &facts)
{
    QStringList out;
    if (!explanation.valid)
        return out;
    if (explanation.root.kind == Kind::All) {
        for (const Condition &child : explanation.root.children)
            renderInto(child, language, facts, 0, out);
    } else {
        renderInto(explanation.root, language, facts, 0, out);
    }
    return out;
}

} // namespace XinDai::Matching
