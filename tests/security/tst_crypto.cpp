#include "security/crypto.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai::Security;
using namespace Qt::StringLiterals;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void sha256_data();
    void sha256();
    void sha256OfFile();
    void sha256OfMissingFile();
    void randomBytes();
};

void TestCrypto::sha256_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    // FIPS 180-2 appendix B.1 and B.2 examples, and the digest of the empty message.
    QTest::newRow("abc") << "abc"_ba << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    QTest::newRow("two blocks") << "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"_ba
                                << u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
    QTest::newRow("empty") << QByteArray()
                           << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
}

void TestCrypto::sha256()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    QCOMPARE(Crypto::sha256Hex(data), expected);
}

void TestCrypto::sha256OfFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"abc.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("abc");
    file.close();
    QString error = u"stale"_s;
    QCOMPARE(Crypto::sha256HexOfFile(path, &error),
             u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QVERIFY(error.isEmpty());
    // A file larger than any single read buffer gives the same digest as hashing it in memory.
    const QByteArray big(3 * 1024 * 1024 + 7, 'x');
    const QString bigPath = dir.filePath(u"big.bin"_s);
    QFile bigFile(bigPath);
    QVERIFY(bigFile.open(QIODevice::WriteOnly));
    bigFile.write(big);
    bigFile.close();
    QCOMPARE(Crypto::sha256HexOfFile(bigPath, nullptr), Crypto::sha256Hex(big));
}

void TestCrypto::sha256OfMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing.bin"_s);
    QString error;
    QCOMPARE(Crypto::sha256HexOfFile(path, &error), QString());
    QVERIFY2(error.startsWith(u"The file "_s + path + u" cannot be opened for hashing: "_s),
             qPrintable(error));
    // A null error pointer is allowed.
    QCOMPARE(Crypto::sha256HexOfFile(path, nullptr), QString());
}

void TestCrypto::randomBytes()
{
    QCOMPARE(Crypto::randomBytes(0), QByteArray());
    QCOMPARE(Crypto::randomBytes(-3), QByteArray());
    const QByteArray a = Crypto::randomBytes(32);
    const QByteArray b = Crypto::randomBytes(32);
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    // Two 256-bit draws collide with probability 2^-256.
    QVERIFY(a != b);
    QVERIFY(a != QByteArray(32, '\0'));
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
