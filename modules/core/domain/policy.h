#pragma once

#include "core/domain/syncmeta.h"
#include "core/money.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// A support policy (增信惠企): subsidy, risk compensation, award …
struct Policy
{
    enum class Type { InterestSubsidy, RiskCompensation, GuaranteeFeeSubsidy, FirstLoan, QualificationAward };

    SyncMeta meta;
    QString code;
    QString title;
    Type type = Type::InterestSubsidy;
    QString authority;       ///< issuing body, e.g. 湖南省财政厅
    QString regionCode;      ///< scope: province 430000, a city or a county code
    QString eligibilityRule; ///< JsonLogic rule, compact JSON text
    QString benefitRule;     ///< JsonLogic rule computing the benefit in fen
    Money benefitCap;        ///< upper bound of one firm's benefit
    QDate windowStart;       ///< application window
    QDate windowEnd;
    QStringList requiredMaterials;
    QString summary;
    int ruleVersion = 1; ///< bumped whenever a rule changes
};

} // namespace XinDai::Core
