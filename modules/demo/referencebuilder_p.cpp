#include "demo/referencebuilder_p.h"

#include "demo/demodata_p.h"
#include "demo/demorandom.h"
#include "demo/rulebuilder_p.h"
#include "security/passwordhasher.h"

#include <QTimeZone>

namespace XinDai::Demo::Internal {

namespace {

using R = RuleBuilder;

struct ProductSpec
{
    int institution;
    const char16_t *code;
    const char16_t *name;
    const char16_t *collateral;
    int minWan, maxWan;
    int minTerm, maxTerm;
    int rateMinBp, rateMaxBp, feeBp;
    const char16_t *zones;
    const char16_t *documents;
    QJsonObject rule;
    bool exclusive;
    int approvalPermille, avgDays, ratingPermille;
    const char16_t *description;
};

QJsonArray strings(std::initializer_list<const char16_t *> items)
{
    QJsonArray a;
    for (const char16_t *s : items)
        a.append(QString::fromUtf16(s));
    return a;
}

QJsonObject notDishonest()
{
    return R::notTrue(R::var(QStringLiteral("firm.dishonest")));
}

QJsonObject minYears(int years)
{
    return R::cmp(QStringLiteral(">="), QStringLiteral("firm.years"), years);
}

QJsonObject taxAB()
{
    return R::oneOf(QStringLiteral("firm.tax_grade"), strings({u"A", u"B"}));
}

QJsonObject qual(const char16_t *code)
{
    return R::has(QStringLiteral("firm.qualifications"), QString::fromUtf16(code));
}

QJsonObject techFirm()
{
    return R::any({qual(u"hightech"), qual(u"tech_sme")});
}

QJsonObject srdiFirm()
{
    return R::any({qual(u"srdi_sme"), qual(u"little_giant"), qual(u"innovative_sme")});
}

QJsonObject sectionIn(std::initializer_list<const char16_t *> sections)
{
    return R::oneOf(QStringLiteral("firm.industry_section"), strings(sections));
}

QJsonObject atLeast(const char *path, int value)
{
    return R::cmp(QStringLiteral(">="), QString::fromLatin1(path), value);
}

QJsonObject atMost(const char *path, int value)
{
    return R::cmp(QStringLiteral("<="), QString::fromLatin1(path), value);
}

const QVector<ProductSpec> &productSpecs()
{
    // Institution indexes refer to demodata institutions(): 0 ICBC … 16 HNHT-VC.
    static const QVector<ProductSpec> specs = {
        {0, u"ICBC-JYKD", u"经营快贷", u"信用", 10, 300, 3, 12, 340, 420, 0, u"普惠金融",
         u"营业执照|近两年财务报表|近12个月纳税证明|征信授权书",
         R::all({minYears(2), taxAB(), notDishonest(), atMost("need.amount_wan", 300)}), false, 780, 4, 910,
         u"依托纳税与结算数据的线上信用贷款，随借随还。"},
        {0, u"ICBC-KCD", u"工银科创贷", u"信用", 50, 1000, 6, 36, 320, 400, 0, u"科技型企业|专精特新",
         u"营业执照|近两年财务报表|高新技术企业证书|征信授权书",
         R::all({R::any({techFirm(), srdiFirm()}), notDishonest(), minYears(1)}), false, 720, 6, 900,
         u"面向科技型中小企业的纯信用贷款，看重研发投入与知识产权。"},
        {0, u"ICBC-DYD", u"经营抵押贷", u"抵押", 100, 3000, 12, 60, 310, 380, 0, u"制造业贷款|固定资产项目",
         u"营业执照|近两年财务报表|抵押物权属证明|征信授权书", R::all({notDishonest(), minYears(1)}), false,
         820, 8, 880, u"以房产、土地使用权抵押，额度高、期限长。"},
        {0, u"ICBC-SDT", u"首贷通", u"信用", 10, 200, 6, 12, 350, 420, 0, u"首贷|普惠金融",
         u"营业执照|近两年财务报表|征信授权书",
         R::all({R::notTrue(R::var(QStringLiteral("firm.had_bank_loan"))), minYears(1), notDishonest()}),
         true, 650, 5, 900, u"为从未获得银行贷款的企业提供首笔信用贷款。"},
        {1, u"ABC-NSED", u"纳税e贷", u"信用", 10, 300, 6, 12, 350, 450, 0, u"税易贷|普惠金融",
         u"营业执照|近12个月纳税证明|征信授权书",
         R::all({taxAB(), atLeast("firm.tax_paid_12m_wan", 5), minYears(2), notDishonest()}), false, 800, 3,
         920, u"按近一年纳税额核定额度的线上信用贷款。"},
        {1, u"ABC-XCZX", u"乡村振兴贷", u"保证", 10, 500, 12, 36, 360, 480, 0, u"涉农|普惠金融",
         u"营业执照|近两年财务报表|保证人资料|征信授权书",
         R::all({sectionIn({u"A", u"C", u"F"}), notDishonest()}), false, 700, 7, 870,
         u"支持农产品加工、流通与农业经营主体。"},
        {2, u"BOC-ZJTX", u"中银专精特新贷", u"信用", 100, 2000, 12, 36, 300, 380, 0, u"专精特新",
         u"营业执照|近两年财务报表|专精特新认定文件|征信授权书", R::all({srdiFirm(), notDishonest()}), false,
         760, 6, 905, u"面向专精特新中小企业和小巨人企业的专属信用额度。"},
        {2, u"BOC-DYD", u"中银抵押贷", u"抵押", 50, 2000, 12, 60, 320, 400, 0, u"固定资产项目",
         u"营业执照|近两年财务报表|抵押物权属证明|征信授权书", notDishonest(), false, 810, 9, 860,
         u"标准抵押经营贷款。"},
        {3, u"CCB-YSD", u"云税贷", u"信用", 10, 300, 3, 12, 345, 430, 0, u"税易贷|普惠金融",
         u"营业执照|近12个月纳税证明|征信授权书",
         R::all({taxAB(), atLeast("firm.tax_paid_12m_wan", 3), minYears(2), notDishonest(),
                 atMost("firm.penalties_3y", 1)}),
         false, 820, 2, 930, u"基于纳税信用的全线上信用贷款，最快当日放款。"},
        {3, u"CCB-SXD", u"善新贷", u"信用", 100, 1000, 12, 36, 330, 410, 0, u"科技型企业",
         u"营业执照|近两年财务报表|知识产权证明|征信授权书",
         R::all({techFirm(), atLeast("firm.patents", 1), notDishonest()}), false, 700, 7, 890,
         u"以科技创新能力评价为核心的科技企业信用贷款。"},
        {3, u"CCB-SBGX", u"制造业设备更新贷", u"抵押", 100, 5000, 12, 84, 280, 350, 0, u"设备更新|制造业贷款",
         u"营业执照|近两年财务报表|设备购置合同|抵押物权属证明|征信授权书",
         R::all({sectionIn({u"C"}), minYears(2), notDishonest()}), false, 750, 10, 870,
         u"支持制造业企业设备购置与技术改造，可享贴息政策。"},
        {4, u"BOCOM-KCD", u"交银科创贷", u"信用", 100, 1000, 12, 36, 330, 420, 0, u"科技型企业",
         u"营业执照|近两年财务报表|高新技术企业证书|征信授权书", R::all({techFirm(), notDishonest()}), false,
         690, 8, 880, u"面向高新技术企业的中期流动资金贷款。"},
        {5, u"PSBC-XWYD", u"小微易贷", u"信用", 5, 200, 6, 12, 360, 480, 0, u"普惠金融",
         u"营业执照|近12个月纳税证明|征信授权书",
         R::all({R::oneOf(QStringLiteral("firm.size"), strings({u"small", u"micro"})), notDishonest()}),
         false, 830, 3, 915, u"小微企业和个体工商户的线上信用贷款。"},
        {6, u"CSB-KJD", u"长沙银行科技贷", u"信用", 50, 1000, 12, 36, 340, 450, 0, u"科技型企业",
         u"营业执照|近两年财务报表|高新技术企业证书|征信授权书",
         R::all({techFirm(),
                 R::cmp(QStringLiteral("=="), QStringLiteral("firm.city"), QStringLiteral("4301")),
                 notDishonest()}),
         true, 740, 5, 925, u"平台专属：长沙地区科技型企业信用贷款，利率优惠。"},
        {6, u"CSB-SYD", u"税易贷", u"信用", 10, 300, 3, 12, 360, 480, 0, u"税易贷|普惠金融",
         u"营业执照|近12个月纳税证明|征信授权书",
         R::all({R::oneOf(QStringLiteral("firm.tax_grade"), strings({u"A", u"B", u"M"})),
                 atLeast("firm.tax_paid_12m_wan", 2), notDishonest()}),
         false, 790, 3, 910, u"以纳税额定额度，纳税信用M级以上可申请。"},
        {6, u"CSB-ZZZC", u"制造业中长期贷款", u"抵押", 200, 5000, 24, 60, 320, 400, 0,
         u"制造业贷款|固定资产项目", u"营业执照|近两年财务报表|抵押物权属证明|项目批复文件|征信授权书",
         R::all({sectionIn({u"C"}), minYears(3), notDishonest()}), false, 700, 12, 860,
         u"支持制造业企业扩产、技改的中长期贷款。"},
        {7, u"HNB-ZJTX", u"湘银专精特新贷", u"信用", 100, 2000, 12, 36, 330, 420, 0, u"专精特新",
         u"营业执照|近两年财务报表|专精特新认定文件|征信授权书", R::all({srdiFirm(), notDishonest()}), true,
         750, 6, 900, u"平台专属：专精特新企业信用贷款，审批绿色通道。"},
        {7, u"HNB-ZCD", u"政采贷", u"信用", 10, 500, 3, 12, 380, 480, 0, u"政府采购",
         u"营业执照|政府采购合同|征信授权书", R::all({atLeast("firm.procurements_3y", 1), notDishonest()}),
         false, 810, 4, 905, u"凭政府采购中标合同申请的信用贷款。"},
        {8, u"HNRCU-SHD", u"福祥·商户贷", u"信用", 1, 50, 6, 36, 420, 600, 0, u"个体工商户|普惠金融",
         u"营业执照|经营者身份证|征信授权书",
         R::all({R::cmp(QStringLiteral("=="), QStringLiteral("firm.size"), QStringLiteral("micro")),
                 notDishonest()}),
         false, 860, 3, 900, u"个体工商户和小微商户的小额信用贷款。"},
        {8, u"HNRCU-BZD", u"福祥·保证贷", u"保证", 10, 300, 12, 36, 400, 550, 0, u"普惠金融",
         u"营业执照|近两年财务报表|保证人资料|征信授权书", notDishonest(), false, 780, 6, 880,
         u"由第三方保证的经营贷款。"},
        {9, u"CMB-SDD", u"闪电贷(企业)", u"信用", 10, 300, 3, 12, 350, 450, 0, u"普惠金融",
         u"营业执照|近两年财务报表|征信授权书",
         R::all({minYears(2), taxAB(), notDishonest(), atLeast("firm.revenue_wan", 200)}), false, 760, 2, 920,
         u"线上申请、自动审批的企业信用贷款。"},
        {9, u"CMB-YSZK", u"应收账款质押融资", u"质押", 100, 3000, 3, 12, 330, 420, 0, u"供应链金融",
         u"营业执照|应收账款清单及合同|征信授权书",
         R::all({atLeast("firm.revenue_wan", 1000), notDishonest()}), false, 770, 7, 880,
         u"以核心企业应收账款质押的短期融资。"},
        {10, u"CIB-JSL", u"技术流·科创贷", u"信用", 100, 2000, 12, 36, 330, 420, 0, u"科技型企业",
         u"营业执照|近两年财务报表|知识产权证明|征信授权书",
         R::all({R::any({atLeast("firm.patents", 2), qual(u"hightech")}), notDishonest()}), false, 720, 8,
         885, u"以技术流评价体系核定额度的科技企业贷款。"},
        {10, u"CIB-LSD", u"绿色发展贷", u"抵押", 100, 5000, 12, 60, 300, 380, 0, u"绿色金融",
         u"营业执照|近两年财务报表|环评批复|抵押物权属证明|征信授权书",
         R::all({sectionIn({u"C", u"D", u"M"}),
                 R::cmp(QStringLiteral("=="), QStringLiteral("firm.penalties_3y"), 0)}),
         false, 730, 10, 870, u"支持节能环保、清洁生产项目。"},
        {11, u"HNGUAR-CYD", u"潇湘财银贷", u"保证", 50, 1000, 12, 36, 380, 450, 100, u"担保增信|普惠金融",
         u"营业执照|近两年财务报表|担保申请书|征信授权书",
         R::all({R::oneOf(QStringLiteral("firm.size"), strings({u"micro", u"small", u"medium"})),
                 notDishonest(), atMost("firm.penalties_3y", 1)}),
         false, 740, 9, 890, u"省融资担保集团担保、合作银行放款，担保费率不超过1%。"},
        {11, u"HNGUAR-ZJD", u"专精特新担保贷", u"保证", 100, 2000, 12, 36, 350, 430, 80, u"担保增信|专精特新",
         u"营业执照|近两年财务报表|担保申请书|专精特新认定文件|征信授权书",
         R::all({srdiFirm(), notDishonest()}), true, 760, 8, 895, u"平台专属：专精特新企业低费率担保贷款。"},
        {12, u"PICC-DBX", u"贷款保证保险", u"保证", 10, 500, 6, 12, 400, 500, 150, u"保证保险|普惠金融",
         u"营业执照|近两年财务报表|投保单|征信授权书", R::all({minYears(1), notDishonest(), taxAB()}), false,
         700, 7, 870, u"由保险公司承保的小微企业贷款，无需抵押。"},
        {13, u"XX-SBZL", u"设备融资租赁", u"抵押", 50, 5000, 12, 60, 550, 750, 50, u"设备更新|制造业贷款",
         u"营业执照|近两年财务报表|设备购置合同|征信授权书",
         R::all({sectionIn({u"C", u"G", u"E"}), notDishonest()}), false, 800, 8, 860,
         u"直租方式购置生产设备，按月还租。"},
        {13, u"XX-SHHZ", u"设备售后回租", u"抵押", 100, 3000, 12, 48, 600, 800, 50, u"设备更新",
         u"营业执照|近两年财务报表|设备权属证明|征信授权书", R::all({minYears(2), notDishonest()}), false,
         780, 7, 850, u"以自有设备售后回租盘活存量资产。"},
        {14, u"XX-YSBL", u"应收账款保理", u"质押", 20, 2000, 1, 12, 600, 900, 50, u"供应链金融",
         u"营业执照|应收账款清单及合同|征信授权书",
         R::all({atLeast("firm.revenue_wan", 500), notDishonest()}), false, 820, 4, 860,
         u"有追索权保理，加快应收账款回笼。"},
        {15, u"XX-XEJY", u"小额经营贷", u"信用", 1, 100, 1, 12, 900, 1500, 0, u"普惠金融",
         u"营业执照|经营者身份证|征信授权书", notDishonest(), false, 880, 2, 830,
         u"小额、短期、快速的经营周转贷款。"},
        {16, u"HNHT-KCTZ", u"科创股权投资", u"信用", 500, 5000, 36, 84, 0, 0, 0, u"股权融资|科技型企业",
         u"营业执照|近两年财务报表|商业计划书",
         R::all({R::any({qual(u"hightech"), qual(u"little_giant")}), atLeast("firm.revenue_wan", 1000)}),
         false, 300, 30, 880, u"对成长期科技企业的股权投资，不需还本付息。"},
        {16, u"HNHT-TDLD", u"投贷联动", u"信用", 200, 3000, 12, 36, 300, 400, 0, u"股权融资|科技型企业",
         u"营业执照|近两年财务报表|商业计划书|征信授权书", R::all({techFirm(), atLeast("firm.years", 2)}),
         true, 550, 15, 870, u"股权投资与合作银行贷款联动，降低科技企业融资成本。"},
    };
    return specs;
}

struct PolicyBody
{
    const char16_t *authority;
    const char16_t *regionCode;
    const char16_t *label;      ///< title prefix
    int level;                  ///< 0 province, 1 city, 2 park
    const char16_t *cityPrefix; ///< firm.city value for a city body
    const char16_t *parkCode;   ///< firm.park value for a park body
};

const PolicyBody kBodies[] = {
    {u"湖南省财政厅", u"430000", u"湖南省", 0, nullptr, nullptr},
    {u"湖南省工业和信息化厅", u"430000", u"湖南省", 0, nullptr, nullptr},
    {u"湖南省地方金融管理局", u"430000", u"湖南省", 0, nullptr, nullptr},
    {u"长沙市财政局", u"430100", u"长沙市", 1, u"4301", nullptr},
    {u"株洲市工业和信息化局", u"430200", u"株洲市", 1, u"4302", nullptr},
    {u"湘潭市财政局", u"430300", u"湘潭市", 1, u"4303", nullptr},
    {u"岳阳市财政局", u"430600", u"岳阳市", 1, u"4306", nullptr},
    {u"常德市财政局", u"430700", u"常德市", 1, u"4307", nullptr},
    {u"长沙高新区管委会", u"430104", u"长沙高新区", 2, nullptr, u"CS-HTZ"},
    {u"株洲高新区管委会", u"430211", u"株洲高新区", 2, nullptr, u"ZZ-HTZ"},
    {u"湘潭经开区管委会", u"430304", u"湘潭经开区", 2, nullptr, u"XT-ETZ"},
    {u"岳阳经开区管委会", u"430602", u"岳阳经开区", 2, nullptr, u"YY-ETZ"},
    {u"常德经开区管委会", u"430702", u"常德经开区", 2, nullptr, u"CD-ETZ"},
};
constexpr int kBodyCount = int(sizeof(kBodies) / sizeof(kBodies[0]));
constexpr int kPoliciesPerType = 9;

const char16_t *const kPolicyTitles[5][3] = {
    {u"中小微企业贷款贴息", u"制造业企业贷款贴息", u"普惠小微贷款贴息"},
    {u"科技型企业贷款风险补偿", u"中小企业信贷风险补偿", u"知识产权质押贷款风险补偿"},
    {u"融资担保费补贴", u"政府性融资担保降费补贴", u"小微企业担保费补助"},
    {u"首贷户贷款奖补", u"首贷培植专项支持", u"首次贷款贴息奖励"},
    {u"专精特新企业奖励", u"高新技术企业认定奖励", u"科技型中小企业入库奖励"},
};
const char16_t *const kPolicyCodes[5] = {u"IS", u"RC", u"GF", u"FL", u"QA"};
const char16_t *const kPolicyMaterials[5] = {
    u"申请表|营业执照|贷款合同|放款凭证|利息支付凭证", u"申请表|营业执照|贷款合同|放款凭证",
    u"申请表|营业执照|担保合同|担保费缴纳凭证",        u"申请表|营业执照|贷款合同|放款凭证|企业征信报告",
    u"申请表|营业执照|资质认定文件|近一年财务报表",
};
const char16_t *const kPolicySummaries[5] = {
    u"对符合条件的企业按贷款市场报价利率的一定比例给予贴息，单户设有上限。",
    u"对合作银行发放的符合条件贷款形成的损失按比例补偿，引导银行加大信贷投放。",
    u"对政府性融资担保机构担保的贷款，按实际缴纳担保费的一定比例给予补贴。",
    u"对首次获得银行贷款的企业按贷款金额给予奖补。",
    u"对新认定的专精特新、高新技术等资质企业给予一次性奖励。",
};

QJsonObject policyEligibility(int type, const PolicyBody &body)
{
    QJsonArray terms;
    if (body.level == 1)
        terms.append(
            R::cmp(QStringLiteral("=="), QStringLiteral("firm.city"), QString::fromUtf16(body.cityPrefix)));
    else if (body.level == 2)
        terms.append(
            R::cmp(QStringLiteral("=="), QStringLiteral("firm.park"), QString::fromUtf16(body.parkCode)));
    terms.append(notDishonest());
    switch (type) {
    case 0:
        terms.append(R::oneOf(QStringLiteral("firm.size"), strings({u"micro", u"small", u"medium"})));
        terms.append(R::cmp(QStringLiteral("<="), QStringLiteral("firm.penalties_3y"), 1));
        break;
    case 1:
        terms.append(atMost("need.amount_wan", 1000));
        terms.append(R::any({techFirm(), srdiFirm()}));
        break;
    case 2:
        terms.append(R::oneOf(QStringLiteral("firm.size"), strings({u"micro", u"small"})));
        break;
    case 3:
        terms.append(R::notTrue(R::var(QStringLiteral("firm.had_bank_loan"))));
        terms.append(minYears(1));
        break;
    default:
        terms.append(
            R::any({qual(u"little_giant"), qual(u"srdi_sme"), qual(u"hightech"), qual(u"tech_sme")}));
        break;
    }
    return R::all(terms);
}

// Benefit rules compute fen; division results are rounded down to whole fen by the caller.
QJsonObject policyBenefit(int type, qint64 capFen, int percent)
{
    const QJsonValue cap{double(capFen)};
    switch (type) {
    case 0: {
        // min(cap, amount × min(rate, LPR) × percent% × term/12); bp → /10000, % → /100, months → /12.
        const QJsonObject rate
            = R::op(QStringLiteral("min"), QJsonArray{R::var(QStringLiteral("loan.rate_bp")),
                                                      R::var(QStringLiteral("market.lpr_1y_bp"))});
        const QJsonObject product
            = R::op(QStringLiteral("*"), QJsonArray{R::var(QStringLiteral("loan.amount_fen")), rate, percent,
                                                    R::var(QStringLiteral("loan.term_months"))});
        return R::op(QStringLiteral("min"),
                     QJsonArray{cap, R::op(QStringLiteral("/"), QJsonArray{product, 12000000})});
    }
    case 1:
        return R::op(
            QStringLiteral("min"),
            QJsonArray{cap,
                       R::op(QStringLiteral("/"),
                             QJsonArray{R::op(QStringLiteral("*"),
                                              QJsonArray{R::var(QStringLiteral("loan.amount_fen")), percent}),
                                        100})});
    case 2:
        return R::op(
            QStringLiteral("min"),
            QJsonArray{
                cap,
                R::op(QStringLiteral("/"),
                      QJsonArray{R::op(QStringLiteral("*"),
                                       QJsonArray{R::var(QStringLiteral("loan.guarantee_fee_fen")), percent}),
                                 100})});
    case 3:
        return R::op(
            QStringLiteral("min"),
            QJsonArray{cap,
                       R::op(QStringLiteral("/"),
                             QJsonArray{R::op(QStringLiteral("*"),
                                              QJsonArray{R::var(QStringLiteral("loan.amount_fen")), percent}),
                                        1000})});
    default:
        // Fixed award by the highest qualification held: 小巨人 = cap, 专精特新 = cap/2, 高新 = cap×3/10,
        // else cap/10.
        return R::op(QStringLiteral("if"),
                     QJsonArray{qual(u"little_giant"), cap, qual(u"srdi_sme"), double(capFen / 2),
                                qual(u"hightech"), double(capFen * 3 / 10), qual(u"tech_sme"),
                                double(capFen / 10), 0});
    }
}

QDateTime stamp(QDate day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone(8 * 3600)).toUTC();
}

} // namespace

