#include "server/rowstore.h"

#include "core/domain/syncmeta.h"
#include "server/scope.h"
#include "server/serverdatabase.h"
#include "server/servertr_p.h"
#include "sync/entitycatalog.h"
#include "sync/row.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

namespace {

using Internal::Tr;
using S = Sync::EntitySpec::Scope;

/// The store's id form (Core::newId()): a UUID in lower case without braces. Clients refuse any other
/// id in a pulled page, so a row stored under one would stop every sync that reaches it.
bool isStoreId(const QString &id)
{
    // By hand: checked on every write (a regular expression costs more than the rest of the check).
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return true;
}

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

QString q(const QString &identifier)
{
    return ServerDatabase::quoted(identifier);
}

/// field_versions as stored: {"field":version,…}, written by hand as creationVersions() is (the JSON
/// writer costs more than the rest of an update); through QJsonDocument should a key or a value
/// ever be other than a field name and a whole number.
QString versionsText(const QJsonObject &versions)
{
    QString text = u"{"_s;
    for (auto it = versions.begin(); it != versions.end(); ++it) {
        const QString key = it.key();
        const bool plainKey = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
            return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
        });
        const QJsonValue value = it.value();
        if (!plainKey || !value.isDouble() || double(value.toInteger()) != value.toDouble())
            return QString::fromUtf8(QJsonDocument(versions).toJson(QJsonDocument::Compact));
        if (text.size() > 1)
            text += u',';
        text += u'"' + key + u"\":"_s + QString::number(value.toInteger());
    }
    return text + u'}';
}

/// What load() reads of an entity, built once: the wire fields sorted (QJsonObject keeps its keys
/// sorted, so inserting in order appends) and the statements by id, without and with
/// field_versions (last column).
struct LoadShape
{
    QStringList wire;
    QList<const Sync::FieldSpec *> fields;
    QString sql;
    QString sqlWithVersions;
    QString selectWithVersions; ///< sqlWithVersions up to FROM
};

const LoadShape *loadShape(const QString &entity)
{
    static const QHash<QString, LoadShape> shapes = [] {
        QHash<QString, LoadShape> all;
        for (const Sync::EntitySpec &spec : Sync::EntityCatalog::entities()) {
            LoadShape shape;
            shape.wire = spec.wireFieldNames();
            shape.wire.sort();
            QString select = u"SELECT id, version, updated_at, deleted"_s;
            for (const QString &n : std::as_const(shape.wire)) {
                shape.fields.append(spec.field(n));
                select += u", "_s + q(n);
            }
            const QString from = u" FROM "_s + q(spec.name) + u" WHERE id = ?"_s;
            shape.sql = select + from;
            shape.selectWithVersions = select + u", field_versions FROM "_s + q(spec.name);
            shape.sqlWithVersions = shape.selectWithVersions + u" WHERE id = ?"_s;
            all.insert(spec.name, shape);
        }
        return all;
    }();
    const auto it = shapes.constFind(entity);
    return it == shapes.constEnd() ? nullptr : &*it;
}

/// The row at the current position of \a read (columns id, version, updated_at, deleted, then the
/// shape's wire fields).
Sync::Row readRow(const LoadShape &shape, const QString &entity, const QSqlQuery &read)
{
    Sync::Row row;
    row.entity = entity;
    row.id = read.value(0).toString();
    row.version = read.value(1).toLongLong();
    row.updatedAt = QDateTime::fromString(read.value(2).toString(), Qt::ISODateWithMs);
    row.deleted = read.value(3).toLongLong() != 0;
    for (int i = 0; i < shape.wire.size(); ++i)
        row.fields.insert(shape.wire.at(i),
                          Sync::EntityCatalog::toJson(*shape.fields.at(i), read.value(4 + i)));
    return row;
}

/// field_versions of a new row: every field of the entity at its creation version.
QString creationVersions(const Sync::EntitySpec &spec, qint64 version)
{
    const QString v = QString::number(version);
    QString text = u"{"_s;
    for (const Sync::FieldSpec &f : spec.fields) {
        if (text.size() > 1)
            text += u',';
        text += u'"' + f.name + u"\":"_s + v;
    }
    return text + u'}';
}

