#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// How the Conflicts page names synced rows and shows their values: translated entity and field
/// labels, a human label for a row (firm name, application number …) and the display text of a value
/// in its wire form (docs/sync-protocol.md: money in fen, dates ISO, enumerations as codes).
class SyncRecordLabels
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::SyncRecordLabels)

public:
    /// Translated name of a synced entity ("application" → "Application"); the raw name when unknown.
    static QString entity(const QString &entity);
    /// Translated label of a column of \a entity ("amount" → "Requested amount"); the raw name when
    /// unknown.
    static QString field(const QString &entity, const QString &field);
    /// Display text of \a value of \a entity.\a field: money in 元/万元/亿元, application states and
    /// roles translated, date-times in local time, "—" for null and "(removed)" for undefined (the
    /// side that had removed the field).
    static QString value(const QString &entity, const QString &field, const QJsonValue &value);

    /// The JSON value of a stored conflict value: the store keeps the compact JSON text of the value
    /// (a string in quotes, a number, true/false, null); older rows (migration 0003) hold plain text,
    /// read as a string or a number. SQL NULL = the field was absent (QJsonValue::Undefined).
    static QJsonValue parseStored(const QVariant &stored);
    /// The compact JSON text of \a value, as the conflict table stores it (inverse of parseStored).
    static QString toStored(const QJsonValue &value);

    struct Key
    {
        QString entity;
        QString rowId;
        friend bool operator==(const Key &, const Key &) = default;
    };
    /// Human labels of the rows \a keys, e.g. the firm name of an enterprise, "XD-2026-000123 · firm"
    /// for an application, "firm · tax paid 2026-03" for a series value. One query per entity; a row
    /// that is not in the store (deleted, not pulled yet) gets its id.
    static QHash<QString, QString> recordLabels(Store::Database &db, const QList<Key> &keys);
    /// The key of recordLabels()' result for \a entity and \a rowId.
    static QString labelKey(const QString &entity, const QString &rowId);
    /// Sets recordLabel of every entry (anything with entity, rowId and recordLabel) from
    /// recordLabels(), the row id when the row is not in the store.
    template<typename Entry>
    static void labelEntries(Store::Database &db, QVector<Entry> &entries)
    {
        QList<Key> keys;
        for (const Entry &e : std::as_const(entries))
            keys.append({e.entity, e.rowId});
        const QHash<QString, QString> labels = recordLabels(db, keys);
        for (Entry &e : entries)
            e.recordLabel = labels.value(labelKey(e.entity, e.rowId), e.rowId);
    }
};

} // namespace XinDai::Ui
