#pragma once

#include <QString>

namespace XinDai::Security {

/// Password storage with PBKDF2-HMAC-SHA256 (OpenSSL). Encoded form:
/// "pbkdf2-sha256$<iterations>$<base64 salt, 16 bytes>$<base64 key, 32 bytes>" (standard base64 with
/// padding). Passwords are hashed as UTF-8 of their Unicode NFC form, so composed and decomposed input match.
class PasswordHasher
{
public:
    /// Iterations for new hashes (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256).
    static constexpr int DefaultIterations = 600000;
    /// verify() refuses counts above this, so a forged hash string cannot make it spin for minutes.
    static constexpr int MaxIterations = 10000000;

    /// Hashes \a password with a fresh random 16-byte salt; \a iterations >= 1 (clamped to 1..MaxIterations).
    /// Empty string only if the system random generator fails.
    static QString hash(const QString &password, int iterations = DefaultIterations);

    /// True iff \a encoded is well-formed and was made from \a password. Reads the iteration count and key
    /// length from \a encoded; compares in constant time (CRYPTO_memcmp). False on any malformed input.
    static bool verify(const QString &password, const QString &encoded);

    /// True when \a encoded should be replaced at the next successful login: another algorithm, a malformed
    /// string, fewer than DefaultIterations iterations, or a salt/key of other than the standard size.
    static bool needsRehash(const QString &encoded);
};

} // namespace XinDai::Security
