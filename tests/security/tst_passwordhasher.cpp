#include "security/passwordhasher.h"
#include "security/passwordhasher_p.h"

#include <QTest>

using namespace XinDai::Security;
using namespace Qt::StringLiterals;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void pbkdf2Vectors_data();
    void pbkdf2Vectors();
    void pbkdf2RejectsBadParameters();
    void format();
    void roundTrip();
    void saltDiffers();
    void iterationsReadFromString();
    void unicodeNormalization();
    void malformed_data();
    void malformed();
    void needsRehash_data();
    void needsRehash();
    void defaultIterations();
};

void TestPasswordHasher::pbkdf2Vectors_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expectedHex");

    // RFC 7914 section 11, first PBKDF2-HMAC-SHA256 vector.
    QTest::newRow("rfc7914 passwd/salt/1")
        << "passwd"_ba
        << "salt"_ba << 1
        << "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
           "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"_ba;
    // RFC 7914 section 11, second vector (80000 iterations: ~0.1 s).
    QTest::newRow("rfc7914 Password/NaCl/80000")
        << "Password"_ba
        << "NaCl"_ba << 80000
        << "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
           "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"_ba;
}

void TestPasswordHasher::pbkdf2Vectors()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(Internal::pbkdf2Sha256(password, salt, iterations, 64).toHex(), expectedHex);
    // PBKDF2 output blocks are independent: a shorter key is a prefix of the longer one.
    QCOMPARE(Internal::pbkdf2Sha256(password, salt, iterations, 32).toHex(), expectedHex.left(64));
}

void TestPasswordHasher::pbkdf2RejectsBadParameters()
{
    QVERIFY(Internal::pbkdf2Sha256("p"_ba, "s"_ba, 0, 32).isEmpty());
    QVERIFY(Internal::pbkdf2Sha256("p"_ba, "s"_ba, 1, 0).isEmpty());
}

void TestPasswordHasher::format()
{
    const QString encoded = PasswordHasher::hash(u"secret"_s, 1000);
    const QStringList fields = encoded.split(u'$');
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields.at(0), u"pbkdf2-sha256"_s);
    QCOMPARE(fields.at(1), u"1000"_s);
    // 16 bytes -> 24 base64 characters with padding, 32 bytes -> 44.
    QCOMPARE(fields.at(2).size(), 24);
    QCOMPARE(QByteArray::fromBase64(fields.at(2).toLatin1()).size(), 16);
    QCOMPARE(fields.at(3).size(), 44);
    QCOMPARE(QByteArray::fromBase64(fields.at(3).toLatin1()).size(), 32);
    // The stored key is PBKDF2 of the password with the stored salt and count.
    QCOMPARE(QByteArray::fromBase64(fields.at(3).toLatin1()),
             Internal::pbkdf2Sha256("secret"_ba, QByteArray::fromBase64(fields.at(2).toLatin1()), 1000, 32));
}

void TestPasswordHasher::roundTrip()
{
    const QString encoded = PasswordHasher::hash(u"湘信贷-Admin#2026"_s, 1000);
    QVERIFY(PasswordHasher::verify(u"湘信贷-Admin#2026"_s, encoded));
    QVERIFY(!PasswordHasher::verify(u"湘信贷-admin#2026"_s, encoded));
    QVERIFY(!PasswordHasher::verify(u"湘信贷-Admin#2026 "_s, encoded));
    QVERIFY(!PasswordHasher::verify(QString(), encoded));
    // The empty password is hashable and verifies only itself.
    const QString empty = PasswordHasher::hash(QString(), 10);
    QVERIFY(PasswordHasher::verify(QString(), empty));
    QVERIFY(!PasswordHasher::verify(u"x"_s, empty));
}

void TestPasswordHasher::saltDiffers()
{
    const QString a = PasswordHasher::hash(u"same"_s, 10);
    const QString b = PasswordHasher::hash(u"same"_s, 10);
    QVERIFY(a != b);
    QVERIFY(a.section(u'$', 2, 2) != b.section(u'$', 2, 2));
    QVERIFY(PasswordHasher::verify(u"same"_s, a));
    QVERIFY(PasswordHasher::verify(u"same"_s, b));
}

void TestPasswordHasher::iterationsReadFromString()
{
    // A hash made with 3 iterations verifies with 3, and changing the count in the string breaks it.
    const QString encoded = PasswordHasher::hash(u"pw"_s, 3);
    QVERIFY(PasswordHasher::verify(u"pw"_s, encoded));
    QString tampered = encoded;
    tampered.replace(u"$3$"_s, u"$4$"_s);
    QVERIFY(tampered != encoded);
    QVERIFY(!PasswordHasher::verify(u"pw"_s, tampered));
    // A count below 1 is clamped up to 1 when hashing.
    QCOMPARE(PasswordHasher::hash(u"pw"_s, 0).section(u'$', 1, 1), u"1"_s);
}

