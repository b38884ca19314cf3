#include "server/syncservice.h"

#include "server/audittrail.h"
#include "server/readbatch_p.h"
#include "server/rowstore.h"
#include "server/scope.h"
#include "server/serverdatabase.h"
#include "server/servertr_p.h"
#include "sync/entitycatalog.h"
#include "sync/pagebuilder.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

namespace {

using Internal::ReadBatch;
using Internal::Tr;
using S = Sync::EntitySpec::Scope;

/// What phase 2 of a pull needs per entity, computed once: the wire fields in code-point order with
/// their canonical keys, the SELECT list, which fields a tombstone keeps and where enterprise_id is.
struct EntityColumns
{
    std::vector<const Sync::FieldSpec *> fields;
    std::vector<QByteArray> keys;
    std::vector<bool> inNaturalKey;
    QString select; ///< ", t.\"a\", t.\"b\"…"
    int enterpriseColumn = -1;
};

const EntityColumns &entityColumns(const Sync::EntitySpec &spec)
{
    static const QHash<QString, EntityColumns> all = [] {
        QHash<QString, EntityColumns> out;
        for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
            EntityColumns c;
            QStringList wire = e.wireFieldNames();
            wire.sort(); // the names are ASCII: UTF-16 order is code-point order
            for (const QString &n : std::as_const(wire)) {
                if (n == u"enterprise_id"_s)
                    c.enterpriseColumn = int(c.fields.size());
                c.fields.push_back(e.field(n));
                c.keys.push_back(Sync::PageBuilder::key(n));
                c.inNaturalKey.push_back(e.naturalKey.contains(n));
                c.select += u", t."_s + ServerDatabase::quoted(n);
            }
            out.insert(e.name, c);
        }
        return out;
    }();
    return *all.find(spec.name);
}

/// True when \a stored (updated_at) is already the wire form yyyy-MM-ddTHH:mm:ss.zzzZ, as
/// ServerDatabase::timestamp() writes it.
template<typename Text>
bool isWireTimestamp(const Text &stored)
{
    const auto *c = stored.data(); // QChar or char
    return stored.size() == 24 && c[10] == QLatin1Char('T') && c[19] == QLatin1Char('.')
           && c[23] == QLatin1Char('Z');
}

/// One stored column as its wire value (what EntityCatalog::toJson() gives, written directly).
template<typename Rows>
void writeField(Sync::PageBuilder &page, const QByteArray &key, const Sync::FieldSpec &field,
                const Rows &rows, int column)
{
    using T = Sync::FieldSpec::Type;
    if (rows.isNull(column)) {
        if (field.nullable)
            page.nullField(key);
        else if (field.type == T::Integer)
            page.integerField(key, 0);
        else if (field.type == T::Bool)
            page.boolField(key, false);
        else
            page.stringField(key, QStringView());
        return;
    }
    switch (field.type) {
    case T::Integer:
        page.integerField(key, rows.integer(column));
        break;
    case T::Bool:
        page.boolField(key, rows.integer(column) != 0);
        break;
    default:
        page.stringField(key, rows.text(column));
        break;
    }
}

/// Writes every row of \a rows (columns: id, version, updated_at, deleted, then \a columns) into
/// \a page; with \a firms, also collects the firm ids of the rows for the audit of a bank's pull.
template<typename Rows>
void writeRows(Rows &rows, const Sync::EntitySpec &spec, const EntityColumns &columns,
               Sync::PageBuilder &page, QStringList *firms, qint64 *firmRows)
{
    while (rows.next()) {
        const auto id = rows.text(0);
        const bool deleted = rows.integer(3) != 0;
        page.beginRow(spec.name, deleted);
        for (size_t i = 0; i < columns.fields.size(); ++i) {
            // A tombstone carries only its natural key (monthly_value is found by it on the client).
            if (deleted && !columns.inNaturalKey[i])
                continue;
            writeField(page, columns.keys[i], *columns.fields[i], rows, 4 + int(i));
        }
        const auto updated = rows.text(2);
        if (isWireTimestamp(updated)) {
            page.endRow(id, rows.integer(1), updated);
        } else {
            page.endRow(
                id.toString(), rows.integer(1),
                ServerDatabase::timestamp(QDateTime::fromString(updated.toString(), Qt::ISODateWithMs)));
        }
        if (firms) {
            ++*firmRows;
            const QString firm
                = spec.scope == S::Firm ? id.toString() : rows.text(4 + columns.enterpriseColumn).toString();
            if (!firm.isEmpty() && !firms->contains(firm))
                firms->append(firm);
        }
    }
}

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

