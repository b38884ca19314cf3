#include "syncclient/rowapplier.h"

#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlitehandle.h"
#include "store/sqlitestatement.h"
#include "sync/compactpage.h"
#include "sync/entitycatalog.h"
#include "sync/pullpage.h"
#include "sync/row.h"
#include "syncclient/syncclienttr_p.h"

#include <QSet>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient {

namespace {

/// Statements prepared on the store's SQLite connection, bound through the C API: the page's text is
/// bound where it lies (no QString, no QVariant per value).
using RowStatement = Store::SqliteStatement;
using Sync::CompactPage;
using Kind = CompactPage::Value::Kind;

/// Statement kinds, part of the cache key.
enum Mode : quint64 { Upsert = 1, SelectById, SelectByKey, Insert, UpdateById, UpdateByKey };

/// Per entity, computed once: its index in the catalog, the client-visible field count and the
/// natural key's field indexes.
struct EntityInfo
{
    quint64 index = 0;
    int wireFields = 0;
    std::vector<qsizetype> naturalKey;
};

const EntityInfo &info(const Sync::EntitySpec &spec)
{
    static const std::vector<EntityInfo> all = [] {
        std::vector<EntityInfo> out;
        const QList<Sync::EntitySpec> &entities = Sync::EntityCatalog::entities();
        for (qsizetype e = 0; e < entities.size(); ++e) {
            const Sync::EntitySpec &s = entities.at(e);
            EntityInfo i;
            i.index = quint64(e);
            for (const Sync::FieldSpec &f : s.fields)
                i.wireFields += f.serverOnly ? 0 : 1;
            for (const QString &name : s.naturalKey)
                i.naturalKey.push_back(s.field(name) - s.fields.constData());
            out.push_back(std::move(i));
        }
        return out;
    }();
    return all[size_t(&spec - Sync::EntityCatalog::entities().constData())];
}

quint64 key(const EntityInfo &entity, Mode mode, bool withDeleted = true, quint64 columns = 0)
{
    return (entity.index << 56) | (quint64(mode) << 52) | (quint64(withDeleted) << 51) | columns;
}

QByteArray quoted(const QString &name)
{
    return '"' + name.toUtf8() + '"';
}

void bind(RowStatement &s, int position, const CompactPage &page, const CompactPage::Value &value)
{
    switch (value.kind) {
    case Kind::Integer:
        s.bindInt(position, value.integer);
        break;
    case Kind::Text:
        s.bindStatic(position, page.bytes(value.text));
        break;
    case Kind::Absent:
    case Kind::Null:
        s.bindNull(position);
        break;
    }
}

void bindText(RowStatement &s, int position, const CompactPage &page, CompactPage::Span span)
{
    if (span.offset < 0)
        s.bindNull(position);
    else
        s.bindStatic(position, page.bytes(span));
}

} // namespace

RowApplier::RowApplier(Store::Database &db)
    : m_db(db)
{}

RowApplier::~RowApplier() = default;

RowApplier::Outcome RowApplier::apply(const Sync::Row &row, QString *errorMessage, const QString &exceptOpId)
{
    Sync::PullPage page;
    page.rows.append(row);
    const std::optional<CompactPage> compact = CompactPage::fromPage(page, errorMessage);
    if (!compact)
        return Outcome::Failed;
    return apply(*compact, 0, errorMessage, exceptOpId);
}

template<typename Sql>
Store::SqliteStatement *RowApplier::statement(quint64 key, Sql &&sql, QString *errorMessage)
{
    auto it = m_statements.find(key);
    if (it != m_statements.end())
        return it->second.get();
    const QByteArray text = sql();
    auto s = std::make_unique<RowStatement>(m_handle, QByteArrayView(text));
    if (!s->isPrepared()) {
        if (errorMessage)
            *errorMessage = QString::fromUtf8(sqlite3_errmsg(m_handle));
        return nullptr;
    }
    return m_statements.emplace(key, std::move(s)).first->second.get();
}

