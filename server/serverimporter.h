#pragma once

#include "intake/importerror.h"
#include "intake/textencoding.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QVector>

namespace XinDai::Server {

class ServerDatabase;

/// `xindai-server import firms|records|series FILE`: CSV files (UTF-8 or GB18030, formats in
/// docs/import-formats.md) loaded into the central store through RowStore, so every change gets a
/// sync version and flows to the clients. Reuses modules/intake's decoding, CSV reader and header
/// detection. Each row is validated alone; the valid rows are written in ONE transaction (a store
/// failure leaves the store as it was); re-importing a file changes nothing (unchanged rows keep
/// their version). Firms are matched by USCC, series values by (firm, kind, month), public credit
/// records by (firm, kind, date, title).
class ServerImporter
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Server::ServerImporter)
public:
    enum class Kind {
        Firms,   ///< the firm roster (enterprise rows)
        Records, ///< public credit records: tax grade, penalties, dishonest debtors, procurement …
        Series   ///< monthly series values
    };

    struct Result
    {
        bool completed = false; ///< the transaction committed (also when some rows were rejected)
        QString fatalError;     ///< translated reason when the file or the store was refused as a whole
        qint64 imported = 0;    ///< new rows
        qint64 updated = 0;     ///< existing rows that changed (new version)
        qint64 unchanged = 0;   ///< existing rows identical to the file (version kept)
        qint64 rejected = 0;    ///< rows refused (each with at least one entry in errors)
        QVector<Intake::ImportError> errors; ///< in file order; row 0 = the file as a whole

        /// {"imported","updated","unchanged","rejected","errors":[{row,column,reason}]} and, after a
        /// fatal error, "error": reason.
        QJsonObject toJson() const;
    };

    /// Records read, checked and written together: their firms and existing rows are looked up in a
    /// few statements, new rows inserted in multi-row INSERTs (docs/server.md, "Import").
    static constexpr int ChunkRows = 500;

    explicit ServerImporter(ServerDatabase &db);

    /// "firms", "records" or "series".
    static bool kindFromName(const QString &name, Kind *kind);

    Result importFile(const QString &path, Kind kind,
                      Intake::TextEncoding::Encoding encoding = Intake::TextEncoding::Encoding::Auto);
    /// \a today: "today" for the future-date checks (invalid = the current UTC date).
    Result importBytes(const QByteArray &bytes, Kind kind,
                       Intake::TextEncoding::Encoding encoding = Intake::TextEncoding::Encoding::Auto,
                       const QDate &today = {});

private:
    ServerDatabase &m_db;
};

} // namespace XinDai::Server
