#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace XinDai::Server {

class ServerDatabase;

/// `xindai-server demo seed`: the demo dataset of XinDai::Demo::DemoGenerator (docs/demo-data.md),
/// generated into a temporary local store and copied into the central store entity by entity
/// (Sync::EntityCatalog order, parents first) through RowStore, so every row gets a sync version.
/// Demo users keep their password (xindai2026): their hashes are copied. Idempotent: the dataset is
/// deterministic and a user that exists already keeps its stored password hash, so a second seed
/// changes no row and no version. Also stores the built-in holiday calendar and the shipped scoring
/// models as reference documents (ReferenceDocs::storeBuiltins; a newer imported one is kept). One
/// transaction: a failure leaves the store as it was.
class DemoSeed
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Server::DemoSeed)
public:
    struct Counts
    {
        qint64 created = 0;   ///< rows new to the central store
        qint64 updated = 0;   ///< rows that existed and changed
        qint64 unchanged = 0; ///< rows that existed and were identical
    };

    /// Seeds \a firms firms (>= 0). \a passwordIterations: PBKDF2 rounds of the demo users' hashes
    /// (tests lower it). nullopt and a translated reason on failure.
    static std::optional<Counts> run(ServerDatabase &db, int firms, QString *errorMessage,
                                     int passwordIterations = 600000);
};

} // namespace XinDai::Server
