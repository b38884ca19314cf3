#pragma once

#include <QSqlDatabase>
#include <QString>

namespace XinDai::Store::Internal {

/// Maintenance of the firm search index (enterprise_fts trigram table and enterprise_gram bigram
/// table, schema version 2). Triggers keep it current row by row unless maintenance is deferred for
/// a bulk load. (Up to schema 2 deferring also dropped a monthly_value index; schema 3 has none.)
class SearchIndex
{
public:
    /// True while a bulk load has switched the triggers off (the index is then stale).
    static bool isDeferred(const QSqlDatabase &db);
    /// Switches the triggers off (true) or on (false). Call inside the caller's transaction or alone.
    static bool setDeferred(const QSqlDatabase &db, bool deferred, QString *errorMessage);
    /// Rebuilds both tables from the enterprise table and switches the triggers back on, in one
    /// transaction. Takes a few seconds for 100,000 firms.
    static bool rebuild(const QSqlDatabase &db, QString *errorMessage);
};

} // namespace XinDai::Store::Internal
