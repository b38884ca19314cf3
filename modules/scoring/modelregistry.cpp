#include "scoring/modelregistry.h"

#include "scoring/scoringtr_p.h"
#include "scoring/shippedmodels.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QtDebug>

#include <variant>

namespace XinDai::Scoring {

using Internal::Tr;

namespace {

using AnyModel = std::variant<Scorecard, ExpertModel, ParkIndex>;

std::optional<AnyModel> load(const QByteArray &json, QString *error)
{
    const QString kind = QJsonDocument::fromJson(json).object().value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("expert")) {
        if (std::optional<ExpertModel> m = ExpertModel::fromJson(json, error))
            return AnyModel(std::move(*m));
        return std::nullopt;
    }
    if (kind == QLatin1String("parkIndex")) {
        if (std::optional<ParkIndex> m = ParkIndex::fromJson(json, error))
            return AnyModel(std::move(*m));
        return std::nullopt;
    }
    if (!kind.isEmpty() && kind != QLatin1String("scorecard")) {
        if (error)
            *error = Tr::tr("The model file was refused at %1: %2")
                         .arg(QStringLiteral("kind"),
                              Tr::tr("The model kind is \"%1\" but \"%2\" was expected.")
                                  .arg(kind, QStringLiteral("scorecard|expert|parkIndex")));
        return std::nullopt;
    }
    // A scorecard, no kind or no JSON object at all: the scorecard loader names the problem.
    if (std::optional<Scorecard> m = Scorecard::fromJson(json, error))
        return AnyModel(std::move(*m));
    return std::nullopt;
}

const ModelInfo &infoOf(const AnyModel &model)
{
    return std::visit([](const auto &m) -> const ModelInfo & { return m.info(); }, model);
}

struct Registry
{
    QMutex mutex;
    QHash<QString, AnyModel> synced;
};

Registry &registry()
{
    static Registry r;
    return r;
}

// The synced model with the shipped model's id when it is of type T and newer, else the shipped one.
template<typename T>
std::optional<T> pick(std::optional<T> shipped, const QString &id, QString *error)
{
    const int shippedVersion = shipped ? shipped->info().version : 0;
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const auto it = r.synced.constFind(id);
    if (it == r.synced.cend())
        return shipped;
    const T *synced = std::get_if<T>(&*it);
    if (!synced || synced->info().version <= shippedVersion)
        return shipped;
    if (error)
        error->clear();
    return *synced;
}

} // namespace

std::optional<ModelInfo> ModelRegistry::validate(const QByteArray &json, QString *error)
{
    const std::optional<AnyModel> model = load(json, error);
    if (!model)
        return std::nullopt;
    return infoOf(*model);
}

namespace {

/// load() of a model received by sync; a refused one is reported with qWarning().
std::optional<AnyModel> loadSynced(const QByteArray &json, QString *error)
{
    QString loadError;
    std::optional<AnyModel> model = load(json, &loadError);
    if (!model)
        qWarning().noquote() << "A scoring model received by sync is ignored:" << loadError;
    if (error)
        *error = loadError;
    return model;
}

} // namespace

bool ModelRegistry::installSynced(const QByteArray &json, QString *error)
{
    std::optional<AnyModel> model = loadSynced(json, error);
    if (!model)
        return false;
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const QString id = infoOf(*model).id;
    r.synced.insert(id, std::move(*model));
    return true;
}

int ModelRegistry::replaceSynced(const QHash<QString, QByteArray> &models)
{
    QHash<QString, AnyModel> next;
    QStringList refused;
    for (auto it = models.cbegin(); it != models.cend(); ++it) {
        if (std::optional<AnyModel> model = loadSynced(it.value(), nullptr))
            next.insert(infoOf(*model).id, std::move(*model));
        else
            refused.append(it.key());
    }
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    for (const QString &id : std::as_const(refused)) {
        if (const auto old = r.synced.constFind(id); old != r.synced.cend() && !next.contains(id))
            next.insert(id, *old);
    }
    r.synced = std::move(next);
    return int(refused.size());
}

void ModelRegistry::clearSynced()
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    r.synced.clear();
}

int ModelRegistry::syncedVersion(const QString &id)
{
    Registry &r = registry();
    const QMutexLocker lock(&r.mutex);
    const auto it = r.synced.constFind(id);
    return it == r.synced.cend() ? 0 : infoOf(*it).version;
}

std::optional<Scorecard> ModelRegistry::commercial(QString *error)
{
    return pick(ShippedModels::commercial(error), QStringLiteral("enterprise-commercial"), error);
}

std::optional<Scorecard> ModelRegistry::knowledge(QString *error)
{
    return pick(ShippedModels::knowledge(error), QStringLiteral("enterprise-knowledge"), error);
}

std::optional<ExpertModel> ModelRegistry::individualBusiness(QString *error)
{
    return pick(ShippedModels::individualBusiness(error), QStringLiteral("individual-business"), error);
}

std::optional<ParkIndex> ModelRegistry::parkIndex(QString *error)
{
    return pick(ShippedModels::parkIndex(error), QStringLiteral("park-credit-index"), error);
}

} // namespace XinDai::Scoring
