#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace XinDai::Sync {

/// Writes a pull page's wire bytes directly, row by row, in the canonical form the checksum covers
/// (docs/sync-protocol.md, "Page checksum"), without building QJsonObjects. Rows are written in the
/// order they were added; the server, which reads them entity by entity, calls sortByVersion().
///
///     PageBuilder page;
///     page.beginRow(u"enterprise"_s, false);
///     page.integerField(PageBuilder::key(u"employees"_s), 12);   // names in code-point order
///     page.endRow(id, 42, u"2026-11-25T08:00:00.000Z"_s);
///     const QByteArray wire = page.finish(false, 42);
class PageBuilder
{
public:
    /// The canonical form of a field name followed by ':' ("name":), for the field calls.
    static QByteArray key(const QString &name);

    void reserve(qsizetype rows, qsizetype bytesPerRow);

    /// Starts a row; its fields follow (keys in code-point order), then endRow().
    void beginRow(QStringView entity, bool deleted);
    void nullField(const QByteArray &key);
    void integerField(const QByteArray &key, qint64 value);
    void boolField(const QByteArray &key, bool value);
    void stringField(const QByteArray &key, QStringView value);
    void stringField(const QByteArray &key, QUtf8StringView value);
    void valueField(const QByteArray &key, const QJsonValue &value);
    /// Ends the row with its identity (canonical key order puts these after "fields"). \a updatedAt
    /// is the wire form of the timestamp (yyyy-MM-ddTHH:mm:ss.zzzZ); versions are unique within a page.
    void endRow(QStringView id, qint64 version, QStringView updatedAt);
    void endRow(QUtf8StringView id, qint64 version, QUtf8StringView updatedAt);

    qsizetype rowCount() const { return qsizetype(m_rows.size()); }
    /// Puts the rows added so far in increasing version order.
    void sortByVersion();

    /// The rows in version order inside {"hasMore", "nextCursor", "rows"}: the bytes the checksum covers.
    QByteArray canonical(bool hasMore, qint64 nextCursor) const;
    /// The wire form: {"checksum":"<SHA-256 hex of canonical()>", followed by canonical() without its
    /// opening brace. \a checksum, when given, receives the checksum.
    QByteArray finish(bool hasMore, qint64 nextCursor, QString *checksum = nullptr) const;

private:
    void separator();

    struct Span
    {
        qint64 version;
        qsizetype offset;
        qsizetype size;
    };
    QByteArray m_bytes; ///< every row's bytes, in the order they were added
    std::vector<Span> m_rows;
    qsizetype m_rowStart = 0;
    bool m_firstField = true;
};

} // namespace XinDai::Sync
