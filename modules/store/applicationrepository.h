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
    /// The next free application number of \a year in the form XD-YYYY-NNNNNNN (seven digits): one
    /// above the highest number of that year in this store, XD-YYYY-0000001 for the first.
    /// Numbers are allocated locally (offline); the caller saves the application with it right away.
    QString nextNumber(int year) const;

    QVector<Core::Authorization> authorizations(const QString &enterpriseId) const;
    bool save(Core::Authorization &authorization, QString *errorMessage);

    QVector<Core::Document> documents(const QString &enterpriseId) const;
    bool save(Core::Document &document, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
