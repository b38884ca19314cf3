#pragma once

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Hands the reference documents synced into \a db (holiday calendar, scoring models) to
/// Core::WorkCalendar and Scoring::ModelRegistry, which use each when it is newer than the built-in
/// one. Called at start-up and whenever sync reports a change of reference_doc; invalid documents are
/// ignored with a warning, and a document deleted on the server stops being used.
void applySyncedReferenceDocs(Store::Database &db);

} // namespace XinDai::Ui
