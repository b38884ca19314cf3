#pragma once

#include "core/domain/syncmeta.h"

#include <QString>

namespace XinDai::Core {

enum class Role { WindowStaff, ParkManager, BankOfficer, Admin };

/// A person who logs in. Scope: parkId for window staff and park managers, institutionId for
/// bank officers, neither for admins.
struct User
{
    SyncMeta meta;
    QString login;
    QString displayName;
    Role role = Role::WindowStaff;
    QString parkId;
    QString institutionId;
    QString passwordHash; ///< security/passwordhasher.h format, never the password
    bool disabled = false;
};

} // namespace XinDai::Core
