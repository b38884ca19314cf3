#pragma once

#include "core/domain/document.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace XinDai::Ui {

/// Checks a file chosen at the service window before it is recorded as a Document: only PDF, JPEG and
/// PNG scans (by extension and by content), at most MaxBytes. The file itself stays where it is; the
/// store keeps its name, size, MIME type and SHA-256.
class WalkInAttachment
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::WalkInAttachment)

public:
    /// Largest accepted file, bytes (20 MB).
    static constexpr qint64 MaxBytes = 20 * 1024 * 1024;

    /// Reads \a path and returns a Document with docType \a docType, fileName (without folder),
    /// mimeType, sizeBytes and sha256 (lower-case hex) filled in; meta, enterpriseId, applicationId and
    /// addedAt are left for the caller. std::nullopt, with \a error set to a translated sentence naming
    /// the file and the reason, when the file cannot be read, is empty, is larger than MaxBytes, has
    /// another extension than .pdf, .jpg, .jpeg or .png, or its content is not of that type.
    static std::optional<Core::Document> inspect(const QString &path, const QString &docType, QString *error);

    /// "1.5 MB" / "320 KB" / "12 bytes" for display.
    static QString sizeText(qint64 bytes);
};

} // namespace XinDai::Ui
