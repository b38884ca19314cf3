#pragma once

#include <QCoreApplication>
#include <QString>

namespace XinDai::Report {

/// Language a report is rendered in. The report is a zh_CN document by default.
enum class ReportLanguage { Chinese, English };

/// The fixed texts of a report (titles, column heads, sentences), per language. English texts are
/// tr() source strings (context "XinDai::Report::ReportLabels"); Chinese texts are given explicitly so
/// the PDF is Chinese whatever the UI translation state. Texts with %1… take arguments via QString::arg.
class ReportLabels
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::ReportLabels)
public:
    enum class Key {
        Title,
        ReportNumber,
        GeneratedAt,
        AsOf,
        Institution,
        Purpose,
        VerificationCode,
        PageOf,
        Watermark,
        AuthorizationNo,
        AuthorizationValidTo,
        Firm,
        // sections
        Summary,
        Registration,
        LegalRep,
        Qualifications,
        TaxGrades,
        TaxPaid,
        SocialInsurance,
        Utilities,
        BankFlows,
        Procurement,
        Subsidies,
        Financing,
        Judicial,
        Score,
        Sources,
        Statement,
        Changes,
        // fields
        Name,
        Uscc,
        EntityKind,
        Company,
        IndividualBusiness,
        Established,
        RegisteredCapital,
        Industry,
        Region,
        Park,
        Employees,
        AnnualRevenue,
        TotalAssets,
        Address,
        RepName,
        IdNumberMasked,
        // columns
        ColTitle,
        ColAuthority,
        ColDate,
        ColValidTo,
        ColAmount,
        ColDetail,
        ColGrade,
        ColYear,
        ColMonth,
        ColHeadcount,
        ColHousingFund,
        ColElectricity,
        ColInflow,
        ColOutflow,
        ColTaxPaid,
        ColAppNumber,
        ColState,
        ColRequested,
        ColApproved,
        ColKind,
        ColSource,
        ColRows,
        ColSourceAsOf,
        KindPenalty,
        KindDishonest,
        KindProcurement,
        KindPublicContract,
        DishonestRemoved,
        DishonestListed,
        // application states
        StateDraft,
        StateSubmitted,
        StateAccepted,
        StateApproved,
        StateRejected,
        StateDisbursed,
        StateSettled,
        StateWithdrawn,
        // score
        ScoreValue,
        ScoreGrade,
        ScoreModel,
        ScoreReasons,
        ScoreImprovements,
        ScoreUnavailable,
        ReasonLine,
        ImprovementLine,
        // sources
        SrcRegistration,
        SrcTax,
        SrcSocial,
        SrcElectricity,
        SrcBank,
        SrcProcurement,
        SrcSubsidy,
        SrcQualification,
        SrcJudicial,
        SrcPlatform,
        SrcScoring,
        // misc
        NoRecords,
        ChartBank,
        ChartTax,
        SummaryLine,
        StatementText,
        ChangesNone,
        ChangesFirst,
        ChangeScore,
        ChangeGrade,
        ChangeNewRecords,
        ChangeSeries,
        ChangesSince,
        Unit10k,
        KeyCount
    };

    /// The text of \a key in \a language (never empty).
    static QString text(Key key, ReportLanguage language);
};

} // namespace XinDai::Report
