#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace XinDai::Sync::Internal {

namespace {

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString displayPath(const QString &path)
{
    return path.isEmpty() ? u"(message)"_s : path;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, const QString &path, QString *error)
    : m_object(object)
    , m_path(path)
    , m_error(error)
{}

QString JsonReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

bool JsonReader::fail(const QString &key, const QString &message)
{
    if (m_ok && m_error)
        *m_error = message.arg(key.isEmpty() ? displayPath(m_path) : pathOf(key));
    m_ok = false;
    return false;
}

bool JsonReader::lookup(const QString &key, bool required, QJsonValue *value)
{
    if (!m_ok)
        return false;
    *value = m_object.value(key);
    if (value->isUndefined() && required)
        return fail(key, Tr::tr("The field %1 is missing."));
    return true;
}

bool JsonReader::onlyKeys(const QStringList &allowed)
{
    if (!m_ok)
        return false;
    const QStringList keys = m_object.keys();
    for (const QString &key : keys) {
        if (!allowed.contains(key))
            return fail(key, Tr::tr("The field %1 is not part of the sync protocol."));
    }
    return true;
}

bool JsonReader::string(const QString &key, QString *out, bool required)
{
    QJsonValue v;
    if (!lookup(key, required, &v))
        return false;
    if (v.isUndefined())
        return true;
    if (!v.isString())
        return fail(key, Tr::tr("The field %1 must be a string."));
    *out = v.toString();
    return true;
}

bool JsonReader::uuid(const QString &key, QString *out)
{
    QString s;
    if (!string(key, &s))
        return false;
    if (!isStoreUuid(s))
        return fail(key, Tr::tr("The field %1 must be a lower-case UUID without braces."));
    *out = s;
    return true;
}

bool JsonReader::entity(const QString &key, QString *out)
{
    QString s;
    if (!string(key, &s))
        return false;
    if (!isEntityName(s))
        return fail(key, Tr::tr("The field %1 must be an entity name (lower-case letters, digits and "
                                "underscores, starting with a letter, at most 64 characters)."));
    *out = s;
    return true;
}

bool JsonReader::integer(const QString &key, qint64 min, qint64 max, qint64 *out, bool required)
{
    QJsonValue v;
    if (!lookup(key, required, &v))
        return false;
    if (v.isUndefined())
        return true;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > MaxExactInteger)
        return fail(key, Tr::tr("The field %1 must be a whole number."));
    const auto n = static_cast<qint64>(d);
    if (n < min || n > max) {
        if (m_ok && m_error)
            *m_error = Tr::tr("The field %1 must lie between %2 and %3.").arg(pathOf(key)).arg(min).arg(max);
        m_ok = false;
        return false;
    }
    *out = n;
    return true;
}

bool JsonReader::boolean(const QString &key, bool *out)
{
    QJsonValue v;
    if (!lookup(key, true, &v))
        return false;
    if (!v.isBool())
        return fail(key, Tr::tr("The field %1 must be true or false."));
    *out = v.toBool();
    return true;
}

bool JsonReader::timestamp(const QString &key, QDateTime *out)
{
    QString s;
    if (!string(key, &s))
        return false;
    if (!parseTimestamp(s, out))
        return fail(key, Tr::tr("The field %1 must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ."));
    return true;
}

bool parseTimestamp(const QString &s, QDateTime *out)
{
    static const QRegularExpression form(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    QDateTime t;
    if (form.match(s).hasMatch())
        t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    *out = t.toUTC();
    return true;
}

bool JsonReader::object(const QString &key, QJsonObject *out, bool required)
{
    QJsonValue v;
    if (!lookup(key, required, &v))
        return false;
    if (v.isUndefined())
        return true;
    if (!v.isObject())
        return fail(key, Tr::tr("The field %1 must be a JSON object."));
    *out = v.toObject();
    return true;
}

bool JsonReader::array(const QString &key, QJsonArray *out, bool required)
{
    QJsonValue v;
    if (!lookup(key, required, &v))
        return false;
    if (v.isUndefined())
        return true;
    if (!v.isArray())
        return fail(key, Tr::tr("The field %1 must be a JSON array."));
    *out = v.toArray();
    return true;
}

QString elementPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

bool failNotObject(const QString &path, qsizetype index, QString *error)
{
    if (error)
        *error = Tr::tr("The entry %1 must be a JSON object.").arg(elementPath(path, index));
    return false;
}

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}

bool isStoreUuid(const QString &s)
{
    if (s.size() != 36)
        return false;
    const QUuid id = QUuid::fromString(s);
    return !id.isNull() && id.toString(QUuid::WithoutBraces) == s;
}

bool isEntityName(const QString &s)
{
    static const QRegularExpression form(u"^[a-z][a-z0-9_]{0,63}$"_s);
    return form.match(s).hasMatch();
}

} // namespace XinDai::Sync::Internal
