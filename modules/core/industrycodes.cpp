#include "core/industrycodes.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

namespace XinDai::Core {

namespace {

struct Data
{
    QStringList sections;                    // "A" … "T"
    QHash<QString, QString> sectionNames;    // "C" → 制造业
    QHash<QString, QStringList> divisions;   // "C" → {"C13", …}
    QHash<QString, QString> divisionSection; // "39" → "C"
    QHash<QString, QString> divisionNames;   // "39" → name
};

const Data &data()
{
    static const Data d = [] {
        Data result;
        QFile file(QStringLiteral(":/xindai/reference/industries-gb4754-2017.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("IndustryCodes: the embedded GB/T 4754-2017 table is missing");
            return result;
        }
        const QJsonArray sections
            = QJsonDocument::fromJson(file.readAll()).object().value(u"sections").toArray();
        for (const QJsonValue &s : sections) {
            const QJsonObject section = s.toObject();
            const QString letter = section.value(u"code").toString();
            result.sections.append(letter);
            result.sectionNames.insert(letter, section.value(u"name").toString());
            QStringList &list = result.divisions[letter];
            const QJsonArray divisions = section.value(u"divisions").toArray();
            for (const QJsonValue &dv : divisions) {
                const QJsonObject division = dv.toObject();
                const QString digits = division.value(u"code").toString();
                list.append(letter + digits);
                result.divisionSection.insert(digits, letter);
                result.divisionNames.insert(digits, division.value(u"name").toString());
            }
        }
        return result;
    }();
    return d;
}

struct Parsed
{
    QString section;    // known section letter, or empty
    QString division;   // known two-digit division, or empty
    bool finer = false; // more digits than a division
};

// Splits and checks a code; an unknown or inconsistent code gives an empty Parsed.
Parsed parse(const QString &raw)
{
    const QString code = raw.trimmed().toUpper();
    const Data &d = data();
    if (code.isEmpty())
        return {};
    QString letter;
    QString digits = code;
    if (code.at(0).isLetter()) {
        letter = code.left(1);
        digits = code.mid(1);
        if (!d.sectionNames.contains(letter))
            return {};
    }
    if (digits.isEmpty())
        return {letter, QString(), false};
    if (digits.size() < 2 || digits.size() > 4)
        return {};
    for (QChar c : std::as_const(digits)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return {};
    }
    const QString division = digits.left(2);
    const QString owner = d.divisionSection.value(division);
    if (owner.isEmpty() || (!letter.isEmpty() && letter != owner))
        return {};
    return {owner, division, digits.size() > 2};
}

} // namespace

QString IndustryCodes::sectionOf(const QString &code)
{
    return parse(code).section;
}

QString IndustryCodes::divisionOf(const QString &code)
{
    const Parsed p = parse(code);
    return p.division.isEmpty() ? QString() : p.section + p.division;
}

QString IndustryCodes::name(const QString &code)
{
    const Parsed p = parse(code);
    if (p.finer)
        return {};
    if (!p.division.isEmpty())
        return data().divisionNames.value(p.division);
    return data().sectionNames.value(p.section);
}

QStringList IndustryCodes::sections()
{
    return data().sections;
}

QStringList IndustryCodes::divisions(const QString &section)
{
    return data().divisions.value(section.trimmed().toUpper());
}

bool IndustryCodes::isKnown(const QString &code)
{
    const Parsed p = parse(code);
    return !p.section.isEmpty() && !p.finer;
}

} // namespace XinDai::Core
