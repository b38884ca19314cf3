#pragma once

#include "server/rowstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace XinDai::Server {

class ServerDatabase;

/// Reference documents (entity reference_doc, docs/sync-protocol.md): the holiday calendar and the
/// scoring models, JSON documents that flow from the server to every client like the other reference
/// data. `xindai-server import calendar|model FILE` and `demo seed` store them here, through RowStore.
/// Each document is validated with the loader the clients use (Core::WorkCalendar,
/// Scoring::ModelRegistry) before anything is written, and stored as compact JSON, so re-importing
/// the same content changes nothing (no new version). Rows are matched by (kind, name).
class ReferenceDocs
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Server::ReferenceDocs)
public:
    enum class Kind {
        Calendar, ///< kind "holiday_calendar", name "holidays-cn"
        Model     ///< kind "scoring_model", name = the model's id
    };

    struct Result
    {
        bool completed = false; ///< the document is stored (created, updated or unchanged)
        QString error;          ///< translated reason when the file was refused; nothing was written
        QString id;             ///< the reference_doc row
        QString kind;           ///< "holiday_calendar" or "scoring_model"
        QString name;
        qint64 version = 0; ///< the row's sync version after the import
        bool created = false;
        bool changed = false;
        /// {"imported","updated","unchanged","rejected"} (0 or 1 each) and, when stored, "kind",
        /// "name", "id", "version"; when refused, "error".
        QJsonObject toJson() const;
    };

    static QString calendarName() { return QStringLiteral("holidays-cn"); }

    explicit ReferenceDocs(ServerDatabase &db);

    /// "calendar" or "model".
    static bool kindFromName(const QString &name, Kind *kind);

    /// Reads \a path, validates and stores it in one transaction.
    Result importFile(const QString &path, Kind kind);
    /// Validates \a json and stores it in one transaction; \a origin names the document in messages.
    Result importBytes(const QByteArray &json, Kind kind, const QString &origin = {});

    /// Inside the caller's transaction: stores the built-in holiday calendar and the shipped scoring
    /// models (demo seed). nullopt and a translated reason on failure.
    std::optional<QList<RowStore::Written>> storeBuiltins(QString *errorMessage);

private:
    struct Checked
    {
        QString kind;
        QString name;
        QByteArray content; ///< compact JSON
    };
    static std::optional<Checked> check(const QByteArray &json, Kind kind, const QString &origin,
                                        QString *errorMessage);
    std::optional<RowStore::Written> store(const Checked &doc, QString *errorMessage);

    ServerDatabase &m_db;
};

} // namespace XinDai::Server
