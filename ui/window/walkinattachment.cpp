#include "walkinattachment.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace XinDai::Ui {

namespace {

struct FileKind
{
    QLatin1String suffix;
    QLatin1String mime;
    QByteArray magic; ///< the first bytes every file of the kind starts with
};

const FileKind *kindFor(const QString &suffix)
{
    static const FileKind kinds[] = {
        {QLatin1String("pdf"), QLatin1String("application/pdf"), QByteArrayLiteral("%PDF-")},
        {QLatin1String("jpg"), QLatin1String("image/jpeg"), QByteArrayLiteral("\xFF\xD8\xFF")},
        {QLatin1String("jpeg"), QLatin1String("image/jpeg"), QByteArrayLiteral("\xFF\xD8\xFF")},
        {QLatin1String("png"), QLatin1String("image/png"), QByteArrayLiteral("\x89PNG\r\n\x1A\n")},
    };
    for (const FileKind &kind : kinds) {
        if (suffix.compare(kind.suffix, Qt::CaseInsensitive) == 0)
            return &kind;
    }
    return nullptr;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::optional<Core::Document> WalkInAttachment::inspect(const QString &path, const QString &docType,
                                                        QString *error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.isFile()) {
        setError(error, tr("The file “%1” cannot be attached: it does not exist.").arg(path));
        return std::nullopt;
    }
    const FileKind *kind = kindFor(info.suffix());
    if (!kind) {
        setError(
            error,
            tr("The file “%1” cannot be attached: only PDF, JPEG and PNG scans are accepted.").arg(name));
        return std::nullopt;
    }
    if (info.size() > MaxBytes) {
        setError(error, tr("The file “%1” cannot be attached: it is %2, larger than the limit of 20 MB.")
                            .arg(name, sizeText(info.size())));
        return std::nullopt;
    }
    if (info.size() == 0) {
        setError(error, tr("The file “%1” cannot be attached: it is empty.").arg(name));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(
            error,
            tr("The file “%1” cannot be attached: it cannot be read (%2).").arg(name, file.errorString()));
        return std::nullopt;
    }
    if (!file.peek(kind->magic.size()).startsWith(kind->magic)) {
        setError(error, tr("The file “%1” cannot be attached: its content is not a %2 file although its "
                           "name says so.")
                            .arg(name, kind->suffix.toString().toUpper()));
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        setError(
            error,
            tr("The file “%1” cannot be attached: reading it failed (%2).").arg(name, file.errorString()));
        return std::nullopt;
    }
    Core::Document document;
    document.docType = docType;
    document.fileName = name;
    document.mimeType = kind->mime;
    document.sizeBytes = info.size();
    document.sha256 = QString::fromLatin1(hash.result().toHex());
    return document;
}

QString WalkInAttachment::sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024)
        return tr("%1 KB").arg((bytes + 1023) / 1024);
    return tr("%n byte(s)", nullptr, int(bytes));
}

} // namespace XinDai::Ui