/// \a n split into statement sizes: \a max (a power of two) as often as it fits, then the binary
/// digits of the rest, so that multi-row statements come in a few shapes (max, max/2, … 1) that the
/// prepared-statement cache keeps.
QList<qsizetype> statementChunks(qsizetype n, qsizetype max)
{
    QList<qsizetype> sizes;
    for (; n >= max; n -= max)
        sizes.append(max);
    for (qsizetype size = max / 2; size >= 1; size /= 2) {
        if (n >= size) {
            sizes.append(size);
            n -= size;
        }
    }
    return sizes;
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
    /// Reads the rows \a ops address by id in a few statements, so that apply() reads each row once
    /// per batch rather than once per operation (a round trip each on PostgreSQL). Rows the batch
    /// writes are read again; so is everything after a re-stamp (other rows got new versions).
    bool prefetch(const QList<const Sync::Operation *> &ops, QString *errorMessage);

private:
    /// The row \a id of \a entity and its field versions: prefetched, else read now.
    std::optional<Sync::Row> current(const QString &entity, const QString &id, QJsonObject *fieldVersions);
    /// The row is about to be written: it is read again when an operation addresses it later.
    void forget(const QString &entity, const QString &id) { m_prefetched.remove(entity + u'/' + id); }

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
    /// \a number when no other application than \a id has it, else the next free number of its series
    /// (the same text before its trailing digits, the same width): XD-2026-CS-HTZ-0000043 taken gives
    /// the highest of that series plus one. Empty on a database error.
    QString freeApplicationNumber(const QString &number, const QString &id) const;

    ServerDatabase &m_db;
    const Caller &m_caller;
    RowStore m_rows;
    Scope m_scope;
    /// Prefetched rows by "entity/id"; nullopt: the row does not exist.
    QHash<QString, std::optional<RowStore::Loaded>> m_prefetched;
    qint64 m_restamps = 0; ///< m_rows.restampCount() when m_prefetched was last known valid
};

bool Applier::prefetch(const QList<const Sync::Operation *> &ops, QString *errorMessage)
{
    QHash<QString, QStringList> idsByEntity;
    for (const Sync::Operation *op : ops) {
        if (!Sync::EntityCatalog::find(op->entity) || m_prefetched.contains(op->entity + u'/' + op->rowId))
            continue;
        m_prefetched.insert(op->entity + u'/' + op->rowId, std::nullopt);
        idsByEntity[op->entity].append(op->rowId);
    }
    for (auto it = idsByEntity.cbegin(); it != idsByEntity.cend(); ++it) {
        const auto rows = m_rows.loadMany(it.key(), it.value(), errorMessage);
        if (!rows) {
            m_prefetched.clear();
            return false;
        }
        for (auto row = rows->cbegin(); row != rows->cend(); ++row)
            m_prefetched.insert(it.key() + u'/' + row.key(), *row);
    }
    m_restamps = m_rows.restampCount();
    return true;
}

std::optional<Sync::Row> Applier::current(const QString &entity, const QString &id,
                                          QJsonObject *fieldVersions)
{
    if (m_rows.restampCount() != m_restamps) {
        m_prefetched.clear();
        m_restamps = m_rows.restampCount();
    }
    const auto it = m_prefetched.constFind(entity + u'/' + id);
    if (it == m_prefetched.constEnd())
        return m_rows.load(entity, id, nullptr, fieldVersions);
    if (!*it)
        return std::nullopt;
    *fieldVersions = (*it)->fieldVersions;
    return (*it)->row;
}

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

