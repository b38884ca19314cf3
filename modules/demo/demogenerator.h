#pragma once

#include "core/domain/dataset.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>

namespace XinDai::Demo {

/// Deterministic generator of the demo dataset: a realistic Hunan setting (parks, institutions,
/// products, policies, users, firms with 24 months of series, records, applications …).
///
/// Same Options → identical data, including ids and timestamps (all relative to Options::asOf),
/// except password hashes (random salt). Firms are generated independently of each other, so
/// firmsChunk(0, 100) equals firmsChunk(0, 50) followed by firmsChunk(50, 50).
/// See docs/demo-data.md for what is generated and docs/firm-facts.md for the rule vocabulary.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)
public:
    struct Options
    {
        int firms = 600;                  ///< number of firms, >= 0
        quint32 seed = 20240601;          ///< PRNG seed; every id and value derives from it
        QDate asOf = QDate(2026, 11, 20); ///< "today" of the dataset; series end at the previous month
        QString demoPassword = QStringLiteral("xindai2026"); ///< password of every demo account
        /// PBKDF2 rounds for the demo users' hashes (Security::PasswordHasher::DefaultIterations);
        /// tests lower it to keep fast. 0 leaves passwordHash empty.
        int passwordIterations = 600000;
    };

    /// (firms done, firms total); return false to cancel.
    using Progress = std::function<bool(int firmsDone, int firmsTotal)>;

    /// Firms per chunk createDatabase() generates and loads at once (~290,000 rows, about 60 MB).
    static constexpr int DefaultChunkFirms = 2000;

    /// A generator with default Options.
    DemoGenerator();
    explicit DemoGenerator(const Options &options);

    const Options &options() const { return m_options; }

    /// Parks, institutions, products, policies and users (hashing each user's password once).
    Core::Dataset referenceData() const;

    /// Firms [first, first + count) ∩ [0, options().firms) with their series, records,
    /// authorizations, applications and documents. Reference ids they use match referenceData().
    Core::Dataset firmsChunk(int first, int count) const;

    /// Number of rows (all tables) in \a dataset.
    static qint64 rowCount(const Core::Dataset &dataset);

    /// Generates the dataset for \a options and loads it with Store::BulkLoader into a new store file
    /// at \a path, chunk by chunk. Refuses an existing file. All or nothing: the data is written to
    /// "<path>.part" and renamed at the end; on error or cancel nothing is left behind.
    /// \a rowsWritten (optional) receives the number of rows loaded.
    static bool createDatabase(const QString &path, const Options &options, QString *error,
                               const Progress &progress = {}, qint64 *rowsWritten = nullptr);

private:
    Options m_options;
};

} // namespace XinDai::Demo
