#include "matching/thresholdwhatif.h"

#include "matching/factbuilder.h"
#include "matching/factcatalog.h"
#include "matching/matchingtr_p.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace XinDai::Matching {

namespace {

const QStringList kComparisons{u">="_s, u">"_s, u"<="_s, u"<"_s, u"=="_s, u"!="_s, u"==="_s, u"!=="_s};

/// The fact of {"var": "name"} or {"var": ["name", default]}; empty for anything else.
QString varName(const QJsonValue &v)
{
    if (!v.isObject())
        return {};
    const QJsonObject o = v.toObject();
    if (o.size() != 1 || !o.contains(u"var"_s))
        return {};
    const QJsonValue arg = o.value(u"var"_s);
    if (arg.isString())
        return arg.toString();
    if (arg.isArray() && !arg.toArray().isEmpty() && arg.toArray().first().isString())
        return arg.toArray().first().toString();
    return {};
}

/// JSON Pointer escaping of one reference token (RFC 6901).
QString token(const QString &key)
{
    QString t = key;
    t.replace(u'~', u"~0"_s);
    t.replace(u'/', u"~1"_s);
    return t;
}

void collect(const QJsonValue &node, const QString &pointer, QVector<ThresholdWhatIf::Threshold> &out)
{
    if (node.isArray()) {
        const QJsonArray a = node.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            collect(a.at(i), pointer + u'/' + QString::number(i), out);
        return;
    }
    if (!node.isObject())
        return;
    const QJsonObject o = node.toObject();
    if (o.size() != 1)
        return;
    const QString op = o.begin().key();
    const QJsonValue args = o.begin().value();
    const QString here = pointer + u'/' + token(op);
    if (kComparisons.contains(op) && args.isArray()) {
        const QJsonArray a = args.toArray();
        const bool between = a.size() == 3 && (op == u"<" || op == u"<=") && a.at(0).isDouble()
                             && !varName(a.at(1)).isEmpty() && a.at(2).isDouble();
        if (between) {
            const QString fact = varName(a.at(1));
            out.append({here + u"/0"_s, fact, op, a.at(0).toDouble(), false});
            out.append({here + u"/2"_s, fact, op, a.at(2).toDouble(), true});
            return;
        }
        if (a.size() == 2) {
            if (!varName(a.at(0)).isEmpty() && a.at(1).isDouble()) {
                out.append({here + u"/1"_s, varName(a.at(0)), op, a.at(1).toDouble(), true});
                return;
            }
            if (a.at(0).isDouble() && !varName(a.at(1)).isEmpty()) {
                out.append({here + u"/0"_s, varName(a.at(1)), op, a.at(0).toDouble(), false});
                return;
            }
        }
    }
    collect(args, here, out);
}

/// Replaces the number at \a tokens[depth…] below \a node; false when the path does not lead to a number.
bool replaceAt(QJsonValue &node, const QStringList &tokens, qsizetype depth, double value)
{
    if (depth == tokens.size()) {
        if (!node.isDouble())
            return false;
        node = value;
        return true;
    }
    QString key = tokens.at(depth);
    key.replace(u"~1"_s, u"/"_s);
    key.replace(u"~0"_s, u"~"_s);
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (!o.contains(key))
            return false;
        QJsonValue child = o.value(key);
        if (!replaceAt(child, tokens, depth + 1, value))
            return false;
        o.insert(key, child);
        node = o;
        return true;
    }
    if (node.isArray()) {
        bool ok = false;
        const qsizetype i = key.toLongLong(&ok);
        QJsonArray a = node.toArray();
        if (!ok || i < 0 || i >= a.size())
            return false;
        QJsonValue child = a.at(i);
        if (!replaceAt(child, tokens, depth + 1, value))
            return false;
        a.replace(i, child);
        node = a;
        return true;
    }
    return false;
}

} // namespace

QVector<ThresholdWhatIf::Threshold> ThresholdWhatIf::thresholds(const QJsonValue &rule)
{
    QVector<Threshold> out;
    collect(rule, QString(), out);
    return out;
}

std::optional<QJsonValue> ThresholdWhatIf::withValue(const QJsonValue &rule, const QString &pointer,
                                                     double value, QString *error)
{
    const QVector<Threshold> all = thresholds(rule);
    const bool isThreshold
        = std::any_of(all.cbegin(), all.cend(), [&](const Threshold &t) { return t.pointer == pointer; });
    QJsonValue changed = rule;
    if (!std::isfinite(value) || !isThreshold || !pointer.startsWith(u'/')
        || !replaceAt(changed, pointer.mid(1).split(u'/'), 0, value)) {
        if (error)
            *error = Internal::Tr::tr("%1 is not a numeric threshold of this rule.").arg(pointer);
        return std::nullopt;
    }
    return changed;
}

ThresholdWhatIf::Outcome ThresholdWhatIf::compare(const Rules::CompiledRule &before,
                                                  const Rules::CompiledRule &after,
                                                  const QVector<FirmFacts> &firms)
{
    Outcome o;
    for (int i = 0; i < firms.size(); ++i) {
        const Rules::Value facts = FactBuilder::facts(firms.at(i));
        const bool was = before.isValid() && before.matches(facts);
        const bool is = after.isValid() && after.matches(facts);
        o.before += was ? 1 : 0;
        o.after += is ? 1 : 0;
        if (is && !was)
            o.gained.append(i);
        else if (was && !is)
            o.lost.append(i);
    }
    return o;
}

QString ThresholdWhatIf::describe(const Threshold &t, Language language, std::optional<double> value)
{
    const QString label = FactCatalog::label(t.fact, language);
    const QString unit = FactCatalog::unit(t.fact, language);
    const QString number
        = FactCatalog::formatNumber(value.value_or(t.value)) + (unit.isEmpty() ? QString() : u' ' + unit);
    const QString sign = FactCatalog::operatorSymbol(t.op);
    return t.factOnLeft ? label + u' ' + sign + u' ' + number : number + u' ' + sign + u' ' + label;
}

} // namespace XinDai::Matching
