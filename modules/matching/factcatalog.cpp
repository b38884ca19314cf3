#include "matching/factcatalog.h"

#include "core/industrycodes.h"
#include "core/regioncodes.h"

#include <QCoreApplication>

#include <cmath>

namespace XinDai::Matching {

namespace {

using Rules::Value;

struct FactEntry
{
    const char *name;
    const char16_t *zhLabel;
    const char16_t *zhUnit;
    const char *enLabel;
};

// English labels are extracted for translation (lupdate sees QT_TRANSLATE_NOOP) but printed as written.
const FactEntry kFacts[] = {
    {"firm.years", u"成立年限", u"年",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Years in business")},
    {"firm.kind", u"市场主体类型", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Type of business")},
    {"firm.size", u"企业规模", u"", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Firm size")},
    {"firm.employees", u"从业人数", u"人", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Employees")},
    {"firm.revenue_wan", u"营业收入", u"万元",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Annual revenue (CNY 10k)")},
    {"firm.assets_wan", u"资产总额", u"万元",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Total assets (CNY 10k)")},
    {"firm.industry_section", u"行业门类", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Industry section")},
    {"firm.industry_code", u"行业大类", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Industry division")},
    {"firm.region", u"所在区县", u"", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "County")},
    {"firm.city", u"所在地区", u"", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Location")},
    {"firm.park", u"所在园区", u"", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Park")},
    {"firm.tax_grade", u"纳税信用等级", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Tax credit grade")},
    {"firm.tax_paid_12m_wan", u"近12个月纳税额", u"万元",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Tax paid in the last 12 months (CNY 10k)")},
    {"firm.social_insured", u"社保参保人数", u"人",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Staff with social insurance")},
    {"firm.qualifications", u"资质", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Qualifications")},
    {"firm.patents", u"专利数量", u"项", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Patents")},
    {"firm.penalties_3y", u"近3年行政处罚", u"次",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Administrative penalties in 3 years")},
    {"firm.dishonest", u"失信被执行人", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Dishonest judgment debtor")},
    {"firm.procurements_3y", u"近3年政府采购中标", u"次",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Government procurement awards in 3 years")},
    {"firm.had_bank_loan", u"已获银行贷款", u"",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Has had a bank loan")},
    {"need.amount_wan", u"融资需求金额", u"万元",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Requested amount (CNY 10k)")},
    {"need.term_months", u"融资期限", u"个月",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Requested term (months)")},
    {"need.collateral", u"担保方式", u"", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Collateral")},
    {"loan.amount_fen", u"贷款金额", u"分",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Loan amount (fen)")},
    {"loan.rate_bp", u"贷款年利率", u"个基点",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Loan interest rate (basis points)")},
    {"loan.term_months", u"贷款期限", u"个月",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Loan term (months)")},
    {"loan.guarantee_fee_fen", u"担保费", u"分",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Guarantee fee (fen)")},
    {"market.lpr_1y_bp", u"一年期LPR", u"个基点",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "One-year loan prime rate (basis points)")},
};

const FactEntry *entry(const QString &fact)
{
    for (const FactEntry &e : kFacts) {
        if (fact == QLatin1String(e.name))
            return &e;
    }
    return nullptr;
}

struct Word
{
    const char *code;
    const char16_t *zh;
    const char *en;
};

const Word kSizes[] = {
    {"large", u"大型", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "large")},
    {"medium", u"中型", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "medium")},
    {"small", u"小型", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "small")},
    {"micro", u"微型", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "micro")},
};
const Word kKinds[] = {
    {"company", u"企业", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "company")},
    {"individual_business", u"个体工商户",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "individual business")},
};
const Word kQualifications[] = {
    {"hightech", u"高新技术企业", QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "High-tech Enterprise")},
    {"tech_sme", u"科技型中小企业",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Technology-based SME")},
    {"srdi_sme", u"专精特新中小企业",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Specialised and Sophisticated SME")},
    {"little_giant", u"专精特新\"小巨人\"企业",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Little Giant")},
    {"innovative_sme", u"创新型中小企业",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Innovative SME")},
};

struct FlagEntry
{
    const char *name;
    const char16_t *zhTrue;
    const char16_t *zhFalse;
    const char *enTrue;
    const char *enFalse;
};
const FlagEntry kFlags[] = {
    {"firm.dishonest", u"列入失信被执行人名单", u"未列入失信被执行人名单",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "On the list of dishonest judgment debtors"),
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Not on the list of dishonest judgment debtors")},
    {"firm.had_bank_loan", u"已获得过银行贷款", u"首贷户（从未获得银行贷款）",
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "Has had a bank loan"),
     QT_TRANSLATE_NOOP("XinDai::Matching::FactCatalog", "First-time borrower (never had a bank loan)")},
};

template<typename Table>
QString word(const Table &table, const QString &code, Language language)
{
    for (const Word &w : table) {
        if (code == QLatin1String(w.code))
            return language == Language::Chinese ? QString::fromUtf16(w.zh) : QString::fromUtf8(w.en);
    }
    return code;
}

QString joinList(const QStringList &items, Language language)
{
    return items.join(language == Language::Chinese ? QStringLiteral("、") : QStringLiteral(", "));
}

QString unknownWord(Language language)
{
    return language == Language::Chinese ? QStringLiteral("未知") : QStringLiteral("unknown");
}

/// The scalar \a value of \a fact for display (arrays are handled by the caller).
QString scalar(const QString &fact, const Value &value, Language language, const Value &facts)
{
    switch (value.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return unknownWord(language);
    case Value::Type::Bool:
        if (language == Language::Chinese)
            return value.boolValue() ? QStringLiteral("是") : QStringLiteral("否");
        return value.boolValue() ? QStringLiteral("yes") : QStringLiteral("no");
    case Value::Type::Number:
        return FactCatalog::formatNumber(value.numberValue());
    case Value::Type::Array:
    case Value::Type::Object:
        return QString::fromUtf8(value.toJsonText());
    case Value::Type::String:
        break;
    }
    const QString s = value.stringValue();
    if (fact == u"firm.size")
        return word(kSizes, s, language);
    if (fact == u"firm.kind")
        return word(kKinds, s, language);
    if (fact == u"firm.qualifications")
        return FactCatalog::qualificationName(s, language);
    if (s.isEmpty())
        return language == Language::Chinese ? QStringLiteral("无") : QStringLiteral("none");
    if (fact == u"firm.region")
        return FactCatalog::regionDisplay(s);
    if (fact == u"firm.city") {
        const Value *firm = facts.member(u"firm");
        const Value *region = firm ? firm->member(u"region") : nullptr;
        if (region && region->isString() && region->stringValue().size() == 6
            && region->stringValue().startsWith(s))
            return FactCatalog::regionDisplay(region->stringValue());
        return FactCatalog::regionDisplay(s);
    }
    if (fact == u"firm.industry_section" || fact == u"firm.industry_code") {
        const QString name = Core::IndustryCodes::name(s);
        return name.isEmpty() ? s : s + u' ' + name;
    }
    if (fact == u"firm.tax_grade" && language == Language::Chinese)
        return s + u"级";
    return s;
}

} // namespace

QStringList FactCatalog::factNames()
{
    QStringList names;
    for (const FactEntry &e : kFacts)
        names.append(QString::fromLatin1(e.name));
    return names;
}

QString FactCatalog::label(const QString &fact, Language language)
{
    const FactEntry *e = entry(fact);
    if (!e)
        return fact;
    return language == Language::Chinese ? QString::fromUtf16(e->zhLabel) : QString::fromUtf8(e->enLabel);
}

QString FactCatalog::unit(const QString &fact, Language language)
{
    const FactEntry *e = entry(fact);
    if (!e || language == Language::English)
        return {};
    return QString::fromUtf16(e->zhUnit);
}

QString FactCatalog::formatValue(const QString &fact, const Value &value, Language language,
                                 const Value &facts)
{
    if (value.isArray()) {
        if (value.size() == 0)
            return language == Language::Chinese ? QStringLiteral("无") : QStringLiteral("none");
        QStringList parts;
        for (const Value &item : value.items()) {
            // Lists of region codes given for firm.city are cities, not the firm's county.
            parts.append(fact == u"firm.city" && item.isString() ? regionDisplay(item.stringValue())
                                                                 : scalar(fact, item, language, facts));
        }
        return joinList(parts, language);
    }
    return scalar(fact, value, language, facts);
}

QString FactCatalog::flagPhrase(const QString &fact, bool value, Language language)
{
    for (const FlagEntry &f : kFlags) {
        if (fact == QLatin1String(f.name)) {
            if (language == Language::Chinese)
                return QString::fromUtf16(value ? f.zhTrue : f.zhFalse);
            return QString::fromUtf8(value ? f.enTrue : f.enFalse);
        }
    }
    return {};
}

QString FactCatalog::qualificationName(const QString &code, Language language)
{
    return word(kQualifications, code, language);
}

QString FactCatalog::regionDisplay(const QString &code)
{
    if (code.size() == 4) {
        const QString name = Core::RegionCodes::name(code + u"00");
        return name.isEmpty() ? code : name;
    }
    if (code.size() != 6)
        return code;
    const QString own = Core::RegionCodes::name(code);
    if (own.isEmpty())
        return code;
    if (code.endsWith(u"00"))
        return own; // a province or a prefecture-level city
    const QString city = Core::RegionCodes::name(code.left(4) + u"00");
    return city + own;
}

QString FactCatalog::formatNumber(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    QString s = QString::number(value, 'f', 2);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

QString FactCatalog::operatorSymbol(const QString &op)
{
    if (op == u">=")
        return QStringLiteral("≥");
    if (op == u"<=")
        return QStringLiteral("≤");
    if (op == u"==" || op == u"===")
        return QStringLiteral("=");
    if (op == u"!=" || op == u"!==")
        return QStringLiteral("≠");
    return op;
}

} // namespace XinDai::Matching
