#pragma once

#include "core/idcheckresult.h"

#include <QChar>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace XinDai::Core {

/// 统一社会信用代码 (unified social credit code), GB 32100-2015.
/// Layout: 1 registration-authority code, 1 entity-type code, 6-digit GB/T 2260 region code,
/// 9-character organisation code, 1 check character. Charset: 0-9 and A-Z except I, O, Z, S, V.
class Uscc
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Core::Uscc)
public:
    /// Upper-cases \a code and removes whitespace and hyphens anywhere in it (as pasted "91 110000 ...");
    /// valid iff the result has 18 characters, all in the charset, and the last one equals
    /// checkCharacter() of the first 17. Unknown authority/type/region are warnings.
    static IdCheckResult check(const QString &code);

    /// GB 32100-2015 check character (weights 3^i mod 31, value 31 - sum mod 31, 31 -> '0') of the
    /// 17 first characters; a null QChar if \a first17 is not 17 characters of the charset.
    static QChar checkCharacter(QStringView first17);

    /// Decoded fields of a code; codes are raw characters, names are translated (region names are data).
    /// A name is empty when the code is unknown.
    struct Parts
    {
        QString authorityCode;  ///< position 1, e.g. "9"
        QString entityTypeCode; ///< position 2, e.g. "1"
        QString regionCode;     ///< positions 3-8, GB/T 2260
        QString authority;      ///< e.g. tr("Market regulation") -> 工商
        QString entityType;     ///< e.g. tr("Enterprise") -> 企业
        QString regionName;     ///< RegionCodes::fullName(), e.g. "湖南省长沙市岳麓区"
    };
    /// Decodes \a code (normalised as in check()); fields past the end of a short code stay empty.
    static Parts decode(const QString &code);

    /// One display line: authority · entity type · region, e.g. "工商 · 企业 · 湖南省长沙市岳麓区";
    /// an unknown part is shown by its raw code.
    static QString describe(const QString &code);
};

} // namespace XinDai::Core
