#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace XinDai::Sync::Internal {

// Checks of wire text on its UTF-8 bytes, without building a QString: the fast paths of
// EntityCatalog::checkValue() and CompactPage (a page holds hundreds of thousands of values).

/// The number written by the \a n ASCII digits at \a p, or -1 when one is not a digit.
int digits(const char *p, int n);
/// True when the first 10 bytes are yyyy-MM-dd naming a real day from year 1 on: a subset of what
/// QDate::fromString(s, "yyyy-MM-dd") accepts.
bool isPlainDate(QByteArrayView s);
/// True for yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss.zzzZ with a real day from year 1 on and
/// hours 00-23: a subset of what the DateTime field rule and parseTimestamp() accept, written the way
/// the wire form writes it (nothing to normalize).
bool isPlainDateTime(QByteArrayView s);
/// isStoreUuid() on UTF-8: 36 characters 8-4-4-4-12 of lower-case hex digits, not all zero.
bool isStoreUuid(QByteArrayView s);
/// QString::fromUtf8(s).trimmed().isEmpty(), decoding only when no ASCII character decides it.
bool isBlank(QByteArrayView s);
/// Appends the UTF-8 bytes of the code point \a cp (not a surrogate) to \a out.
void appendUtf8(char32_t cp, QByteArray &out);
/// Length in UTF-16 code units (QString::size()) of the valid UTF-8 text \a s.
qsizetype utf16Length(QByteArrayView s);

} // namespace XinDai::Sync::Internal
