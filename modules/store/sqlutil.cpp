#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace XinDai::Store::Internal {

QStringList metaColumns()
{
    return {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
            QStringLiteral("deleted")};
}

QVariant dateTimeValue(const QDateTime &value)
{
    if (!value.isValid())
        return QVariant();
    return value.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : dt;
}

QVariant dateValue(QDate value)
{
    if (!value.isValid())
        return QVariant();
    return value.toString(Qt::ISODate);
}

QDate toDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant textOrNull(const QString &value)
{
    if (value.isEmpty())
        return QVariant();
    return value;
}

QString toText(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

QString listToJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList jsonToList(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    out.reserve(array.size());
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

void stampForSave(Core::SyncMeta &meta)
{
    if (meta.id.isEmpty())
        meta.id = Core::newId();
    meta.updatedAt = QDateTime::currentDateTimeUtc();
}

QVariantList metaValues(const Core::SyncMeta &meta)
{
    return {meta.id, meta.version, dateTimeValue(meta.updatedAt), meta.deleted ? 1 : 0};
}

Core::SyncMeta readMeta(const QSqlQuery &query, int first)
{
    Core::SyncMeta meta;
    meta.id = query.value(first).toString();
    meta.version = query.value(first + 1).toLongLong();
    meta.updatedAt = toDateTime(query.value(first + 2));
    meta.deleted = query.value(first + 3).toInt() != 0;
    return meta;
}

QString upsertSql(const QString &table, const QStringList &columns)
{
    QStringList marks;
    QStringList updates;
    for (const QString &column : columns) {
        marks.append(QStringLiteral("?"));
        if (column != QLatin1String("id"))
            updates.append(column + QLatin1String(" = excluded.") + column);
    }
    return QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns.join(QLatin1String(", "))
           + QLatin1String(") VALUES (") + marks.join(QLatin1String(", "))
           + QLatin1String(") ON CONFLICT(id) DO UPDATE SET ") + updates.join(QLatin1String(", "));
}

bool upsert(const QSqlDatabase &db, const QString &table, const QStringList &columns,
            const QVariantList &values, const QString &noun, QString *errorMessage)
{
    Q_ASSERT(columns.size() == values.size());
    QSqlQuery query(db);
    if (!run(query, upsertSql(table, columns), values)) {
        setError(errorMessage, saveErrorMessage(query, noun));
        return false;
    }
    return true;
}

QString saveErrorMessage(const QSqlQuery &query, const QString &noun)
{
    return saveErrorMessage(query.lastError().databaseText(), query.lastError().text(), noun);
}

QString saveErrorMessage(const QString &text, const QString &fullText, const QString &noun)
{
    auto fieldAfter = [&text](QLatin1String marker) {
        const qsizetype at = text.indexOf(marker);
        if (at < 0)
            return QString();
        QString field = text.mid(at + marker.size()).trimmed();
        const qsizetype dot = field.lastIndexOf(QLatin1Char('.'));
        if (dot >= 0)
            field = field.mid(dot + 1);
        return field.section(QLatin1Char(','), 0, 0).trimmed();
    };
    if (text.contains(QLatin1String("CHECK constraint failed")))
        return Tr::tr("Could not save the %1: the value of the field “%2” is not allowed "
                      "(for example a negative amount, an empty name or an unknown code).")
            .arg(noun, fieldAfter(QLatin1String("CHECK constraint failed:")));
    if (text.contains(QLatin1String("NOT NULL constraint failed")))
        return Tr::tr("Could not save the %1: the field “%2” is required.")
            .arg(noun, fieldAfter(QLatin1String("NOT NULL constraint failed:")));
    if (text.contains(QLatin1String("UNIQUE constraint failed")))
        return Tr::tr("Could not save the %1: another record already has the same value in the field “%2”.")
            .arg(noun, fieldAfter(QLatin1String("UNIQUE constraint failed:")));
    if (text.contains(QLatin1String("FOREIGN KEY constraint failed")))
        return Tr::tr(
                   "Could not save the %1: it refers to a park, institution, product, firm, application or "
                   "user that is not in this store.")
            .arg(noun);
    return Tr::tr("Could not save the %1: the database reported “%2”.").arg(noun, fullText);
}

QVariant bindable(const QVariant &value)
{
    // The SQLite driver binds a null QString as NULL; an empty text is meant here. Intended NULLs
    // are invalid QVariants (textOrNull, dateValue, dateTimeValue).
    if (value.metaType() == QMetaType::fromType<QString>()
        && static_cast<const QString *>(value.constData())->isNull())
        return QString(QLatin1String(""));
    return value;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, bindable(values.at(i)));
    return query.exec();
}

QString selectSql(const QStringList &columns, const QString &table, const QString &where,
                  const QString &order)
{
    return QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM ") + table
           + QLatin1String(" WHERE ") + where + QLatin1String(" ORDER BY ") + order;
}

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

} // namespace XinDai::Store::Internal
