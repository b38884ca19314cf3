#include "core/firmsize.h"

#include "core/industrycodes.h"

namespace XinDai::Core {

namespace {

enum class Indicator { None, Employees, Revenue, Assets };

// Bounds in persons for Employees and in 万元 for Revenue and Assets; a level is met when both
// indicators reach their bound ("且" in 300号).
struct Level
{
    qint64 first;
    qint64 second;
};

struct Rule
{
    Indicator first;
    Indicator second;
    Level large;
    Level medium;
    Level small;
};

constexpr Indicator X = Indicator::Employees;
constexpr Indicator Y = Indicator::Revenue;
constexpr Indicator Z = Indicator::Assets;
constexpr Indicator None = Indicator::None;

Rule ruleFor(FirmSector sector)
{
    switch (sector) {
    case FirmSector::Agriculture:
        return {Y, None, {20000, 0}, {500, 0}, {50, 0}};
    case FirmSector::Industry:
        return {X, Y, {1000, 40000}, {300, 2000}, {20, 300}};
    case FirmSector::Construction:
        return {Y, Z, {80000, 80000}, {6000, 5000}, {300, 300}};
    case FirmSector::Wholesale:
        return {X, Y, {200, 40000}, {20, 5000}, {5, 1000}};
    case FirmSector::Retail:
        return {X, Y, {300, 20000}, {50, 500}, {10, 100}};
    case FirmSector::Transport:
        return {X, Y, {1000, 30000}, {300, 3000}, {20, 200}};
    case FirmSector::Warehousing:
        return {X, Y, {200, 30000}, {100, 1000}, {20, 100}};
    case FirmSector::Postal:
        return {X, Y, {1000, 30000}, {300, 2000}, {20, 100}};
    case FirmSector::Accommodation:
    case FirmSector::Catering:
        return {X, Y, {300, 10000}, {100, 2000}, {10, 100}};
    case FirmSector::InformationTransmission:
        return {X, Y, {2000, 100000}, {100, 1000}, {10, 100}};
    case FirmSector::SoftwareIt:
        return {X, Y, {300, 10000}, {100, 1000}, {10, 50}};
    case FirmSector::RealEstateDevelopment:
        return {Y, Z, {200000, 10000}, {1000, 5000}, {100, 2000}};
    case FirmSector::PropertyManagement:
        return {X, Y, {1000, 5000}, {300, 1000}, {100, 500}};
    case FirmSector::LeasingBusiness:
        return {X, Z, {300, 120000}, {100, 8000}, {10, 100}};
    case FirmSector::Other:
        break;
    }
    return {X, None, {300, 0}, {100, 0}, {10, 0}};
}

struct Figures
{
    int employees;
    Money revenue;
    Money assets;
};

bool reaches(Indicator indicator, qint64 bound, const Figures &f)
{
    switch (indicator) {
    case Indicator::None:
        return true;
    case Indicator::Employees:
        return f.employees >= bound;
    case Indicator::Revenue:
        return f.revenue >= Money::fromWan(bound);
    case Indicator::Assets:
        return f.assets >= Money::fromWan(bound);
    }
    return false;
}

bool meets(const Rule &rule, const Level &level, const Figures &f)
{
    return reaches(rule.first, level.first, f) && reaches(rule.second, level.second, f);
}

bool uses(FirmSector sector, Indicator indicator)
{
    const Rule rule = ruleFor(sector);
    return rule.first == indicator || rule.second == indicator;
}

} // namespace

FirmSector FirmSizeClassifier::sectorOf(const QString &industryCode)
{
    const QString code = industryCode.trimmed().toUpper();
    const QString section = IndustryCodes::sectionOf(code);
    const QString division = IndustryCodes::divisionOf(code);
    if (division.isEmpty()) {
        // A bare section letter maps only where the whole section follows one rule.
        if (section == u"A")
            return FirmSector::Agriculture;
        if (section == u"B" || section == u"C" || section == u"D")
            return FirmSector::Industry;
        if (section == u"E")
            return FirmSector::Construction;
        if (section == u"L")
            return FirmSector::LeasingBusiness;
        return FirmSector::Other;
    }
    const int number = division.mid(1).toInt();
    const QString digits = code.at(0).isLetter() ? code.mid(1) : code;
    if (section == u"A")
        return FirmSector::Agriculture;
    if (section == u"B" || section == u"C" || section == u"D")
        return FirmSector::Industry;
    if (section == u"E")
        return FirmSector::Construction;
    if (number == 51)
        return FirmSector::Wholesale;
    if (number == 52)
        return FirmSector::Retail;
    if (number >= 53 && number <= 58)
        return FirmSector::Transport;
    if (number == 59)
        return FirmSector::Warehousing;
    if (number == 60)
        return FirmSector::Postal;
    if (number == 61)
        return FirmSector::Accommodation;
    if (number == 62)
        return FirmSector::Catering;
    if (number == 63 || number == 64)
        return FirmSector::InformationTransmission;
    if (number == 65)
        return FirmSector::SoftwareIt;
    if (number == 70) {
        // K70 splits by group: 701 房地产开发经营, 702 物业管理, 703–709 (中介, 租赁 …) 其他未列明.
        if (digits.size() == 2 || digits.at(2) == u'1')
            return FirmSector::RealEstateDevelopment;
        if (digits.at(2) == u'2')
            return FirmSector::PropertyManagement;
        return FirmSector::Other;
    }
    if (section == u"L")
        return FirmSector::LeasingBusiness;
    return FirmSector::Other;
}

FirmSize FirmSizeClassifier::classify(const QString &industryCode, int employees, Money revenue,
                                      Money totalAssets)
{
    return classify(sectorOf(industryCode), employees, revenue, totalAssets);
}

FirmSize FirmSizeClassifier::classify(FirmSector sector, int employees, Money revenue, Money totalAssets)
{
    const Rule rule = ruleFor(sector);
    const Figures figures{employees, revenue, totalAssets};
    if (meets(rule, rule.large, figures))
        return FirmSize::Large;
    if (meets(rule, rule.medium, figures))
        return FirmSize::Medium;
    if (meets(rule, rule.small, figures))
        return FirmSize::Small;
    return FirmSize::Micro;
}

QString FirmSizeClassifier::label(FirmSize size)
{
    switch (size) {
    case FirmSize::Large:
        return tr("Large", "firm size");
    case FirmSize::Medium:
        return tr("Medium", "firm size");
    case FirmSize::Small:
        return tr("Small", "firm size");
    case FirmSize::Micro:
        return tr("Micro", "firm size");
    }
    return {};
}

QString FirmSizeClassifier::sectorLabel(FirmSector sector)
{
    switch (sector) {
    case FirmSector::Agriculture:
        return tr("Agriculture, forestry, animal husbandry and fishery");
    case FirmSector::Industry:
        return tr("Industry (mining, manufacturing, power, heat, gas and water)");
    case FirmSector::Construction:
        return tr("Construction");
    case FirmSector::Wholesale:
        return tr("Wholesale");
    case FirmSector::Retail:
        return tr("Retail");
    case FirmSector::Transport:
        return tr("Transport");
    case FirmSector::Warehousing:
        return tr("Warehousing");
    case FirmSector::Postal:
        return tr("Postal services");
    case FirmSector::Accommodation:
        return tr("Accommodation");
    case FirmSector::Catering:
        return tr("Catering");
    case FirmSector::InformationTransmission:
        return tr("Information transmission");
    case FirmSector::SoftwareIt:
        return tr("Software and information technology services");
    case FirmSector::RealEstateDevelopment:
        return tr("Real estate development");
    case FirmSector::PropertyManagement:
        return tr("Property management");
    case FirmSector::LeasingBusiness:
        return tr("Leasing and business services");
    case FirmSector::Other:
        return tr("Other industries not listed");
    }
    return {};
}

bool FirmSizeClassifier::usesEmployees(FirmSector sector)
{
    return uses(sector, Indicator::Employees);
}

bool FirmSizeClassifier::usesRevenue(FirmSector sector)
{
    return uses(sector, Indicator::Revenue);
}

bool FirmSizeClassifier::usesTotalAssets(FirmSector sector)
{
    return uses(sector, Indicator::Assets);
}

} // namespace XinDai::Core
