#include "rules/compiledrule.h"

#include "rules/node_p.h"
#include "rules/operations_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace XinDai::Rules {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Rules)
};

using Internal::BuildNode;
using Internal::Program;

/// JSON Pointer (RFC 6901) segment escaping.
QString pointerSegment(const QString &key)
{
    QString s = key;
    s.replace(u'~', QStringLiteral("~0"));
    s.replace(u'/', QStringLiteral("~1"));
    return s;
}

class Compiler
{
public:
    QString error;

    bool compile(const QJsonValue &rule, const QString &path, BuildNode &out)
    {
        if (rule.isArray())
            return compileArray(rule.toArray(), path, out);
        if (rule.isObject()) {
            const QJsonObject object = rule.toObject();
            if (object.size() == 1)
                return compileOperation(object.begin().key(), object.begin().value(), path, out);
        }
        // Scalars and objects with other than one key are data, returned as they are.
        makeConstant(out, Value::fromJson(rule));
        return true;
    }

private:
    static void makeConstant(BuildNode &node, Value v)
    {
        node.eval = Internal::evalConstant;
        node.constant = std::move(v);
        node.args.clear();
        node.path.clear();
        node.isConstant = true;
    }

    /// Evaluates a sub-tree without data dependencies once, at compile time.
    static Value fold(const BuildNode &node)
    {
        const Program program = Program::flatten(node);
        Value scratch;
        return Value(Internal::evaluate(program.root(), Value(), scratch));
    }

    static bool allConstant(const BuildNode &node)
    {
        for (const BuildNode &a : node.args) {
            if (!a.isConstant)
                return false;
        }
        return true;
    }

