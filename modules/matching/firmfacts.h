#pragma once

#include "rules/value.h"

#include <QString>
#include <QStringList>

namespace XinDai::Matching {

/// The firm.* facts of docs/firm-facts.md as typed fields, plus the firm's identity (not facts) for
/// listings. Default values are the contract's "unknown" values.
struct FirmFacts
{
    // identity, for listings and exports
    QString enterpriseId;
    QString name;
    QString uscc;
    QString parkId;

    // firm.* facts
    int years = 0;                            ///< firm.years, full years since establishment
    QString kind = QStringLiteral("company"); ///< firm.kind: company | individual_business
    QString size = QStringLiteral("micro");   ///< firm.size: large | medium | small | micro
    int employees = 0;                        ///< firm.employees, persons
    qint64 revenueWan = 0;                    ///< firm.revenue_wan, 万元 rounded down
    qint64 assetsWan = 0;                     ///< firm.assets_wan, 万元 rounded down
    QString industrySection;                  ///< firm.industry_section, e.g. "C"
    QString industryCode;                     ///< firm.industry_code, e.g. "C39"
    QString region;                           ///< firm.region, six-digit county code
    QString city;                             ///< firm.city, first four digits of the region
    QString park;                             ///< firm.park, park code
    QString taxGrade;                         ///< firm.tax_grade: A | B | M | C | D | ""
    double taxPaid12mWan = 0;                 ///< firm.tax_paid_12m_wan, 万元 (fen / 10^6, exact sum)
    int socialInsured = 0;                    ///< firm.social_insured, persons
    QStringList qualifications;               ///< firm.qualifications, codes in table order
    int patents = 0;                          ///< firm.patents
    int penalties3y = 0;                      ///< firm.penalties_3y
    bool dishonest = false;                   ///< firm.dishonest
    int procurements3y = 0;                   ///< firm.procurements_3y
    bool hadBankLoan = false;                 ///< firm.had_bank_loan

    /// The object holding every firm.* fact (the value of "firm" in the facts object).
    Rules::Value toValue() const;
};

} // namespace XinDai::Matching
