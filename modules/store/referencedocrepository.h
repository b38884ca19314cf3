#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace XinDai::Store {

class Database;

/// A reference document delivered by sync (table reference_doc, docs/sync-protocol.md): the holiday
/// calendar or a scoring model, as JSON text. Only the server writes them; the client reads them.
struct ReferenceDoc
{
    QString id;
    qint64 version = 0; ///< the row's sync version
    QString kind;       ///< "holiday_calendar" or "scoring_model"
    QString name;       ///< "holidays-cn", or the model id
    QByteArray content; ///< the JSON document (UTF-8)
};

/// Read access to the synced reference documents (live rows only).
class ReferenceDocRepository
{
public:
    static QString holidayCalendarKind() { return QStringLiteral("holiday_calendar"); }
    static QString scoringModelKind() { return QStringLiteral("scoring_model"); }
    /// The name of the holiday calendar document.
    static QString holidayCalendarName() { return QStringLiteral("holidays-cn"); }

    explicit ReferenceDocRepository(Database &db);

    /// The live document \a kind / \a name, nullopt when there is none.
    std::optional<ReferenceDoc> referenceDoc(const QString &kind, const QString &name) const;
    /// The live documents of \a kind, by name.
    QVector<ReferenceDoc> referenceDocs(const QString &kind) const;

    /// Offers the synced holiday calendar, if any, to Core::WorkCalendar::setSynced() (which keeps the
    /// newer of it and the file or built-in calendar). False when there is none (a synced calendar
    /// installed before is then forgotten: its document was deleted on the server) or it is invalid
    /// (reported with qWarning(); the calendar in use stays).
    bool installSyncedCalendar() const;

private:
    Database &m_db;
};

} // namespace XinDai::Store