/// The normalised JSON of a value as it will read back from the table.
QJsonValue normalised(const Sync::FieldSpec &field, const QJsonValue &value)
{
    return Sync::EntityCatalog::toJson(field, Sync::EntityCatalog::toStored(field, value));
}

bool touchesVisibility(const QString &entity, const QStringList &names)
{
    static const QStringList application{u"state"_s, u"institution_id"_s, u"enterprise_id"_s};
    static const QStringList authorization{u"institution_ids"_s, u"valid_from"_s, u"valid_to"_s, u"revoked"_s,
                                           u"enterprise_id"_s};
    const QStringList &watched = entity == u"application"_s     ? application
                                 : entity == u"authorization"_s ? authorization
                                                                : QStringList();
    return std::any_of(names.begin(), names.end(), [&](const QString &n) { return watched.contains(n); });
}

} // namespace

RowStore::RowStore(ServerDatabase &db)
    : m_db(db)
{}

std::optional<RowStore::Written> RowStore::upsert(const QString &entity, const QString &id,
                                                  const QJsonObject &fields, QString *errorMessage)
{
    return write(entity, id, fields, errorMessage, nullptr, nullptr);
}

std::optional<RowStore::Written> RowStore::upsert(const Sync::Row &current, const QJsonObject &fieldVersions,
                                                  const QJsonObject &fields, QString *errorMessage)
{
    return write(current.entity, current.id, fields, errorMessage, &current, &fieldVersions);
}

