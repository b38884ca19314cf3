#pragma once

#include "core/domain/syncmeta.h"

#include <QDate>
#include <QString>

namespace XinDai::Core {

/// One month of one raw series about a firm.
struct MonthlyValue
{
    enum class Kind {
        TaxPaid,                  ///< fen
        SocialInsuranceHeadcount, ///< persons insured
        HousingFund,              ///< fen contributed
        Electricity,              ///< kWh
        BankInflow,               ///< fen
        BankOutflow,              ///< fen
    };

    SyncMeta meta;
    QString enterpriseId;
    Kind kind = Kind::TaxPaid;
    QDate month;      ///< first day of the month
    qint64 value = 0; ///< unit depends on kind (see above)
};

} // namespace XinDai::Core
