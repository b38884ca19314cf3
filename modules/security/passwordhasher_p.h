#pragma once

#include <QByteArray>

namespace XinDai::Security::Internal {

/// Raw PBKDF2-HMAC-SHA256 (RFC 8018) of \a password and \a salt; \a keyLength bytes.
/// Empty when iterations < 1, keyLength < 1 or OpenSSL fails. Exposed for the RFC 7914 test vector.
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int keyLength);

} // namespace XinDai::Security::Internal