std::optional<RowStore::Written> RowStore::write(const QString &entity, const QString &id,
                                                 const QJsonObject &fields, QString *errorMessage,
                                                 const Sync::Row *current, const QJsonObject *currentVersions)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
    if (!spec) {
        setError(errorMessage, Tr::tr("The entity %1 is not synced by this server.").arg(entity));
        return std::nullopt;
    }
    QStringList names;
    QList<const Sync::FieldSpec *> specs;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const Sync::FieldSpec *f = spec->field(it.key());
        if (!f) {
            setError(errorMessage, Tr::tr("The field %1 is not a field of %2.").arg(it.key(), entity));
            return std::nullopt;
        }
        names.append(f->name);
        specs.append(f);
    }
    const bool watch = m_restamp && (entity == u"application"_s || entity == u"authorization"_s);
    const bool watchPark = m_restamp && entity == u"enterprise"_s && fields.contains(u"park_id"_s);

    if (!id.isEmpty() && !isStoreId(id)) {
        setError(errorMessage, Tr::tr("The id %1 is not a lower-case UUID without braces.").arg(id));
        return std::nullopt;
    }
    Written written;
    written.id = id.isEmpty() ? Core::newId() : id;
    const QString now = ServerDatabase::now();

    // An existing row: read the written columns to find what changes.
    qint64 oldVersion = 0;
    bool oldDeleted = false;
    QJsonObject versions;
    QJsonObject oldValues;
    bool exists = false;
    if (current && std::all_of(names.begin(), names.end(), [&](const QString &n) {
            return current->fields.contains(n);
        })) {
        exists = true;
        oldVersion = current->version;
        oldDeleted = current->deleted;
        versions = *currentVersions;
        for (const QString &n : std::as_const(names))
            oldValues.insert(n, current->fields.value(n));
    } else if (!id.isEmpty()) {
        QString select = u"SELECT version, deleted, field_versions"_s;
        for (const QString &n : std::as_const(names))
            select += u", "_s + q(n);
        select += u" FROM "_s + q(entity) + u" WHERE id = ?"_s;
        QSqlQuery *read = m_db.prepared(select, errorMessage);
        if (!read)
            return std::nullopt;
        read->addBindValue(id);
        if (!read->exec()) {
            setError(errorMessage,
                     Tr::tr("The %1 row could not be read: %2").arg(entity, read->lastError().text()));
            return std::nullopt;
        }
        if (read->next()) {
            exists = true;
            oldVersion = read->value(0).toLongLong();
            oldDeleted = read->value(1).toLongLong() != 0;
            versions = QJsonDocument::fromJson(read->value(2).toString().toUtf8()).object();
            for (int i = 0; i < specs.size(); ++i)
                oldValues.insert(names.at(i), Sync::EntityCatalog::toJson(*specs.at(i), read->value(3 + i)));
        }
        read->finish();
    }

    QStringList banksBefore;
    QString enterpriseBefore;
    if (exists && (watch || watchPark)) {
        std::optional<Sync::Row> loaded;
        const Sync::Row *before = current;
        if (!before) {
            loaded = load(entity, id);
            before = loaded ? &*loaded : nullptr;
        }
        enterpriseBefore = entity == u"enterprise"_s ? id
                           : before                  ? before->fields.value(u"enterprise_id"_s).toString()
                                                     : QString();
        if (watch && touchesVisibility(entity, names))
            banksBefore = Scope(m_db).banksSeeingFirm(enterpriseBefore);
    }

    if (!exists) {
        const qint64 version = m_db.nextSequence(errorMessage);
        if (version == 0)
            return std::nullopt;
        QString sql = u"INSERT INTO "_s + q(entity) + u" (id, version, updated_at, deleted, field_versions"_s;
        QString values = u"?, ?, ?, 0, ?"_s;
        for (const QString &n : std::as_const(names)) {
            sql += u", "_s + q(n);
            values += u", ?"_s;
        }
        sql += u") VALUES ("_s + values + u')';
        QSqlQuery *insert = m_db.prepared(sql, errorMessage);
        if (!insert)
            return std::nullopt;
        insert->addBindValue(written.id);
        insert->addBindValue(version);
        insert->addBindValue(now);
        insert->addBindValue(creationVersions(*spec, version));
        for (int i = 0; i < specs.size(); ++i)
            insert->addBindValue(Sync::EntityCatalog::toStored(*specs.at(i), fields.value(names.at(i))));
        if (!insert->exec()) {
            setError(errorMessage,
                     Tr::tr("The %1 row could not be stored: %2").arg(entity, insert->lastError().text()));
            insert->finish();
            return std::nullopt;
        }
        insert->finish();
        written.version = version;
        written.created = true;
        written.changed = true;
        if (watch || watchPark) {
            const QString firm
                = entity == u"enterprise"_s ? written.id : fields.value(u"enterprise_id"_s).toString();
            if (!afterWrite(entity, QString(), {}, firm, false, errorMessage))
                return std::nullopt;
        }
        return written;
    }

    QStringList changedNames;
    for (int i = 0; i < specs.size(); ++i) {
        if (normalised(*specs.at(i), fields.value(names.at(i))) != oldValues.value(names.at(i)))
            changedNames.append(names.at(i));
    }
    written.version = oldVersion;
    if (changedNames.isEmpty() && !oldDeleted)
        return written;

    const qint64 version = m_db.nextSequence(errorMessage);
    if (version == 0)
        return std::nullopt;
    for (const QString &n : std::as_const(changedNames))
        versions.insert(n, version);
    QString sql
        = u"UPDATE "_s + q(entity) + u" SET version = ?, updated_at = ?, deleted = 0, field_versions = ?"_s;
    for (const QString &n : std::as_const(changedNames))
        sql += u", "_s + q(n) + u" = ?"_s;
    sql += u" WHERE id = ?"_s;
    QSqlQuery *update = m_db.prepared(sql, errorMessage);
    if (!update)
        return std::nullopt;
    update->addBindValue(version);
    update->addBindValue(now);
    update->addBindValue(versionsText(versions));
    for (const QString &n : std::as_const(changedNames))
        update->addBindValue(Sync::EntityCatalog::toStored(*spec->field(n), fields.value(n)));
    update->addBindValue(id);
    if (!update->exec()) {
        setError(errorMessage,
                 Tr::tr("The %1 row could not be stored: %2").arg(entity, update->lastError().text()));
        update->finish();
        return std::nullopt;
    }
    update->finish();
    written.version = version;
    written.changed = true;

    if ((watch && touchesVisibility(entity, changedNames)) || oldDeleted) {
        if (watch) {
            const QString firm = fields.contains(u"enterprise_id"_s)
                                     ? fields.value(u"enterprise_id"_s).toString()
                                     : enterpriseBefore;
            if (!afterWrite(entity, enterpriseBefore, banksBefore, firm, false, errorMessage))
                return std::nullopt;
        }
    }
    if (watchPark && changedNames.contains(u"park_id"_s)) {
        if (!afterWrite(entity, id, {}, id, true, errorMessage))
            return std::nullopt;
    }
    return written;
}

