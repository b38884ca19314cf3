#pragma once

#include "sync/row.h"

#include <QList>

#include <optional>

namespace XinDai::Sync {

/// One page of a pull. The client applies all rows in one local transaction and moves its cursor to
/// nextCursor only after that transaction has committed.
struct PullPage
{
    QList<Row> rows;       ///< versions strictly increasing, all > the request's cursor
    qint64 nextCursor = 0; ///< cursor for the next request; >= the last row's version
    bool hasMore = false;  ///< true: ask again with nextCursor
    QString checksum;      ///< computeChecksum() of this page: 64 lower-case hex digits

    /// Wire form, including the checksum as it is stored (not recomputed).
    QJsonObject toJson() const;
    /// The wire form as bytes, written directly (no QJsonObject): {"checksum": …} followed by the
    /// canonical form of the rest, i.e. canonicalBytes() with the checksum key in front. The server's
    /// fast path; parses to the same object as toJson().
    QByteArray toWireJson() const;
    /// CanonicalJson of {"hasMore", "nextCursor", "rows"} (the wire form without "checksum"), written
    /// by streaming the rows (each row's keys in code-point order) rather than by building objects.
    QByteArray canonicalBytes() const;
    /// Strict parse (structure, row order, cursor); the checksum's value is checked by verify().
    static std::optional<PullPage> fromJson(const QJsonObject &json, QString *error);

    /// SHA-256 hex of CanonicalJson of {"hasMore", "nextCursor", "rows"} (the wire form without
    /// "checksum"), so a changed value, a dropped or reordered row or a moved cursor all change it.
    QString computeChecksum() const;
    /// Sets checksum = computeChecksum(); the server calls it last, after filling the page.
    void seal();
    /// True when checksum matches computeChecksum(); otherwise false and a translated message.
    bool verify(QString *error) const;

    friend bool operator==(const PullPage &, const PullPage &) = default;
};

} // namespace XinDai::Sync
