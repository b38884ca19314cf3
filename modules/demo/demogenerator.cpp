#include "demo/demogenerator.h"

#include "demo/firmbuilder_p.h"
#include "demo/referencebuilder_p.h"
#include "store/bulkloader.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace XinDai::Demo {

DemoGenerator::DemoGenerator()
    : m_options()
{}

DemoGenerator::DemoGenerator(const Options &options)
    : m_options(options)
{}

Core::Dataset DemoGenerator::referenceData() const
{
    const Internal::ReferenceBuilder ref(m_options.seed, m_options.asOf);
    Core::Dataset data;
    data.parks = ref.parks();
    data.institutions = ref.institutions();
    data.products = ref.products();
    data.policies = ref.policies();
    data.users = ref.users(m_options.demoPassword, m_options.passwordIterations);
    return data;
}

Core::Dataset DemoGenerator::firmsChunk(int first, int count) const
{
    Core::Dataset data;
    const int begin = std::max(0, first);
    const int end = int(std::min<qint64>(qint64(first) + std::max(0, count), m_options.firms));
    if (end <= begin)
        return data;
    const Internal::ReferenceBuilder ref(m_options.seed, m_options.asOf);
    const Internal::FirmBuilder builder(m_options.seed, m_options.asOf, ref);
    const int n = end - begin;
    data.enterprises.reserve(n);
    data.series.reserve(qsizetype(n) * 6 * Internal::FirmBuilder::SeriesMonths);
    data.records.reserve(qsizetype(n) * 6);
    data.documents.reserve(qsizetype(n) * 2);
    for (int i = begin; i < end; ++i)
        builder.build(i, data);
    return data;
}

qint64 DemoGenerator::rowCount(const Core::Dataset &d)
{
    return qint64(d.parks.size()) + d.institutions.size() + d.products.size() + d.policies.size()
           + d.enterprises.size() + d.series.size() + d.records.size() + d.authorizations.size()
           + d.applications.size() + d.documents.size() + d.users.size();
}

namespace {

void removeStoreFiles(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

bool DemoGenerator::createDatabase(const QString &path, const Options &options, QString *error,
                                   const Progress &progress, qint64 *rowsWritten)
{
    QString message;
    auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (options.firms < 0)
        return fail(tr("The number of demo firms must not be negative (got %1).").arg(options.firms));
    if (!options.asOf.isValid())
        return fail(tr("The demo dataset's reference date is not a valid date."));
    if (QFileInfo::exists(path))
        return fail(tr("The file %1 already exists; the demo dataset is only written to a new file.")
                        .arg(QDir::toNativeSeparators(path)));

    const QString part = path + QStringLiteral(".part");
    removeStoreFiles(part);
    qint64 rows = 0;
    {
        Store::Database db;
        if (!db.open(part, &message, Store::Database::OpenMode::CreateIfMissing)) {
            removeStoreFiles(part);
            return fail(tr("The demo store %1 could not be created: %2")
                            .arg(QDir::toNativeSeparators(path), message));
        }
        const DemoGenerator generator(options);
        // One loader for all chunks: the firm search index is built once, after the last chunk.
        Store::BulkLoader loader(db);
        loader.setDeferSearchIndex(true);
        bool ok = loader.load(generator.referenceData(), &message);
        if (ok && progress && !progress(0, options.firms)) {
            message = tr("The demo dataset generation was cancelled.");
            ok = false;
        }
        for (int first = 0; ok && first < options.firms; first += DefaultChunkFirms) {
            ok = loader.load(generator.firmsChunk(first, DefaultChunkFirms), &message);
            const int done = std::min(options.firms, first + DefaultChunkFirms);
            if (ok && progress && !progress(done, options.firms)) {
                message = tr("The demo dataset generation was cancelled.");
                ok = false;
            }
        }
        ok = ok && loader.finish(&message);
        rows = loader.rowsWritten();
        if (ok) {
            QSqlQuery checkpoint(db.sql());
            checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        db.close();
        if (!ok) {
            removeStoreFiles(part);
            return fail(tr("The demo data could not be written to %1: %2")
                            .arg(QDir::toNativeSeparators(path), message));
        }
    }
    // The connection is closed and the WAL checkpointed into the main file: an empty WAL may remain.
    if (QFileInfo(part + QStringLiteral("-wal")).size() > 0) {
        removeStoreFiles(part);
        return fail(tr("The demo store %1 could not be completed: its write-ahead log was not checkpointed.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    QFile::remove(part + QStringLiteral("-wal"));
    QFile::remove(part + QStringLiteral("-shm"));
    if (!QFile::rename(part, path)) {
        removeStoreFiles(part);
        return fail(tr("The demo store could not be moved to %1.").arg(QDir::toNativeSeparators(path)));
    }
    if (rowsWritten)
        *rowsWritten = rows;
    return true;
}

} // namespace XinDai::Demo
