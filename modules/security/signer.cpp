#include "security/signer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace XinDai::Security {

struct Signer::Key
{
    explicit Key(EVP_PKEY *k)
        : pkey(k)
    {}
    ~Key() { EVP_PKEY_free(pkey); }
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;
    EVP_PKEY *pkey = nullptr;
};

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, int(size)) : QByteArray();
}

} // namespace

Signer::Signer() = default;
Signer::~Signer() = default;
Signer::Signer(const Signer &) = default;
Signer &Signer::operator=(const Signer &) = default;

Signer Signer::generate()
{
    Signer s;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY *pkey = nullptr;
    if (ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &pkey) == 1 && pkey) {
        s.m_key = std::make_shared<Key>(pkey);
        s.m_private = true;
    }
    EVP_PKEY_CTX_free(ctx);
    return s;
}

Signer Signer::fromPem(const QByteArray &pem, QString *error)
{
    Signer s;
    const bool isPrivate = pem.contains("PRIVATE KEY");
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *pkey = nullptr;
    if (bio) {
        pkey = isPrivate ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr)
                         : PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
    }
    if (!pkey) {
        setError(error, tr("The key is not a readable PEM private or public key."));
        return s;
    }
    if (EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(pkey);
        setError(error, tr("The key is not an Ed25519 key; only Ed25519 keys are accepted."));
        return s;
    }
    s.m_key = std::make_shared<Key>(pkey);
    s.m_private = isPrivate;
    return s;
}

Signer Signer::fromRawPublicKey(const QByteArray &raw, QString *error)
{
    Signer s;
    if (raw.size() != PublicKeySize) {
        setError(error, tr("The raw public key has %1 bytes; an Ed25519 public key has exactly %2 bytes.")
                            .arg(raw.size())
                            .arg(PublicKeySize));
        return s;
    }
    EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                 reinterpret_cast<const unsigned char *>(raw.constData()),
                                                 std::size_t(raw.size()));
    if (!pkey) {
        setError(error, tr("The raw public key could not be imported as an Ed25519 key."));
        return s;
    }
    s.m_key = std::make_shared<Key>(pkey);
    return s;
}

Signer Signer::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("The key file %1 cannot be read: %2.").arg(path, file.errorString()));
        return {};
    }
    return fromPem(file.readAll(), error);
}

QByteArray Signer::privateKeyPem() const
{
    if (!m_key || !m_private)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio && PEM_write_bio_PrivateKey(bio, m_key->pkey, nullptr, nullptr, 0, nullptr, nullptr) == 1)
        out = bioContents(bio);
    BIO_free(bio);
    return out;
}

QByteArray Signer::publicKeyPem() const
{
    if (!m_key)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio && PEM_write_bio_PUBKEY(bio, m_key->pkey) == 1)
        out = bioContents(bio);
    BIO_free(bio);
    return out;
}

QByteArray Signer::rawPublicKey() const
{
    if (!m_key)
        return {};
    QByteArray raw(PublicKeySize, Qt::Uninitialized);
    std::size_t len = std::size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(m_key->pkey, reinterpret_cast<unsigned char *>(raw.data()), &len) != 1
        || len != std::size_t(PublicKeySize))
        return {};
    return raw;
}

bool Signer::savePrivateKey(const QString &path, QString *error) const
{
    const QByteArray pem = privateKeyPem();
    if (pem.isEmpty()) {
        setError(error, tr("There is no private key to save."));
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, tr("The key file %1 cannot be written: %2.").arg(path, file.errorString()));
        return false;
    }
    // Restrict before any key byte reaches the disk.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(pem);
    if (!file.commit()) {
        setError(error, tr("The key file %1 cannot be written: %2.").arg(path, file.errorString()));
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

QByteArray Signer::sign(const QByteArray &message) const
{
    if (!m_key || !m_private)
        return {};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray sig(SignatureSize, Qt::Uninitialized);
    std::size_t len = std::size_t(sig.size());
    const bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
                    && EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                                      reinterpret_cast<const unsigned char *>(message.constData()),
                                      std::size_t(message.size()))
                           == 1
                    && len == std::size_t(SignatureSize);
    EVP_MD_CTX_free(ctx);
    return ok ? sig : QByteArray();
}

bool Signer::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key || signature.size() != SignatureSize)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
                    && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                                        std::size_t(signature.size()),
                                        reinterpret_cast<const unsigned char *>(message.constData()),
                                        std::size_t(message.size()))
                           == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

} // namespace XinDai::Security
