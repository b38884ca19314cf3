#include "core/regioncodes.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace XinDai::Core {

namespace {

struct Region
{
    QString name;
    bool historical = false;
};

struct RegionTable
{
    QHash<QString, Region> byCode;
    QMap<QString, QStringList> childrenByParent; ///< current divisions only, sorted

    RegionTable()
    {
        QFile file(QStringLiteral(":/xindai/reference/regions-gb2260.json"));
        // A build without the resource is a packaging defect: warn loudly, answer "unknown" everywhere.
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("RegionCodes: the embedded :/xindai/reference/regions-gb2260.json is missing");
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError) {
            qWarning("RegionCodes: regions-gb2260.json does not parse: %s", qPrintable(error.errorString()));
            return;
        }
        const QJsonArray regions = doc.object().value(QLatin1String("regions")).toArray();
        for (const QJsonValue &value : regions) {
            const QJsonObject object = value.toObject();
            const QString code = object.value(QLatin1String("code")).toString();
            Region region{object.value(QLatin1String("name")).toString(),
                          object.value(QLatin1String("historical")).toBool()};
            if (code.size() != 6 || region.name.isEmpty())
                continue;
            if (!region.historical) {
                const QString parent = parentOf(code);
                if (!parent.isEmpty())
                    childrenByParent[parent].append(code);
            }
            byCode.insert(code, region);
        }
        for (QStringList &list : childrenByParent)
            std::sort(list.begin(), list.end());
    }

    static bool isMunicipality(QStringView province)
    {
        return province == u"11" || province == u"12" || province == u"31" || province == u"50";
    }

    /// "430104" -> "430100", "430100" -> "430000", "430000" -> ""; municipalities' districts -> province.
    static QString parentOf(const QString &code)
    {
        if (code.endsWith(QLatin1String("0000")))
            return {};
        if (code.endsWith(QLatin1String("00")) || isMunicipality(QStringView(code).left(2)))
            return code.left(2) + QLatin1String("0000");
        return code.left(4) + QLatin1String("00");
    }

    QString nameOf(const QString &code) const { return byCode.value(code).name; }
};

const RegionTable &table()
{
    static const RegionTable instance;
    return instance;
}

bool isSixDigits(const QString &code)
{
    return code.size() == 6
           && std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString RegionCodes::name(const QString &code)
{
    return table().nameOf(code);
}

QString RegionCodes::fullName(const QString &code)
{
    if (!isSixDigits(code))
        return {};
    const RegionTable &t = table();
    const QString provinceCode = code.left(2) + QLatin1String("0000");
    const QString prefectureCode = code.left(4) + QLatin1String("00");
    QString result = t.nameOf(provinceCode);
    if (!RegionTable::isMunicipality(QStringView(code).left(2)) && prefectureCode != provinceCode)
        result += t.nameOf(prefectureCode);
    if (code != prefectureCode)
        result += t.nameOf(code);
    return result;
}

bool RegionCodes::isKnown(const QString &code)
{
    return table().byCode.contains(code);
}

bool RegionCodes::isHistorical(const QString &code)
{
    return table().byCode.value(code).historical;
}

QStringList RegionCodes::children(const QString &code)
{
    return table().childrenByParent.value(code);
}

QStringList RegionCodes::hunanCounties()
{
    QStringList result;
    for (const QString &prefecture : children(QStringLiteral("430000")))
        result += children(prefecture);
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace XinDai::Core