std::optional<QList<RowStore::Written>>
RowStore::insertMany(const QString &entity, const QList<std::pair<QString, QJsonObject>> &rows,
                     QString *errorMessage)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
    if (!spec) {
        setError(errorMessage, Tr::tr("The entity %1 is not synced by this server.").arg(entity));
        return std::nullopt;
    }
    QList<Written> result;
    result.reserve(rows.size());
    if (rows.isEmpty())
        return result;
    if (m_restamp && (entity == u"application"_s || entity == u"authorization"_s)) {
        for (const auto &[id, fields] : rows) {
            const std::optional<Written> w = upsert(entity, id, fields, errorMessage);
            if (!w)
                return std::nullopt;
            result.append(*w);
        }
        return result;
    }
    const QStringList names = rows.first().second.keys();
    QList<const Sync::FieldSpec *> specs;
    for (const QString &n : names) {
        const Sync::FieldSpec *f = spec->field(n);
        if (!f) {
            setError(errorMessage, Tr::tr("The field %1 is not a field of %2.").arg(n, entity));
            return std::nullopt;
        }
        specs.append(f);
    }
    const qsizetype perRow = 4 + names.size();
    // PostgreSQL: a few hundred rows per round trip. SQLite has no round trip to save, and QtSql's
    // SQLite driver looks each positional parameter up by index (linear in the parameter count), so
    // it gets small statements.
    const qsizetype maxParameters = m_db.dialect() == ServerDatabase::Dialect::SQLite ? 256 : 30000;
    const qsizetype chunk = std::clamp<qsizetype>(maxParameters / perRow, 1, 500);
    QString columns = u"id, version, updated_at, deleted, field_versions"_s;
    QString tuple = u"(?, ?, ?, 0, ?"_s;
    for (const QString &n : names) {
        columns += u", "_s + q(n);
        tuple += u", ?"_s;
    }
    tuple += u')';
    const QString now = ServerDatabase::now();
    for (qsizetype start = 0; start < rows.size(); start += chunk) {
        const qsizetype n = std::min(chunk, rows.size() - start);
        const qint64 first = m_db.reserveSequence(n, errorMessage);
        if (first == 0)
            return std::nullopt;
        QString sql = u"INSERT INTO "_s + q(entity) + u" ("_s + columns + u") VALUES "_s;
        for (qsizetype i = 0; i < n; ++i) {
            if (i > 0)
                sql += u", "_s;
            sql += tuple;
        }
        QSqlQuery *insert = m_db.prepared(sql, errorMessage);
        if (!insert)
            return std::nullopt;
        for (qsizetype i = 0; i < n; ++i) {
            const auto &[givenId, fields] = rows.at(start + i);
            if (fields.size() != names.size()) {
                setError(errorMessage, Tr::tr("Every row of a bulk insert must name the same fields."));
                insert->finish();
                return std::nullopt;
            }
            if (!givenId.isEmpty() && !isStoreId(givenId)) {
                setError(errorMessage,
                         Tr::tr("The id %1 is not a lower-case UUID without braces.").arg(givenId));
                insert->finish();
                return std::nullopt;
            }
            Written w;
            w.id = givenId.isEmpty() ? Core::newId() : givenId;
            w.version = first + i;
            w.created = true;
            w.changed = true;
            insert->addBindValue(w.id);
            insert->addBindValue(w.version);
            insert->addBindValue(now);
            insert->addBindValue(creationVersions(*spec, w.version));
            for (int c = 0; c < names.size(); ++c) {
                const auto value = fields.constFind(names.at(c));
                if (value == fields.constEnd()) {
                    setError(errorMessage, Tr::tr("Every row of a bulk insert must name the same fields."));
                    insert->finish();
                    return std::nullopt;
                }
                insert->addBindValue(Sync::EntityCatalog::toStored(*specs.at(c), *value));
            }
            result.append(w);
        }
        if (!insert->exec()) {
            setError(errorMessage,
                     Tr::tr("The %1 rows could not be stored: %2").arg(entity, insert->lastError().text()));
            insert->finish();
            return std::nullopt;
        }
        insert->finish();
    }
    return result;
}