ReferenceBuilder::ReferenceBuilder(quint32 seed, QDate asOf)
    : m_seed(seed)
    , m_asOf(asOf)
{}

Core::SyncMeta ReferenceBuilder::meta(quint32 tag, quint64 index) const
{
    Core::SyncMeta m;
    m.id = DemoRandom::uuid(m_seed, tag, index);
    m.updatedAt = stamp(m_asOf.addDays(-1), 8);
    return m;
}

QString ReferenceBuilder::parkId(int index) const
{
    return DemoRandom::uuid(m_seed, TagPark, quint64(index));
}

QString ReferenceBuilder::institutionId(int index) const
{
    return DemoRandom::uuid(m_seed, TagInstitution, quint64(index));
}

QString ReferenceBuilder::productId(int index) const
{
    return DemoRandom::uuid(m_seed, TagProduct, quint64(index));
}

QString ReferenceBuilder::adminUserId() const
{
    return DemoRandom::uuid(m_seed, TagUser, 0);
}

QString ReferenceBuilder::windowUserId(int parkIndex) const
{
    return DemoRandom::uuid(m_seed, TagUser, quint64(1 + 2 * parkIndex));
}

QVector<Core::Park> ReferenceBuilder::parks() const
{
    QVector<Core::Park> out;
    const auto &specs = Internal::parks();
    for (int i = 0; i < specs.size(); ++i) {
        Core::Park p;
        p.meta = meta(TagPark, quint64(i));
        p.code = QString::fromUtf16(specs[i].code);
        p.name = QString::fromUtf16(specs[i].name);
        p.regionCode = QString::fromUtf16(specs[i].regionCode);
        p.level = QString::fromUtf16(specs[i].level);
        out.append(p);
    }
    return out;
}

