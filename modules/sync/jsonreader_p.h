#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace XinDai::Sync::Internal {

/// Strict reader of one JSON object of a sync message. Every failure writes one translated sentence
/// naming the field's full path (e.g. "operations[2].opId") into the error and returns false; after
/// the first failure every further call returns false without overwriting that first message.
class JsonReader
{
public:
    /// \a path is the object's own path ("" for the message root), \a error may be null.
    JsonReader(const QJsonObject &object, const QString &path, QString *error);

    /// Full path of \a key below this object.
    QString pathOf(const QString &key) const;

    /// Fails when the object has a key outside \a allowed.
    bool onlyKeys(const QStringList &allowed);
    bool has(const QString &key) const { return m_object.contains(key); }

    bool string(const QString &key, QString *out, bool required = true);
    /// A UUID in the store's form: 36 characters, lower case, no braces.
    bool uuid(const QString &key, QString *out);
    /// An entity name: [a-z][a-z0-9_]*, at most 64 characters.
    bool entity(const QString &key, QString *out);
    /// An integer in [min, max] (JSON numbers are IEEE doubles: |value| <= 2^53).
    bool integer(const QString &key, qint64 min, qint64 max, qint64 *out, bool required = true);
    bool boolean(const QString &key, bool *out);
    /// A UTC timestamp written exactly as yyyy-MM-ddTHH:mm:ss.zzzZ.
    bool timestamp(const QString &key, QDateTime *out);
    bool object(const QString &key, QJsonObject *out, bool required = true);
    bool array(const QString &key, QJsonArray *out, bool required = true);

    /// Records a failure at \a key with \a message (a sentence with %1 for the path).
    bool fail(const QString &key, const QString &message);

    bool ok() const { return m_ok; }

private:
    /// Looks \a key up: true with \a value set when present; true with \a value undefined when absent
    /// and not \a required; false (failure recorded) when absent and required or after an earlier failure.
    bool lookup(const QString &key, bool required, QJsonValue *value);

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_ok = true;
};

/// "path[index]".
QString elementPath(const QString &path, qsizetype index);
/// Writes a message about the element \a index of \a path not being a JSON object.
bool failNotObject(const QString &path, qsizetype index, QString *error);
/// The wire form of a timestamp (JsonReader::timestamp()): true and *out (UTC) when \a s is
/// yyyy-MM-ddTHH:mm:ss.zzzZ naming a valid time.
bool parseTimestamp(const QString &s, QDateTime *out);
/// The wire form of a timestamp: UTC, milliseconds, "Z".
QString formatTimestamp(const QDateTime &time);
/// True when \a s is a UUID in the store's form (lower case, no braces).
bool isStoreUuid(const QString &s);
/// True when \a s is an entity name ([a-z][a-z0-9_]*, 1..64 characters).
bool isEntityName(const QString &s);

} // namespace XinDai::Sync::Internal