QString Applier::freeApplicationNumber(const QString &number, const QString &id) const
{
    QSqlQuery *taken = m_db.prepared(u"SELECT 1 FROM application WHERE number = ? AND id <> ?"_s, nullptr);
    if (!taken)
        return QString();
    taken->addBindValue(number);
    taken->addBindValue(id);
    if (!taken->exec())
        return QString();
    const bool free = !taken->next();
    taken->finish();
    if (free)
        return number;
    qsizetype digits = 0;
    while (digits < number.size() && number.at(number.size() - 1 - digits).isDigit())
        ++digits;
    const QString prefix = number.left(number.size() - digits);
    const qsizetype width = std::max<qsizetype>(digits, 1);
    QSqlQuery *highest = m_db.prepared(u"SELECT max(number) FROM application WHERE substr(number, 1, ?) = ? "
                                       "AND length(number) = ?"_s,
                                       nullptr);
    if (!highest)
        return QString();
    highest->addBindValue(int(prefix.size()));
    highest->addBindValue(prefix);
    highest->addBindValue(int(prefix.size() + width));
    if (!highest->exec())
        return QString();
    qint64 next = 1;
    if (highest->next() && !highest->value(0).isNull())
        next = highest->value(0).toString().mid(prefix.size()).toLongLong() + 1;
    highest->finish();
    return prefix + u"%1"_s.arg(next, int(width), 10, QChar(u'0'));
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
    forget(spec.name, existing.id);
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
    // Read once with its field versions: the merge and the write below use this copy.
    QString targetId = op.rowId;
    QJsonObject existingVersions;
    std::optional<Sync::Row> existing = current(op.entity, targetId, &existingVersions);
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
                existing = m_rows.load(op.entity, targetId, nullptr, &existingVersions);
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
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
            const QJsonValue server = existing->fields.value(it.key());
            const bool changedOnServer = existingVersions.value(it.key()).toInteger() > op.baseVersion;
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
        // Numbers are given by the clients, offline too: one already taken gets the next free one, and
        // the client learns it as a conflict on "number" (the server's value wins, the user sees it).
        if (const QString number = changes.value(u"number"_s).toString(); !number.isEmpty()) {
            const QString free = freeApplicationNumber(number, targetId);
            if (free.isEmpty())
                return reject(
                    op, Tr::tr("The record could not be stored: %1").arg(m_db.sql().lastError().text()));
            if (free != number) {
                conflicts.append({u"number"_s, QJsonValue(number), QJsonValue(free)});
                changes.insert(u"number"_s, free);
            }
        }
    }

    qint64 version = existing ? existing->version : 0;
    if (!changes.isEmpty()) {
        forget(op.entity, targetId);
        const std::optional<RowStore::Written> written
            = existing ? m_rows.upsert(*existing, existingVersions, changes, &error)
                       : m_rows.upsert(op.entity, targetId, changes, &error);
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

std::nullopt_t SyncService::failure(Failure kind, const QString &message, QString *errorMessage)
{
    if (m_db.inTransaction())
        m_db.rollback();
    m_failure = kind;
    if (errorMessage)
        *errorMessage = message;
    return std::nullopt;
}

bool SyncService::beginRead(QString *errorMessage)
{
    if (m_db.readTransaction())
        return true;
    failure(Failure::Database,
            Tr::tr("The database could not start a transaction: %1").arg(m_db.sql().lastError().text()),
            errorMessage);
    return false;
}

SyncService::SyncService(ServerDatabase &db)
    : m_db(db)
    , m_today(Scope::chinaToday())
{}

std::optional<Sync::PushResponse> SyncService::push(const Caller &caller, const Sync::PushRequest &request,
                                                    QString *errorMessage)
{
    m_failure = Failure::None;
    auto fail = [&](const QString &message) {
        return failure(Failure::Database, message, errorMessage);
    };
    // Another writer (an import, above all) holding the lock past ServerDatabase::lockWaitMs(): Busy.
    auto failWaiting = [&](const QString &message) {
        return failure(m_db.lastErrorIsBusy() ? Failure::Busy : Failure::Database, message, errorMessage);
    };
    if (!m_db.transaction())
        return failWaiting(
            Tr::tr("The database could not start a transaction: %1").arg(m_db.lastError().text()));

    // Serialize pushes (and other writers) from the first read on: the merge decides on values it
    // has read, which another server process must not change before this batch commits.
    QString lockError;
    if (!m_db.lockWriters(&lockError))
        return failWaiting(lockError);

    Sync::PushResponse response;
    {
        // The stored results of the batch's opIds, read in a few statements instead of one per
        // operation (each is a round trip on PostgreSQL); results of this batch join them as they are
        // decided (a repeated opId is answered like a replay).
        struct Stored
        {
            QString owner;
            QByteArray result;
        };
        QHash<QString, Stored> stored;
        const qsizetype maxChunk = m_db.dialect() == ServerDatabase::Dialect::SQLite ? 32 : 128;
        QString error;
        qsizetype offset = 0;
        for (const qsizetype n : statementChunks(request.operations.size(), maxChunk)) {
            QSqlQuery *seen
                = m_db.prepared(u"SELECT op_id, user_id, result FROM applied_op WHERE op_id IN (?"_s
                                    + u", ?"_s.repeated(n - 1) + u')',
                                &error);
            if (!seen)
                return fail(error);
            for (qsizetype i = offset; i < offset + n; ++i)
                seen->addBindValue(request.operations.at(i).opId);
            if (!seen->exec())
                return fail(seen->lastError().text());
            while (seen->next())
                stored.insert(seen->value(0).toString(),
                              {seen->value(1).toString(), seen->value(2).toString().toUtf8()});
            seen->finish();
            offset += n;
        }

        // Written after the loop in multi-row INSERTs, in the same transaction as the changes.
        struct Record
        {
            QString opId;
            QString result;
            QString appliedAt;
        };
        QList<Record> records;
        Applier applier(m_db, caller, m_today);
        AuditTrail audit(m_db);
        QList<const Sync::Operation *> fresh;
        for (const Sync::Operation &op : request.operations) {
            if (!stored.contains(op.opId))
                fresh.append(&op);
        }
        if (!applier.prefetch(fresh, &error))
            return fail(error);
        // Each operation runs in its own savepoint. One that is left standing (renewed after an
        // applied operation, or rolled back to after a rejected one: it then stands for the state
        // before the next operation as well) serves the next, saving a round trip per operation.
        bool savepointOpen = false;
        for (const Sync::Operation &op : request.operations) {
            if (const auto seen = stored.constFind(op.opId); seen != stored.constEnd()) {
                if (seen->owner != caller.userId) {
                    response.results.append(rejected(
                        op.opId,
                        Tr::tr("The operation id %1 was already used by another user.").arg(op.opId)));
                    continue;
                }
                const std::optional<Sync::OpResult> first = Sync::OpResult::fromJson(
                    QJsonDocument::fromJson(seen->result).object(), QString(), &error);
                if (!first)
                    return fail(
                        Tr::tr("The stored result of the operation %1 is damaged: %2").arg(op.opId, error));
                response.results.append(*first);
                continue;
            }

            if (!savepointOpen && !m_db.savepoint(OpSavepoint))
                return fail(m_db.sql().lastError().text());
            savepointOpen = false;
            const Outcome outcome = applier.apply(op);
            if (!outcome.databaseError.isEmpty())
                return fail(outcome.databaseError);
            if (outcome.result.status == Status::Rejected) {
                if (!m_db.rollbackToSavepoint(OpSavepoint))
                    return fail(m_db.sql().lastError().text());
                savepointOpen = true;
                if (outcome.forbidden) {
                    // Audited outside any operation's savepoint: a later rejection must not undo it.
                    if (!m_db.releaseSavepoint(OpSavepoint))
                        return fail(m_db.sql().lastError().text());
                    savepointOpen = false;
                    if (!audit.record(caller, u"forbidden"_s, op.entity, op.rowId,
                                      {{u"opId"_s, op.opId}, {u"reason"_s, outcome.result.reason}}, &error))
                        return fail(error);
                }
            } else if (!m_db.renewSavepoint(OpSavepoint)) {
                return fail(m_db.sql().lastError().text());
            } else {
                savepointOpen = true;
            }

            const QByteArray result = QJsonDocument(outcome.result.toJson()).toJson(QJsonDocument::Compact);
            records.append({op.opId, QString::fromUtf8(result), ServerDatabase::now()});
            stored.insert(op.opId, {caller.userId, result});
            response.results.append(outcome.result);
        }
        if (savepointOpen && !m_db.releaseSavepoint(OpSavepoint))
            return fail(m_db.sql().lastError().text());

        offset = 0;
        for (const qsizetype n : statementChunks(records.size(), maxChunk)) {
            QSqlQuery *store = m_db.prepared(
                u"INSERT INTO applied_op (op_id, client_id, user_id, result, applied_at) VALUES (?, ?, ?, ?, ?)"_s
                    + u", (?, ?, ?, ?, ?)"_s.repeated(n - 1),
                &error);
            if (!store)
                return fail(error);
            for (qsizetype i = offset; i < offset + n; ++i) {
                store->addBindValue(records.at(i).opId);
                store->addBindValue(request.clientId);
                store->addBindValue(caller.userId);
                store->addBindValue(records.at(i).result);
                store->addBindValue(records.at(i).appliedAt);
            }
            if (!store->exec())
                return fail(Tr::tr("The result of the operation %1 could not be stored: %2")
                                .arg(records.at(offset).opId, store->lastError().text()));
            store->finish();
            offset += n;
        }
    }
    if (!m_db.commit())
        return fail(Tr::tr("The database could not commit the push: %1").arg(m_db.sql().lastError().text()));
    return response;
}

std::optional<qint64> SyncService::startDay(QString *errorMessage)
{
    m_failure = Failure::None;
    auto fail = [&](const QString &message) {
        return failure(Failure::Database, message, errorMessage);
    };
    const QString today = m_today.toString(Qt::ISODate);
    QString error;
    auto doneDay = [&]() -> std::optional<QString> {
        QSqlQuery *q = m_db.prepared(u"SELECT scope_day FROM sync_clock WHERE id = 1"_s, &error);
        if (!q)
            return std::nullopt;
        if (!q->exec() || !q->next()) {
            error = q->lastError().text();
            q->finish();
            return std::nullopt;
        }
        const QString day = q->value(0).toString();
        q->finish();
        return day;
    };
    // Most calls find the day done: a read, no lock.
    std::optional<QString> last = doneDay();
    if (!last)
        return fail(Tr::tr("The scope day could not be read: %1").arg(error));
    if (*last >= today)
        return 0;
    if (!m_db.transaction())
        return fail(
            Tr::tr("The database could not start a transaction: %1").arg(m_db.sql().lastError().text()));
    if (!m_db.lockWriters(&error))
        return fail(error);
    last = doneDay(); // another server process may have done it meanwhile
    if (!last)
        return fail(Tr::tr("The scope day could not be read: %1").arg(error));
    if (*last >= today) {
        m_db.commit();
        return 0;
    }
    // In effect today, first valid day since the last run, and recorded before that day (a write on or
    // after it re-stamped the firm already; updated_at is UTC, never a later date than China's).
    QSqlQuery *due = m_db.prepared(
        u"SELECT DISTINCT enterprise_id FROM \"authorization\" WHERE deleted = 0 AND revoked = 0 "
        "AND valid_from <= ? AND valid_to >= ? AND valid_from > ? AND valid_from > substr(updated_at, 1, 10)"_s,
        &error);
    if (!due)
        return fail(error);
    due->addBindValue(today);
    due->addBindValue(today);
    due->addBindValue(*last);
    if (!due->exec())
        return fail(Tr::tr("The authorizations could not be read: %1").arg(due->lastError().text()));
    QStringList firms;
    while (due->next())
        firms.append(due->value(0).toString());
    due->finish();
    const Scope scope(m_db, m_today);
    RowStore rows(m_db);
    qint64 restamped = 0;
    for (const QString &firm : std::as_const(firms)) {
        if (scope.banksSeeingFirm(firm).isEmpty())
            continue;
        if (rows.restampFirm(firm, &error) < 0)
            return fail(error);
        ++restamped;
    }
    QSqlQuery *mark = m_db.prepared(u"UPDATE sync_clock SET scope_day = ? WHERE id = 1"_s, &error);
    if (!mark)
        return fail(error);
    mark->addBindValue(today);
    if (!mark->exec())
        return fail(Tr::tr("The scope day could not be stored: %1").arg(mark->lastError().text()));
    mark->finish();
    if (!m_db.commit())
        return fail(Tr::tr("The database could not commit: %1").arg(m_db.sql().lastError().text()));
    return restamped;
}

std::optional<SyncService::WirePage>
SyncService::pullWire(const Caller &caller, const Sync::PullRequest &request, QString *errorMessage)
{
    m_failure = Failure::None;
    QList<const Sync::EntitySpec *> specs;
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (request.entities.isEmpty() || request.entities.contains(e.name))
            specs.append(&e);
    }
    for (const QString &name : request.entities) {
        if (!Sync::EntityCatalog::find(name)) {
            return failure(Failure::BadRequest,
                           Tr::tr("The entity %1 is not synced by this server.").arg(name), errorMessage);
        }
    }
    auto fail = [&](const QString &message) {
        return failure(Failure::Database, message, errorMessage);
    };
    const Scope scope(m_db, m_today);
    QList<Scope::Predicate> predicates;
    for (const Sync::EntitySpec *spec : std::as_const(specs))
        predicates.append(scope.readPredicate(caller, *spec, u"t"_s));

    // Step 1, one statement after BEGIN (one round trip on PostgreSQL): the snapshot's head (rows up to
    // it are all committed; later commits wait for the next request), tagged -1, and the versions only
    // (index-friendly, no row conversion), to find the page's last version: reading pageSize + 1 whole
    // rows from every entity would convert up to twelve pages to output one. The first pageSize + 1
    // versions after the cursor of all entities, each tagged with its entity's index: PostgreSQL merges
    // the ordered branches and stops there.
    ReadBatch first(m_db);
    if (!first.beginRead())
        return failure(
            Failure::Database,
            Tr::tr("The database could not start a transaction: %1").arg(m_db.sql().lastError().text()),
            errorMessage);
    QStringList parts;
    QVariantList binds;
    for (qsizetype e = 0; e < specs.size(); ++e) {
        const Scope::Predicate &where = predicates.at(e);
        if (where.sql == u"1 = 0"_s)
            continue;
        parts.append(u"SELECT %1 AS e, q%1.version FROM (SELECT t.version FROM "_s.arg(e)
                     + ServerDatabase::quoted(specs.at(e)->name)
                     + u" t WHERE t.version > ? AND t.version <= (SELECT seq FROM h) AND ("_s + where.sql
                     + u") ORDER BY t.version LIMIT ?) q%1"_s.arg(e));
        binds += QVariantList{request.cursor} + where.binds + QVariantList{request.pageSize + 1};
    }
    QString sql
        = u"WITH h AS (SELECT seq FROM sync_clock WHERE id = 1) SELECT -1 AS e, h.seq AS version FROM h"_s;
    if (!parts.isEmpty()) {
        sql += u" UNION ALL SELECT w.e, w.version FROM (SELECT v.e, v.version FROM ("_s
               + parts.join(u" UNION ALL "_s) + u") v ORDER BY v.version LIMIT ?) w"_s;
        binds += request.pageSize + 1;
    }
    const int versionsIndex = first.add(sql, binds);
    if (parts.isEmpty())
        first.commitAfter();
    QString error;
    if (!first.run(&error))
        return fail(Tr::tr("The rows could not be read: %1").arg(error));
    qint64 head = 0;
    std::vector<qint64> versions;
    // Each entity's smallest version after the cursor: step 2 skips the entities with none in the page.
    std::vector<qint64> firstVersion(size_t(specs.size()), std::numeric_limits<qint64>::max());
    if (!first.read(
            versionsIndex,
            [&](auto &rows) {
                while (rows.next()) {
                    const qint64 entity = rows.integer(0);
                    const qint64 version = rows.integer(1);
                    if (entity < 0) {
                        head = version;
                        continue;
                    }
                    qint64 &lowest = firstVersion[size_t(entity)];
                    lowest = std::min(lowest, version);
                    versions.push_back(version);
                }
            },
            &error))
        return fail(Tr::tr("The rows could not be read: %1").arg(error));
    const bool more = qint64(versions.size()) > request.pageSize;
    qint64 last = head;
    if (more) {
        std::nth_element(versions.begin(), versions.begin() + (request.pageSize - 1), versions.end());
        last = versions[size_t(request.pageSize - 1)];
    }

    // Step 2, one batch with the COMMIT: exactly the rows of the page (versions are unique across
    // entities: one sequence), written straight into the page's bytes.
    Sync::PageBuilder page;
    page.reserve(more ? request.pageSize : qsizetype(versions.size()), 360);
    const bool auditFirms = caller.isBank();
    QStringList firms;
    qint64 firmRows = 0;
    ReadBatch second(m_db);
    std::vector<int> rowsIndex(size_t(specs.size()), -1);
    for (qsizetype e = 0; e < specs.size() && !parts.isEmpty(); ++e) {
        const Sync::EntitySpec *spec = specs.at(e);
        const Scope::Predicate &where = predicates.at(e);
        if (where.sql == u"1 = 0"_s || firstVersion[size_t(e)] > last)
            continue;
        const QString sql = u"SELECT t.id, t.version, t.updated_at, t.deleted"_s + entityColumns(*spec).select
                            + u" FROM "_s + ServerDatabase::quoted(spec->name)
                            + u" t WHERE t.version > ? AND t.version <= ? AND ("_s + where.sql
                            + u") ORDER BY t.version"_s;
        rowsIndex[size_t(e)] = second.add(sql, QVariantList{request.cursor, last} + where.binds);
    }
    if (!parts.isEmpty())
        second.commitAfter();
    if (!second.run(&error))
        return fail(Tr::tr("The rows could not be read: %1").arg(error));
    for (qsizetype e = 0; e < specs.size(); ++e) {
        if (rowsIndex[size_t(e)] < 0)
            continue;
        const Sync::EntitySpec *spec = specs.at(e);
        const bool firmScoped = auditFirms && (spec->scope == S::Firm || spec->scope == S::FirmRecord);
        if (!second.read(
                rowsIndex[size_t(e)],
                [&](auto &rows) {
                    writeRows(rows, *spec, entityColumns(*spec), page, firmScoped ? &firms : nullptr,
                              &firmRows);
                },
                &error))
            return fail(Tr::tr("The %1 rows could not be read: %2").arg(spec->name, error));
    }
    if (m_db.inTransaction())
        m_db.commit();
    page.sortByVersion();

    WirePage wire;
    wire.hasMore = more;
    wire.nextCursor = more ? last : std::max(head, request.cursor);
    wire.rows = page.rowCount();
    wire.head = head;
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
    wire.bytes = page.finish(wire.hasMore, wire.nextCursor);
    return wire;
}

