#include "sync/canonicaljson.h"

#include "sync/wiretext_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

namespace {

void writeString(QStringView s, QByteArray &out)
{
    // Straight from UTF-16 to escaped UTF-8, no intermediate QByteArray: pull pages write hundreds of
    // thousands of strings. A lone surrogate becomes U+FFFD, as QString::toUtf8() writes it.
    static const char hex[] = "0123456789abcdef";
    out.reserve(out.size() + s.size() * 3 + 2);
    out.append('"');
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                out.append('\\');
                out.append(char(c));
            } else if (c < 0x20) {
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 0xf]);
            } else {
                out.append(char(c));
            }
            continue;
        }
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
            cp = QChar::surrogateToUcs4(c, s[i + 1].unicode());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            cp = 0xFFFD;
        }
        Internal::appendUtf8(cp, out);
    }
    out.append('"');
}

void writeUtf8String(QUtf8StringView s, QByteArray &out)
{
    // Copies UTF-8 as it is, escaping as writeString() does. A surrogate encoded in three bytes
    // (SQLite's UTF-8 of a lone UTF-16 surrogate) becomes U+FFFD, as from UTF-16.
    static const char hex[] = "0123456789abcdef";
    out.reserve(out.size() + s.size() + 2);
    out.append('"');
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const qsizetype n = s.size();
    qsizetype run = 0; // start of the bytes not yet copied
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        const bool surrogate = c == 0xED && i + 2 < n && p[i + 1] >= 0xA0;
        if (c >= 0x20 && c != '"' && c != '\\' && !surrogate)
            continue;
        out.append(reinterpret_cast<const char *>(p + run), i - run);
        if (surrogate) {
            out.append("\xEF\xBF\xBD");
            i += 2;
        } else if (c < 0x20) {
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        } else {
            out.append('\\');
            out.append(char(c));
        }
        run = i + 1;
    }
    out.append(reinterpret_cast<const char *>(p + run), n - run);
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

void CanonicalJson::appendString(QStringView text, QByteArray &out)
{
    writeString(text, out);
}

void CanonicalJson::appendString(QUtf8StringView utf8, QByteArray &out)
{
    writeUtf8String(utf8, out);
}

void CanonicalJson::appendInteger(qint64 value, QByteArray &out)
{
    if (value >= -Q_INT64_C(9007199254740992) && value <= Q_INT64_C(9007199254740992))
        out.append(QByteArray::number(value));
    else
        writeNumber(double(value), out); // as a JSON number it is a double: same bytes as append()
}

} // namespace XinDai::Sync
