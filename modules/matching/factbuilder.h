#pragma once

#include "matching/financingneed.h"
#include "matching/firmdata.h"
#include "matching/firmfacts.h"
#include "matching/loanterms.h"
#include "rules/value.h"

#include <QDate>
#include <QVector>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Matching {

/// Builds the facts object that product and policy rules read (docs/firm-facts.md is the contract):
/// {"firm": {…}, "need": {…}, "loan": {…}, "market": {…}}, every listed name present.
///
/// Windows, as of the evaluation day D (docs/matching.md):
/// - years: full years from Enterprise::established to D (0 before the first anniversary or when unknown);
/// - tax_paid_12m_wan: the sum of the TaxPaid months present among the 12 calendar months before D's
///   month, in 万元 (fen / 10^6; a missing month adds nothing);
/// - social_insured: the latest SocialInsuranceHeadcount month before D's month;
/// - records dated after D are ignored; penalties_3y and procurements_3y count records dated in
///   (D − 3 years, D]; a qualification counts when its validTo is unset or ≥ D; a dishonest-debtor listing
///   counts unless its validTo (removal) is ≤ D; the tax grade is the latest TaxGrade record's title;
/// - had_bank_loan: any Disbursed or Settled application, or FirmData::declaredHadBankLoan.
class FactBuilder
{
public:
    /// The firm.* facts of \a data as of \a day.
    static FirmFacts firmFacts(const FirmData &data, QDate day);

    /// The whole facts object. need.* from \a need (unknown values when absent); loan.* from \a loan, else
    /// LoanTerms::fromNeed(need) when a need is given, else LoanTerms::defaultLoan(); market.lpr_1y_bp from
    /// the loan used.
    static Rules::Value facts(const FirmFacts &firm, const std::optional<FinancingNeed> &need = {},
                              const std::optional<LoanTerms> &loan = {});

    /// The facts object with only "unknown" loan values (loan.* zero, term 12, LPR 300), as the contract
    /// lists them: for rules that must not depend on a loan.
    static Rules::Value factsWithoutLoan(const FirmFacts &firm,
                                         const std::optional<FinancingNeed> &need = {});

    /// The qualification code of a record title (高新技术企业 → "hightech"); empty when not in the table.
    static QString qualificationCode(const QString &title);

    /// Loads the firm \a enterpriseId with its park, series, records and applications from \a db.
    /// std::nullopt (and \a error set to a translated sentence) when the firm does not exist.
    static std::optional<FirmData> load(Store::Database &db, const QString &enterpriseId, QString *error);

    /// firmFacts() for every firm (not deleted) of the park \a parkId in \a db, ordered by name.
    static QVector<FirmFacts> loadPark(Store::Database &db, const QString &parkId, QDate day);
};

} // namespace XinDai::Matching
