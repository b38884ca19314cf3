#include "security/passwordhasher.h"

#include "security/crypto.h"
#include "security/passwordhasher_p.h"

#include <QStringList>

#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace XinDai::Security {

namespace {

constexpr QLatin1StringView Algorithm("pbkdf2-sha256");
constexpr int SaltLength = 16;
constexpr int KeyLength = 32;
constexpr int MinStoredLength = 8; ///< shortest salt/key accepted by verify(), in bytes
constexpr int MaxStoredLength = 64;

struct Parsed
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool decodeBase64(QStringView text, QByteArray *out)
{
    const auto result
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

/// Parses "pbkdf2-sha256$iter$salt$key"; false for anything else, including out-of-range values.
bool parse(const QString &encoded, Parsed *parsed)
{
    const QStringList fields = encoded.split(u'$');
    if (fields.size() != 4 || fields.at(0) != Algorithm)
        return false;
    const QString &iterText = fields.at(1);
    // Digits only: toInt() would also accept "+5" or " 5".
    if (iterText.isEmpty() || iterText.size() > 9
        || !std::all_of(iterText.cbegin(), iterText.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    parsed->iterations = iterText.toInt();
    if (parsed->iterations < 1 || parsed->iterations > PasswordHasher::MaxIterations)
        return false;
    if (!decodeBase64(fields.at(2), &parsed->salt) || !decodeBase64(fields.at(3), &parsed->key))
        return false;
    return parsed->salt.size() >= MinStoredLength && parsed->salt.size() <= MaxStoredLength
           && parsed->key.size() >= MinStoredLength && parsed->key.size() <= MaxStoredLength;
}

QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

} // namespace

QByteArray Internal::pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations,
                                  int keyLength)
{
    if (iterations < 1 || keyLength < 1)
        return {};
    QByteArray key(keyLength, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), keyLength, reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {};
    return key;
}

QString PasswordHasher::hash(const QString &password, int iterations)
{
    iterations = std::clamp(iterations, 1, MaxIterations);
    const QByteArray salt = Crypto::randomBytes(SaltLength);
    if (salt.size() != SaltLength)
        return {};
    const QByteArray key = Internal::pbkdf2Sha256(passwordBytes(password), salt, iterations, KeyLength);
    if (key.isEmpty())
        return {};
    return Algorithm + u'$' + QString::number(iterations) + u'$' + QString::fromLatin1(salt.toBase64()) + u'$'
           + QString::fromLatin1(key.toBase64());
}

bool PasswordHasher::verify(const QString &password, const QString &encoded)
{
    Parsed parsed;
    if (!parse(encoded, &parsed))
        return false;
    const QByteArray key = Internal::pbkdf2Sha256(passwordBytes(password), parsed.salt, parsed.iterations,
                                                  int(parsed.key.size()));
    if (key.size() != parsed.key.size())
        return false;
    return CRYPTO_memcmp(key.constData(), parsed.key.constData(), size_t(key.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &encoded)
{
    Parsed parsed;
    if (!parse(encoded, &parsed))
        return true;
    return parsed.iterations < DefaultIterations || parsed.salt.size() != SaltLength
           || parsed.key.size() != KeyLength;
}

} // namespace XinDai::Security