RowApplier::Outcome RowApplier::apply(const CompactPage &page, qsizetype index, QString *errorMessage,
                                      const QString &exceptOpId)
{
    const CompactPage::Row &row = page.rows.at(index);
    if (!row.spec)
        return Outcome::Unknown;
    const Sync::EntitySpec &spec = *row.spec;
    const EntityInfo &entity = info(spec);
    auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return Outcome::Failed;
    };
    auto failure = [&] {
        return fail(Internal::Tr::tr(
                        "Could not store the %1 row %2 received from the server: the database reported “%3”.")
                        .arg(spec.name, page.string(row.id), QString::fromUtf8(sqlite3_errmsg(m_handle))));
    };
    if (!m_handle && !(m_handle = Store::sqliteHandle(m_db.sql())))
        return fail(Internal::Tr::tr("The local store is not an SQLite database opened by this program."));
    if (!m_outboxEmpty)
        m_outboxEmpty = Store::Outbox(m_db).count() == 0;
    const qsizetype fieldCount = spec.fields.size();
    auto step = [&](RowStatement &s) {
        const int rc = sqlite3_step(s.handle());
        sqlite3_reset(s.handle());
        return rc;
    };

    // Nothing queued and the whole row: one statement, the version rule in its WHERE.
    if (*m_outboxEmpty && !row.deleted && row.fieldCount == entity.wireFields) {
        RowStatement *upsert = statement(
            key(entity, Upsert),
            [&]() -> QByteArray {
                QByteArray columns = "\"id\", \"version\", \"updated_at\", \"deleted\"";
                QByteArray values = "?, ?, ?, ?";
                const bool byKey = !entity.naturalKey.empty();
                QByteArray target;
                QByteArray sets = byKey ? "\"id\" = excluded.\"id\", " : "";
                sets += "\"version\" = excluded.\"version\", \"updated_at\" = excluded.\"updated_at\", "
                        "\"deleted\" = excluded.\"deleted\"";
                for (const Sync::FieldSpec &f : spec.fields) {
                    if (f.serverOnly)
                        continue;
                    const QByteArray c = quoted(f.name);
                    columns += ", " + c;
                    values += ", ?";
                    sets += ", " + c + " = excluded." + c;
                }
                if (byKey) {
                    for (const qsizetype i : entity.naturalKey)
                        target += (target.isEmpty() ? "" : ", ") + quoted(spec.fields.at(i).name);
                } else {
                    target = "\"id\"";
                }
                const QByteArray table = quoted(spec.name);
                return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                       + target + ") DO UPDATE SET " + sets + " WHERE excluded.\"version\" > " + table
                       + ".\"version\"";
            },
            errorMessage);
        if (!upsert)
            return Outcome::Failed;
        upsert->bindStatic(0, page.bytes(row.id));
        upsert->bindInt(1, row.version);
        bindText(*upsert, 2, page, row.updatedAt);
        upsert->bindInt(3, 0);
        int position = 4;
        for (qsizetype i = 0; i < fieldCount; ++i) {
            if (!spec.fields.at(i).serverOnly)
                bind(*upsert, position++, page, page.value(row, i));
        }
        if (step(*upsert) != SQLITE_DONE)
            return failure();
        return sqlite3_changes(m_handle) > 0 ? Outcome::Written : Outcome::Skipped;
    }

    // Locate the local copy: by the natural key when the row carries it (a tombstone may come
    // without fields; monthly rows are then found by id, a scan), otherwise by id.
    bool byKey = !entity.naturalKey.empty();
    for (const qsizetype i : entity.naturalKey)
        byKey = byKey && page.value(row, i).kind != Kind::Absent;
    auto bindKey = [&](RowStatement &s, int first) {
        if (!byKey) {
            s.bindStatic(first, page.bytes(row.id));
            return;
        }
        for (const qsizetype i : entity.naturalKey)
            bind(s, first++, page, page.value(row, i));
    };
    auto where = [&]() -> QByteArray {
        if (!byKey)
            return QByteArray("\"id\" = ?");
        QByteArray w;
        for (const qsizetype i : entity.naturalKey)
            w += (w.isEmpty() ? "" : " AND ") + quoted(spec.fields.at(i).name) + " = ?";
        return w;
    };
    RowStatement *select = statement(
        key(entity, byKey ? SelectByKey : SelectById),
        [&]() -> QByteArray {
            return "SELECT \"id\", \"version\" FROM " + quoted(spec.name) + " WHERE " + where();
        },
        errorMessage);
    if (!select)
        return Outcome::Failed;
    bindKey(*select, 0);
    const int found = sqlite3_step(select->handle());
    if (found != SQLITE_ROW && found != SQLITE_DONE) {
        sqlite3_reset(select->handle());
        return failure();
    }
    const bool exists = found == SQLITE_ROW;
    const QString localId
        = exists ? QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(select->handle(), 0)),
                                     sqlite3_column_bytes(select->handle(), 0))
                 : page.string(row.id);
    const qint64 localVersion = exists ? sqlite3_column_int64(select->handle(), 1) : 0;
    sqlite3_reset(select->handle());
    if (exists && localVersion >= row.version)
        return Outcome::Skipped;
    if (!exists && row.deleted)
        return Outcome::Skipped;

    QSet<QString> pending;
    if (exists && !*m_outboxEmpty) {
        for (const Store::Outbox::Operation &op : Store::Outbox(m_db).pendingFor(spec.name, localId)) {
            if (op.opId == exceptOpId)
                continue;
            if (op.kind == u"delete"_s)
                pending.insert(u"deleted"_s);
            for (auto it = op.payload.begin(); it != op.payload.end(); ++it)
                pending.insert(it.key());
        }
    }
    const bool withDeleted = !pending.contains(u"deleted"_s);
    quint64 columns = 0;
    for (qsizetype i = 0; i < fieldCount; ++i) {
        if (page.value(row, i).kind != Kind::Absent && !(exists && pending.contains(spec.fields.at(i).name)))
            columns |= quint64(1) << i;
    }
    auto columnNames = [&] {
        QList<QByteArray> names{"\"id\"", "\"version\"", "\"updated_at\""};
        if (withDeleted)
            names.append("\"deleted\"");
        for (qsizetype i = 0; i < fieldCount; ++i) {
            if (columns & (quint64(1) << i))
                names.append(quoted(spec.fields.at(i).name));
        }
        return names;
    };
    RowStatement *write = statement(
        key(entity, exists ? (byKey ? UpdateByKey : UpdateById) : Insert, withDeleted, columns),
        [&]() -> QByteArray {
            const QList<QByteArray> names = columnNames();
            if (exists)
                return "UPDATE " + quoted(spec.name) + " SET " + names.join(" = ?, ") + " = ? WHERE "
                       + where();
            return "INSERT INTO " + quoted(spec.name) + " (" + names.join(", ") + ") VALUES ("
                   + QList<QByteArray>(names.size(), "?").join(", ") + ")";
        },
        errorMessage);
    if (!write)
        return Outcome::Failed;
    write->bindStatic(0, page.bytes(row.id));
    write->bindInt(1, row.version);
    bindText(*write, 2, page, row.updatedAt);
    int position = 3;
    if (withDeleted)
        write->bindInt(position++, row.deleted ? 1 : 0);
    for (qsizetype i = 0; i < fieldCount; ++i) {
        if (columns & (quint64(1) << i))
            bind(*write, position++, page, page.value(row, i));
    }
    if (exists)
        bindKey(*write, position);
    if (step(*write) != SQLITE_DONE)
        return failure();
    return Outcome::Written;
}

} // namespace XinDai::SyncClient
