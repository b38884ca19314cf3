#pragma once

#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// GB/T 2260 administrative division codes, loaded once (thread-safe) from the embedded
/// :/xindai/reference/regions-gb2260.json. Coverage: all 34 province-level divisions; for Hunan (430000)
/// its 14 prefecture-level divisions, their current county-level divisions, and historical codes still
/// found in older identifiers (marked historical, not returned by children()/hunanCounties()).
class RegionCodes
{
public:
    /// Own name of the division, e.g. "岳麓区"; empty when unknown.
    static QString name(const QString &code);

    /// Province + prefecture + county, e.g. "湖南省长沙市岳麓区"; for direct-administered municipalities
    /// the municipality is not repeated ("北京市东城区"). Unknown levels are skipped; empty when nothing
    /// of the code is known.
    static QString fullName(const QString &code);

    /// True when the exact six-digit code is in the table (current or historical).
    static bool isKnown(const QString &code);

    /// True when the code is known and marked historical (abolished or renamed).
    static bool isHistorical(const QString &code);

    /// Current direct children, sorted: "430000" -> the 14 prefecture-level codes, "430100" -> its counties.
    static QStringList children(const QString &code);

    /// Every current county-level code in Hunan, sorted.
    static QStringList hunanCounties();
};

} // namespace XinDai::Core
