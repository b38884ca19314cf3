#pragma once

#include "core/domain/enterprise.h"

#include <QVector>

#include <optional>

namespace XinDai::Store {

class Database;

/// One row of a firm search result.
struct EnterpriseHit
{
    QString id;
    QString uscc;
    QString name;
    QString parkId;
    QString regionCode;
    QString industryCode;
};

class EnterpriseRepository
{
public:
    explicit EnterpriseRepository(Database &db);

    std::optional<Core::Enterprise> byId(const QString &id) const;
    std::optional<Core::Enterprise> byUscc(const QString &uscc) const;

    /// Substring search on name and USCC (Chinese works: "湘江" finds 湖南湘江新材料有限公司).
    /// Empty \a parkId = all parks. Results ordered by name, at most \a limit.
    QVector<EnterpriseHit> search(const QString &text, int limit = 50, const QString &parkId = {}) const;

    /// Insert or update by id (meta.id generated when empty; updatedAt set). Fails on a duplicate USCC.
    bool save(Core::Enterprise &enterprise, QString *errorMessage);

    int count(const QString &parkId = {}) const;

private:
    Database &m_db;
};

} // namespace XinDai::Store