bool RowStore::afterWrite(const QString &entity, const QString &enterpriseBefore,
                          const QStringList &banksBefore, const QString &enterpriseAfter, bool parkChanged,
                          QString *errorMessage)
{
    bool gained = parkChanged;
    if (!gained && entity != u"enterprise"_s) {
        const QStringList after = Scope(m_db).banksSeeingFirm(enterpriseAfter);
        const QStringList before = enterpriseBefore == enterpriseAfter ? banksBefore : QStringList();
        gained
            = std::any_of(after.begin(), after.end(), [&](const QString &b) { return !before.contains(b); });
    }
    if (!gained)
        return true;
    return restampFirm(enterpriseAfter, errorMessage) >= 0;
}

qint64 RowStore::restampFirm(const QString &enterpriseId, QString *errorMessage)
{
    ++m_restampCount;
    qint64 total = 0;
    QList<QPair<QString, QString>> tables{{u"enterprise"_s, u"id"_s}};
    for (const Sync::EntitySpec &e : Sync::EntityCatalog::entities()) {
        if (e.scope == S::FirmRecord)
            tables.append({e.name, u"enterprise_id"_s});
    }
    for (const auto &[table, column] : std::as_const(tables)) {
        QSqlQuery *count = m_db.prepared(
            u"SELECT COUNT(*) FROM "_s + q(table) + u" WHERE "_s + column + u" = ?"_s, errorMessage);
        if (!count)
            return -1;
        count->addBindValue(enterpriseId);
        if (!count->exec() || !count->next()) {
            setError(errorMessage, Tr::tr("The rows of the firm %1 could not be counted: %2")
                                       .arg(enterpriseId, count->lastError().text()));
            count->finish();
            return -1;
        }
        const qint64 n = count->value(0).toLongLong();
        count->finish();
        if (n == 0)
            continue;
        const qint64 first = m_db.reserveSequence(n, errorMessage);
        if (first == 0)
            return -1;
        // Distinct consecutive versions in the rows' old order: a page needs strictly increasing ones.
        QSqlQuery *update = m_db.prepared(
            u"UPDATE "_s + q(table)
                + u" SET version = r.rn + ? FROM (SELECT id AS rid, row_number() OVER "
                  "(ORDER BY version, id) AS rn FROM "_s
                + q(table) + u" WHERE "_s + column + u" = ?) AS r WHERE "_s + q(table) + u".id = r.rid"_s,
            errorMessage);
        if (!update)
            return -1;
        update->addBindValue(first - 1);
        update->addBindValue(enterpriseId);
        if (!update->exec()) {
            setError(errorMessage, Tr::tr("The rows of the firm %1 could not be re-stamped: %2")
                                       .arg(enterpriseId, update->lastError().text()));
            update->finish();
            return -1;
        }
        update->finish();
        total += n;
    }
    return total;
}

std::optional<RowStore::Written> RowStore::remove(const QString &entity, const QString &id,
                                                  QString *errorMessage)
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
    if (!spec) {
        setError(errorMessage, Tr::tr("The entity %1 is not synced by this server.").arg(entity));
        return std::nullopt;
    }
    QSqlQuery *read
        = m_db.prepared(u"SELECT version, deleted FROM "_s + q(entity) + u" WHERE id = ?"_s, errorMessage);
    if (!read)
        return std::nullopt;
    read->addBindValue(id);
    if (!read->exec() || !read->next()) {
        setError(errorMessage, Tr::tr("The %1 row %2 does not exist.").arg(entity, id));
        read->finish();
        return std::nullopt;
    }
    Written written;
    written.id = id;
    written.version = read->value(0).toLongLong();
    const bool deleted = read->value(1).toLongLong() != 0;
    read->finish();
    if (deleted)
        return written;
    const qint64 version = m_db.nextSequence(errorMessage);
    if (version == 0)
        return std::nullopt;
    QSqlQuery *update = m_db.prepared(u"UPDATE "_s + q(entity)
                                          + u" SET deleted = 1, version = ?, updated_at = ? WHERE id = ?"_s,
                                      errorMessage);
    if (!update)
        return std::nullopt;
    update->addBindValue(version);
    update->addBindValue(ServerDatabase::now());
    update->addBindValue(id);
    if (!update->exec()) {
        setError(errorMessage,
                 Tr::tr("The %1 row could not be deleted: %2").arg(entity, update->lastError().text()));
        update->finish();
        return std::nullopt;
    }
    update->finish();
    written.version = version;
    written.changed = true;
    return written;
}

