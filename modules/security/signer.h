#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace XinDai::Security {

/// An Ed25519 key (OpenSSL EVP): a private key (can sign and verify) or a public key only (can verify).
/// Value type; copies share the same immutable key. A default-constructed Signer holds no key.
class Signer
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Security::Signer)
public:
    /// Size of a raw Ed25519 public key, bytes.
    static constexpr int PublicKeySize = 32;
    /// Size of an Ed25519 signature, bytes.
    static constexpr int SignatureSize = 64;

    Signer();
    ~Signer();
    Signer(const Signer &);
    Signer &operator=(const Signer &);

    /// A fresh private key from OpenSSL's CSPRNG. isNull() on failure.
    static Signer generate();
    /// Reads a PEM private key (PKCS#8 "PRIVATE KEY") or public key ("PUBLIC KEY"). Refuses keys of
    /// any other algorithm than Ed25519, with a translated reason in \a error.
    static Signer fromPem(const QByteArray &pem, QString *error = nullptr);
    /// Imports a raw 32-byte public key. Refuses any other size, with a reason in \a error.
    static Signer fromRawPublicKey(const QByteArray &raw, QString *error = nullptr);
    /// Reads a PEM file (see fromPem()).
    static Signer load(const QString &path, QString *error = nullptr);

    bool isNull() const { return !m_key; }
    bool hasPrivateKey() const { return m_private; }

    /// PKCS#8 PEM of the private key (empty when there is none).
    QByteArray privateKeyPem() const;
    /// SubjectPublicKeyInfo PEM of the public key (empty for a null Signer).
    QByteArray publicKeyPem() const;
    /// The 32-byte raw public key (empty for a null Signer).
    QByteArray rawPublicKey() const;

    /// Writes privateKeyPem() to \a path with mode 0600 (owner read/write only), creating the folder.
    bool savePrivateKey(const QString &path, QString *error = nullptr) const;

    /// The 64-byte Ed25519 signature of \a message; empty without a private key or on failure.
    QByteArray sign(const QByteArray &message) const;
    /// True when \a signature is a valid signature of \a message under this key's public key.
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    struct Key;
    std::shared_ptr<Key> m_key;
    bool m_private = false;
};

} // namespace XinDai::Security
