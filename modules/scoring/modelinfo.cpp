#include "scoring/modelinfo.h"

#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <cmath>

namespace XinDai::Scoring {

using Internal::JsonReader;
using Internal::Tr;

ModelInfo ModelInfo::read(const QJsonObject &root, const QString &expectedKind)
{
    ModelInfo info;
    info.kind = JsonReader::requiredString(root, QStringLiteral("kind"), {});
    if (info.kind != expectedKind)
        JsonReader::fail(
            QStringLiteral("kind"),
            Tr::tr("The model kind is \"%1\" but \"%2\" was expected.").arg(info.kind, expectedKind));
    info.id = JsonReader::requiredString(root, QStringLiteral("id"), {});
    const double version = JsonReader::requiredNumber(root, QStringLiteral("version"), {});
    if (version < 1 || version != std::floor(version) || version > 1e9)
        JsonReader::fail(QStringLiteral("version"),
                         Tr::tr("The model version must be a whole number of at least 1."));
    info.version = int(version);
    info.name = JsonReader::requiredString(root, QStringLiteral("name"), {});
    return info;
}

void ModelInfo::write(QJsonObject &root) const
{
    root.insert(QStringLiteral("kind"), kind);
    root.insert(QStringLiteral("id"), id);
    root.insert(QStringLiteral("version"), version);
    root.insert(QStringLiteral("name"), name);
}

} // namespace XinDai::Scoring
