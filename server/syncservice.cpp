#include "server/syncservice.h"

#include "server/audittrail.h"
#include "server/rowstore.h"
#include "server/scope.h"
#include "server/serverdatabase.h"
#include "server/servertr_p.h"
#include "sync/entitycatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

namespace {

using Internal::Tr;
using S = Sync::EntitySpec::Scope;
using Status = Sync::OpResult::Status;

const QString OpSavepoint = u"xindai_op"_s;

/// Legal moves of the application state machine (docs/ARCHITECTURE.md) and who may make them.
enum class Mover { Park, Bank };

struct Transition
{
    QLatin1StringView from;
    QLatin1StringView to;
    Mover by;
};

constexpr Transition Transitions[] = {
    {"draft"_L1, "submitted"_L1, Mover::Park},     {"draft"_L1, "withdrawn"_L1, Mover::Park},
    {"submitted"_L1, "withdrawn"_L1, Mover::Park}, {"submitted"_L1, "accepted"_L1, Mover::Bank},
    {"accepted"_L1, "approved"_L1, Mover::Bank},   {"accepted"_L1, "rejected"_L1, Mover::Bank},
    {"approved"_L1, "disbursed"_L1, Mover::Bank},  {"disbursed"_L1, "settled"_L1, Mover::Bank},
};

const Transition *findTransition(const QString &from, const QString &to)
{
    for (const Transition &t : Transitions) {
        if (t.from == from && t.to == to)
            return &t;
    }
    return nullptr;
}

Sync::OpResult rejected(const QString &opId, const QString &reason)
{
    Sync::OpResult r;
    r.opId = opId;
    r.status = Status::Rejected;
    r.reason = reason;
    return r;
}

Sync::OpResult applied(const QString &opId, qint64 version)
{
    Sync::OpResult r;
    r.opId = opId;
    r.status = Status::Applied;
    r.newVersion = version;
    return r;
}

QJsonValue normalised(const Sync::FieldSpec &field, const QJsonValue &value)
{
    return Sync::EntityCatalog::toJson(field, Sync::EntityCatalog::toStored(field, value));
}

/// Outcome of one operation inside the batch transaction.
struct Outcome
{
    Sync::OpResult result;
    bool forbidden = false; ///< a role/scope refusal: audited
    QString databaseError;  ///< non-empty: the database failed, the whole batch is rolled back
};

class Applier
{
public:
    Applier(ServerDatabase &db, const Caller &caller, QDate today)
        : m_db(db)
        , m_caller(caller)
        , m_rows(db)
        , m_scope(db, today)
    {}

    Outcome apply(const Sync::Operation &op);

private:
    Outcome reject(const Sync::Operation &op, const QString &reason, bool forbidden = false)
    {
        Outcome o;
        o.result = rejected(op.opId, reason);
        o.forbidden = forbidden;
        return o;
    }
    Outcome remove(const Sync::Operation &op, const Sync::EntitySpec &spec, const Sync::Row &existing);
    bool referenceExists(const QString &entity, const QString &id);
    QString applicationRule(const Sync::Row *existing, const QJsonObject &changes) const;

    ServerDatabase &m_db;
    const Caller &m_caller;
    RowStore m_rows;
    Scope m_scope;
};

bool Applier::referenceExists(const QString &entity, const QString &id)
{
    QSqlQuery *q = m_db.prepared(
        u"SELECT deleted FROM "_s + ServerDatabase::quoted(entity) + u" WHERE id = ?"_s, nullptr);
    if (!q)
        return false;
    q->addBindValue(id);
    const bool ok = q->exec() && q->next() && q->value(0).toLongLong() == 0;
    q->finish();
    return ok;
}

QString Applier::applicationRule(const Sync::Row *existing, const QJsonObject &changes) const
{
    const QString from = existing ? existing->fields.value(u"state"_s).toString() : QString();
    const QString to = changes.contains(u"state"_s) ? changes.value(u"state"_s).toString() : from;
    if (!existing) {
        if (to != u"draft"_s && to != u"submitted"_s)
            return Tr::tr("A new application must start as a draft or as submitted, not as %1.").arg(to);
        return QString();
    }
    if (from != to) {
        const Transition *t = findTransition(from, to);
        if (!t)
            return Tr::tr("The application cannot go from %1 to %2.").arg(from, to);
        if (!m_caller.isAdmin()
            && ((t->by == Mover::Park && !m_caller.isParkStaff())
                || (t->by == Mover::Bank && !m_caller.isBank())))
            return Tr::tr("Your role may not move an application from %1 to %2.").arg(from, to);
    }
    if (m_caller.isParkStaff() && from != u"draft"_s) {
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.key() != u"state"_s && existing->fields.value(it.key()) != it.value())
                return Tr::tr("The application can only be edited while it is a draft; the field %1 cannot "
                              "change once it is %2.")
                    .arg(it.key(), from);
        }
    }
    return QString();
}

