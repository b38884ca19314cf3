#pragma once

#include <QByteArray>
#include <QString>

namespace XinDai::Intake {

/// Decoding of an imported file's bytes. Chinese Excel exports default to GBK (read as GB18030, its
/// superset); everything else we expect is UTF-8, with or without a byte-order mark.
class TextEncoding
{
public:
    enum class Encoding {
        Auto,   ///< strict UTF-8 when the bytes are valid UTF-8 (BOM or not), else GB18030
        Utf8,   ///< UTF-8; a leading BOM is dropped; invalid sequences are an error
        Gb18030 ///< GB18030 (includes GBK and GB2312); invalid sequences are an error
    };

    struct Decoded
    {
        bool ok = false;
        QString text;                   ///< without the BOM
        Encoding used = Encoding::Auto; ///< Utf8 or Gb18030 when ok
        bool hadBom = false;            ///< a UTF-8 byte-order mark was present
        QString error;                  ///< translated sentence when !ok
    };

    /// Decodes \a bytes. With Auto, valid UTF-8 wins; bytes that are neither valid UTF-8 nor
    /// valid GB18030 fail with a reason.
    static Decoded decode(const QByteArray &bytes, Encoding encoding = Encoding::Auto);

    /// "auto", "utf-8" (also "utf8"), "gb18030" (also "gbk", "gb2312"), case-insensitive.
    static bool fromName(const QString &name, Encoding *out);
    /// "auto", "utf-8" or "gb18030".
    static QString name(Encoding encoding);
};

} // namespace XinDai::Intake
