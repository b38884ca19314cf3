#include "intake/textencoding.h"

#include "intake/intaketr_p.h"

#include <QStringDecoder>

namespace XinDai::Intake {

using Internal::Tr;

namespace {

bool decodeStrict(QStringDecoder &decoder, QByteArrayView bytes, QString *out)
{
    if (!decoder.isValid())
        return false;
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    *out = std::move(text);
    return true;
}

} // namespace

TextEncoding::Decoded TextEncoding::decode(const QByteArray &bytes, Encoding encoding)
{
    Decoded result;
    QByteArrayView view(bytes);
    const bool bom = view.startsWith("\xEF\xBB\xBF");

    if (encoding == Encoding::Auto || encoding == Encoding::Utf8) {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        if (decodeStrict(utf8, bom ? view.sliced(3) : view, &result.text)) {
            result.ok = true;
            result.used = Encoding::Utf8;
            result.hadBom = bom;
            return result;
        }
        if (encoding == Encoding::Utf8) {
            result.error = Tr::tr("The file is not valid UTF-8 text; choose the encoding GB18030 if it "
                                  "was saved by Chinese Excel.");
            return result;
        }
    }
    QStringDecoder gb("GB18030", QStringConverter::Flag::Stateless);
    if (!gb.isValid()) {
        result.error = Tr::tr("The file cannot be read: this build has no GB18030 decoder.");
        return result;
    }
    if (decodeStrict(gb, view, &result.text)) {
        result.ok = true;
        result.used = Encoding::Gb18030;
        return result;
    }
    result.error
        = encoding == Encoding::Auto
              ? Tr::tr("The file's encoding is not recognised: it is neither UTF-8 nor GB18030 (GBK) text.")
              : Tr::tr("The file is not valid GB18030 (GBK) text.");
    return result;
}

bool TextEncoding::fromName(const QString &name, Encoding *out)
{
    const QString n = name.trimmed().toLower();
    if (n == u"auto")
        *out = Encoding::Auto;
    else if (n == u"utf-8" || n == u"utf8")
        *out = Encoding::Utf8;
    else if (n == u"gb18030" || n == u"gbk" || n == u"gb2312")
        *out = Encoding::Gb18030;
    else
        return false;
    return true;
}

QString TextEncoding::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Auto:
        return QStringLiteral("auto");
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Gb18030:
        break;
    }
    return QStringLiteral("gb18030");
}

} // namespace XinDai::Intake
