#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace XinDai::Scoring::Internal {

void JsonReader::fail(const QString &path, const QString &reason)
{
    throw ModelError{path, reason};
}

QJsonObject JsonReader::parseDocument(const QByteArray &bytes)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        fail(QStringLiteral("$"),
             Tr::tr("The file is not valid JSON (%1 at byte %2).").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        fail(QStringLiteral("$"), Tr::tr("The top level of a model file must be a JSON object."));
    return doc.object();
}

QString JsonReader::child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString JsonReader::index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

QJsonObject JsonReader::object(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(path, Tr::tr("Expected a JSON object."));
    return value.toObject();
}

QJsonArray JsonReader::array(const QJsonValue &value, const QString &path)
{
    if (!value.isArray())
        fail(path, Tr::tr("Expected a JSON array."));
    return value.toArray();
}

double JsonReader::number(const QJsonValue &value, const QString &path)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        fail(path, Tr::tr("Expected a finite number."));
    return value.toDouble();
}

QString JsonReader::string(const QJsonValue &value, const QString &path)
{
    if (!value.isString() || value.toString().isEmpty())
        fail(path, Tr::tr("Expected a non-empty string."));
    return value.toString();
}

double JsonReader::ratio(const QJsonValue &value, const QString &path)
{
    if (value.isString()) {
        const QStringList parts = value.toString().split(u'/');
        bool okA = false;
        bool okB = parts.size() == 2;
        const double a = parts.value(0).trimmed().toDouble(&okA);
        const double b = okB ? parts.value(1).trimmed().toDouble(&okB) : 0.0;
        if (!okA || !okB || b == 0.0)
            fail(path, Tr::tr("Expected a number or a fraction such as \"1/3\", found \"%1\".")
                           .arg(value.toString()));
        return a / b;
    }
    return number(value, path);
}

QJsonObject JsonReader::requiredObject(const QJsonObject &o, const QString &key, const QString &path)
{
    if (!o.contains(key))
        fail(child(path, key), Tr::tr("This required object is missing."));
    return object(o.value(key), child(path, key));
}

QJsonArray JsonReader::requiredArray(const QJsonObject &o, const QString &key, const QString &path)
{
    if (!o.contains(key))
        fail(child(path, key), Tr::tr("This required array is missing."));
    return array(o.value(key), child(path, key));
}

double JsonReader::requiredNumber(const QJsonObject &o, const QString &key, const QString &path)
{
    if (!o.contains(key))
        fail(child(path, key), Tr::tr("This required number is missing."));
    return number(o.value(key), child(path, key));
}

QString JsonReader::requiredString(const QJsonObject &o, const QString &key, const QString &path)
{
    if (!o.contains(key))
        fail(child(path, key), Tr::tr("This required text is missing."));
    return string(o.value(key), child(path, key));
}

std::optional<double> JsonReader::optionalNumber(const QJsonObject &o, const QString &key,
                                                 const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return number(v, child(path, key));
}

QString describe(const ModelError &error)
{
    return Tr::tr("The model file was refused at %1: %2").arg(error.path, error.reason);
}

} // namespace XinDai::Scoring::Internal