QVector<Core::Institution> ReferenceBuilder::institutions() const
{
    QVector<Core::Institution> out;
    const auto &specs = Internal::institutions();
    for (int i = 0; i < specs.size(); ++i) {
        Core::Institution inst;
        inst.meta = meta(TagInstitution, quint64(i));
        inst.code = QString::fromUtf16(specs[i].code);
        inst.name = QString::fromUtf16(specs[i].name);
        inst.type = Core::Institution::Type(specs[i].type);
        inst.regionCode = QString::fromUtf16(specs[i].regionCode);
        out.append(inst);
    }
    return out;
}

int ReferenceBuilder::productCount()
{
    return int(productSpecs().size());
}

int ReferenceBuilder::productInstitution(int index)
{
    return productSpecs().at(index).institution;
}

Core::Money ReferenceBuilder::productMin(int index)
{
    return Core::Money::fromWan(productSpecs().at(index).minWan);
}

Core::Money ReferenceBuilder::productMax(int index)
{
    return Core::Money::fromWan(productSpecs().at(index).maxWan);
}

int ReferenceBuilder::productMinTerm(int index)
{
    return productSpecs().at(index).minTerm;
}

int ReferenceBuilder::productMaxTerm(int index)
{
    return productSpecs().at(index).maxTerm;
}

