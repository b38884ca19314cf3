#include "syncclient/pullapplier.h"

#include "store/database.h"
#include "sync/pullpage.h"
#include "syncclient/rowapplier.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/syncstate.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

PullApplier::PullApplier(Store::Database &db)
    : m_db(db)
{}

PullApplier::Result PullApplier::apply(const Sync::PullPage &page, QString *errorMessage)
{
    m_changed.clear();
    m_written = 0;
    if (!page.verify(errorMessage))
        return Result::ChecksumMismatch;

    QSqlQuery pragma(m_db.sql());
    pragma.exec(u"PRAGMA foreign_keys = OFF"_s);
    auto restore = qScopeGuard([&] { pragma.exec(u"PRAGMA foreign_keys = ON"_s); });
    if (!m_db.transaction()) {
        if (errorMessage)
            *errorMessage = Internal::Tr::tr("Could not start a transaction in the local store: %1")
                                .arg(m_db.sql().lastError().text());
        return Result::Failed;
    }
    auto fail = [&] {
        m_db.rollback();
        m_changed.clear();
        m_written = 0;
        return Result::Failed;
    };
    RowApplier applier(m_db);
    QStringList changed;
    int written = 0;
    for (const Sync::Row &row : page.rows) {
        if (m_failAfter >= 0 && written >= m_failAfter) {
            if (errorMessage)
                *errorMessage = Internal::Tr::tr("The page was interrupted on purpose (test hook).");
            return fail();
        }
        switch (applier.apply(row, errorMessage)) {
        case RowApplier::Outcome::Failed:
            return fail();
        case RowApplier::Outcome::Written:
            ++written;
            if (!changed.contains(row.entity))
                changed.append(row.entity);
            break;
        case RowApplier::Outcome::Skipped:
        case RowApplier::Outcome::Unknown:
            break;
        }
    }
    SyncState state(m_db);
    if (page.nextCursor > state.cursor() && !state.setCursor(page.nextCursor, errorMessage))
        return fail();
    if (!m_db.commit()) {
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
