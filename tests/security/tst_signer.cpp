#include "security/signer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using XinDai::Security::Signer;

class TestSigner : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void flippedBit_data();
    void flippedBit();
    void pemRoundTrip();
    void rawPublicKey();
    void refusals();
};

void TestSigner::roundTrip()
{
    const Signer key = Signer::generate();
    QVERIFY(!key.isNull());
    QVERIFY(key.hasPrivateKey());
    const QByteArray message("企业综合信用报告 XDR-20261120-0badcafe");
    const QByteArray sig = key.sign(message);
    QCOMPARE(sig.size(), Signer::SignatureSize);
    QVERIFY(key.verify(message, sig));
    // Ed25519 is deterministic: the same key and message give the same signature.
    QCOMPARE(key.sign(message), sig);
    // A different key must not accept it.
    QVERIFY(!Signer::generate().verify(message, sig));
}

void TestSigner::flippedBit_data()
{
    QTest::addColumn<bool>("inSignature");
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("bit");
    // Any single bit in the message or the signature must make verification fail.
    QTest::newRow("message first byte low bit") << false << 0 << 0;
    QTest::newRow("message middle byte high bit") << false << 10 << 7;
    QTest::newRow("message last byte") << false << -1 << 3;
    QTest::newRow("signature R part") << true << 0 << 0;
    QTest::newRow("signature S part") << true << 63 << 6;
}

void TestSigner::flippedBit()
{
    QFETCH(bool, inSignature);
    QFETCH(int, byte);
    QFETCH(int, bit);
    const Signer key = Signer::generate();
    QByteArray message("report bytes: %PDF-1.4 ... %%EOF");
    QByteArray sig = key.sign(message);
    QVERIFY(key.verify(message, sig));
    QByteArray &target = inSignature ? sig : message;
    const int index = byte < 0 ? int(target.size()) - 1 : byte;
    target[index] = char(target[index] ^ char(1 << bit));
    QVERIFY(!key.verify(message, sig));
}

void TestSigner::pemRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Signer key = Signer::generate();
    const QString path = dir.filePath(QStringLiteral("keys/report-signing.pem"));
    QString error;
    QVERIFY2(key.savePrivateKey(path, &error), qPrintable(error));
    // Owner-only: the private key must not be readable by group or others.
    QCOMPARE(QFile::permissions(path)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const Signer loaded = Signer::load(path, &error);
    QVERIFY2(!loaded.isNull(), qPrintable(error));
    QVERIFY(loaded.hasPrivateKey());
    QCOMPARE(loaded.rawPublicKey(), key.rawPublicKey());
    const QByteArray message("same key after reload");
    QVERIFY(key.verify(message, loaded.sign(message)));

    const Signer pub = Signer::fromPem(key.publicKeyPem(), &error);
    QVERIFY2(!pub.isNull(), qPrintable(error));
    QVERIFY(!pub.hasPrivateKey());
    QVERIFY(pub.sign(message).isEmpty()); // a public key cannot sign
    QVERIFY(pub.verify(message, key.sign(message)));
}

void TestSigner::rawPublicKey()
{
    const Signer key = Signer::generate();
    const QByteArray raw = key.rawPublicKey();
    QCOMPARE(raw.size(), Signer::PublicKeySize);
    QString error;
    const Signer pub = Signer::fromRawPublicKey(raw, &error);
    QVERIFY2(!pub.isNull(), qPrintable(error));
    QCOMPARE(pub.rawPublicKey(), raw);
    QVERIFY(pub.verify("x", key.sign("x")));
}

void TestSigner::refusals()
{
    QString error;
    QVERIFY(Signer::fromRawPublicKey(QByteArray(31, 'a'), &error).isNull());
    QVERIFY(error.contains(QLatin1String("31")));
    error.clear();
    QVERIFY(Signer::fromPem("not a key", &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(Signer::load(QStringLiteral("/nonexistent/key.pem"), &error).isNull());
    QVERIFY(error.contains(QLatin1String("/nonexistent/key.pem")));
    const Signer none;
    QVERIFY(none.isNull());
    QVERIFY(none.sign("x").isEmpty());
    QVERIFY(!none.verify("x", QByteArray(64, 0)));
    // A wrong-length signature is refused before OpenSSL sees it.
    const Signer key = Signer::generate();
    QVERIFY(!key.verify("x", key.sign("x").left(63)));
}

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
