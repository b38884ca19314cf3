#pragma once

#include "core/domain/syncmeta.h"
#include "core/money.h"

#include <QDate>
#include <QString>

namespace XinDai::Core {

/// A dated public or business record about a firm.
struct CreditRecord
{
    enum class Kind {
        TaxGrade,               ///< title = grade A/B/M/C/D, date = evaluation year's 1 Jan
        Penalty,                ///< administrative penalty, amount = fine
        DishonestDebtor,        ///< 失信被执行人 listing; validTo = removal date if removed
        Procurement,            ///< government procurement award, amount = contract value
        PublicResourceContract, ///< public-resource trading
        Subsidy,                ///< subsidy received, amount
        Qualification,          ///< title = 高新技术企业 / 专精特新 …, validTo = expiry
        Patent,                 ///< title = patent name, detail = number
    };

    SyncMeta meta;
    QString enterpriseId;
    Kind kind = Kind::Penalty;
    QDate date;
    QDate validTo; ///< optional
    QString title;
    QString authority; ///< issuing / awarding body
    Money amount;
    QString detail;
};

} // namespace XinDai::Core
