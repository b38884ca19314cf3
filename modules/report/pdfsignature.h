#pragma once

#include "security/signer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace XinDai::Report {

/// The signature block appended to a report PDF after its %%EOF (layout in docs/report.md):
///
///     %XINDAI-SIGNATURE-1\n
///     %number <report number>\n
///     %content <64 hex: content hash>\n
///     %pubkey <64 hex: raw Ed25519 public key>\n
///     %signature <128 hex>\n
///     %XINDAI-SIGNATURE-END\n
///
/// The signature is Ed25519 over every byte of the file except the 128 signature hex digits: the bytes
/// before them followed by the bytes after them. Lines starting with % are PDF comments, so readers
/// ignore the block.
class PdfSignature
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::PdfSignature)
public:
    struct Verification
    {
        bool valid = false;
        QString reason;       ///< translated: why it is not valid (empty when valid)
        QString number;       ///< from the block (when it could be parsed)
        QString contentHash;  ///< from the block
        QByteArray publicKey; ///< raw 32 bytes from the block
    };

    /// \a pdf with the signed block appended. Empty (with \a error) when \a key has no private key.
    static QByteArray sign(const QByteArray &pdf, const Security::Signer &key, const QString &number,
                           const QString &contentHash, QString *error = nullptr);
    /// Checks the block and the signature; then that the embedded public key equals \a trusted's (a null
    /// \a trusted refuses: a signature is only worth something under a known key).
    static Verification verify(const QByteArray &file, const Security::Signer &trusted);
};

} // namespace XinDai::Report
