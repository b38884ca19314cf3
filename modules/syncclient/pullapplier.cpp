#include "syncclient/pullapplier.h"

#include "store/database.h"
#include "store/searchindexbatch.h"
#include "sync/compactpage.h"
#include "sync/entitycatalog.h"
#include "sync/pullpage.h"
#include "syncclient/firmadoption_p.h"
#include "syncclient/rowapplier.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/syncstate.h"
#include "syncclient/uncheckedtransaction_p.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

namespace {

/// True when the page carries firms and none of them is in the store yet (a first sync): their search
/// index entries can then be written in bulk at the end of the page (Store::SearchIndexBatch).
bool onlyNewFirms(Store::Database &db, const Sync::CompactPage &page)
{
    static const Sync::EntitySpec *const enterprise = Sync::EntityCatalog::find(u"enterprise"_s);
    QSqlQuery exists(db.sql());
    exists.setForwardOnly(true);
    bool prepared = false;
    int firms = 0;
    for (const Sync::CompactPage::Row &row : page.rows) {
        if (row.spec != enterprise)
            continue;
        if (!prepared && !(prepared = exists.prepare(u"SELECT 1 FROM enterprise WHERE id = ?"_s)))
            return false;
        exists.bindValue(0, page.string(row.id));
        if (!exists.exec() || exists.next())
            return false;
        ++firms;
    }
    return firms > 0;
}

} // namespace

PullApplier::PullApplier(Store::Database &db)
    : m_db(db)
{}

void PullApplier::prepareConnection(Store::Database &db)
{
    QSqlQuery(db.sql()).exec(u"PRAGMA wal_autocheckpoint = 16384"_s);
}

PullApplier::Result PullApplier::apply(const Sync::PullPage &page, QString *errorMessage)
{
    m_changed.clear();
    m_written = 0;
    if (!page.verify(errorMessage))
        return Result::ChecksumMismatch;
    const std::optional<Sync::CompactPage> compact = Sync::CompactPage::fromPage(page, errorMessage);
    if (!compact)
        return Result::Failed;
    return apply(*compact, errorMessage);
}

PullApplier::Result PullApplier::apply(const Sync::CompactPage &page, QString *errorMessage)
{
    m_changed.clear();
    m_written = 0;

    Internal::UncheckedTransaction transaction(m_db);
    if (!transaction.begin(errorMessage))
        return Result::Failed;
    auto fail = [&] {
        transaction.rollback();
        m_changed.clear();
        m_written = 0;
        return Result::Failed;
    };
    // A firm registered here that the server holds under another id: move it to the server's id first.
    if (Internal::adoptServerFirms(m_db, page, errorMessage) < 0)
        return fail();
    // A first sync's pages hold new firms only: index them per page, not per row (it was half the cost).
    Store::SearchIndexBatch index(m_db);
    if (onlyNewFirms(m_db, page) && !index.begin(errorMessage))
        return fail();
    RowApplier applier(m_db);
    QStringList changed;
    int written = 0;
    for (qsizetype i = 0; i < page.rows.size(); ++i) {
        if (m_failAfter >= 0 && written >= m_failAfter) {
            if (errorMessage)
                *errorMessage = Internal::Tr::tr("The page was interrupted on purpose (test hook).");
            return fail();
        }
        switch (applier.apply(page, i, errorMessage)) {
        case RowApplier::Outcome::Failed:
            return fail();
        case RowApplier::Outcome::Written: {
            ++written;
            const QString &entity = page.rows.at(i).spec->name;
            if (!changed.contains(entity))
                changed.append(entity);
            break;
        }
        case RowApplier::Outcome::Skipped:
        case RowApplier::Outcome::Unknown:
            break;
        }
    }
    if (!index.finish(errorMessage))
        return fail();
    SyncState state(m_db);
    if (page.nextCursor > state.cursor() && !state.setCursor(page.nextCursor, errorMessage))
        return fail();
    if (!transaction.commit()) {
        if (errorMessage)
            *errorMessage = Internal::Tr::tr("Could not commit the pulled rows to the local store: %1")
                                .arg(m_db.sql().lastError().text());
        return fail();
    }
    m_changed = changed;
    m_written = written;
    return Result::Applied;
}

} // namespace XinDai::SyncClient
