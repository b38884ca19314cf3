#include "report/pdfsignature.h"

namespace XinDai::Report {

namespace {

const QByteArray beginMarker = QByteArrayLiteral("\n%XINDAI-SIGNATURE-1\n");
const QByteArray endMarker = QByteArrayLiteral("%XINDAI-SIGNATURE-END\n");
const QByteArray signatureTag = QByteArrayLiteral("%signature ");
constexpr int signatureHexSize = 2 * Security::Signer::SignatureSize;

bool isLowerHex(const QByteArray &text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

QByteArray PdfSignature::sign(const QByteArray &pdf, const Security::Signer &key, const QString &number,
                              const QString &contentHash, QString *error)
{
    if (!key.hasPrivateKey()) {
        if (error)
            *error = tr("The report cannot be signed: no private signing key is loaded.");
        return {};
    }
    QByteArray head = pdf;
    if (!head.endsWith('\n'))
        head.append('\n');
    head.append(beginMarker.mid(1));
    head.append("%number " + number.toUtf8() + '\n');
    head.append("%content " + contentHash.toLatin1() + '\n');
    head.append("%pubkey " + key.rawPublicKey().toHex() + '\n');
    head.append(signatureTag);
    const QByteArray tail = "\n" + endMarker;
    const QByteArray signature = key.sign(head + tail);
    if (signature.size() != Security::Signer::SignatureSize) {
        if (error)
            *error = tr("The report cannot be signed: the signing operation failed.");
        return {};
    }
    return head + signature.toHex() + tail;
}

PdfSignature::Verification PdfSignature::verify(const QByteArray &file, const Security::Signer &trusted)
{
    Verification v;
    const qsizetype begin = file.lastIndexOf(beginMarker);
    if (begin < 0) {
        v.reason = tr("the file carries no XinDai signature block");
        return v;
    }
    const qsizetype end = file.indexOf(endMarker, begin);
    if (end < 0) {
        v.reason = tr("the signature block is not terminated");
        return v;
    }
    const QList<QByteArray> lines
        = file.mid(begin + beginMarker.size(), end - begin - beginMarker.size()).split('\n');
    qsizetype signatureStart = -1;
    QByteArray signatureHex;
    QByteArray pubkeyHex;
    qsizetype offset = begin + beginMarker.size();
    for (const QByteArray &line : lines) {
        if (line.startsWith("%number "))
            v.number = QString::fromUtf8(line.mid(8));
        else if (line.startsWith("%content "))
            v.contentHash = QString::fromLatin1(line.mid(9));
        else if (line.startsWith("%pubkey "))
            pubkeyHex = line.mid(8);
        else if (line.startsWith(signatureTag)) {
            signatureHex = line.mid(signatureTag.size());
            signatureStart = offset + signatureTag.size();
        }
        offset += line.size() + 1;
    }
    if (v.number.isEmpty() || v.contentHash.isEmpty() || pubkeyHex.isEmpty() || signatureStart < 0) {
        v.reason = tr("the signature block lacks the number, content hash, public key or signature line");
        return v;
    }
    if (signatureHex.size() != signatureHexSize || !isLowerHex(signatureHex)) {
        v.reason = tr("the signature is not %1 lower-case hex digits").arg(signatureHexSize);
        return v;
    }
    if (pubkeyHex.size() != 2 * Security::Signer::PublicKeySize || !isLowerHex(pubkeyHex)) {
        v.reason = tr("the embedded public key is not %1 lower-case hex digits")
                       .arg(2 * Security::Signer::PublicKeySize);
        return v;
    }
    v.publicKey = QByteArray::fromHex(pubkeyHex);
    QString error;
    const Security::Signer embedded = Security::Signer::fromRawPublicKey(v.publicKey, &error);
    if (embedded.isNull()) {
        v.reason = error;
        return v;
    }
    const QByteArray message = file.left(signatureStart) + file.mid(signatureStart + signatureHexSize);
    if (!embedded.verify(message, QByteArray::fromHex(signatureHex))) {
        v.reason = tr("the signature does not match the file's content (some byte was changed)");
        return v;
    }
    if (trusted.isNull()) {
        v.reason = tr("no trusted public key is available to check who signed the report");
        return v;
    }
    if (trusted.rawPublicKey() != v.publicKey) {
        v.reason = tr("the report was signed with a key that is not the suite's report-signing key");
        return v;
    }
    v.valid = true;
    return v;
}

} // namespace XinDai::Report
