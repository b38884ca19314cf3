#pragma once

#include "core/domain/syncmeta.h"
#include "core/money.h"

#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// A loan, guarantee, leasing, factoring or insurance product from an institution.
struct FinancingProduct
{
    SyncMeta meta;
    QString institutionId; ///< Institution.meta.id
    QString code;
    QString name;
    QString collateral; ///< 信用 / 抵押 / 质押 / 保证
    Money minAmount;
    Money maxAmount;
    int minTermMonths = 1;
    int maxTermMonths = 12;
    int rateMinBp = 0; ///< annual interest rate, basis points (1 bp = 0.01 %)
    int rateMaxBp = 0;
    int feeBp = 0;     ///< annual fees (guarantee, service) in basis points of the amount
    QStringList zones; ///< 专区 tags: 制造业贷款, 科技型企业, 专精特新, 固定资产项目 …
    QString eligibilityRule; ///< JsonLogic rule as compact JSON text; empty = everyone
    QStringList requiredDocuments;
    bool platformExclusive = false;
    int approvalRatePermille = 0;  ///< historical approval rate, ‰
    int avgDaysToDecision = 0;     ///< historical average working days from acceptance to result
    int serviceRatingPermille = 0; ///< satisfaction, ‰
    QString description;
};

} // namespace XinDai::Core
