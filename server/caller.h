#pragma once

#include <QString>

namespace XinDai::Server {

/// The authenticated user a request acts for (AuthService::authenticate fills it from the bearer token).
/// Every scope decision of the server is taken on these fields, never on what the request body claims.
struct Caller
{
    QString userId;        ///< app_user.id
    QString login;         ///< app_user.login
    QString role;          ///< window_staff | park_manager | bank_officer | admin
    QString parkId;        ///< the park of window staff and park managers ("" otherwise)
    QString institutionId; ///< the institution of bank officers ("" otherwise)

    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool isBank() const { return role == QLatin1String("bank_officer"); }
    bool isParkStaff() const
    {
        return role == QLatin1String("window_staff") || role == QLatin1String("park_manager");
    }
};

} // namespace XinDai::Server
