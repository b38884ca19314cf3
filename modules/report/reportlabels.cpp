#include "report/reportlabels.h"

#include <array>

namespace XinDai::Report {

namespace {

struct Label
{
    ReportLabels::Key key;
    const char *english; ///< tr() source
    const char16_t *chinese;
};

using K = ReportLabels::Key;

#define XD_L(k, en, zh)                                                                                      \
    Label                                                                                                    \
    {                                                                                                        \
        K::k, QT_TRANSLATE_NOOP("XinDai::Report::ReportLabels", en), zh                                      \
    }

const Label labels[] = {
    XD_L(Title, "Enterprise Comprehensive Credit Report", u"企业综合信用报告"),
    XD_L(ReportNumber, "Report number", u"报告编号"),
    XD_L(GeneratedAt, "Generated at", u"生成时间"),
    XD_L(AsOf, "Data as of", u"数据截止日"),
    XD_L(Institution, "Requesting institution", u"查询机构"),
    XD_L(Purpose, "Purpose", u"查询用途"),
    XD_L(VerificationCode, "Verification code", u"验证码"),
    XD_L(PageOf, "Page %1 / %2", u"第 %1 / %2 页"),
    XD_L(Watermark, "For use by %1 for %2 only", u"仅供 %1 %2 使用"),
    XD_L(AuthorizationNo, "Authorization", u"授权书编号"),
    XD_L(AuthorizationValidTo, "Authorization valid until", u"授权有效期至"),
    XD_L(Firm, "Enterprise", u"受评企业"),
    XD_L(Summary, "1. Summary", u"一、报告摘要"),
    XD_L(Registration, "2. Registration", u"二、登记信息"),
    XD_L(LegalRep, "3. Legal representative", u"三、法定代表人"),
    XD_L(Qualifications, "4. Qualifications", u"四、资质认定"),
    XD_L(TaxGrades, "5. Tax credit grade history and tax paid", u"五、纳税信用等级与纳税情况"),
    XD_L(TaxPaid, "Tax paid by month", u"月度纳税额"),
    XD_L(SocialInsurance, "6. Social insurance and housing fund", u"六、社会保险与住房公积金"),
    XD_L(Utilities, "7. Utilities (electricity)", u"七、水电气（用电）"),
    XD_L(BankFlows, "8. Bank flows", u"八、银行流水"),
    XD_L(Procurement, "9. Procurement and contracts", u"九、政府采购与合同"),
    XD_L(Subsidies, "10. Subsidies", u"十、财政补贴"),
    XD_L(Financing, "11. Financing history on the platform", u"十一、平台融资记录"),
    XD_L(Judicial, "12. Judicial records, penalties and dishonest-debtor listings",
         u"十二、司法记录、行政处罚与失信被执行人"),
    XD_L(Score, "13. Credit score and grade", u"十三、信用评分与等级"),
    XD_L(Sources, "14. Data sources and as-of dates", u"十四、数据来源与截止日期"),
    XD_L(Statement, "15. Statement", u"十五、声明"),
    XD_L(Changes, "Changes since the previous report", u"与上次报告相比的变化"),
    XD_L(Name, "Registered name", u"企业名称"),
    XD_L(Uscc, "Unified social credit code", u"统一社会信用代码"),
    XD_L(EntityKind, "Type", u"主体类型"),
    XD_L(Company, "Company", u"企业"),
    XD_L(IndividualBusiness, "Individual business", u"个体工商户"),
    XD_L(Established, "Established", u"成立日期"),
    XD_L(RegisteredCapital, "Registered capital", u"注册资本"),
    XD_L(Industry, "Industry", u"所属行业"),
    XD_L(Region, "Registered region", u"注册地区"),
    XD_L(Park, "Park", u"所属园区"),
    XD_L(Employees, "Employees", u"从业人数"),
    XD_L(AnnualRevenue, "Revenue (last full year)", u"营业收入（上一完整年度）"),
    XD_L(TotalAssets, "Total assets", u"资产总额"),
    XD_L(Address, "Address", u"地址"),
    XD_L(RepName, "Name", u"姓名"),
    XD_L(IdNumberMasked, "Resident ID number (masked)", u"身份证号码（已脱敏）"),
    XD_L(ColTitle, "Title", u"名称"),
    XD_L(ColAuthority, "Authority", u"发证/实施机关"),
    XD_L(ColDate, "Date", u"日期"),
    XD_L(ColValidTo, "Valid until", u"有效期至"),
    XD_L(ColAmount, "Amount", u"金额"),
    XD_L(ColDetail, "Detail", u"说明"),
    XD_L(ColGrade, "Grade", u"等级"),
    XD_L(ColYear, "Year", u"年度"),
    XD_L(ColMonth, "Month", u"月份"),
    XD_L(ColHeadcount, "Persons insured", u"参保人数"),
    XD_L(ColHousingFund, "Housing fund paid", u"公积金缴存额"),
    XD_L(ColElectricity, "Electricity (kWh)", u"用电量（千瓦时）"),
    XD_L(ColInflow, "Inflow", u"流入"),
    XD_L(ColOutflow, "Outflow", u"流出"),
    XD_L(ColTaxPaid, "Tax paid", u"纳税额"),
    XD_L(ColAppNumber, "Application", u"申请编号"),
    XD_L(ColState, "State", u"状态"),
    XD_L(ColRequested, "Requested", u"申请金额"),
    XD_L(ColApproved, "Approved", u"批准金额"),
    XD_L(ColKind, "Kind", u"类别"),
    XD_L(ColSource, "Source", u"数据来源"),
    XD_L(ColRows, "Records", u"记录数"),
    XD_L(ColSourceAsOf, "As of", u"截止日期"),
    XD_L(KindPenalty, "Administrative penalty", u"行政处罚"),
    XD_L(KindDishonest, "Dishonest-debtor listing", u"失信被执行人"),
    XD_L(KindProcurement, "Government procurement", u"政府采购"),
    XD_L(KindPublicContract, "Public-resource contract", u"公共资源交易"),
    XD_L(DishonestRemoved, "removed on %1", u"已于 %1 移出"),
    XD_L(DishonestListed, "listed", u"在列"),
    XD_L(StateDraft, "Draft", u"草稿"),
    XD_L(StateSubmitted, "Submitted", u"已提交"),
    XD_L(StateAccepted, "Accepted", u"已受理"),
    XD_L(StateApproved, "Approved", u"已批准"),
    XD_L(StateRejected, "Rejected", u"已拒绝"),
    XD_L(StateDisbursed, "Disbursed", u"已放款"),
    XD_L(StateSettled, "Settled", u"已结清"),
    XD_L(StateWithdrawn, "Withdrawn", u"已撤回"),
    XD_L(ScoreValue, "Score", u"信用评分"),
    XD_L(ScoreGrade, "Grade", u"信用等级"),
    XD_L(ScoreModel, "Model", u"评分模型"),
    XD_L(ScoreReasons, "Factors that lowered the score most", u"主要扣分因素"),
    XD_L(ScoreImprovements, "What would raise the score", u"提升建议"),
    XD_L(ScoreUnavailable, "The score could not be computed: %1", u"无法计算评分：%1"),
    XD_L(ReasonLine, "%1: %2 points below its best value", u"%1：较最佳档低 %2 分"),
    XD_L(ImprovementLine, "%1: reaching the next level would add %2 points", u"%1：提升至更高档可增加 %2 分"),
    XD_L(SrcRegistration, "Business registration", u"市场监管（工商登记）"),
    XD_L(SrcTax, "Tax authority", u"税务"),
    XD_L(SrcSocial, "Social insurance and housing fund", u"人社与住房公积金"),
    XD_L(SrcElectricity, "Power grid", u"电力"),
    XD_L(SrcBank, "Bank account flows", u"银行流水"),
    XD_L(SrcProcurement, "Public-resource trading centres", u"公共资源交易中心"),
    XD_L(SrcSubsidy, "Finance bureau subsidies", u"财政补贴"),
    XD_L(SrcQualification, "Qualification registers", u"资质认定"),
    XD_L(SrcJudicial, "Courts and enforcement agencies", u"法院与行政执法"),
    XD_L(SrcPlatform, "This platform's applications", u"本平台融资申请"),
    XD_L(SrcScoring, "Scoring model", u"本平台评分模型"),
    XD_L(NoRecords, "No records.", u"无记录。"),
    XD_L(ChartBank, "Bank inflow and outflow by month (10,000 yuan)", u"月度银行流入与流出（万元）"),
    XD_L(ChartTax, "Tax paid by month (10,000 yuan)", u"月度纳税额（万元）"),
    XD_L(SummaryLine,
         "Score %1, grade %2; %3 administrative penalties, %4 dishonest-debtor listings, %5 applications on "
         "the "
         "platform.",
         u"信用评分 %1 分，等级 %2；行政处罚 %3 条，失信被执行人记录 %4 条，平台融资申请 %5 笔。"),
    XD_L(
        StatementText,
        "This report was assembled from the data sources listed above as of the dates shown, at the request "
        "of "
        "the institution named on every page and with the enterprise's authorization. It is for that "
        "institution's stated purpose only and must not be passed on. The score is a model's estimate, not a "
        "credit decision. The report carries an Ed25519 signature over every byte of the file; the "
        "verification code on each page can be checked with the platform.",
        u"本报告依据上列数据来源在所示截止日期的数据生成，系应每页所载机构的查询请求并经受评企业授权出具。"
        u"本报告仅供该机构按所述用途使用，不得转交他人。信用评分为模型估计，不构成授信决定。"
        u"本报告文件的每一字节均受 Ed25519 电子签名保护，可凭每页所载验证码向平台核验。"),
    XD_L(ChangesNone, "No changes since %1.", u"自 %1 以来无变化。"),
    XD_L(ChangesFirst, "This is the first report for this enterprise.", u"这是本企业的首份报告。"),
    XD_L(ChangeScore, "Score changed from %1 to %2.", u"信用评分由 %1 变为 %2。"),
    XD_L(ChangeGrade, "Grade changed from %1 to %2.", u"信用等级由 %1 变为 %2。"),
    XD_L(ChangeNewRecords, "New records: %1 %2.", u"新增记录：%1 %2 条。"),
    XD_L(ChangeSeries, "%1 over 12 months changed from %2 to %3.", u"近12个月%1由 %2 变为 %3。"),
    XD_L(ChangesSince, "Changes since report %1", u"与上次报告 %1 相比的变化"),
    XD_L(Unit10k, "10,000 yuan", u"万元"),
};

#undef XD_L

static_assert(std::size(labels) == std::size_t(ReportLabels::Key::KeyCount), "one label per key");

} // namespace

QString ReportLabels::text(Key key, ReportLanguage language)
{
    for (const Label &label : labels) {
        if (label.key != key)
            continue;
        if (language == ReportLanguage::Chinese)
            return QString::fromUtf16(label.chinese);
        return QCoreApplication::translate("XinDai::Report::ReportLabels", label.english);
    }
    return QStringLiteral("?");
}

} // namespace XinDai::Report
