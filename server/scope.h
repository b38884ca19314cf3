#pragma once

#include "server/caller.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace XinDai::Sync {
struct EntitySpec;
struct Row;
} // namespace XinDai::Sync

namespace XinDai::Server {

class ServerDatabase;

/// The RBAC rules of Sync::EntitySpec::Scope (docs/server.md, "Scope"): which rows a caller may read,
/// as SQL predicates, and whether a caller may write a row. Rules, per role:
///  - admin: everything;
///  - window_staff, park_manager: Reference rows, firms with park_id = their park and the FirmRecord
///    rows of those firms, applications with park_id = their park, their own app_user row;
///  - bank_officer: Reference rows, applications with institution_id = theirs and state <> 'draft',
///    the firms (and their FirmRecord rows) that have such an application AND a valid authorization
///    (not revoked, not deleted, valid_from <= today <= valid_to, institution_ids contains theirs),
///    their own app_user row;
///  - any other role: Reference rows only.
/// "today" is the date in China (UTC+8), the calendar the authorizations are written in.
class Scope
{
public:
    /// An SQL boolean expression with positional "?" placeholders and their values, in order.
    struct Predicate
    {
        QString sql;
        QVariantList binds;
    };

    /// \a today: the date the validity of authorizations is judged on.
    explicit Scope(ServerDatabase &db, QDate today = chinaToday());

    /// Today's date in China (UTC+8, no daylight saving).
    static QDate chinaToday();
    QDate today() const { return m_today; }

    /// The rows of \a entity that \a caller may read, over the table aliased \a alias. Tombstones
    /// are filtered like live rows (a caller learns of deletions of what it may see).
    Predicate readPredicate(const Caller &caller, const Sync::EntitySpec &entity, const QString &alias) const;

    /// Empty when \a caller may write \a entity: a new row (\a existing null) or a change of
    /// \a existing to the fields \a changed (the fields being written, others keep \a existing's
    /// values). Otherwise one translated sentence saying why not (role, park, institution, fields a
    /// bank may not change). State transitions are SyncService's concern.
    QString canWrite(const Caller &caller, const Sync::EntitySpec &entity, const Sync::Row *existing,
                     const QJsonObject &changed) const;

    /// The institutions that may see the firm \a enterpriseId today (a non-draft application
    /// addressed to them and a valid authorization covering them), sorted.
    QStringList banksSeeingFirm(const QString &enterpriseId) const;

private:
    Predicate bankFirmIds(const Caller &caller) const;
    QString parkOfFirm(const QString &enterpriseId) const;

    ServerDatabase &m_db;
    QDate m_today;
};

} // namespace XinDai::Server