std::optional<Sync::PullPage> SyncService::pull(const Caller &caller, const Sync::PullRequest &request,
                                                QString *errorMessage)
{
    const std::optional<WirePage> wire = pullWire(caller, request, errorMessage);
    if (!wire)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(wire->bytes, &parseError);
    std::optional<Sync::PullPage> page = Sync::PullPage::fromJson(doc.object(), errorMessage);
    if (!page || !page->verify(errorMessage)) {
        m_failure = Failure::Database;
        return std::nullopt;
    }
    return page;
}

std::optional<Sync::VisibleResponse>
SyncService::visible(const Caller &caller, const Sync::VisibleRequest &request, QString *errorMessage)
{
    m_failure = Failure::None;
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(request.entity);
    if (!spec || spec->scope != S::Firm) {
        return failure(
            Failure::BadRequest,
            Tr::tr("The entity %1 is not a firm-scoped entity of this server.").arg(request.entity),
            errorMessage);
    }
    auto fail = [&](const QString &message) {
        return failure(Failure::Database, message, errorMessage);
    };
    if (!beginRead(errorMessage))
        return std::nullopt;
    // The same predicate as pull: what a pull would send now is exactly what is visible.
    const Scope::Predicate where = Scope(m_db, m_today).readPredicate(caller, *spec, u"t"_s);
    QSet<QString> seen;
    // Chunks keep the statements small (QtSql binds positional parameters in time linear in their number).
    constexpr qsizetype Chunk = 500;
    for (qsizetype from = 0; from < request.ids.size() && where.sql != u"1 = 0"_s; from += Chunk) {
        const QStringList ids = request.ids.mid(from, Chunk);
        QString marks = u"?"_s;
        for (qsizetype i = 1; i < ids.size(); ++i)
            marks += u", ?"_s;
        const QString sql = u"SELECT t.id FROM "_s + ServerDatabase::quoted(spec->name)
                            + u" t WHERE t.deleted = 0 AND t.id IN ("_s + marks + u") AND ("_s + where.sql
                            + u')';
        QString error;
        QSqlQuery *q = m_db.prepared(sql, &error);
        if (!q)
            return fail(error);
        for (const QString &id : ids)
            q->addBindValue(id);
        for (const QVariant &b : where.binds)
            q->addBindValue(b);
        if (!q->exec())
            return fail(Tr::tr("The %1 rows could not be read: %2").arg(spec->name, q->lastError().text()));
        while (q->next())
            seen.insert(q->value(0).toString());
        q->finish();
    }
    m_db.commit();
    Sync::VisibleResponse response;
    for (const QString &id : request.ids) {
        if (!seen.contains(id))
            response.hidden.append(id);
    }
    return response;
}

} // namespace XinDai::Server
