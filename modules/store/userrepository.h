#pragma once

#include "core/domain/user.h"

#include <QVector>

#include <optional>

namespace XinDai::Store {

class Database;

class UserRepository
{
public:
    explicit UserRepository(Database &db);

    std::optional<Core::User> byLogin(const QString &login) const;
    std::optional<Core::User> byId(const QString &id) const;
    QVector<Core::User> users() const;
    bool save(Core::User &user, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
