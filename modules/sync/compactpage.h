#pragma once

#include "sync/pullpage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace XinDai::Sync {

struct EntitySpec;

/// A pull page in the form the client applies it (docs/sync-protocol.md, "Pull"): every row's fields
/// already checked against the EntityCatalog (EntityCatalog::checkValue()) and typed per FieldSpec, in
/// the entity's field order, their text kept as UTF-8 in one buffer (mostly the received bytes
/// themselves). parse() reads it straight from the wire bytes with a small JSON reader, with the
/// strictness and the messages of PullPage::fromJson(), Row::fromJson() and
/// EntityCatalog::validateFields() (the path of a field is rows[i].fields.name).
struct CompactPage
{
    /// Bytes of text() (offset < 0: no text, SQL NULL).
    struct Span
    {
        qsizetype offset = -1;
        qsizetype size = 0;
    };

    /// One field value of a row.
    struct Value
    {
        enum class Kind : quint8 {
            Absent,  ///< the row does not carry the field
            Null,    ///< JSON null
            Integer, ///< Integer fields; Bool fields as 0 / 1
            Text,    ///< Text, Json, Date, DateTime and Id fields (UTF-8 in text)
        };
        Kind kind = Kind::Absent;
        qint64 integer = 0;
        Span text;
    };

    struct Row
    {
        const EntitySpec *spec = nullptr; ///< nullptr: an entity this build does not know
        Span entity;
        Span id;
        Span updatedAt; ///< the wire form yyyy-MM-ddTHH:mm:ss.zzzZ, as the store keeps updated_at
        qint64 version = 0;
        bool deleted = false;
        int fieldCount = 0;       ///< values present (not Absent)
        qsizetype firstValue = 0; ///< values[firstValue …] hold spec->fields.size() values, spec order
        Span rawFields;           ///< unknown entity: its "fields" object as received
    };

    QByteArray text; ///< the UTF-8 every Span points into
    QList<Row> rows; ///< versions strictly increasing
    QList<Value> values;
    qint64 nextCursor = 0;
    bool hasMore = false;
    QString checksum;

    enum class Status {
        Valid,            ///< parsed, and the checksum matches
        Invalid,          ///< not a valid page; *error names the first problem
        ChecksumMismatch, ///< a valid page whose checksum does not match: fetch it again
    };

    /// The client's way in: strict parse of the page \a wire plus its checksum. A page written as the
    /// server writes it ({"checksum":"<hex>", followed by the canonical bytes without their "{") is
    /// verified by hashing those received bytes; any other body through PullPage::verify().
    static Status read(const QByteArray &wire, CompactPage *page, QString *error);
    /// The fast checksum check of read(): true when \a wire starts {"checksum":"<64 hex>", and the
    /// SHA-256 of "{" + the bytes after that prefix is that checksum (the received bytes are then the
    /// canonical form the server hashed). False says nothing about the page (read() then falls back
    /// to PullPage::verify()).
    static bool checksumMatchesBytes(const QByteArray &wire);
    /// Strict parse of \a wire (the checksum's value is not checked).
    static std::optional<CompactPage> parse(const QByteArray &wire, QString *error);
    /// The page \a page (already verified) for applying; the fields of known entities are checked by
    /// EntityCatalog::validateFields() (path "entity.fields"), as RowApplier always did.
    static std::optional<CompactPage> fromPage(const PullPage &page, QString *error);
    /// The message form (tests compare it with PullPage::fromJson()).
    PullPage toPullPage() const;

    QByteArrayView bytes(Span span) const
    {
        return span.offset < 0 ? QByteArrayView() : QByteArrayView(text.constData() + span.offset, span.size);
    }
    QString string(Span span) const;
    const Value &value(const Row &row, qsizetype field) const { return values.at(row.firstValue + field); }
};

} // namespace XinDai::Sync