Outcome Applier::remove(const Sync::Operation &op, const Sync::EntitySpec &spec, const Sync::Row &existing)
{
    const QString denied = m_scope.canWrite(m_caller, spec, &existing, {});
    if (!denied.isEmpty())
        return reject(op, denied, true);
    if (existing.deleted) {
        Outcome o;
        o.result = applied(op.opId, existing.version);
        return o;
    }
    if (spec.name == u"application"_s && existing.fields.value(u"state"_s).toString() != u"draft"_s)
        return reject(op, Tr::tr("The application cannot be deleted after it was submitted."));
    if (spec.name == u"enterprise"_s) {
        QSqlQuery *q = m_db.prepared(
            u"SELECT COUNT(*) FROM application WHERE enterprise_id = ? AND deleted = 0"_s, nullptr);
        if (q) {
            q->addBindValue(existing.id);
            const bool hasApplications = q->exec() && q->next() && q->value(0).toLongLong() > 0;
            q->finish();
            if (hasApplications)
                return reject(op, Tr::tr("The firm cannot be deleted while it has applications."));
        }
    }
    QString error;
    const std::optional<RowStore::Written> written = m_rows.remove(spec.name, existing.id, &error);
    if (!written) {
        Outcome o;
        o.databaseError = error;
        return o;
    }
    Outcome o;
    o.result = applied(op.opId, written->version);
    return o;
}

