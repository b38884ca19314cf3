#pragma once

#include "intake/columnmapping.h"
#include "intake/importerror.h"
#include "intake/textencoding.h"

#include <QJsonObject>
#include <QVector>

namespace XinDai::Intake {

/// Outcome of one CsvImporter run.
/// Invariants: when !completed (fatal error, cancel or dry run) nothing was written; imported == 0
/// unless dryRun (then the counts are those the real import would report); rejected counts rows (a row may
/// have several errors), errors lists every error in file order.
struct ImportResult
{
    bool completed = false; ///< the transaction was committed
    bool cancelled = false; ///< the progress callback asked to stop; nothing was written
    bool dryRun = false;    ///< CsvImporter::Options::dryRun: validated and rolled back; nothing was written
    QString fatalError;     ///< translated reason when the file as a whole was refused
    qint64 imported = 0;    ///< rows accepted (written, or identical to what was stored)
    qint64 rejected = 0;    ///< rows refused with at least one error
    qint64 skipped = 0;     ///< valid firm rows whose USCC was stored already, with OnDuplicate::Skip
    qint64 updated = 0;     ///< of imported: firm rows that changed a stored firm (OnDuplicate::Update)
    QVector<ImportError> errors;
    TextEncoding::Encoding encoding = TextEncoding::Encoding::Auto; ///< the encoding the file was read in
    ColumnMapping mapping;                                          ///< the mapping used

    /// {"imported":N,"rejected":M,"skipped":K,"errors":[{"row":…,"line":…,"column":…,"reason":…}]};
    /// a fatal error adds "error": reason, a cancel "cancelled": true.
    QJsonObject toJson() const;
};

} // namespace XinDai::Intake