int ReferenceBuilder::productRateMin(int index)
{
    return productSpecs().at(index).rateMinBp;
}

int ReferenceBuilder::productRateMax(int index)
{
    return productSpecs().at(index).rateMaxBp;
}

QStringList ReferenceBuilder::productDocuments(int index)
{
    return cell(productSpecs().at(index).documents);
}

QString ReferenceBuilder::productCollateral(int index)
{
    return QString::fromUtf16(productSpecs().at(index).collateral);
}

QVector<Core::FinancingProduct> ReferenceBuilder::products() const
{
    QVector<Core::FinancingProduct> out;
    const auto &specs = productSpecs();
    for (int i = 0; i < specs.size(); ++i) {
        const ProductSpec &s = specs[i];
        Core::FinancingProduct p;
        p.meta = meta(TagProduct, quint64(i));
        p.institutionId = institutionId(s.institution);
        p.code = QString::fromUtf16(s.code);
        p.name = QString::fromUtf16(s.name);
        p.collateral = QString::fromUtf16(s.collateral);
        p.minAmount = Core::Money::fromWan(s.minWan);
        p.maxAmount = Core::Money::fromWan(s.maxWan);
        p.minTermMonths = s.minTerm;
        p.maxTermMonths = s.maxTerm;
        p.rateMinBp = s.rateMinBp;
        p.rateMaxBp = s.rateMaxBp;
        p.feeBp = s.feeBp;
        p.zones = cell(s.zones);
        p.eligibilityRule = RuleBuilder::text(s.rule);
        p.requiredDocuments = cell(s.documents);
        p.platformExclusive = s.exclusive;
        p.approvalRatePermille = s.approvalPermille;
        p.avgDaysToDecision = s.avgDays;
        p.serviceRatingPermille = s.ratingPermille;
        p.description = QString::fromUtf16(s.description);
        out.append(p);
    }
    return out;
}