Outcome Applier::apply(const Sync::Operation &op)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(op.entity);
    if (!spec)
        return reject(op, Tr::tr("The entity %1 is not synced by this server.").arg(op.entity));
    if (!spec->pushRoles.contains(m_caller.role))
        return reject(op, Tr::tr("Your role may not change records of the kind %1.").arg(op.entity), true);

    QString error;
    if (op.kind == Sync::Operation::Kind::Upsert
        && !Sync::EntityCatalog::validateFields(*spec, op.fields, QString(), &error))
        return reject(op, error);

    // The row the operation addresses: by id, else (monthly_value) by its natural key.
    QString targetId = op.rowId;
    std::optional<Sync::Row> existing = m_rows.load(op.entity, targetId);
    if (!existing && !spec->naturalKey.isEmpty() && op.kind == Sync::Operation::Kind::Upsert) {
        QJsonObject key;
        for (const QString &k : spec->naturalKey) {
            if (op.fields.contains(k))
                key.insert(k, op.fields.value(k));
        }
        if (key.size() == spec->naturalKey.size()) {
            const QString other = m_rows.findId(op.entity, key);
            if (!other.isEmpty()) {
                targetId = other;
                existing = m_rows.load(op.entity, targetId);
            }
        }
    }

    if (op.kind == Sync::Operation::Kind::Delete) {
        if (!existing)
            return reject(op, Tr::tr("The record to delete does not exist on the server."));
        return remove(op, *spec, *existing);
    }

    if (existing && existing->deleted)
        return reject(op, Tr::tr("The record was deleted on the server, so this change cannot be applied."));
    if (!existing && !Sync::EntityCatalog::validateFields(*spec, op.fields, QString(), &error, true))
        return reject(op, error);

    // Field by field: what the server changed since baseVersion wins where the values differ.
    QJsonObject changes;
    QList<Sync::FieldConflict> conflicts;
    if (existing && op.baseVersion != existing->version) {
        const QJsonObject versions = m_rows.fieldVersions(op.entity, targetId);
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
            const QJsonValue server = existing->fields.value(it.key());
            const bool changedOnServer = versions.value(it.key()).toInteger() > op.baseVersion;
            if (changedOnServer && normalised(*spec->field(it.key()), it.value()) != server)
                conflicts.append({it.key(), it.value(), server});
            else
                changes.insert(it.key(), it.value());
        }
    } else {
        changes = op.fields;
    }

    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const Sync::FieldSpec *f = spec->field(it.key());
        if (!f->references.isEmpty() && it.value().isString()
            && !referenceExists(f->references, it.value().toString()))
            return reject(op, Tr::tr("The field %1 refers to a %2 record that does not exist.")
                                  .arg(f->name, f->references));
    }

    const QString denied = m_scope.canWrite(m_caller, *spec, existing ? &*existing : nullptr, op.fields);
    if (!denied.isEmpty())
        return reject(op, denied, true);

    if (op.entity == u"enterprise"_s && changes.contains(u"uscc"_s)) {
        const QString other = m_rows.findId(op.entity, {{u"uscc"_s, changes.value(u"uscc"_s)}});
        if (!other.isEmpty() && other != targetId)
            return reject(
                op, Tr::tr("Another firm already has the USCC %1.").arg(changes.value(u"uscc"_s).toString()));
    }
    if (op.entity == u"app_user"_s && changes.contains(u"login"_s)) {
        const QString other = m_rows.findId(op.entity, {{u"login"_s, changes.value(u"login"_s)}});
        if (!other.isEmpty() && other != targetId)
            return reject(
                op,
                Tr::tr("Another user already has the login %1.").arg(changes.value(u"login"_s).toString()));
    }
    if (op.entity == u"application"_s) {
        const QString broken = applicationRule(existing ? &*existing : nullptr, changes);
        if (!broken.isEmpty())
            return reject(op, broken);
    }

    qint64 version = existing ? existing->version : 0;
    if (!changes.isEmpty()) {
        const std::optional<RowStore::Written> written = m_rows.upsert(op.entity, targetId, changes, &error);
        if (!written)
            return reject(op, Tr::tr("The record could not be stored: %1").arg(error));
        version = written->version;
    }

    if (op.entity == u"application"_s && changes.contains(u"state"_s)) {
        const QString from = existing ? existing->fields.value(u"state"_s).toString() : QString();
        const QString to = changes.value(u"state"_s).toString();
        // A decision is a change of an existing application's state (or a creation as submitted).
        if (from != to && (existing || to != u"draft"_s)) {
            AuditTrail audit(m_db);
            if (!audit.record(m_caller, u"decision"_s, op.entity, targetId,
                              {{u"from"_s, from}, {u"to"_s, to}, {u"opId"_s, op.opId}}, &error)) {
                Outcome o;
                o.databaseError = error;
                return o;
            }
        }
    }

    Outcome o;
    if (conflicts.isEmpty()) {
        o.result = applied(op.opId, version);
        return o;
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Sync::FieldConflict &a, const Sync::FieldConflict &b) { return a.field < b.field; });
    o.result.opId = op.opId;
    o.result.status = Status::Conflict;
    o.result.newVersion = version;
    o.result.conflicts = conflicts;
    const std::optional<Sync::Row> row = m_rows.load(op.entity, targetId, &error);
    if (!row) {
        o.databaseError = error;
        return o;
    }
    o.result.serverRow = *row;
    return o;
}

} // namespace

SyncService::SyncService(ServerDatabase &db)
    : m_db(db)
    , m_today(Scope::chinaToday())
{}

