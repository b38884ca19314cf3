#include "sync/canonicaljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

namespace {

void writeString(const QString &s, QByteArray &out)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(ch);
        } else if (c < 0x20) {
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        } else {
            out.append(ch);
        }
    }
    out.append('"');
}

void writeNumber(double d, QByteArray &out)
{
    if (!std::isfinite(d)) { // not representable in JSON; QJsonValue never holds one from parsed text
        out.append("null");
        return;
    }
    if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0) {
        out.append(QByteArray::number(static_cast<qint64>(d))); // also turns -0 into 0
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void write(const QJsonValue &value, QByteArray &out)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        writeNumber(value.toDouble(), out);
        break;
    case QJsonValue::String:
        writeString(value.toString(), out);
        break;
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            write(array.at(i), out);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QList<QPair<QByteArray, QString>> keys;
        keys.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            keys.append({it.key().toUtf8(), it.key()});
        std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        out.append('{');
        bool first = true;
        for (const auto &key : std::as_const(keys)) {
            if (!first)
                out.append(',');
            first = false;
            writeString(key.second, out);
            out.append(':');
            write(object.value(key.second), out);
        }
        out.append('}');
        break;
    }
    }
}

} // namespace

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    QByteArray out;
    write(value, out);
    return out;
}

void CanonicalJson::append(const QJsonValue &value, QByteArray &out)
{
    write(value, out);
}

void CanonicalJson::appendString(const QString &text, QByteArray &out)
{
    writeString(text, out);
}

} // namespace XinDai::Sync