QVector<Core::Policy> ReferenceBuilder::policies() const
{
    QVector<Core::Policy> out;
    DemoRandom rng(m_seed, 0x9011C1E5ULL);
    // Caps in 万元 by body level (province, city, park) and type.
    static const int capWan[5][3]
        = {{100, 50, 30}, {200, 100, 50}, {50, 30, 20}, {20, 10, 10}, {100, 50, 30}};
    static const int percent[5][3] = {{50, 30, 40}, {20, 30, 30}, {50, 60, 80}, {10, 10, 15}, {0, 0, 0}};
    const int year = m_asOf.year();
    for (int type = 0; type < 5; ++type) {
        for (int k = 0; k < kPoliciesPerType; ++k) {
            const int index = type * kPoliciesPerType + k;
            const int bodyIndex = (type * 3 + k) % kBodyCount;
            const PolicyBody &body = kBodies[bodyIndex];
            Core::Policy p;
            p.meta = meta(TagPolicy, quint64(index));
            p.code = QStringLiteral("POL-%1-%2")
                         .arg(QString::fromUtf16(kPolicyCodes[type]))
                         .arg(k + 1, 2, 10, QChar(u'0'));
            p.title = QString::fromUtf16(body.label) + QString::number(year) + u"年"
                      + QString::fromUtf16(kPolicyTitles[type][bodyIndex % 3]);
            p.type = Core::Policy::Type(type);
            p.authority = QString::fromUtf16(body.authority);
            p.regionCode = QString::fromUtf16(body.regionCode);
            p.eligibilityRule = RuleBuilder::text(policyEligibility(type, body));
            p.benefitCap = Core::Money::fromWan(capWan[type][body.level]);
            p.benefitRule
                = RuleBuilder::text(policyBenefit(type, p.benefitCap.fen(), percent[type][body.level]));
            // Windows relative to asOf: open, open, closing within a week, closed, upcoming.
            switch (index % 5) {
            case 0:
            case 1:
                p.windowStart = m_asOf.addDays(-rng.range(30, 120));
                p.windowEnd = m_asOf.addDays(rng.range(30, 150));
                break;
            case 2:
                p.windowStart = m_asOf.addDays(-rng.range(60, 150));
                p.windowEnd = m_asOf.addDays(rng.range(1, 7));
                break;
            case 3:
                p.windowStart = m_asOf.addDays(-rng.range(150, 300));
                p.windowEnd = m_asOf.addDays(-rng.range(10, 60));
                break;
            default:
                p.windowStart = m_asOf.addDays(rng.range(5, 30));
                p.windowEnd = p.windowStart.addDays(rng.range(60, 120));
                break;
            }
            p.requiredMaterials = cell(kPolicyMaterials[type]);
            p.summary = QString::fromUtf16(kPolicySummaries[type]);
            out.append(p);
        }
    }
    return out;
}

