#pragma once

#include "core/domain/syncmeta.h"
#include "core/money.h"

#include <QDate>
#include <QString>

namespace XinDai::Core {

/// 企业 or 个体工商户, identified by its unified social credit code.
struct Enterprise
{
    enum class Kind { Company, IndividualBusiness };

    SyncMeta meta;
    QString uscc; ///< 统一社会信用代码, 18 chars, validated (core/uscc.h)
    QString name; ///< registered name
    Kind kind = Kind::Company;
    QString legalRep;        ///< 法定代表人 / 经营者 name
    QString legalRepId;      ///< resident ID number of the legal representative (stored, shown masked)
    QDate established;       ///< 成立日期
    Money registeredCapital; ///< 注册资本
    QString industryCode;    ///< GB/T 4754-2017 code, e.g. "C39" (section letter + division)
    QString regionCode;      ///< GB/T 2260 six-digit county code
    QString parkId;          ///< Park.meta.id, empty when outside any park
    int employees = 0;       ///< 从业人数
    Money annualRevenue;     ///< 营业收入, last full year
    Money totalAssets;       ///< 资产总额, last year end
    QString address;
    QString phone;
};

} // namespace XinDai::Core
