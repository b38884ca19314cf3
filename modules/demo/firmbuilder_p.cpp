#include "demo/firmbuilder_p.h"

#include "core/residentid.h"
#include "core/uscc.h"
#include "demo/demodata_p.h"
#include "demo/demorandom.h"
#include "demo/referencebuilder_p.h"

#include <QTimeZone>

#include <cmath>

namespace XinDai::Demo::Internal {

namespace {

using Core::Money;
using Kind = Core::MonthlyValue::Kind;
using State = Core::Application::State;

constexpr quint64 FirmStreamBase = 0x100000000ULL;

QDateTime beijing(QDate day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone(8 * 3600)).toUTC();
}

QString pick(DemoRandom &rng, const QStringList &list)
{
    return list.isEmpty() ? QString() : list.at(rng.range(0, int(list.size()) - 1));
}

QString digits(DemoRandom &rng, int count)
{
    QString out(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        out[i] = QChar(u'0' + rng.range(0, 9));
    return out;
}

/// GB/T 18050-style patent application number check: weights 2..9,2..5 over 12 digits, mod 11, 10 = X.
QString patentNumber(DemoRandom &rng, int year, bool invention)
{
    const QString body = QString::number(year) + (invention ? u'1' : u'2') + digits(rng, 7);
    static const int weights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += body.at(i).digitValue() * weights[i];
    const int check = sum % 11;
    return u"ZL" + body + u'.' + (check == 10 ? QChar(u'X') : QChar(u'0' + check));
}

struct Qualification
{
    const char16_t *title;
    const char16_t *authority;
    const char16_t *prefix; ///< certificate number prefix
    int years;              ///< validity in years
};

const Qualification kQualifications[] = {
    {u"高新技术企业", u"湖南省科学技术厅", u"GR", 3},
    {u"科技型中小企业", u"湖南省科学技术厅", u"KJ", 1},
    {u"专精特新中小企业", u"湖南省工业和信息化厅", u"ZJTX", 3},
    {u"专精特新\"小巨人\"企业", u"工业和信息化部", u"XJR", 3},
    {u"创新型中小企业", u"湖南省工业和信息化厅", u"CX", 3},
};

const char16_t *const kPatentSubjects[]
    = {u"智能控制",   u"高效散热", u"自动检测", u"节能驱动", u"精密定位",
       u"模块化装配", u"数据采集", u"在线监测", u"柔性夹持", u"低噪声传动"};
const char16_t *const kPatentObjects[] = {u"装置", u"系统", u"方法", u"设备", u"结构", u"组件"};

const char16_t *const kPenalties[][2] = {
    {u"生态环境局", u"未按规定执行排污许可管理"},     {u"市场监督管理局", u"广告宣传用语违反广告法规定"},
    {u"应急管理局", u"未按规定开展安全生产教育培训"}, {u"税务局", u"未按期申报纳税"},
    {u"消防救援支队", u"消防设施未保持完好有效"},
};

const char16_t *const kSubsidies[]
    = {u"研发奖补资金", u"技术改造专项资金", u"稳岗返还", u"企业上规奖励", u"数字化转型补助", u"展会补贴"};
const char16_t *const kPurposes[]
    = {u"流动资金周转", u"购置生产设备", u"研发投入", u"原材料采购", u"厂房扩建", u"支付货款"};
const char16_t *const kRejectReasons[] = {
    u"近三年存在行政处罚记录，不符合产品准入要求",
    u"经营性现金流不足以覆盖还款，建议降低申请金额",
    u"纳税信用等级不符合产品要求",
    u"补充材料期限内未补齐",
    u"企业负债率偏高，暂不符合授信条件",
};

/// 长沙高新技术产业开发区 → 长沙高新区管委会; 湘潭经济技术开发区 → 湘潭经开区管委会.
QString parkAuthority(const QString &parkName)
{
    return parkName.contains(QStringLiteral("高新")) ? parkName.left(4) + QStringLiteral("区管委会")
                                                     : parkName.left(2) + QStringLiteral("经开区管委会");
}

} // namespace

FirmBuilder::FirmBuilder(quint32 seed, QDate asOf, const ReferenceBuilder &reference)
    : m_seed(seed)
    , m_asOf(asOf)
    , m_reference(reference)
    , m_calendar(Core::WorkCalendar::builtin())
{}

QDate FirmBuilder::firstSeriesMonth() const
{
    return QDate(m_asOf.year(), m_asOf.month(), 1).addMonths(-SeriesMonths);
}

QChar FirmBuilder::organizationCheck(QStringView body)
{
    static const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    if (body.size() != 8)
        return {};
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const QChar c = body.at(i);
        int v;
        if (c >= u'0' && c <= u'9')
            v = c.unicode() - u'0';
        else if (c >= u'A' && c <= u'Z')
            v = c.unicode() - u'A' + 10;
        else
            return {};
        sum += v * weights[i];
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return QChar(u'X');
    if (check == 11)
        return QChar(u'0');
    return QChar(u'0' + check);
}

void FirmBuilder::build(int index, Core::Dataset &out) const
{
    DemoRandom rng(m_seed, FirmStreamBase + quint64(index));
    const QString firmId = DemoRandom::uuid(m_seed, TagEnterprise, quint64(index));

    // --- registration -------------------------------------------------------------------------
    const bool individual = rng.chance(120);
    const auto &parkSpecs = parks();
    int parkIndex = -1;
    if (rng.chance(individual ? 300 : 860)) {
        QVector<int> w;
        for (const ParkSpec &p : parkSpecs)
            w.append(p.weight);
        parkIndex = rng.weighted(w.constData(), int(w.size()));
    }
    const County *place = nullptr;
    if (parkIndex >= 0) {
        place = county(QString::fromUtf16(parkSpecs[parkIndex].regionCode));
    } else {
        QVector<int> w;
        for (const County &c : counties())
            w.append(c.outsideWeight);
        place = &counties()[rng.weighted(w.constData(), int(w.size()))];
    }
    Q_ASSERT(place);

    const auto &inds = industries();
    QVector<int> iw;
    for (const IndustrySpec &s : inds)
        iw.append(individual ? s.individualWeight : s.companyWeight);
    const IndustrySpec &industry = inds[rng.weighted(iw.constData(), int(iw.size()))];

    static const int sizeWeights[4] = {50, 33, 14, 3};
    const int size = individual ? 0 : rng.weighted(sizeWeights, 4);
    const SizeBand band = sizeBands(industry.scheme)[size];

    Core::Enterprise firm;
    firm.meta.id = firmId;
    firm.kind = individual ? Core::Enterprise::Kind::IndividualBusiness : Core::Enterprise::Kind::Company;
    firm.industryCode = QString::fromUtf16(industry.code);
    firm.regionCode = QString::fromUtf16(place->code);
    firm.parkId = parkIndex >= 0 ? m_reference.parkId(parkIndex) : QString();
    firm.employees = rng.range(band.empLo, band.empHi);
    // Revenue drawn in units of 100 元 inside the size band (万元 × 100).
    const qint64 revenueFen = rng.range64(qint64(band.revLoWan) * 100, qint64(band.revHiWan) * 100) * 10000;
    firm.annualRevenue = Money::fromFen(revenueFen);
    if (band.assetHiWan > 0)
        firm.totalAssets = Money::fromFen(
            rng.range64(qint64(band.assetLoWan) * 100, qint64(band.assetHiWan) * 100) * 10000);
    else
        firm.totalAssets = Money::fromFen(revenueFen / 100 * rng.range(50, 160));

    static const int ageLo[4] = {1, 1, 3, 5};
    static const int ageHi[4] = {12, 20, 25, 28};
    const int daysOld = rng.range(individual ? 100 : (ageLo[size] == 1 ? 100 : ageLo[size] * 365),
                                  (individual ? 15 : ageHi[size]) * 365);
    firm.established = m_asOf.addDays(-daysOld);

    static const int capLo[4] = {10, 100, 500, 5000};
    static const int capHi[4] = {300, 2000, 10000, 50000};
    firm.registeredCapital = individual
                                 ? Money::fromWan(rng.range(1, 50))
                                 : Money::fromWan(qint64(rng.range(capLo[size], capHi[size])) / 10 * 10);

    // USCC: authority 9 (market regulation), type 1 enterprise / 2 individual business, region, org code,
    // check.
    QString org;
    if (firm.established >= QDate(2015, 10, 1)) {
        static const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
        qint64 v = (qint64(index) * 7368787 + m_seed % 887503681LL) % 887503681LL; // 31^6
        QString tail(6, u'0');
        for (int k = 5; k >= 0; --k) {
            tail[k] = charset.at(int(v % 31));
            v /= 31;
        }
        org = u"MA" + tail;
    } else {
        const qint64 v = (qint64(index) * 48271 + m_seed % 100000000LL) % 100000000LL;
        org = QStringLiteral("%1").arg(v, 8, 10, QChar(u'0'));
    }
    org.append(organizationCheck(org));
    const QString first17 = (individual ? u"92" : u"91") + firm.regionCode + org;
    firm.uscc = first17 + Core::Uscc::checkCharacter(first17);

    // Name: city + 字号 + industry word + form; 个体: county + 字号 + shop word.
    const QString &chars = tradeNameChars();
    const qint64 n = chars.size();
    const qint64 pair = (qint64(index % int(n * n)) * 7919 + m_seed) % (n * n);
    const QString trade = QString(chars.at(int(pair / n))) + chars.at(int(pair % n));
    if (individual) {
        firm.name = QString::fromUtf16(place->name) + trade + pick(rng, cell(industry.individualSuffixes));
    } else {
        const bool provincial = size >= 2 && rng.chance(300);
        const bool joinStock = size >= 2 && rng.chance(350);
        firm.name = (provincial ? QStringLiteral("湖南") : QString::fromUtf16(place->cityShort)) + trade
                    + pick(rng, cell(industry.words))
                    + (joinStock ? QStringLiteral("股份有限公司") : QStringLiteral("有限公司"));
    }

    // Legal representative with a valid resident ID.
    firm.legalRep = pick(rng, surnames());
    const QString &given = givenNameChars();
    firm.legalRep += given.at(rng.range(0, int(given.size()) - 1));
    if (rng.chance(700))
        firm.legalRep += given.at(rng.range(0, int(given.size()) - 1));
    {
        const County *birthPlace
            = rng.chance(700) ? place : &counties()[rng.range(0, int(counties().size()) - 1)];
        const int age = rng.range(28, 62);
        const QDate birth = m_asOf.addYears(-age).addDays(-rng.range(0, 364));
        const bool male = rng.chance(700);
        int seq = rng.range(0, 498) * 2 + (male ? 1 : 0);
        if (seq == 0)
            seq = 2;
        const QString id17 = QString::fromUtf16(birthPlace->code) + birth.toString(QStringLiteral("yyyyMMdd"))
                             + QStringLiteral("%1").arg(seq, 3, 10, QChar(u'0'));
        firm.legalRepId = id17 + Core::ResidentId::checkDigit(id17);
    }

    const QStringList roads = parkIndex >= 0 ? cell(parkSpecs[parkIndex].roads) : genericRoads();
    firm.address = QStringLiteral("湖南省") + QString::fromUtf16(place->city)
                   + QString::fromUtf16(place->name) + pick(rng, roads) + QString::number(rng.range(1, 999))
                   + QStringLiteral("号");
    if (!individual && rng.chance(400))
        firm.address += QString::number(rng.range(1, 12)) + QStringLiteral("栋")
                        + QString::number(rng.range(1, 20)) + QStringLiteral("楼");
    if (rng.chance(550)) {
        const QString area = QString::fromUtf16(place->areaCode);
        firm.phone = area + u'-'
                     + (area == u"0731" ? QString(u'8') + digits(rng, 7) : QString(u'2') + digits(rng, 6));
    } else {
        static const char16_t *const mobile[] = {u"139", u"138", u"137", u"135", u"152", u"158",
                                                 u"180", u"186", u"189", u"199", u"177", u"155"};
        firm.phone = QString::fromUtf16(mobile[rng.range(0, 11)]) + digits(rng, 8);
    }
    firm.meta.updatedAt = beijing(m_asOf.addDays(-1), 8, 0);

    const County &home = *place;
    const QString cityName = QString::fromUtf16(home.city);

    // --- monthly series -----------------------------------------------------------------------
    // Annual growth: some firms grow strongly, most are stable, some decline.
    static const int trendWeights[4] = {20, 55, 20, 5};
    static const int trendLo[4] = {15, -5, -35, -60};
    static const int trendHi[4] = {45, 15, -5, -30};
    const int trendKind = rng.weighted(trendWeights, 4);
    const double growth = rng.range(trendLo[trendKind], trendHi[trendKind]) / 100.0;
    const double coverage = individual ? rng.range(0, 100) / 100.0 : rng.range(65, 100) / 100.0;
    const bool paysHousingFund = !individual && (size >= 1 || rng.chance(550));
    const qint64 wageBaseFen = qint64(rng.range(2600, 9000)) * 100;
    const int housingRatePercent = rng.range(5, 12);
    const double kwhFactor = rng.range(60, 140) / 100.0;
    const double inflowRatio = rng.range(105, 125) / 100.0;
    const double outflowRatio = rng.range(88, 104) / 100.0;
    // A few firms have a gap of 1–3 months in one series (documented in docs/demo-data.md).
    const bool hasGap = rng.chance(30);
    const int gapKind = rng.range(0, 5);
    const int gapStart = rng.range(2, SeriesMonths - 4);
    const int gapLength = rng.range(1, 3);

    const QDate first = firstSeriesMonth();
    const QDate establishedMonth(firm.established.year(), firm.established.month(), 1);
    const double monthlyRevenue = double(revenueFen) / 12.0;
    for (int t = 0; t < SeriesMonths; ++t) {
        const QDate month = first.addMonths(t);
        if (month < establishedMonth)
            continue;
        // Level relative to the last 12 months (t = 12..23 average ≈ 1).
        const double trend = std::pow(1.0 + growth, (t - 17.5) / 12.0);
        double season = 1.0;
        const QDate sf = springFestival(month.year());
        if (sf.isValid() && sf.month() == month.month())
            season = 0.65;
        else if (sf.isValid() && sf.month() + 1 == month.month())
            season = sf.day() > 20 ? 0.8 : 0.92;
        else if (month.month() == 12)
            season = 1.12;
        else if (month.month() == 3)
            season = 1.05;
        const double revenue = std::max(0.0, monthlyRevenue * trend * season * (1.0 + 0.08 * rng.gauss()));
        const bool quarterStart = month.month() % 3 == 1;
        qint64 values[6];
        values[0] = qint64(revenue * industry.taxPermille / 1000.0 * (quarterStart ? 1.35 : 0.88)
                           * (1.0 + 0.05 * rng.gauss()));
        const double heads = firm.employees * coverage * std::pow(1.0 + growth * 0.5, (t - 23) / 12.0)
                             * (1.0 + 0.02 * rng.gauss());
        values[1] = std::max<qint64>(0, qint64(std::lround(heads)));
        values[2] = paysHousingFund ? values[1] * wageBaseFen * housingRatePercent * 2 / 100 : 0;
        values[3] = qint64(revenue / 1000000.0 * industry.kwhPerWan * kwhFactor * (1.0 + 0.06 * rng.gauss()));
        const qint64 inflow = qint64(revenue * inflowRatio * (1.0 + 0.05 * rng.gauss()));
        values[4] = inflow;
        values[5] = qint64(double(inflow) * outflowRatio * (1.0 + 0.04 * rng.gauss()));
        for (int k = 0; k < 6; ++k) {
            if (hasGap && k == gapKind && t >= gapStart && t < gapStart + gapLength)
                continue;
            Core::MonthlyValue v;
            v.meta.id = DemoRandom::uuid(m_seed, TagSeries, quint64(index), quint64(t * 8 + k));
            v.meta.updatedAt = beijing(std::min(month.addMonths(1).addDays(9), m_asOf), 2, 0);
            v.enterpriseId = firmId;
            v.kind = Kind(k);
            v.month = month;
            v.value = std::max<qint64>(0, values[k]);
            out.series.append(v);
        }
    }

    // --- records ------------------------------------------------------------------------------
    quint64 recordNo = 0;
    auto addRecord = [&](Core::CreditRecord::Kind kind, QDate date, const QString &title,
                         const QString &authority, Money amount, const QString &detail, QDate validTo = {}) {
        Core::CreditRecord r;
        r.meta.id = DemoRandom::uuid(m_seed, TagRecord, quint64(index), recordNo++);
        r.meta.updatedAt = beijing(std::min(date.addDays(3), m_asOf), 3, 0);
        r.enterpriseId = firmId;
        r.kind = kind;
        r.date = date;
        r.validTo = validTo;
        r.title = title;
        r.authority = authority;
        r.amount = amount;
        r.detail = detail;
        out.records.append(r);
    };
    auto dayWithin = [&](int daysBackLo, int daysBackHi) {
        const int lo = std::min(daysBackLo, daysOld);
        const int hi = std::max(lo, std::min(daysBackHi, daysOld));
        return m_asOf.addDays(-rng.range(lo, hi));
    };

    const bool dishonest = index % 167 == 5 || rng.chance(3);
    // Tax credit grades for the three last evaluation years.
    for (int year = m_asOf.year() - 3; year < m_asOf.year(); ++year) {
        if (firm.established.year() > year)
            continue;
        QString grade;
        if (firm.established.year() >= year - 1) {
            grade = QStringLiteral("M"); // newly established firms are graded M
        } else if (dishonest) {
            grade = rng.chance(500) ? QStringLiteral("D") : QStringLiteral("C");
        } else {
            static const int w[4] = {38, 52, 8, 2};
            static const char16_t *const g[4] = {u"A", u"B", u"C", u"D"};
            grade = QString::fromUtf16(g[rng.weighted(w, 4)]);
        }
        addRecord(Core::CreditRecord::Kind::TaxGrade, QDate(year, 1, 1), grade,
                  QStringLiteral("国家税务总局湖南省税务局"), {},
                  QString::number(year) + QStringLiteral("年度纳税信用评价"));
    }

    // Qualifications: technology-heavy sections much more likely.
    const QChar section = firm.industryCode.at(0);
    const bool techSection = section == u'C' || section == u'I' || section == u'M';
    int patentsWanted = 0;
    if (!individual) {
        const int boost = techSection ? 1 : 0;
        const int odds[5] = {boost ? (size >= 1 ? 300 : 120) : 20, boost ? 350 : 60, boost ? 120 : 15,
                             boost && size >= 1 ? 30 : 0, boost ? 120 : 30};
        for (int q = 0; q < 5; ++q) {
            if (!rng.chance(odds[q]))
                continue;
            const Qualification &qual = kQualifications[q];
            const QDate date = dayWithin(30, qual.years * 365 + 200);
            const QDate validTo
                = qual.years == 1 ? QDate(date.year(), 12, 31) : date.addYears(qual.years).addDays(-1);
            addRecord(Core::CreditRecord::Kind::Qualification, date, QString::fromUtf16(qual.title),
                      QString::fromUtf16(qual.authority), {},
                      QString::fromUtf16(qual.prefix) + QString::number(date.year()) + QStringLiteral("43")
                          + digits(rng, 5),
                      validTo);
            patentsWanted += q == 0 || q == 3 ? 3 : 1;
        }
        if (techSection && rng.chance(150))
            patentsWanted += 1;
    }
    const int patents = std::min(8, patentsWanted == 0 ? 0 : rng.range(patentsWanted, patentsWanted * 2));
    for (int p = 0; p < patents; ++p) {
        const QDate date = dayWithin(60, 8 * 365);
        const bool invention = rng.chance(350);
        addRecord(Core::CreditRecord::Kind::Patent, date,
                  QStringLiteral("一种") + QString::fromUtf16(kPatentSubjects[rng.range(0, 9)])
                      + QString::fromUtf16(kPatentObjects[rng.range(0, 5)]),
                  QStringLiteral("国家知识产权局"), {},
                  patentNumber(rng, date.year() - (invention ? 2 : 1), invention));
    }

    // Penalties for a few, a handful on the dishonest-debtor list.
    const int penalties = dishonest ? rng.range(1, 3) : (rng.chance(60) ? rng.range(1, 2) : 0);
    for (int p = 0; p < penalties; ++p) {
        const auto &pen = kPenalties[rng.range(0, 4)];
        addRecord(Core::CreditRecord::Kind::Penalty, dayWithin(20, 4 * 365), QString::fromUtf16(pen[1]),
                  cityName + QString::fromUtf16(pen[0]), Money::fromYuan(qint64(rng.range(2, 200)) * 1000),
                  QString::fromUtf16(home.cityShort) + QStringLiteral("罚字〔")
                      + QString::number(m_asOf.year() - 1) + QStringLiteral("〕")
                      + QString::number(rng.range(10, 999)) + QStringLiteral("号"));
    }
    if (dishonest) {
        const QDate date = dayWithin(30, 3 * 365);
        const bool removed = rng.chance(300);
        addRecord(Core::CreditRecord::Kind::DishonestDebtor, date, QStringLiteral("失信被执行人"),
                  cityName + QStringLiteral("中级人民法院"), Money::fromWan(rng.range(5, 500)),
                  QStringLiteral("（") + QString::number(date.year()) + QStringLiteral("）湘")
                      + QStringLiteral("%1").arg(rng.range(1, 13), 2, 10, QChar(u'0')) + QStringLiteral("执")
                      + QString::number(rng.range(100, 9999)) + QStringLiteral("号"),
                  removed ? std::min(date.addDays(rng.range(60, 400)), m_asOf) : QDate());
    }

    // Procurement awards, public-resource contracts, subsidies.
    if (!individual && rng.chance(90)) {
        const int count = rng.range(1, 3);
        for (int p = 0; p < count; ++p)
            addRecord(Core::CreditRecord::Kind::Procurement, dayWithin(20, 3 * 365),
                      cityName
                          + QString::fromUtf16(rng.chance(500) ? u"政务信息化项目" : u"办公设备采购项目"),
                      cityName + QStringLiteral("政府采购中心"), Money::fromWan(rng.range(10, 500)),
                      QStringLiteral("CG") + digits(rng, 10));
    }
    if (!individual && (section == u'E' ? rng.chance(300) : rng.chance(20)))
        addRecord(Core::CreditRecord::Kind::PublicResourceContract, dayWithin(20, 3 * 365),
                  cityName + QStringLiteral("基础设施配套工程"), QStringLiteral("湖南省公共资源交易中心"),
                  Money::fromWan(rng.range(200, 5000)), QStringLiteral("GZ") + digits(rng, 10));
    if (!individual && rng.chance(150))
        addRecord(Core::CreditRecord::Kind::Subsidy, dayWithin(20, 2 * 365),
                  QString::fromUtf16(kSubsidies[rng.range(0, 5)]),
                  parkIndex >= 0 ? parkAuthority(QString::fromUtf16(parkSpecs[parkIndex].name))
                                 : cityName + QStringLiteral("财政局"),
                  Money::fromWan(rng.range(1, 100)), QStringLiteral("BZ") + digits(rng, 8));

    // --- applications, authorization, documents ------------------------------------------------
    const QString staffId = parkIndex >= 0 ? m_reference.windowUserId(parkIndex) : m_reference.adminUserId();
    quint64 docNo = 0;
    auto addDocument
        = [&](const QString &applicationId, const QString &type, const QString &file, const QDateTime &at) {
              Core::Document d;
              d.meta.id = DemoRandom::uuid(m_seed, TagDocument, quint64(index), docNo++);
              d.meta.updatedAt = at;
              d.enterpriseId = firmId;
              d.applicationId = applicationId;
              d.docType = type;
              d.fileName = file;
              d.mimeType = file.endsWith(QLatin1String(".jpg")) ? QStringLiteral("image/jpeg")
                                                                : QStringLiteral("application/pdf");
              d.sizeBytes = rng.range(80, 4000) * 1024LL;
              d.sha256 = rng.hex(64);
              d.addedAt = at;
              out.documents.append(d);
          };
    addDocument({}, QStringLiteral("business_licence"), QStringLiteral("营业执照.jpg"),
                beijing(std::max(firm.established, m_asOf.addDays(-700)), 10, 0));

    int applicationCount = 0;
    if (index < 8)
        applicationCount = 1; // the first eight firms hold one application in each state
    if (rng.chance(individual ? 100 : 330))
        applicationCount += rng.chance(800) ? 1 : 2;
    QStringList institutionsUsed;
    QDate firstCreated;
    QDateTime firstCreatedAt;
    for (int a = 0; a < applicationCount; ++a) {
        State state;
        if (index < 8 && a == 0) {
            state = State(index);
        } else {
            static const int w[8] = {8, 10, 12, 10, 12, 25, 15, 8};
            state = State(rng.weighted(w, 8));
        }
        // Products a firm of this size can use: individuals and micro firms stay below 100万 minimums.
        int product = rng.range(0, ReferenceBuilder::productCount() - 1);
        for (int tries = 0; tries < 8 && (individual || size == 0)
                            && ReferenceBuilder::productMin(product) > Money::fromWan(20);
             ++tries)
            product = rng.range(0, ReferenceBuilder::productCount() - 1);
        const qint64 minWan = ReferenceBuilder::productMin(product).fen() / 1000000;
        const qint64 maxWan = ReferenceBuilder::productMax(product).fen() / 1000000;
        const qint64 revenueCapWan = std::max<qint64>(minWan, revenueFen / 1000000 / 2);
        const qint64 amountWan = rng.range64(minWan, std::max(minWan, std::min(maxWan, revenueCapWan)));

        Core::Application app;
        app.meta.id = DemoRandom::uuid(m_seed, TagApplication, quint64(index), quint64(a));
        app.enterpriseId = firmId;
        app.productId = m_reference.productId(product);
        app.institutionId = m_reference.institutionId(ReferenceBuilder::productInstitution(product));
        app.parkId = firm.parkId;
        app.amount = Money::fromWan(amountWan);
        app.termMonths
            = rng.range(ReferenceBuilder::productMinTerm(product), ReferenceBuilder::productMaxTerm(product));
        app.purpose = QString::fromUtf16(kPurposes[rng.range(0, 5)]);
        app.collateral = ReferenceBuilder::productCollateral(product);
        app.state = state;
        app.createdBy = staffId;

        const bool lateAccept = rng.chance(120);
        const bool lateDecision = rng.chance(100);
        const int submitDelay = rng.range(0, 3);
        const int acceptDays = lateAccept ? rng.range(4, 7) : rng.range(1, 3);
        const int decideDays = lateDecision ? rng.range(11, 16) : rng.range(2, 10);
        const int disburseDays = rng.range(1, 5);
        const int approvedTerm = app.termMonths;
        const bool earlySettle = rng.chance(200);
        const bool withdrawnAfterSubmit = rng.chance(600);
        int back = 0;
        switch (state) {
        case State::Draft:
            back = rng.range(0, 20);
            break;
        case State::Submitted:
            back = rng.range(0, 6);
            break;
        case State::Accepted:
            back = rng.range(3, 20);
            break;
        case State::Approved:
            back = rng.range(10, 40);
            break;
        case State::Rejected:
            back = rng.range(15, 300);
            break;
        case State::Disbursed:
            back = rng.range(25, 330);
            break;
        case State::Settled:
            back = (earlySettle ? approvedTerm / 2 : approvedTerm) * 31 + rng.range(40, 150);
            break;
        case State::Withdrawn:
            back = rng.range(5, 200);
            break;
        }
        const int createHour = rng.range(9, 16);
        const int createMinute = rng.range(0, 59);
        const int hours[5]
            = {rng.range(9, 16), rng.range(9, 16), rng.range(9, 16), rng.range(9, 16), rng.range(9, 16)};
        QDate created, submitted, accepted, decided, disbursed, settled;
        for (int attempt = 0; attempt < 60; ++attempt) {
            created = m_asOf.addDays(-back);
            submitted = created.addDays(submitDelay);
            accepted = m_calendar.addWorkdays(submitted, acceptDays);
            decided = m_calendar.addWorkdays(accepted, decideDays);
            disbursed = m_calendar.addWorkdays(decided, disburseDays);
            settled = disbursed.addMonths(earlySettle ? std::max(1, approvedTerm / 2) : approvedTerm);
            QDate last = created;
            switch (state) {
            case State::Draft:
                last = created;
                break;
            case State::Submitted:
                last = submitted;
                break;
            case State::Accepted:
                last = accepted;
                break;
            case State::Approved:
            case State::Rejected:
                last = decided;
                break;
            case State::Disbursed:
                last = disbursed;
                break;
            case State::Settled:
                last = settled;
                break;
            case State::Withdrawn:
                last = withdrawnAfterSubmit ? submitted.addDays(1) : created.addDays(1);
                break;
            }
            if (last < m_asOf)
                break;
            back += 7;
        }
        app.createdAt = beijing(created, createHour, createMinute);
        QDateTime last = app.createdAt;
        const bool reachedSubmit
            = state != State::Draft && !(state == State::Withdrawn && !withdrawnAfterSubmit);
        if (reachedSubmit) {
            app.submittedAt = beijing(submitted, std::max(hours[0], submitDelay == 0 ? createHour + 1 : 9),
                                      rng.range(0, 59));
            last = app.submittedAt;
        }
        const bool reachedAccept = state == State::Accepted || state == State::Approved
                                   || state == State::Rejected || state == State::Disbursed
                                   || state == State::Settled;
        if (reachedAccept) {
            app.acceptedAt = beijing(accepted, hours[1], rng.range(0, 59));
            last = app.acceptedAt;
        }
        if (state == State::Approved || state == State::Rejected || state == State::Disbursed
            || state == State::Settled) {
            app.decidedAt = beijing(decided, hours[2], rng.range(0, 59));
            last = app.decidedAt;
            if (state == State::Rejected) {
                app.rejectReason = QString::fromUtf16(kRejectReasons[rng.range(0, 4)]);
            } else {
                const qint64 approvedWan = std::max(minWan, amountWan * rng.range(70, 100) / 100);
                app.approvedAmount = Money::fromWan(approvedWan);
                app.approvedRateBp = rng.range(ReferenceBuilder::productRateMin(product),
                                               ReferenceBuilder::productRateMax(product));
                app.approvedTermMonths = approvedTerm;
            }
        }
        if (state == State::Disbursed || state == State::Settled) {
            app.disbursedAt = beijing(disbursed, hours[3], rng.range(0, 59));
            last = app.disbursedAt;
        }
        if (state == State::Settled) {
            app.settledAt = beijing(settled, hours[4], rng.range(0, 59));
            last = app.settledAt;
        }
        if (state == State::Withdrawn)
            last = last.addDays(1);
        app.meta.updatedAt = last;
        app.number
            = QStringLiteral("XD-%1-%2").arg(created.year()).arg(qint64(index) * 4 + a, 7, 10, QChar(u'0'));
        out.applications.append(app);

        if (!institutionsUsed.contains(app.institutionId))
            institutionsUsed.append(app.institutionId);
        if (!firstCreated.isValid() || created < firstCreated) {
            firstCreated = created;
            firstCreatedAt = app.createdAt;
        }
        if (reachedSubmit) {
            addDocument(app.meta.id, QStringLiteral("application_form"), QStringLiteral("融资申请表.pdf"),
                        app.submittedAt);
            addDocument(app.meta.id, QStringLiteral("financial_statement"),
                        QString::number(created.year() - 1) + QStringLiteral("年度财务报表.pdf"),
                        app.submittedAt);
            if (rng.chance(600))
                addDocument(app.meta.id, QStringLiteral("tax_certificate"),
                            QStringLiteral("近12个月纳税证明.pdf"), app.submittedAt);
        }
    }

    if (applicationCount > 0) {
        // One authorization per firm, signed when its first application was created, valid one year
        // (so firms whose first application is older than a year hold an expired one).
        Core::Authorization auth;
        auth.meta.id = DemoRandom::uuid(m_seed, TagAuthorization, quint64(index));
        auth.enterpriseId = firmId;
        auth.institutionIds = institutionsUsed;
        auth.purpose = QStringLiteral("贷款审批及贷后管理");
        auth.validFrom = firstCreated;
        auth.validTo = firstCreated.addYears(1).addDays(-1);
        auth.scanSha256 = rng.hex(64);
        auth.recordedBy = staffId;
        auth.meta.updatedAt = firstCreatedAt;
        if (index == 3) {
            // Exactly one revoked authorization in every dataset (firm 3 always exists in demos).
            auth.revoked = true;
            auth.revokedAt = beijing(std::min(m_asOf.addDays(-1), firstCreated.addDays(5)), 15, 30);
            auth.meta.updatedAt = auth.revokedAt;
        }
        out.authorizations.append(auth);
        addDocument({}, QStringLiteral("authorization"), QStringLiteral("征信查询授权书.pdf"),
                    firstCreatedAt);
    }

    out.enterprises.append(firm);
}

} // namespace XinDai::Demo::Internal
