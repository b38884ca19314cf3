#pragma once

#include "intake/columnmapping.h"
#include "intake/importresult.h"
#include "intake/textencoding.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>
#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Intake {

/// Imports a firm roster or monthly series from CSV into a store (formats: docs/import-formats.md).
///
/// Each row is validated on its own; valid rows are written, invalid rows are reported
/// (ImportResult::errors) and never written in part. The whole import is one transaction: a fatal
/// error or a cancel leaves the store exactly as it was. Importing the same file twice leaves the
/// same data (series rows are upserted by firm, kind and month; unchanged rows are not rewritten).
class CsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Intake::CsvImporter)
public:
    /// What to do with a firm row whose USCC is already stored.
    enum class OnDuplicate {
        Update, ///< overwrite the stored firm's fields with the row's non-empty cells
        Skip    ///< leave the stored firm as it is (counted in ImportResult::skipped)
    };

    struct Options
    {
        ColumnMapping::Kind kind = ColumnMapping::Kind::Firms;
        TextEncoding::Encoding encoding = TextEncoding::Encoding::Auto;
        OnDuplicate onDuplicate = OnDuplicate::Update;
        /// Overrides the mapping detected from the header (its kind must equal \a kind).
        std::optional<ColumnMapping> mapping;
        /// "Today" for future-date checks; invalid = the current local date.
        QDate today;
        /// Validation only: every row is checked and written inside the transaction exactly as in a
        /// real import, then the transaction is rolled back. The result carries the counts and errors
        /// the real import would report (ImportResult::dryRun is set, completed stays false); the store
        /// is left exactly as it was.
        bool dryRun = false;
        /// Window staff and park managers import the firms of their own park only: their park's id.
        /// A row naming another park, or updating a stored firm of another park, is refused (row,
        /// column, reason); a new firm without a park gets this one. Empty: any park (administrators).
        QString ownPark;
    };

    /// Called with (work done, work total) in arbitrary units (reading is the first 90 %, writing
    /// series rows the last 10 %) about every thousand rows and once at the end with done == total;
    /// return false to cancel (then nothing is written).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit CsvImporter(Store::Database &db);

    ImportResult importFile(const QString &path, const Options &options, const Progress &progress = {});
    ImportResult importBytes(const QByteArray &bytes, const Options &options, const Progress &progress = {});

    /// Reads only the header of \a bytes and detects the mapping (for a mapping dialog); nullopt with
    /// a translated reason when the text cannot be decoded or has no header.
    static std::optional<ColumnMapping> detectMapping(const QByteArray &bytes, ColumnMapping::Kind kind,
                                                      TextEncoding::Encoding encoding, QString *errorMessage);

private:
    Store::Database &m_db;
};

} // namespace XinDai::Intake
