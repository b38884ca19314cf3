#pragma once

#include "intake/importerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace XinDai::Intake {

/// Export of an import's error list for the user (opens in Excel, which needs the BOM to read UTF-8).
class ErrorReport
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Intake::ErrorReport)
public:
    /// UTF-8 with BOM, CRLF line ends, header "row,line,column,reason" (translated), RFC 4180 quoting.
    static QByteArray toCsv(const QVector<ImportError> &errors);
    /// Writes toCsv() to \a path (replaced atomically); false with a translated reason on failure.
    static bool writeCsv(const QString &path, const QVector<ImportError> &errors, QString *errorMessage);
};

} // namespace XinDai::Intake
