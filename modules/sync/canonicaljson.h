#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QUtf8StringView>

namespace XinDai::Sync {

/// The one serialization of a JSON value that client and server hash (docs/sync-protocol.md,
/// "Canonical form"): UTF-8, no whitespace, object keys sorted by Unicode code point (= byte order
/// of their UTF-8), integers in [-2^53, 2^53] as plain decimal digits, other numbers in the
/// shortest form that reads back to the same double, strings escaping only '"', '\\' and
/// U+0000..U+001F (as \\u00xx, lower-case hex). Equal JSON values give equal bytes whatever the
/// key order of the text they were parsed from.
class CanonicalJson
{
public:
    /// Canonical bytes of \a value; an Undefined value serializes as null.
    static QByteArray serialize(const QJsonValue &value);
    /// serialize(\a value) appended to \a out (streaming writers build one buffer).
    static void append(const QJsonValue &value, QByteArray &out);
    /// The canonical form of the string \a text appended to \a out (quotes included).
    static void appendString(QStringView text, QByteArray &out);
    /// The same for text already in UTF-8 (read from SQLite without a detour through UTF-16).
    static void appendString(QUtf8StringView utf8, QByteArray &out);
    /// The canonical form of the number \a value appended to \a out (what append() writes for it).
    static void appendInteger(qint64 value, QByteArray &out);
};

} // namespace XinDai::Sync
