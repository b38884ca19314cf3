#include "report/pdfsignature.h"

#include <QTest>

using XinDai::Report::PdfSignature;
using XinDai::Security::Signer;

namespace {

QByteArray fakePdf()
{
    QByteArray pdf("%PDF-1.4\n");
    for (int i = 0; i < 200; ++i)
        pdf += "1 0 obj << /Length 44 >> stream BT /F1 12 Tf (line " + QByteArray::number(i)
               + ") Tj ET endstream\n";
    pdf += "trailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
    return pdf;
}

const QString hash = QStringLiteral("5f49ea13f401d93c5f49ea13f401d93c5f49ea13f401d93c5f49ea13f401d93c");

} // namespace

class TestPdfSignature : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void tamper_data();
    void tamper();
    void untrustedKey();
    void missingBlock();
};

void TestPdfSignature::roundTrip()
{
    const Signer key = Signer::generate();
    const QByteArray pdf = fakePdf();
    QString error;
    const QByteArray signedPdf
        = PdfSignature::sign(pdf, key, QStringLiteral("XDR-20261120-0badcafe"), hash, &error);
    QVERIFY2(!signedPdf.isEmpty(), qPrintable(error));
    // The original bytes are kept unchanged in front: the block is only appended.
    QVERIFY(signedPdf.startsWith(pdf));
    QVERIFY(signedPdf.endsWith("%XINDAI-SIGNATURE-END\n"));
    const PdfSignature::Verification v = PdfSignature::verify(signedPdf, key);
    QVERIFY2(v.valid, qPrintable(v.reason));
    QCOMPARE(v.number, QStringLiteral("XDR-20261120-0badcafe"));
    QCOMPARE(v.contentHash, hash);
    QCOMPARE(v.publicKey, key.rawPublicKey());
    // A public-key-only Signer is enough to verify.
    QVERIFY(PdfSignature::verify(signedPdf, Signer::fromRawPublicKey(key.rawPublicKey())).valid);
}

void TestPdfSignature::tamper_data()
{
    QTest::addColumn<QByteArray>("where"); // a marker to find, or "" with an offset
    QTest::addColumn<int>("offset");
    // Every region of the file is covered: the PDF body, the trailer, each block line, and the signature.
    QTest::newRow("first byte") << QByteArray() << 0;
    QTest::newRow("middle of the body") << QByteArray() << 4000;
    QTest::newRow("%%EOF") << QByteArray("%%EOF") << 2;
    QTest::newRow("report number") << QByteArray("%number ") << 12;
    QTest::newRow("content hash") << QByteArray("%content ") << 20;
    QTest::newRow("public key") << QByteArray("%pubkey ") << 10;
    QTest::newRow("signature hex") << QByteArray("%signature ") << 30;
    QTest::newRow("end marker") << QByteArray("%XINDAI-SIGNATURE-END") << 5;
    QTest::newRow("last byte") << QByteArray() << -1;
}

void TestPdfSignature::tamper()
{
    QFETCH(QByteArray, where);
    QFETCH(int, offset);
    const Signer key = Signer::generate();
    QByteArray file = PdfSignature::sign(fakePdf(), key, QStringLiteral("XDR-20261120-0badcafe"), hash);
    QVERIFY(PdfSignature::verify(file, key).valid);
    qsizetype index = offset < 0 ? file.size() - 1 : offset;
    if (!where.isEmpty())
        index = file.lastIndexOf(where) + offset;
    QVERIFY(index >= 0 && index < file.size());
    // Change a hex digit into another hex digit where possible, so the block still parses and the
    // signature itself must catch it.
    file[index] = file[index] == '0' ? '1' : (file[index] == '1' ? '0' : char(file[index] ^ 0x01));
    const PdfSignature::Verification v = PdfSignature::verify(file, key);
    QVERIFY(!v.valid);
    QVERIFY(!v.reason.isEmpty());
}

void TestPdfSignature::untrustedKey()
{
    const Signer key = Signer::generate();
    const QByteArray file = PdfSignature::sign(fakePdf(), key, QStringLiteral("XDR-1"), hash);
    // Correctly signed, but by a key that is not the suite's: refused.
    const PdfSignature::Verification other = PdfSignature::verify(file, Signer::generate());
    QVERIFY(!other.valid);
    QVERIFY2(other.reason.contains(QLatin1String("not the suite's")), qPrintable(other.reason));
    // No trusted key at all: refused too.
    QVERIFY(!PdfSignature::verify(file, Signer()).valid);
    // A public key cannot sign.
    QString error;
    QVERIFY(PdfSignature::sign(fakePdf(), Signer::fromRawPublicKey(key.rawPublicKey()), QStringLiteral("X"),
                               hash, &error)
                .isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestPdfSignature::missingBlock()
{
    const PdfSignature::Verification v = PdfSignature::verify(fakePdf(), Signer::generate());
    QVERIFY(!v.valid);
    QVERIFY2(v.reason.contains(QLatin1String("no XinDai signature block")), qPrintable(v.reason));
    // A block with the signature line cut off is refused before any crypto.
    const Signer key = Signer::generate();
    QByteArray file = PdfSignature::sign(fakePdf(), key, QStringLiteral("XDR-1"), hash);
    file.truncate(file.lastIndexOf("%signature "));
    QVERIFY(!PdfSignature::verify(file, key).valid);
}

QTEST_GUILESS_MAIN(TestPdfSignature)
#include "tst_pdfsignature.moc"
