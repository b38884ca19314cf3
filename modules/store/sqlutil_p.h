#pragma once

#include "core/domain/syncmeta.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <optional>

namespace XinDai::Store::Internal {

/// The columns every synced table starts with, in this order.
QStringList metaColumns();

/// ISO-8601 UTC with milliseconds ("2026-01-31T08:00:00.000Z"); NULL (an invalid QVariant) for an
/// invalid date-time.
QVariant dateTimeValue(const QDateTime &value);
QDateTime toDateTime(const QVariant &value);
/// ISO-8601 date ("2026-01-31"); NULL for an invalid date.
QVariant dateValue(QDate value);
QDate toDate(const QVariant &value);
/// NULL for an empty string (optional foreign keys), the string otherwise.
QVariant textOrNull(const QString &value);
/// The empty string for a NULL column.
QString toText(const QVariant &value);
QString listToJson(const QStringList &list);
QStringList jsonToList(const QVariant &value);

/// Gives the row an id when it has none and stamps updatedAt with the current UTC time.
void stampForSave(Core::SyncMeta &meta);
QVariantList metaValues(const Core::SyncMeta &meta);
/// Reads the four meta columns starting at column \a first.
Core::SyncMeta readMeta(const QSqlQuery &query, int first = 0);

/// "INSERT INTO table(cols) VALUES(?…) ON CONFLICT(id) DO UPDATE SET col = excluded.col …".
QString upsertSql(const QString &table, const QStringList &columns);
/// Prepares and runs the upsert; on failure writes a message naming \a noun and the failing field.
bool upsert(const QSqlDatabase &db, const QString &table, const QStringList &columns,
            const QVariantList &values, const QString &noun, QString *errorMessage);

/// Translates a failed statement into a sentence for the user naming \a noun and, when SQLite
/// tells it, the field.
QString saveErrorMessage(const QSqlQuery &query, const QString &noun);
/// The same from SQLite's own message \a text (e.g. "CHECK constraint failed: month"); \a fullText
/// is quoted when the message is not one of the known constraint failures.
QString saveErrorMessage(const QString &text, const QString &fullText, const QString &noun);

/// \a value ready to bind: a null QString becomes the empty text (the driver would bind NULL);
/// an invalid QVariant stays NULL.
QVariant bindable(const QVariant &value);

/// Runs a statement with positional values; false when it fails.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

void setError(QString *errorMessage, const QString &message);

/// "SELECT cols FROM table WHERE where ORDER BY order".
QString selectSql(const QStringList &columns, const QString &table, const QString &where,
                  const QString &order);

template<typename T, typename Reader>
QVector<T> readAll(const QSqlDatabase &db, const QString &sql, const QVariantList &values, Reader reader)
{
    QVector<T> out;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!run(query, sql, values))
        return out;
    while (query.next())
        out.append(reader(query));
    return out;
}

template<typename T, typename Reader>
std::optional<T> readOne(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                         Reader reader)
{
    QVector<T> all = readAll<T>(db, sql, values, reader);
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

} // namespace XinDai::Store::Internal
