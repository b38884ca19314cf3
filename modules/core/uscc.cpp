#include "core/uscc.h"

#include "core/regioncodes.h"

namespace XinDai::Core {

namespace {

/// GB 32100-2015 character set in value order: index = value (0..30).
constexpr QStringView Charset = u"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weight of position i (0-based) = 3^i mod 31.
constexpr int Weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

constexpr qsizetype CodeLength = 18;

struct TranslatableName
{
    const char *source;
    const char *comment;
};

/// One row of the registration-authority and entity-type table of GB 32100-2015 (appendix A);
/// type '\0' names the authority itself. Chinese terms of the standard are given to translators.
struct CodeName
{
    char16_t authority;
    char16_t type;
    TranslatableName name;
};

constexpr CodeName CodeNames[] = {
    //: USCC registration authority 1: 机构编制
    {u'1', u'\0',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Establishment office", "USCC registration authority")},
    //: 机关
    {u'1', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Government body", "USCC entity type")},
    //: 事业单位
    {u'1', u'2', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Public institution", "USCC entity type")},
    //: 中央编办直接管理机构编制的群众团体
    {u'1', u'3',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Mass organisation under the central establishment office",
                        "USCC entity type")},
    //: 其他
    {u'1', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 外交
    {u'2', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Foreign affairs", "USCC registration authority")},
    //: 外国常驻新闻机构
    {u'2', u'1',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Resident foreign news agency", "USCC entity type")},
    {u'2', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 司法行政
    {u'3', u'\0',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Judicial administration", "USCC registration authority")},
    //: 律师执业机构
    {u'3', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Law firm", "USCC entity type")},
    //: 公证处
    {u'3', u'2', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Notary office", "USCC entity type")},
    //: 基层法律服务所
    {u'3', u'3',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Grassroots legal service office", "USCC entity type")},
    //: 司法鉴定机构
    {u'3', u'4',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Forensic appraisal institution", "USCC entity type")},
    //: 仲裁委员会
    {u'3', u'5', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Arbitration commission", "USCC entity type")},
    {u'3', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 文化
    {u'4', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Culture", "USCC registration authority")},
    //: 外国在华文化中心
    {u'4', u'1',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Foreign cultural centre in China", "USCC entity type")},
    {u'4', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 民政
    {u'5', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Civil affairs", "USCC registration authority")},
    //: 社会团体
    {u'5', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Social organisation", "USCC entity type")},
    //: 民办非企业单位
    {u'5', u'2', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Private non-enterprise unit", "USCC entity type")},
    //: 基金会
    {u'5', u'3', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Foundation", "USCC entity type")},
    {u'5', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 旅游
    {u'6', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Tourism", "USCC registration authority")},
    //: 外国旅游部门常驻代表机构
    {u'6', u'1',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Resident office of a foreign tourism authority",
                        "USCC entity type")},
    //: 港澳台地区旅游部门常驻内地（大陆）代表机构
    {u'6', u'2',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc",
                        "Resident office of a Hong Kong, Macao or Taiwan tourism authority",
                        "USCC entity type")},
    {u'6', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 宗教
    {u'7', u'\0',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Religious affairs", "USCC registration authority")},
    //: 宗教活动场所
    {u'7', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Place of religious activity", "USCC entity type")},
    //: 宗教院校
    {u'7', u'2', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Religious college", "USCC entity type")},
    {u'7', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 工会
    {u'8', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Trade union", "USCC registration authority")},
    //: 基层工会
    {u'8', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Grassroots trade union", "USCC entity type")},
    {u'8', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 工商 (市场监管)
    {u'9', u'\0',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Market regulation", "USCC registration authority")},
    //: 企业
    {u'9', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Enterprise", "USCC entity type")},
    //: 个体工商户
    {u'9', u'2', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Individual business", "USCC entity type")},
    //: 农民专业合作社
    {u'9', u'3', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Farmers' cooperative", "USCC entity type")},
    //: 中央军委改革和编制办公室
    {u'A', u'\0',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Central Military Commission reform and establishment office",
                        "USCC registration authority")},
    //: 军队事业单位
    {u'A', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Military public institution", "USCC entity type")},
    {u'A', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 农业
    {u'N', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Agriculture", "USCC registration authority")},
    //: 组级集体经济组织
    {u'N', u'1',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Group-level collective economic organisation",
                        "USCC entity type")},
    //: 村级集体经济组织
    {u'N', u'2',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Village-level collective economic organisation",
                        "USCC entity type")},
    //: 乡镇级集体经济组织
    {u'N', u'3',
     QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Township-level collective economic organisation",
                        "USCC entity type")},
    {u'N', u'9', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
    //: 其他
    {u'Y', u'\0', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC registration authority")},
    {u'Y', u'1', QT_TRANSLATE_NOOP3("XinDai::Core::Uscc", "Other", "USCC entity type")},
};

/// Upper-cases and drops the separators people type or paste inside codes (spaces, hyphens, ideographic
/// space).
QString normalize(const QString &code)
{
    QString result;
    result.reserve(code.size());
    for (QChar c : code) {
        if (!c.isSpace() && c != u'-')
            result.append(c.toUpper());
    }
    return result;
}

bool inCharset(QChar c)
{
    return Charset.contains(c);
}

} // namespace

QChar Uscc::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const qsizetype value = Charset.indexOf(first17.at(i));
        if (value < 0)
            return {};
        sum += int(value) * Weights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return Charset.at(check);
}

Uscc::Parts Uscc::decode(const QString &code)
{
    const QString normalized = normalize(code);
    Parts parts;
    parts.authorityCode = normalized.left(1);
    parts.entityTypeCode = normalized.mid(1, 1);
    if (normalized.size() >= 8)
        parts.regionCode = normalized.mid(2, 6);

    const QChar authority = parts.authorityCode.isEmpty() ? QChar() : parts.authorityCode.at(0);
    const QChar type = parts.entityTypeCode.isEmpty() ? QChar() : parts.entityTypeCode.at(0);
    for (const CodeName &entry : CodeNames) {
        if (entry.authority != authority)
            continue;
        if (entry.type == u'\0')
            parts.authority = tr(entry.name.source, entry.name.comment);
        else if (entry.type == type && !type.isNull())
            parts.entityType = tr(entry.name.source, entry.name.comment);
    }
    if (!parts.regionCode.isEmpty())
        parts.regionName = RegionCodes::fullName(parts.regionCode);
    return parts;
}

QString Uscc::describe(const QString &code)
{
    const Parts parts = decode(code);
    QStringList fields;
    fields << (parts.authority.isEmpty() ? parts.authorityCode : parts.authority);
    fields << (parts.entityType.isEmpty() ? parts.entityTypeCode : parts.entityType);
    fields << (parts.regionName.isEmpty() ? parts.regionCode : parts.regionName);
    fields.removeAll(QString());
    return fields.join(QStringLiteral(" \u00B7 "));
}

IdCheckResult Uscc::check(const QString &code)
{
    IdCheckResult result;
    result.normalized = normalize(code);
    const QString &c = result.normalized;
    if (c.isEmpty()) {
        result.reason = tr("The unified social credit code is empty.");
        return result;
    }
    if (c.size() != CodeLength) {
        result.reason
            = tr("The unified social credit code must have 18 characters, but it has %1.").arg(c.size());
        return result;
    }
    for (qsizetype i = 0; i < c.size(); ++i) {
        if (!inCharset(c.at(i))) {
            result.reason
                = tr("Character '%1' at position %2 of the unified social credit code is not allowed: "
                     "only digits and capital letters other than I, O, Z, S and V are used.")
                      .arg(c.at(i))
                      .arg(i + 1);
            return result;
        }
    }
    const QChar expected = checkCharacter(QStringView(c).left(17));
    if (expected != c.at(17)) {
        result.reason
            = tr("The check character of the unified social credit code should be '%1' but is '%2'.")
                  .arg(expected)
                  .arg(c.at(17));
        return result;
    }
    result.valid = true;

    const Parts parts = decode(c);
    if (parts.authority.isEmpty()) {
        result.warnings
            << tr("The registration authority code '%1' of the unified social credit code is not in "
                  "GB 32100-2015.")
                   .arg(parts.authorityCode);
    } else if (parts.entityType.isEmpty()) {
        result.warnings
            << tr("The entity type code '%1' of the unified social credit code is not defined for "
                  "registration authority '%2'.")
                   .arg(parts.entityTypeCode, parts.authorityCode);
    }
    if (!RegionCodes::isKnown(parts.regionCode)) {
        const QString province = RegionCodes::name(parts.regionCode.left(2) + QLatin1String("0000"));
        if (province.isEmpty()) {
            result.warnings << tr("The region code %1 of the unified social credit code is not a known "
                                  "GB/T 2260 region.")
                                   .arg(parts.regionCode);
        } else {
            result.warnings << tr("The region code %1 of the unified social credit code is not in the region "
                                  "table; only its province, %2, is known.")
                                   .arg(parts.regionCode, province);
        }
    }
    return result;
}

} // namespace XinDai::Core
