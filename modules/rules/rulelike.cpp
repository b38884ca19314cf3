#include "rules/rulelike.h"

#include <QJsonArray>
#include <QJsonObject>

namespace XinDai::Rules {

namespace {
bool isLogic(const QJsonValue &v)
{
    return v.isObject() && v.toObject().size() == 1;
}

/// JavaScript ===: objects and arrays are never identical to a different parse of themselves.
bool strictlyEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isObject() || a.isArray() || b.isObject() || b.isArray())
        return false;
    return a == b;
}
} // namespace

bool ruleLike(const QJsonValue &rule, const QJsonValue &pattern)
{
    if (strictlyEqual(pattern, rule))
        return true;
    if (pattern.isString()) {
        const QString p = pattern.toString();
        if (p == u"@")
            return true;
        if (p == u"number")
            return rule.isDouble();
        if (p == u"string")
            return rule.isString();
        if (p == u"array")
            return rule.isArray();
    }
    if (isLogic(pattern)) {
        if (!isLogic(rule))
            return false;
        const QJsonObject p = pattern.toObject();
        const QJsonObject r = rule.toObject();
        const QString patternOp = p.begin().key();
        if (patternOp == u"@" || patternOp == r.begin().key())
            return ruleLike(r.begin().value(), p.begin().value());
        return false;
    }
    if (pattern.isArray()) {
        if (!rule.isArray())
            return false;
        const QJsonArray p = pattern.toArray();
        const QJsonArray r = rule.toArray();
        if (p.size() != r.size())
            return false;
        for (qsizetype i = 0; i < p.size(); ++i) {
            if (!ruleLike(r.at(i), p.at(i)))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace XinDai::Rules
