#pragma once

#include <QString>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Sync {
struct CompactPage;
}

namespace XinDai::SyncClient::Internal {

/// A firm registered here (offline, say) that the server does not have under this id, but under another:
/// the same USCC. When a pulled page brings the server's firm, the local one is the same firm under a
/// provisional id, and its local rows are moved to the server's id before the page is written (else the
/// store's unique USCC would refuse the page on every retry):
///
/// - every row naming it in enterprise_id (series, records, authorizations, documents, applications)
///   names the server's id;
/// - its queued operations (outbox), open conflicts and rejections name the server's id, and the
///   operations are tried again (last_error cleared): the push merges the local fields into the server's
///   firm field by field, base version 0, so a field that differs becomes a conflict the user sees —
///   nothing is dropped silently;
/// - the local firm row is deleted; the page then inserts the server's.
///
/// Only firms the server never accepted (version 0) are adopted: a server copy with the same USCC is a
/// different server row and is left to the page's order. Runs inside the page's transaction.
/// Returns the number of firms adopted, -1 on a database error (*errorMessage says why).
int adoptServerFirms(Store::Database &db, const Sync::CompactPage &page, QString *errorMessage);

} // namespace XinDai::SyncClient::Internal
