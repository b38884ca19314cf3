#include "store/userrepository.h"

#include "store/database.h"
#include "store/enumcodes.h"
#include "store/sqlutil_p.h"
#include "store/storetr_p.h"

#include <QSqlQuery>

namespace XinDai::Store {

using namespace Internal;

namespace {

const QStringList &userColumns()
{
    static const QStringList columns
        = metaColumns() + QStringList{QStringLiteral("login"),          QStringLiteral("display_name"),
                                      QStringLiteral("role"),           QStringLiteral("park_id"),
                                      QStringLiteral("institution_id"), QStringLiteral("password_hash"),
                                      QStringLiteral("disabled")};
    return columns;
}

Core::User readUser(const QSqlQuery &q)
{
    Core::User u;
    u.meta = readMeta(q);
    u.login = q.value(4).toString();
    u.displayName = q.value(5).toString();
    fromCode(q.value(6).toString(), &u.role);
    u.parkId = toText(q.value(7));
    u.institutionId = toText(q.value(8));
    u.passwordHash = q.value(9).toString();
    u.disabled = q.value(10).toInt() != 0;
    return u;
}

} // namespace

UserRepository::UserRepository(Database &db)
    : m_db(db)
{}

std::optional<Core::User> UserRepository::byLogin(const QString &login) const
{
    return readOne<Core::User>(m_db.sql(),
                               selectSql(userColumns(), QStringLiteral("app_user"),
                                         QStringLiteral("login = ? AND deleted = 0"), QStringLiteral("id")),
                               {login}, readUser);
}

std::optional<Core::User> UserRepository::byId(const QString &id) const
{
    return readOne<Core::User>(
        m_db.sql(),
        selectSql(userColumns(), QStringLiteral("app_user"), QStringLiteral("id = ?"), QStringLiteral("id")),
        {id}, readUser);
}

QVector<Core::User> UserRepository::users() const
{
    return readAll<Core::User>(m_db.sql(),
                               selectSql(userColumns(), QStringLiteral("app_user"),
                                         QStringLiteral("deleted = 0"), QStringLiteral("login")),
                               {}, readUser);
}

bool UserRepository::save(Core::User &user, QString *errorMessage)
{
    Core::User row = user;
    row.login = row.login.trimmed();
    if (row.login.isEmpty()) {
        setError(errorMessage, Tr::tr("Could not save the user: the field “login” is required."));
        return false;
    }
    {
        QSqlQuery query(m_db.sql());
        if (run(query, QStringLiteral("SELECT 1 FROM app_user WHERE login = ? AND id <> ?"),
                {row.login, row.meta.id})
            && query.next()) {
            setError(errorMessage, Tr::tr("The login %1 is already taken by another user.").arg(row.login));
            return false;
        }
    }
    stampForSave(row.meta);
    const QVariantList values = metaValues(row.meta)
                                + QVariantList{row.login,
                                               row.displayName,
                                               toCode(row.role),
                                               textOrNull(row.parkId),
                                               textOrNull(row.institutionId),
                                               row.passwordHash,
                                               row.disabled ? 1 : 0};
    if (!upsert(m_db.sql(), QStringLiteral("app_user"), userColumns(), values, Tr::tr("user"), errorMessage))
        return false;
    user = row;
    return true;
}

} // namespace XinDai::Store