void TestPasswordHasher::unicodeNormalization()
{
    // "é" precomposed (U+00E9) and decomposed (e + U+0301) are the same password.
    const QString composed = QString(QChar(0x00e9));
    const QString decomposed = u"e"_s + QChar(0x0301);
    const QString encoded = PasswordHasher::hash(composed, 10);
    QVERIFY(PasswordHasher::verify(decomposed, encoded));
}

void TestPasswordHasher::malformed_data()
{
    QTest::addColumn<QString>("encoded");
    const QString good = PasswordHasher::hash(u"pw"_s, 5);
    const QString salt = good.section(u'$', 2, 2);
    const QString key = good.section(u'$', 3, 3);
    // Sanity: the pieces make a valid string, so each row below fails for its own reason.
    QVERIFY(PasswordHasher::verify(u"pw"_s, u"pbkdf2-sha256$5$"_s + salt + u'$' + key));

    QTest::newRow("empty") << QString();
    QTest::newRow("other algorithm") << u"pbkdf2-sha1$5$"_s + salt + u'$' + key;
    QTest::newRow("bcrypt") << u"$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"_s;
    QTest::newRow("missing key") << u"pbkdf2-sha256$5$"_s + salt;
    QTest::newRow("extra field") << good + u"$x"_s;
    QTest::newRow("zero iterations") << u"pbkdf2-sha256$0$"_s + salt + u'$' + key;
    QTest::newRow("negative iterations") << u"pbkdf2-sha256$-5$"_s + salt + u'$' + key;
    QTest::newRow("plus sign") << u"pbkdf2-sha256$+5$"_s + salt + u'$' + key;
    QTest::newRow("not a number") << u"pbkdf2-sha256$five$"_s + salt + u'$' + key;
    // Above MaxIterations: refused instead of spinning.
    QTest::newRow("huge iterations") << u"pbkdf2-sha256$999999999$"_s + salt + u'$' + key;
    QTest::newRow("bad base64 salt") << u"pbkdf2-sha256$5$!!!!$"_s + key;
    QTest::newRow("bad base64 key") << u"pbkdf2-sha256$5$"_s + salt + u"$@@@@"_s;
    QTest::newRow("empty salt") << u"pbkdf2-sha256$5$$"_s + key;
    // 4 bytes of key: too short to mean anything.
    QTest::newRow("short key") << u"pbkdf2-sha256$5$"_s + salt + u"$AAAAAA=="_s;
}

void TestPasswordHasher::malformed()
{
    QFETCH(QString, encoded);
    QVERIFY(!PasswordHasher::verify(u"pw"_s, encoded));
    QVERIFY(PasswordHasher::needsRehash(encoded));
}

void TestPasswordHasher::needsRehash_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<bool>("expected");
    const QString salt16 = QString::fromLatin1(QByteArray(16, 'a').toBase64());
    const QString key32 = QString::fromLatin1(QByteArray(32, 'b').toBase64());
    const QString key20 = QString::fromLatin1(QByteArray(20, 'b').toBase64());
    // Exactly the default count with standard sizes: current.
    QTest::newRow("default") << u"pbkdf2-sha256$600000$"_s + salt16 + u'$' + key32 << false;
    QTest::newRow("more than default") << u"pbkdf2-sha256$700000$"_s + salt16 + u'$' + key32 << false;
    // One below the default: the policy has moved on.
    QTest::newRow("fewer iterations") << u"pbkdf2-sha256$599999$"_s + salt16 + u'$' + key32 << true;
    QTest::newRow("shorter key") << u"pbkdf2-sha256$600000$"_s + salt16 + u'$' + key20 << true;
    QTest::newRow("other algorithm") << u"pbkdf2-sha1$600000$"_s + salt16 + u'$' + key32 << true;
}

void TestPasswordHasher::needsRehash()
{
    QFETCH(QString, encoded);
    QFETCH(bool, expected);
    QCOMPARE(PasswordHasher::needsRehash(encoded), expected);
}

void TestPasswordHasher::defaultIterations()
{
    // One real default-cost hash (~0.3 s on the CI machine): it must verify and not need a rehash.
    const QString encoded = PasswordHasher::hash(u"default"_s);
    QCOMPARE(encoded.section(u'$', 1, 1), u"600000"_s);
    QVERIFY(!PasswordHasher::needsRehash(encoded));
    QVERIFY(PasswordHasher::verify(u"default"_s, encoded));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
