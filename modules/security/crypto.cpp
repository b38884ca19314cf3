#include "security/crypto.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace XinDai::Security {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Security::Crypto)
};

} // namespace

QByteArray Crypto::randomBytes(int n)
{
    if (n <= 0)
        return {};
    QByteArray bytes(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), n) != 1)
        return {};
    return bytes;
}

QString Crypto::sha256Hex(const QByteArray &data)
{
    // OpenSSL rather than QCryptographicHash: it uses the CPU's SHA instructions, several times faster
    // on the pull pages both sides hash.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString Crypto::sha256HexOfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("The file %1 cannot be opened for hashing: %2.").arg(path, file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        if (error)
            *error = Tr::tr("The file %1 cannot be read for hashing: %2.").arg(path, file.errorString());
        return {};
    }
    if (error)
        error->clear();
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace XinDai::Security
