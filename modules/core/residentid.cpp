#include "core/residentid.h"

#include "core/regioncodes.h"

namespace XinDai::Core {

namespace {

constexpr qsizetype IdLength = 18;

/// ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for positions i = 0..16.
constexpr int Weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

/// Check character indexed by (weighted sum mod 11).
constexpr QStringView CheckCharacters = u"10X98765432";

/// Upper-cases and drops the separators people type or paste inside numbers (spaces, hyphens, ideographic
/// space).
QString normalize(const QString &id)
{
    QString result;
    result.reserve(id.size());
    for (QChar c : id) {
        if (!c.isSpace() && c != u'-')
            result.append(c.toUpper());
    }
    return result;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QDate dateFrom(QStringView yyyymmdd)
{
    for (QChar c : yyyymmdd) {
        if (!isDigit(c))
            return {};
    }
    return QDate(yyyymmdd.left(4).toInt(), yyyymmdd.mid(4, 2).toInt(), yyyymmdd.mid(6, 2).toInt());
}

} // namespace

QChar ResidentId::checkDigit(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (!isDigit(c))
            return {};
        sum += (c.unicode() - u'0') * Weights[i];
    }
    return CheckCharacters.at(sum % 11);
}

QDate ResidentId::birthDate(const QString &id)
{
    const QString compact = normalize(id);
    if (compact.size() < 14)
        return {};
    return dateFrom(QStringView(compact).mid(6, 8));
}

bool ResidentId::isMale(const QString &id)
{
    const QString compact = normalize(id);
    if (compact.size() < 17 || !isDigit(compact.at(16)))
        return false;
    return (compact.at(16).unicode() - u'0') % 2 == 1;
}

QString ResidentId::masked(const QString &id)
{
    const QString compact = normalize(id);
    if (compact.size() < 10)
        return QString(compact.size(), u'*');
    return compact.left(6) + QString(compact.size() - 10, u'*') + compact.right(4);
}

IdCheckResult ResidentId::check(const QString &id, QDate today)
{
    IdCheckResult result;
    result.normalized = normalize(id);
    const QString &c = result.normalized;
    if (c.isEmpty()) {
        result.reason = tr("The resident ID number is empty.");
        return result;
    }
    if (c.size() != IdLength) {
        result.reason = tr("The resident ID number must have 18 characters, but it has %1.").arg(c.size());
        return result;
    }
    for (qsizetype i = 0; i < 17; ++i) {
        if (!isDigit(c.at(i))) {
            result.reason = tr("Character '%1' at position %2 of the resident ID number is not a digit.")
                                .arg(c.at(i))
                                .arg(i + 1);
            return result;
        }
    }
    if (!isDigit(c.at(17)) && c.at(17) != u'X') {
        result.reason
            = tr("The last character of the resident ID number must be a digit or X, but it is '%1'.")
                  .arg(c.at(17));
        return result;
    }
    const QStringView dateText = QStringView(c).mid(6, 8);
    const QDate birth = dateFrom(dateText);
    if (!birth.isValid()) {
        result.reason = tr("The birth date %1 in the resident ID number is not a real date.").arg(dateText);
        return result;
    }
    if (birth > today) {
        result.reason = tr("The birth date %1 in the resident ID number is in the future.")
                            .arg(birth.toString(Qt::ISODate));
        return result;
    }
    const QChar expected = checkDigit(QStringView(c).left(17));
    if (expected != c.at(17)) {
        result.reason = tr("The check digit of the resident ID number should be '%1' but is '%2'.")
                            .arg(expected)
                            .arg(c.at(17));
        return result;
    }
    result.valid = true;
    const QString region = c.left(6);
    if (!RegionCodes::isKnown(region)) {
        const QString province = RegionCodes::name(region.left(2) + QLatin1String("0000"));
        if (province.isEmpty()) {
            result.warnings
                << tr("The region code %1 of the resident ID number is not a known GB/T 2260 region.")
                       .arg(region);
        } else {
            result.warnings
                << tr("The region code %1 of the resident ID number is not in the region table; only "
                      "its province, %2, is known.")
                       .arg(region, province);
        }
    }
    return result;
}

} // namespace XinDai::Core
