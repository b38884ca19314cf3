#pragma once

#include "core/domain/financingproduct.h"
#include "core/domain/institution.h"
#include "core/domain/park.h"
#include "core/domain/policy.h"

#include <QVector>

#include <optional>

namespace XinDai::Store {

class Database;

/// Reference data: parks, institutions, products, policies.
class ReferenceRepository
{
public:
    explicit ReferenceRepository(Database &db);

    QVector<Core::Park> parks() const;
    std::optional<Core::Park> park(const QString &id) const;
    QVector<Core::Institution> institutions() const;
    std::optional<Core::Institution> institution(const QString &id) const;
    QVector<Core::FinancingProduct> products(const QString &institutionId = {}) const;
    std::optional<Core::FinancingProduct> product(const QString &id) const;
    QVector<Core::Policy> policies() const;
    std::optional<Core::Policy> policy(const QString &id) const;

    bool save(Core::Park &park, QString *errorMessage);
    bool save(Core::Institution &institution, QString *errorMessage);
    bool save(Core::FinancingProduct &product, QString *errorMessage);
    bool save(Core::Policy &policy, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
