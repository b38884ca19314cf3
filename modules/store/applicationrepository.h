#pragma once

#include "core/domain/application.h"
#include "core/domain/authorization.h"
#include "core/domain/document.h"

#include <QHash>
#include <QVector>

#include <optional>

namespace XinDai::Store {

class Database;

/// Applications, authorizations and documents.
class ApplicationRepository
{
public:
    struct Filter
    {
        QString parkId;        ///< empty = any
        QString institutionId; ///< empty = any
        QString enterpriseId;  ///< empty = any
        std::optional<Core::Application::State> state;
    };

    explicit ApplicationRepository(Database &db);

    QVector<Core::Application> applications(const Filter &filter = {}) const;
    std::optional<Core::Application> application(const QString &id) const;
    QHash<Core::Application::State, int> countByState(const Filter &filter = {}) const;
    /// Insert or update; on update, refuses an illegal state transition with a message.
    bool save(Core::Application &application, QString *errorMessage);
    /// The next free application number of \a year in the form XD-YYYY-NNNNNNN (seven digits), or
    /// XD-YYYY-SERIES-NNNNNNN with a \a series (the window's park code, so that parks never number
    /// alike): one above the highest number of that series in this store, 0000001 for the first.
    /// Numbers are allocated locally (offline); the caller saves the application with it right away.
    /// Two windows of one park working offline can still pick the same number: the server then gives
    /// the second the next free one, and its client records that as a conflict (docs/server.md).
    QString nextNumber(int year, const QString &series = {}) const;

    QVector<Core::Authorization> authorizations(const QString &enterpriseId) const;
    bool save(Core::Authorization &authorization, QString *errorMessage);

    QVector<Core::Document> documents(const QString &enterpriseId) const;
    bool save(Core::Document &document, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
