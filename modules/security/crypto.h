#pragma once

#include <QByteArray>
#include <QString>

namespace XinDai::Security {

/// Small cryptographic helpers on top of OpenSSL.
class Crypto
{
public:
    /// \a n bytes from OpenSSL's CSPRNG (RAND_bytes). Empty for n <= 0 or if the generator fails;
    /// callers that need the bytes must treat an empty result as an error.
    static QByteArray randomBytes(int n);

    /// SHA-256 of \a data as 64 lower-case hex digits.
    static QString sha256Hex(const QByteArray &data);

    /// SHA-256 of the file's content, read in blocks (constant memory), as 64 lower-case hex digits.
    /// Empty on failure, with a translated message naming the file in *error (when error is not null).
    static QString sha256HexOfFile(const QString &path, QString *error);
};

} // namespace XinDai::Security