std::optional<Sync::Row> RowStore::load(const QString &entity, const QString &id, QString *errorMessage,
                                        QJsonObject *fieldVersions) const
{
    const LoadShape *shape = loadShape(entity);
    if (!shape) {
        setError(errorMessage, Tr::tr("The entity %1 is not synced by this server.").arg(entity));
        return std::nullopt;
    }
    const QStringList &wire = shape->wire;
    QSqlQuery *read = m_db.prepared(fieldVersions ? shape->sqlWithVersions : shape->sql, errorMessage);
    if (!read)
        return std::nullopt;
    read->addBindValue(id);
    if (!read->exec() || !read->next()) {
        setError(errorMessage, Tr::tr("The %1 row %2 does not exist.").arg(entity, id));
        read->finish();
        return std::nullopt;
    }
    Sync::Row row = readRow(*shape, entity, *read);
    if (fieldVersions)
        *fieldVersions
            = QJsonDocument::fromJson(read->value(4 + int(wire.size())).toString().toUtf8()).object();
    read->finish();
    return row;
}

std::optional<QHash<QString, RowStore::Loaded>>
RowStore::loadMany(const QString &entity, const QStringList &ids, QString *errorMessage) const
{
    const LoadShape *shape = loadShape(entity);
    if (!shape) {
        setError(errorMessage, Tr::tr("The entity %1 is not synced by this server.").arg(entity));
        return std::nullopt;
    }
    QHash<QString, Loaded> rows;
    // Statements of 128, 64, … 1 ids: a few shapes for the prepared-statement cache.
    constexpr qsizetype maxChunk = 128;
    qsizetype offset = 0;
    while (offset < ids.size()) {
        qsizetype n = maxChunk;
        while (n > ids.size() - offset)
            n /= 2;
        QSqlQuery *read = m_db.prepared(
            shape->selectWithVersions + u" WHERE id IN (?"_s + u", ?"_s.repeated(n - 1) + u')', errorMessage);
        if (!read)
            return std::nullopt;
        for (qsizetype i = offset; i < offset + n; ++i)
            read->addBindValue(ids.at(i));
        if (!read->exec()) {
            setError(errorMessage,
                     Tr::tr("The %1 rows could not be read: %2").arg(entity, read->lastError().text()));
            read->finish();
            return std::nullopt;
        }
        while (read->next()) {
            Loaded loaded;
            loaded.row = readRow(*shape, entity, *read);
            loaded.fieldVersions
                = QJsonDocument::fromJson(read->value(4 + int(shape->wire.size())).toString().toUtf8())
                      .object();
            rows.insert(loaded.row.id, loaded);
        }
        read->finish();
        offset += n;
    }
    return rows;
}

QJsonObject RowStore::fieldVersions(const QString &entity, const QString &id) const
{
    if (!Sync::EntityCatalog::find(entity))
        return {};
    QSqlQuery *read
        = m_db.prepared(u"SELECT field_versions FROM "_s + q(entity) + u" WHERE id = ?"_s, nullptr);
    if (!read)
        return {};
    read->addBindValue(id);
    QJsonObject versions;
    if (read->exec() && read->next())
        versions = QJsonDocument::fromJson(read->value(0).toString().toUtf8()).object();
    read->finish();
    return versions;
}

QString RowStore::findId(const QString &entity, const QJsonObject &key) const
{
    const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity);
    if (!spec || key.isEmpty())
        return QString();
    QString sql = u"SELECT id FROM "_s + q(entity) + u" WHERE "_s;
    QList<QVariant> binds;
    bool first = true;
    for (auto it = key.begin(); it != key.end(); ++it) {
        const Sync::FieldSpec *f = spec->field(it.key());
        if (!f)
            return QString();
        if (!first)
            sql += u" AND "_s;
        first = false;
        sql += q(f->name) + u" = ?"_s;
        binds.append(Sync::EntityCatalog::toStored(*f, it.value()));
    }
    QSqlQuery *read = m_db.prepared(sql, nullptr);
    if (!read)
        return QString();
    for (const QVariant &b : std::as_const(binds))
        read->addBindValue(b);
    QString found;
    if (read->exec() && read->next())
        found = read->value(0).toString();
    read->finish();
    return found;
}

} // namespace XinDai::Server
