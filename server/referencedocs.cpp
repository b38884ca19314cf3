#include "server/referencedocs.h"

#include "core/workcalendar.h"
#include "scoring/modelregistry.h"
#include "scoring/shippedmodels.h"
#include "server/serverdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace XinDai::Server {

namespace {

const QString entity = QStringLiteral("reference_doc");

QByteArray compact(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

// The document's own "version" (calendar and models both carry one), 0 when absent.
qint64 versionOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(QStringLiteral("version")).toInteger();
}

} // namespace

QJsonObject ReferenceDocs::Result::toJson() const
{
    QJsonObject json{{QStringLiteral("imported"), completed && created ? 1 : 0},
                     {QStringLiteral("updated"), completed && !created && changed ? 1 : 0},
                     {QStringLiteral("unchanged"), completed && !created && !changed ? 1 : 0},
                     {QStringLiteral("rejected"), completed ? 0 : 1}};
    if (completed) {
        json.insert(QStringLiteral("kind"), kind);
        json.insert(QStringLiteral("name"), name);
        json.insert(QStringLiteral("id"), id);
        json.insert(QStringLiteral("version"), version);
    } else {
        json.insert(QStringLiteral("error"), error);
    }
    return json;
}

ReferenceDocs::ReferenceDocs(ServerDatabase &db)
    : m_db(db)
{}

bool ReferenceDocs::kindFromName(const QString &name, Kind *kind)
{
    if (name == QLatin1String("calendar"))
        *kind = Kind::Calendar;
    else if (name == QLatin1String("model"))
        *kind = Kind::Model;
    else
        return false;
    return true;
}

std::optional<ReferenceDocs::Checked> ReferenceDocs::check(const QByteArray &json, Kind kind,
                                                           const QString &origin, QString *errorMessage)
{
    QString error;
    Checked doc;
    if (kind == Kind::Calendar) {
        Core::WorkCalendar::fromJson(json, &error);
        doc.kind = QStringLiteral("holiday_calendar");
        doc.name = calendarName();
    } else {
        const std::optional<Scoring::ModelInfo> info = Scoring::ModelRegistry::validate(json, &error);
        if (info && info->id.size() > 200)
            error = tr("The model id is longer than 200 characters.");
        doc.kind = QStringLiteral("scoring_model");
        doc.name = info ? info->id : QString();
    }
    if (!error.isEmpty()) {
        if (errorMessage)
            *errorMessage = origin.isEmpty() ? error : tr("%1: %2").arg(origin, error);
        return std::nullopt;
    }
    doc.content = compact(json);
    return doc;
}

std::optional<RowStore::Written> ReferenceDocs::store(const Checked &doc, QString *errorMessage)
{
    RowStore rows(m_db);
    const QString id
        = rows.findId(entity, {{QStringLiteral("kind"), doc.kind}, {QStringLiteral("name"), doc.name}});
    return rows.upsert(entity, id,
                       {{QStringLiteral("kind"), doc.kind},
                        {QStringLiteral("name"), doc.name},
                        {QStringLiteral("content"), QString::fromUtf8(doc.content)}},
                       errorMessage);
}

ReferenceDocs::Result ReferenceDocs::importFile(const QString &path, Kind kind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("Cannot read \"%1\": %2.").arg(path, file.errorString());
        return result;
    }
    return importBytes(file.readAll(), kind, path);
}

ReferenceDocs::Result ReferenceDocs::importBytes(const QByteArray &json, Kind kind, const QString &origin)
{
    Result result;
    const std::optional<Checked> doc = check(json, kind, origin, &result.error);
    if (!doc)
        return result;
    result.kind = doc->kind;
    result.name = doc->name;
    if (!m_db.transaction()) {
        result.error = tr("The import could not start a transaction on the server's database.");
        return result;
    }
    QString error;
    const std::optional<RowStore::Written> written = store(*doc, &error);
    if (!written) {
        m_db.rollback();
        result.error = tr("The document could not be stored: %1").arg(error);
        return result;
    }
    if (!m_db.commit()) {
        m_db.rollback();
        result.error = tr("The import could not be committed; nothing was written.");
        return result;
    }
    result.completed = true;
    result.id = written->id;
    result.version = written->version;
    result.created = written->created;
    result.changed = written->changed;
    return result;
}

std::optional<QList<RowStore::Written>> ReferenceDocs::storeBuiltins(QString *errorMessage)
{
    const QStringList calendars{QStringLiteral(":/xindai/calendar/holidays-cn.json")};
    const QStringList models{
        Scoring::ShippedModels::commercialPath(), Scoring::ShippedModels::knowledgePath(),
        Scoring::ShippedModels::individualPath(), Scoring::ShippedModels::parkIndexPath()};
    QList<std::pair<QString, Kind>> files;
    for (const QString &path : calendars)
        files.append({path, Kind::Calendar});
    for (const QString &path : models)
        files.append({path, Kind::Model});

    QList<RowStore::Written> written;
    for (const auto &[path, kind] : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (errorMessage)
                *errorMessage = tr("Cannot read \"%1\": %2.").arg(path, file.errorString());
            return std::nullopt;
        }
        const QByteArray json = file.readAll();
        const std::optional<Checked> doc = check(json, kind, path, errorMessage);
        if (!doc)
            return std::nullopt;
        // A document imported since (same kind and name, a version at least the built-in one's) stays.
        RowStore rows(m_db);
        const QString id
            = rows.findId(entity, {{QStringLiteral("kind"), doc->kind}, {QStringLiteral("name"), doc->name}});
        if (const std::optional<Sync::Row> current = id.isEmpty() ? std::nullopt : rows.load(entity, id);
            current && !current->deleted
            && versionOf(current->fields.value(QStringLiteral("content")).toString().toUtf8())
                   >= versionOf(json)) {
            written.append(RowStore::Written{id, current->version, false, false});
            continue;
        }
        const std::optional<RowStore::Written> w = store(*doc, errorMessage);
        if (!w)
            return std::nullopt;
        written.append(*w);
    }
    return written;
}

} // namespace XinDai::Server
