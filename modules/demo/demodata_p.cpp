#include "demo/demodata_p.h"

#include "core/domain/institution.h"

#include <QSet>

namespace XinDai::Demo::Internal {

using IT = Core::Institution::Type;

QStringList cell(const char16_t *text)
{
    if (!text)
        return {};
    return QString::fromUtf16(text).split(u'|', Qt::SkipEmptyParts);
}

const QVector<County> &counties()
{
    static const QVector<County> table = {
        {u"430102", u"芙蓉区", u"长沙市", u"长沙", u"0731", 6},
        {u"430103", u"天心区", u"长沙市", u"长沙", u"0731", 5},
        {u"430104", u"岳麓区", u"长沙市", u"长沙", u"0731", 6},
        {u"430105", u"开福区", u"长沙市", u"长沙", u"0731", 5},
        {u"430111", u"雨花区", u"长沙市", u"长沙", u"0731", 6},
        {u"430112", u"望城区", u"长沙市", u"长沙", u"0731", 3},
        {u"430121", u"长沙县", u"长沙市", u"长沙", u"0731", 4},
        {u"430181", u"浏阳市", u"长沙市", u"长沙", u"0731", 3},
        {u"430182", u"宁乡市", u"长沙市", u"长沙", u"0731", 3},
        {u"430202", u"荷塘区", u"株洲市", u"株洲", u"0731", 2},
        {u"430203", u"芦淞区", u"株洲市", u"株洲", u"0731", 2},
        {u"430204", u"石峰区", u"株洲市", u"株洲", u"0731", 2},
        {u"430211", u"天元区", u"株洲市", u"株洲", u"0731", 2},
        {u"430281", u"醴陵市", u"株洲市", u"株洲", u"0731", 2},
        {u"430302", u"雨湖区", u"湘潭市", u"湘潭", u"0731", 2},
        {u"430304", u"岳塘区", u"湘潭市", u"湘潭", u"0731", 2},
        {u"430381", u"湘乡市", u"湘潭市", u"湘潭", u"0731", 1},
        {u"430405", u"珠晖区", u"衡阳市", u"衡阳", u"0734", 2},
        {u"430407", u"石鼓区", u"衡阳市", u"衡阳", u"0734", 2},
        {u"430408", u"蒸湘区", u"衡阳市", u"衡阳", u"0734", 2},
        {u"430502", u"双清区", u"邵阳市", u"邵阳", u"0739", 2},
        {u"430503", u"大祥区", u"邵阳市", u"邵阳", u"0739", 1},
        {u"430602", u"岳阳楼区", u"岳阳市", u"岳阳", u"0730", 2},
        {u"430603", u"云溪区", u"岳阳市", u"岳阳", u"0730", 1},
        {u"430681", u"汨罗市", u"岳阳市", u"岳阳", u"0730", 1},
        {u"430702", u"武陵区", u"常德市", u"常德", u"0736", 2},
        {u"430703", u"鼎城区", u"常德市", u"常德", u"0736", 1},
        {u"430802", u"永定区", u"张家界市", u"张家界", u"0744", 1},
        {u"430902", u"资阳区", u"益阳市", u"益阳", u"0737", 1},
        {u"430903", u"赫山区", u"益阳市", u"益阳", u"0737", 2},
        {u"431002", u"北湖区", u"郴州市", u"郴州", u"0735", 2},
        {u"431003", u"苏仙区", u"郴州市", u"郴州", u"0735", 1},
        {u"431102", u"零陵区", u"永州市", u"永州", u"0746", 1},
        {u"431103", u"冷水滩区", u"永州市", u"永州", u"0746", 1},
        {u"431202", u"鹤城区", u"怀化市", u"怀化", u"0745", 2},
        {u"431302", u"娄星区", u"娄底市", u"娄底", u"0738", 2},
        {u"433101", u"吉首市", u"湘西土家族苗族自治州", u"湘西", u"0743", 1},
    };
    return table;
}

const County *county(const QString &code)
{
    for (const County &c : counties()) {
        if (code == QStringView(c.code))
            return &c;
    }
    return nullptr;
}

const QVector<ParkSpec> &parks()
{
    static const QVector<ParkSpec> table = {
        {u"CS-HTZ", u"长沙高新技术产业开发区", u"430104", u"国家级", u"cs",
         u"麓谷大道|桐梓坡西路|文轩路|尖山路|麓松路|林语路|青山路|岳麓西大道", 340},
        {u"ZZ-HTZ", u"株洲高新技术产业开发区", u"430211", u"国家级", u"zz",
         u"珠江北路|黄河南路|长江南路|株洲大道|栗雨路|泰山路|天台路", 200},
        {u"XT-ETZ", u"湘潭经济技术开发区", u"430304", u"国家级", u"xt",
         u"九华大道|吉利路|白石西路|鹤岭路|步步高大道|和平路", 160},
        {u"YY-ETZ", u"岳阳经济技术开发区", u"430602", u"国家级", u"yy",
         u"巴陵东路|金鹗东路|岳阳大道|枫桥湖路|白石岭路|康王路", 150},
        {u"CD-ETZ", u"常德经济技术开发区", u"430702", u"国家级", u"cd",
         u"德山大道|莲池路|崇德路|桃花源路|青山路|金丹路", 150},
    };
    return table;
}

const QVector<InstitutionSpec> &institutions()
{
    static const QVector<InstitutionSpec> table = {
        {u"ICBC-HN", u"中国工商银行湖南省分行", int(IT::Bank), u"430102", u"bank.icbc", u"周建华"},
        {u"ABC-HN", u"中国农业银行湖南省分行", int(IT::Bank), u"430102", nullptr, nullptr},
        {u"BOC-HN", u"中国银行湖南省分行", int(IT::Bank), u"430103", nullptr, nullptr},
        {u"CCB-HN", u"中国建设银行湖南省分行", int(IT::Bank), u"430102", u"bank.ccb", u"谭丽娟"},
        {u"BOCOM-HN", u"交通银行湖南省分行", int(IT::Bank), u"430102", nullptr, nullptr},
        {u"PSBC-HN", u"中国邮政储蓄银行湖南省分行", int(IT::Bank), u"430102", nullptr, nullptr},
        {u"CSBANK", u"长沙银行", int(IT::Bank), u"430103", u"bank.csbank", u"彭志强"},
        {u"HNBANK", u"湖南银行", int(IT::Bank), u"430104", u"bank.hnb", u"曾晓燕"},
        {u"HNRCU", u"湖南省农村信用社联合社", int(IT::Bank), u"430105", nullptr, nullptr},
        {u"CMB-CS", u"招商银行长沙分行", int(IT::Bank), u"430103", nullptr, nullptr},
        {u"CIB-CS", u"兴业银行长沙分行", int(IT::Bank), u"430105", nullptr, nullptr},
        {u"HNGUAR", u"湖南省融资担保集团有限公司", int(IT::Guarantor), u"430103", nullptr, nullptr},
        {u"PICC-HN", u"中国人民财产保险股份有限公司湖南省分公司", int(IT::Insurer), u"430102", nullptr,
         nullptr},
        {u"XX-LEASE", u"湘信融资租赁(湖南)有限公司", int(IT::Leasing), u"430104", nullptr, nullptr},
        {u"XX-FACTOR", u"湘信商业保理(长沙)有限公司", int(IT::Factoring), u"430104", nullptr, nullptr},
        {u"XX-MICRO", u"长沙市湘信小额贷款有限公司", int(IT::Microcredit), u"430111", nullptr, nullptr},
        {u"HNHT-VC", u"湖南高新创业投资集团有限公司", int(IT::EquityInvestor), u"430104", nullptr, nullptr},
    };
    return table;
}

// Schemes: 0 industry, 1 software & IT, 2 wholesale, 3 retail, 4 construction, 5 transport,
// 6 accommodation & catering, 7 leasing & business services, 8 other (R&D), 9 agriculture.
const SizeBand *sizeBands(int scheme)
{
    static const SizeBand bands[10][4] = {
        {{3, 19, 50, 290, 0, 0},
         {20, 299, 300, 1990, 0, 0},
         {300, 999, 2000, 39000, 0, 0},
         {1000, 3000, 40000, 150000, 0, 0}},
        {{2, 9, 10, 48, 0, 0},
         {10, 99, 50, 990, 0, 0},
         {100, 299, 1000, 9900, 0, 0},
         {300, 1500, 10000, 50000, 0, 0}},
        {{1, 4, 100, 990, 0, 0},
         {5, 19, 1000, 4900, 0, 0},
         {20, 199, 5000, 39000, 0, 0},
         {200, 600, 40000, 120000, 0, 0}},
        {{1, 9, 10, 95, 0, 0},
         {10, 49, 100, 490, 0, 0},
         {50, 299, 500, 19000, 0, 0},
         {300, 1000, 20000, 60000, 0, 0}},
        {{5, 30, 50, 290, 50, 290},
         {20, 200, 300, 5900, 300, 4900},
         {100, 800, 6000, 79000, 5000, 79000},
         {800, 3000, 80000, 200000, 80000, 200000}},
        {{2, 19, 30, 190, 0, 0},
         {20, 299, 200, 2900, 0, 0},
         {300, 999, 3000, 29000, 0, 0},
         {1000, 2500, 30000, 90000, 0, 0}},
        {{1, 9, 10, 95, 0, 0},
         {10, 99, 100, 1900, 0, 0},
         {100, 299, 2000, 9900, 0, 0},
         {300, 800, 10000, 30000, 0, 0}},
        {{1, 9, 10, 90, 20, 95},
         {10, 99, 100, 3000, 100, 7900},
         {100, 299, 3000, 30000, 8000, 110000},
         {300, 900, 30000, 90000, 120000, 300000}},
        {{1, 9, 20, 290, 0, 0},
         {10, 99, 100, 2000, 0, 0},
         {100, 299, 1000, 20000, 0, 0},
         {300, 1000, 10000, 50000, 0, 0}},
        {{2, 15, 10, 48, 0, 0},
         {10, 60, 50, 490, 0, 0},
         {50, 300, 500, 19000, 0, 0},
         {300, 900, 20000, 60000, 0, 0}},
    };
    return bands[qBound(0, scheme, 9)];
}

const QVector<IndustrySpec> &industries()
{
    static const QVector<IndustrySpec> table = {
        {u"C13", u"食品|农产品加工|粮油", 5, 0, 0, 900, 40, nullptr},
        {u"C26", u"化工|新材料|精细化工", 4, 0, 0, 1800, 55, nullptr},
        {u"C27", u"生物医药|制药|医药科技", 4, 0, 0, 700, 60, nullptr},
        {u"C29", u"塑胶|塑料制品|橡塑", 3, 0, 0, 1400, 40, nullptr},
        {u"C30", u"新型建材|陶瓷|建材", 4, 0, 0, 2200, 45, nullptr},
        {u"C33", u"金属制品|五金制造|钢结构", 4, 0, 0, 1600, 40, nullptr},
        {u"C34", u"机械制造|精密机械|动力机械", 6, 0, 0, 1000, 45, nullptr},
        {u"C35", u"重工|智能装备|工程机械", 6, 0, 0, 900, 45, nullptr},
        {u"C36", u"汽车零部件|汽车部件|车桥", 5, 0, 0, 1100, 45, nullptr},
        {u"C37", u"轨道交通装备|航空科技|轨道装备", 4, 0, 0, 800, 50, nullptr},
        {u"C38", u"电气|电力设备|新能源|储能科技", 6, 0, 0, 800, 45, nullptr},
        {u"C39", u"电子科技|光电|微电子", 6, 0, 0, 700, 40, nullptr},
        {u"I64", u"网络科技|互联网科技", 4, 0, 1, 60, 35, nullptr},
        {u"I65", u"软件|信息技术|数字科技|智能科技", 10, 0, 1, 50, 35, nullptr},
        {u"F51", u"商贸|供应链管理|贸易", 8, 3, 2, 15, 12, u"经营部|商行|批发部"},
        {u"F52", u"商业|百货|连锁超市", 5, 6, 3, 60, 20, u"便利店|副食店|五金店|超市|服装店"},
        {u"E48", u"建设工程|路桥建设|市政工程", 3, 0, 4, 120, 30, nullptr},
        {u"E47", u"建筑工程|建筑安装", 2, 0, 4, 100, 30, nullptr},
        {u"G54", u"物流|运输|货运", 3, 1, 5, 150, 25, u"货运部"},
        {u"G59", u"仓储物流|冷链物流", 2, 0, 5, 400, 25, nullptr},
        {u"H62", u"餐饮管理|餐饮", 2, 5, 6, 250, 30, u"餐馆|小吃店|粉店|饭庄"},
        {u"H61", u"酒店管理|宾馆", 1, 1, 6, 300, 35, u"旅社|宾馆"},
        {u"L72", u"企业管理咨询|人力资源|商务服务", 3, 0, 7, 40, 40, nullptr},
        {u"M73", u"检测技术|工业技术研究", 2, 0, 8, 200, 40, nullptr},
        {u"M75", u"科技发展|技术服务|环保科技", 3, 0, 8, 80, 40, nullptr},
        {u"A01", u"农业开发|生态农业|农业科技", 2, 0, 9, 300, 5, nullptr},
        {u"O80", u"家政服务", 0, 2, 8, 60, 10, u"理发店|家电维修部|洗衣店"},
    };
    return table;
}

const QString &tradeNameChars()
{
    static const QString chars = [] {
        const QString raw = QString::fromUtf16(
            u"湘麓星华盛宏鑫博瑞恒泰德兴隆腾达远航信诚嘉和丰源力创新锐智联通科天宇中南方正大金凯旭晟昊辰阳"
            u"光明峰岳江潇庭韶衡楚芙蓉蓝海云青山景程佳安康福祥贵欣悦弘毅卓越众邦益友铭钧烨煜骏驰利美优品乐"
            u"同舟洪辉湛朗睿启臻晨曦映");
        QString unique;
        QSet<QChar> seen;
        for (QChar c : raw) {
            if (!seen.contains(c)) {
                seen.insert(c);
                unique.append(c);
            }
        }
        return unique;
    }();
    return chars;
}

const QStringList &surnames()
{
    static const QStringList list
        = QString::fromUtf16(
              u"刘 李 陈 王 张 周 彭 谭 曾 唐 胡 邓 罗 黄 杨 谢 易 贺 龙 肖 蒋 何 邹 朱 欧阳 廖 袁 吴 戴 向 "
              u"文 钟 田 毛 颜 石 夏 雷 姚 汤 刘 李 陈 王 张 周 彭")
              .split(u' ', Qt::SkipEmptyParts);
    return list;
}

const QString &givenNameChars()
{
    static const QString chars = QString::fromUtf16(
        u"伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华辉建国志红文斌波宇浩凯俊峰婷雪琳晨欣鹏鑫亮龙海"
        u"湘嘉佳慧颖玲梅桂兰林东立新永春云");
    return chars;
}

const QStringList &genericRoads()
{
    static const QStringList list
        = QString::fromUtf16(
              u"人民路|建设路|解放路|新华路|五一路|迎宾路|光明路|文化路|民主路|车站路|劳动路|八一路")
              .split(u'|');
    return list;
}

QDate springFestival(int year)
{
    static const QDate days[] = {
        QDate(2015, 2, 19), QDate(2016, 2, 8),  QDate(2017, 1, 28), QDate(2018, 2, 16), QDate(2019, 2, 5),
        QDate(2020, 1, 25), QDate(2021, 2, 12), QDate(2022, 2, 1),  QDate(2023, 1, 22), QDate(2024, 2, 10),
        QDate(2025, 1, 29), QDate(2026, 2, 17), QDate(2027, 2, 6),  QDate(2028, 1, 26), QDate(2029, 2, 13),
        QDate(2030, 2, 3),  QDate(2031, 1, 23), QDate(2032, 2, 11), QDate(2033, 1, 31), QDate(2034, 2, 19),
        QDate(2035, 2, 8),
    };
    if (year < 2015 || year > 2035)
        return {};
    return days[year - 2015];
}

} // namespace XinDai::Demo::Internal