std::optional<Sync::PushResponse> SyncService::push(const Caller &caller, const Sync::PushRequest &request,
                                                    QString *errorMessage)
{
    m_failure = Failure::None;
    auto fail = [&](const QString &message) -> std::optional<Sync::PushResponse> {
        if (m_db.inTransaction())
            m_db.rollback();
        m_failure = Failure::Database;
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    if (!m_db.transaction())
        return fail(
            Tr::tr("The database could not start a transaction: %1").arg(m_db.sql().lastError().text()));

    // Serialize pushes (and other writers) from the first read on: the merge decides on values it
    // has read, which another server process must not change before this batch commits.
    QString lockError;
    if (!m_db.lockWriters(&lockError))
        return fail(lockError);

    Sync::PushResponse response;
    {
        Applier applier(m_db, caller, m_today);
        AuditTrail audit(m_db);
        QString error;
        for (const Sync::Operation &op : request.operations) {
            QSqlQuery *seen
                = m_db.prepared(u"SELECT user_id, result FROM applied_op WHERE op_id = ?"_s, &error);
            if (!seen)
                return fail(error);
            seen->addBindValue(op.opId);
            if (!seen->exec())
                return fail(seen->lastError().text());
            if (seen->next()) {
                const QString owner = seen->value(0).toString();
                const QByteArray stored = seen->value(1).toString().toUtf8();
                seen->finish();
                if (owner != caller.userId) {
                    response.results.append(rejected(
                        op.opId,
                        Tr::tr("The operation id %1 was already used by another user.").arg(op.opId)));
                    continue;
                }
                const std::optional<Sync::OpResult> first
                    = Sync::OpResult::fromJson(QJsonDocument::fromJson(stored).object(), QString(), &error);
                if (!first)
                    return fail(
                        Tr::tr("The stored result of the operation %1 is damaged: %2").arg(op.opId, error));
                response.results.append(*first);
                continue;
            }
            seen->finish();

            if (!m_db.savepoint(OpSavepoint))
                return fail(m_db.sql().lastError().text());
            const Outcome outcome = applier.apply(op);
            if (!outcome.databaseError.isEmpty())
                return fail(outcome.databaseError);
            if (outcome.result.status == Status::Rejected) {
                if (!m_db.rollbackToSavepoint(OpSavepoint) || !m_db.releaseSavepoint(OpSavepoint))
                    return fail(m_db.sql().lastError().text());
                if (outcome.forbidden
                    && !audit.record(caller, u"forbidden"_s, op.entity, op.rowId,
                                     {{u"opId"_s, op.opId}, {u"reason"_s, outcome.result.reason}}, &error))
                    return fail(error);
            } else if (!m_db.releaseSavepoint(OpSavepoint)) {
                return fail(m_db.sql().lastError().text());
            }

            QSqlQuery *store = m_db.prepared(
                u"INSERT INTO applied_op (op_id, client_id, user_id, result, applied_at) VALUES (?, ?, ?, ?, ?)"_s,
                &error);
            if (!store)
                return fail(error);
            store->addBindValue(op.opId);
            store->addBindValue(request.clientId);
            store->addBindValue(caller.userId);
            store->addBindValue(
                QString::fromUtf8(QJsonDocument(outcome.result.toJson()).toJson(QJsonDocument::Compact)));
            store->addBindValue(ServerDatabase::now());
            if (!store->exec())
                return fail(Tr::tr("The result of the operation %1 could not be stored: %2")
                                .arg(op.opId, store->lastError().text()));
            store->finish();
            response.results.append(outcome.result);
        }
    }
    if (!m_db.commit())
        return fail(Tr::tr("The database could not commit the push: %1").arg(m_db.sql().lastError().text()));
    return response;
}

std::optional<Sync::PullPage> SyncService::pull(const Caller &caller, const Sync::PullRequest &request,
                                                QString *errorMessage)
{
    m_failure = Failure::None;
    QList<const Sync::EntitySpec *> specs;
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (request.entities.isEmpty() || request.entities.contains(e.name))
            specs.append(&e);
    }
    for (const QString &name : request.entities) {
        if (!Sync::EntityCatalog::find(name)) {
            m_failure = Failure::BadRequest;
            if (errorMessage)
                *errorMessage = Tr::tr("The entity %1 is not synced by this server.").arg(name);
            return std::nullopt;
        }
    }
    auto fail = [&](const QString &message) -> std::optional<Sync::PullPage> {
        if (m_db.inTransaction())
            m_db.rollback();
        m_failure = Failure::Database;
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    if (!m_db.readTransaction())
        return fail(
            Tr::tr("The database could not start a transaction: %1").arg(m_db.sql().lastError().text()));
    // Rows up to the head read now are all committed; later commits wait for the next request.
    const qint64 head = m_db.headSequence();
    const Scope scope(m_db, m_today);
    QList<Scope::Predicate> predicates;
    for (const Sync::EntitySpec *spec : std::as_const(specs))
        predicates.append(scope.readPredicate(caller, *spec, u"t"_s));

    // Phase 1: the versions only (index-friendly, no row conversion), to find the page's last version:
    // reading pageSize + 1 whole rows from every entity would convert up to twelve pages to output one.
    std::vector<qint64> versions;
    for (qsizetype e = 0; e < specs.size(); ++e) {
        const Scope::Predicate &where = predicates.at(e);
        if (where.sql == u"1 = 0"_s)
            continue;
        const QString sql = u"SELECT t.version FROM "_s + ServerDatabase::quoted(specs.at(e)->name)
                            + u" t WHERE t.version > ? AND t.version <= ? AND ("_s + where.sql
                            + u") ORDER BY t.version LIMIT ?"_s;
        QString error;
        QSqlQuery *q = m_db.prepared(sql, &error);
        if (!q)
            return fail(error);
        q->addBindValue(request.cursor);
        q->addBindValue(head);
        for (const QVariant &b : where.binds)
            q->addBindValue(b);
        q->addBindValue(request.pageSize + 1);
        if (!q->exec())
            return fail(
                Tr::tr("The %1 rows could not be read: %2").arg(specs.at(e)->name, q->lastError().text()));
        while (q->next())
            versions.push_back(q->value(0).toLongLong());
        q->finish();
    }
    const bool more = qint64(versions.size()) > request.pageSize;
    qint64 last = head;
    if (more) {
        std::nth_element(versions.begin(), versions.begin() + (request.pageSize - 1), versions.end());
        last = versions[size_t(request.pageSize - 1)];
    }

    // Phase 2: exactly the rows of the page (versions are unique across entities: one sequence).
    QList<Sync::Row> rows;
    for (qsizetype e = 0; e < specs.size(); ++e) {
        const Sync::EntitySpec *spec = specs.at(e);
        const Scope::Predicate &where = predicates.at(e);
        if (where.sql == u"1 = 0"_s)
            continue;
        // Sorted: QJsonObject keeps its keys sorted, so inserting in order appends (no moves).
        QStringList wire = spec->wireFieldNames();
        wire.sort();
        QString sql = u"SELECT t.id, t.version, t.updated_at, t.deleted"_s;
        for (const QString &n : wire)
            sql += u", t."_s + ServerDatabase::quoted(n);
        sql += u" FROM "_s + ServerDatabase::quoted(spec->name)
               + u" t WHERE t.version > ? AND t.version <= ? AND ("_s + where.sql + u") ORDER BY t.version"_s;
        QString error;
        QSqlQuery *q = m_db.prepared(sql, &error);
        if (!q)
            return fail(error);
        q->addBindValue(request.cursor);
        q->addBindValue(last);
        for (const QVariant &b : where.binds)
            q->addBindValue(b);
        if (!q->exec())
            return fail(Tr::tr("The %1 rows could not be read: %2").arg(spec->name, q->lastError().text()));
        while (q->next()) {
            Sync::Row row;
            row.entity = spec->name;
            row.id = q->value(0).toString();
            row.version = q->value(1).toLongLong();
            row.updatedAt = QDateTime::fromString(q->value(2).toString(), Qt::ISODateWithMs);
            row.deleted = q->value(3).toLongLong() != 0;
            for (int i = 0; i < wire.size(); ++i) {
                // A tombstone carries only its natural key (monthly_value is found by it on the client).
                if (row.deleted && !spec->naturalKey.contains(wire.at(i)))
                    continue;
                row.fields.insert(wire.at(i),
                                  Sync::EntityCatalog::toJson(*spec->field(wire.at(i)), q->value(4 + i)));
            }
            rows.append(row);
        }
        q->finish();
    }
    m_db.commit();

    std::sort(rows.begin(), rows.end(),
              [](const Sync::Row &a, const Sync::Row &b) { return a.version < b.version; });
    Sync::PullPage page;
    page.hasMore = more;
    page.nextCursor = more ? last : std::max(head, request.cursor);
    page.rows = rows;

    if (caller.isBank()) {
        QStringList firms;
        int firmRows = 0;
        for (const Sync::Row &row : std::as_const(page.rows)) {
            const Sync::EntitySpec *spec = Sync::EntityCatalog::find(row.entity);
            if (spec->scope != S::Firm && spec->scope != S::FirmRecord)
                continue;
            ++firmRows;
            const QString firm
                = spec->scope == S::Firm ? row.id : row.fields.value(u"enterprise_id"_s).toString();
            if (!firm.isEmpty() && !firms.contains(firm))
                firms.append(firm);
        }
        if (firmRows > 0) {
            const bool truncated = firms.size() > MaxAuditedIds;
            if (truncated)
                firms.resize(MaxAuditedIds);
            QString error;
            AuditTrail audit(m_db);
            if (!audit.record(caller, u"pull_credit_data"_s, u"enterprise"_s, QString(),
                              {{u"rows"_s, firmRows},
                               {u"enterprise_ids"_s, QJsonArray::fromStringList(firms)},
                               {u"truncated"_s, truncated},
                               {u"cursor"_s, request.cursor}},
                              &error))
                return fail(error);
        }
    }
    page.seal();
    return page;
}

} // namespace XinDai::Server
