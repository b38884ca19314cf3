#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace XinDai::Demo::Internal {

/// Small helpers to build JsonLogic rules as JSON values (always valid JSON by construction).
class RuleBuilder
{
public:
    static QJsonObject var(const QString &path) { return op(QStringLiteral("var"), path); }
    static QJsonObject op(const QString &name, const QJsonValue &args)
    {
        QJsonObject o;
        o.insert(name, args);
        return o;
    }
    static QJsonObject all(const QJsonArray &terms) { return op(QStringLiteral("and"), terms); }
    static QJsonObject any(const QJsonArray &terms) { return op(QStringLiteral("or"), terms); }
    static QJsonObject notTrue(const QJsonValue &term) { return op(QStringLiteral("!"), term); }
    /// {"<cmp>":[{"var":path}, value]}
    static QJsonObject cmp(const QString &cmp, const QString &path, const QJsonValue &value)
    {
        return op(cmp, QJsonArray{var(path), value});
    }
    /// {"in":[{"var":path}, [values…]]}
    static QJsonObject oneOf(const QString &path, const QJsonArray &values)
    {
        return op(QStringLiteral("in"), QJsonArray{var(path), values});
    }
    /// {"in":[value, {"var":path}]}: \a value is an element of the array fact \a path.
    static QJsonObject has(const QString &path, const QString &value)
    {
        return op(QStringLiteral("in"), QJsonArray{value, var(path)});
    }
    /// Compact JSON text of a rule.
    static QString text(const QJsonObject &rule);
};

} // namespace XinDai::Demo::Internal