QVector<Core::User> ReferenceBuilder::users(const QString &password, int iterations) const
{
    QVector<Core::User> out;
    auto add = [&](const QString &login, const QString &name, Core::Role role, const QString &park,
                   const QString &institution) {
        Core::User u;
        u.meta = meta(TagUser, quint64(out.size()));
        u.login = login;
        u.displayName = name;
        u.role = role;
        u.parkId = park;
        u.institutionId = institution;
        if (iterations > 0)
            u.passwordHash = Security::PasswordHasher::hash(password, iterations);
        out.append(u);
    };
    add(QStringLiteral("admin"), QString::fromUtf16(u"系统管理员"), Core::Role::Admin, {}, {});
    static const char16_t *const staffNames[] = {u"李晓雯", u"王俊杰", u"陈思琪", u"刘海波", u"唐嘉怡"};
    static const char16_t *const managerNames[] = {u"彭国强", u"周立新", u"谭永红", u"胡建军", u"邓春燕"};
    const auto &parkSpecs = Internal::parks();
    for (int i = 0; i < parkSpecs.size(); ++i) {
        const QString suffix = QString::fromUtf16(parkSpecs[i].loginSuffix);
        // Order matters: windowUserId(i) = index 1 + 2i.
        add(u"window." + suffix, QString::fromUtf16(staffNames[i % 5]), Core::Role::WindowStaff, parkId(i),
            {});
        add(u"manager." + suffix, QString::fromUtf16(managerNames[i % 5]), Core::Role::ParkManager, parkId(i),
            {});
    }
    const auto &inst = Internal::institutions();
    for (int i = 0; i < inst.size(); ++i) {
        if (!inst[i].officerLogin)
            continue;
        add(QString::fromUtf16(inst[i].officerLogin), QString::fromUtf16(inst[i].officerName),
            Core::Role::BankOfficer, {}, institutionId(i));
    }
    return out;
}

} // namespace XinDai::Demo::Internal