    bool compileArray(const QJsonArray &array, const QString &path, BuildNode &out)
    {
        out.eval = Internal::evalArrayLiteral;
        out.args.resize(size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!compile(array.at(i), path + u'/' + QString::number(i), out.args[size_t(i)]))
                return false;
        }
        if (allConstant(out)) {
            makeConstant(out, fold(out));
        }
        return true;
    }

    bool compileOperation(const QString &name, const QJsonValue &values, const QString &path, BuildNode &out)
    {
        const QString opPath = path + u'/' + pointerSegment(name);
        const Internal::OperationInfo *op = Internal::findOperation(name);
        if (!op) {
            error = Tr::tr("Unrecognized operation %1 at %2").arg(name, opPath);
            return false;
        }
        // {"var": "x"} is shorthand for {"var": ["x"]}
        if (values.isArray()) {
            const QJsonArray list = values.toArray();
            out.args.resize(size_t(list.size()));
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (!compile(list.at(i), opPath + u'/' + QString::number(i), out.args[size_t(i)]))
                    return false;
            }
        } else {
            out.args.resize(1);
            if (!compile(values, opPath, out.args[0]))
                return false;
        }
        if (int(out.args.size()) < op->minArgs) {
            error = Tr::tr("The operation %1 at %2 needs at least %3 argument(s).")
                        .arg(name, opPath)
                        .arg(op->minArgs);
            return false;
        }
        while (int(out.args.size()) < op->padTo) {
            BuildNode pad;
            // reduce's missing initial value is null; a missing scoped logic is undefined
            makeConstant(pad, out.args.size() == 2 ? Value() : Value::undefined());
            out.args.push_back(std::move(pad));
        }
        out.eval = op->eval;

        if (name == u"var" && allConstant(out))
            return compileVarPath(out);
        if (name == u"missing" && allConstant(out)) {
            compileFixedMissing(out);
            return true;
        }

        if (name == u"in" && out.args.size() == 2 && !out.args[0].isConstant && out.args[1].isConstant)
            packStrings(out);

        if (const Internal::EvalFn fused = Internal::fusedComparison(name, out))
            out.eval = fused;

        if (op->pure && allConstant(out)) {
            makeConstant(out, fold(out));
        }
        return true;
    }

    /// in over a constant array of strings: pack them next to each other for a cache-friendly scan.
    static void packStrings(BuildNode &out)
    {
        const Value &list = out.args[1].constant;
        if (!list.isArray() || list.size() == 0)
            return;
        std::vector<char16_t> packed;
        for (const Value &item : list.items()) {
            if (!item.isString() || item.stringValue().size() >= 0xffff)
                return;
            const QString &s = item.stringValue();
            packed.push_back(char16_t(s.size()));
            for (const QChar c : s)
                packed.push_back(c.unicode());
        }
        out.packed = std::move(packed);
        out.eval = Internal::evalInPackedStrings;
    }

    /// missing with constant keys: one pre-split var lookup per key (as json-logic-js applies
    /// {"var": key}; an array key is var's argument list).
    static void compileFixedMissing(BuildNode &out)
    {
        std::vector<Value> keys;
        if (!out.args.empty() && out.args[0].constant.isArray()) {
            keys = out.args[0].constant.items();
        } else {
            for (const BuildNode &a : out.args)
                keys.push_back(a.constant);
        }
        const Internal::EvalFn varEval = Internal::findOperation(u"var")->eval;
        std::vector<BuildNode> lookups(keys.size());
        for (size_t i = 0; i < keys.size(); ++i) {
            BuildNode &lookup = lookups[i];
            lookup.eval = varEval;
            const std::vector<Value> varArgs
                = keys[i].isArray() ? keys[i].items() : std::vector<Value>{keys[i]};
            for (const Value &v : varArgs) {
                BuildNode c;
                makeConstant(c, v);
                lookup.args.push_back(std::move(c));
            }
            compileVarPath(lookup);
        }
        out.args = std::move(lookups);
        out.constant = Value::array(std::move(keys));
        out.eval = Internal::evalMissingFixed;
    }

    /// var with constant arguments: split the path once; the default becomes the node's constant.
    static bool compileVarPath(BuildNode &out)
    {
        const Value a = out.args.empty() ? Value::undefined() : out.args[0].constant;
        const Value b = out.args.size() > 1 ? out.args[1].constant : Value::undefined();
        if (!a.isString() && !a.isNumber() && !a.isNullish())
            return true; // unusual key types (booleans, arrays…) keep the generic path
        out.constant = b.isUndefined() ? Value() : b;
        if (a.isNullish() || (a.isString() && a.stringValue().isEmpty())) {
            out.wholeData = true;
        } else {
            const QString key = a.isString() ? a.stringValue() : QString::fromUtf8(a.toJsonText());
            out.path = Internal::splitPath(key);
        }
        out.args.clear();
        out.eval = Internal::evalVarPath;
        return true;
    }
};

} // namespace

CompiledRule CompiledRule::compile(const QJsonValue &rule, QString *error)
{
    CompiledRule result;
    result.m_source = rule;
    Compiler compiler;
    BuildNode root;
    if (compiler.compile(rule, QString(), root)) {
        result.m_root = std::make_shared<const Program>(Program::flatten(root));
    } else {
        result.m_error = compiler.error;
        if (error)
            *error = compiler.error;
    }
    return result;
}

CompiledRule CompiledRule::compileJson(const QByteArray &text, QString *error)
{
    QString parseError;
    const Value parsed = Value::parseJson(text, &parseError);
    if (parsed.isUndefined()) {
        CompiledRule result;
        result.m_error = Tr::tr("The rule is not valid JSON: %1.").arg(parseError);
        if (error)
            *error = result.m_error;
        return result;
    }
    return compile(parsed.toJson(), error);
}

Value CompiledRule::evaluate(const Value &data) const
{
    if (!m_root)
        return Value::undefined();
    Value scratch;
    return Value(Internal::evaluate(m_root->root(), data, scratch));
}

bool CompiledRule::matches(const Value &data) const
{
    if (!m_root)
        return false;
    Value scratch;
    return truthy(Internal::evaluate(m_root->root(), data, scratch));
}

} // namespace XinDai::Rules
