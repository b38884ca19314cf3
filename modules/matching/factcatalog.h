#pragma once

#include "matching/language.h"
#include "rules/value.h"

#include <QString>
#include <QStringList>

namespace XinDai::Matching {

/// Labels, units and value display of the facts of docs/firm-facts.md, in Chinese and English, for
/// explanations (firm.years → 成立年限 / 年, "Years in business"). Chinese units follow the value
/// ("7 年"); English labels carry their unit ("Revenue (CNY 10k)"). Region, industry and qualification
/// names are Chinese data and shown as such in both languages. English texts are marked for translation
/// (context XinDai::Matching::FactCatalog) but printed as written: a slip's language never follows the UI.
class FactCatalog
{
public:
    /// Every fact name of the contract, in table order.
    static QStringList factNames();
    /// Label of \a fact; the fact name itself when it is not in the table.
    static QString label(const QString &fact, Language language);
    /// Unit written after a value of \a fact (Chinese: 年, 万元 …); empty in English and for unit-less facts.
    static QString unit(const QString &fact, Language language);
    /// \a value of \a fact for display: sizes and kinds as words, region codes as names (a city code is
    /// shown as the firm's county when \a facts holds a firm.region inside that city), qualification codes
    /// as names, numbers without superfluous decimals (at most two), booleans as 是/否 or yes/no, an
    /// absent or null value as 未知 / unknown, lists joined by 、 or ", ".
    static QString formatValue(const QString &fact, const Rules::Value &value, Language language,
                               const Rules::Value &facts = Rules::Value());
    /// Sentence for a boolean fact being \a value ("未列入失信被执行人名单"); empty when none is defined.
    static QString flagPhrase(const QString &fact, bool value, Language language);
    /// Name of a qualification code (hightech → 高新技术企业 / High-tech Enterprise); the code when unknown.
    static QString qualificationName(const QString &code, Language language);
    /// A GB/T 2260 code for display: a county as city + county ("长沙市岳麓区"), a city or province by its
    /// name, a four-digit city prefix ("4301") as the city; the code itself when unknown.
    static QString regionDisplay(const QString &code);
    /// A number as shown in explanations: integers without decimals, others with at most two.
    static QString formatNumber(double value);
    /// The mathematical sign of a comparison operator for explanations: >= → ≥, <= → ≤, ==/=== → =,
    /// !=/!== → ≠; other operators (> <) as written.
    static QString operatorSymbol(const QString &op);
};

} // namespace XinDai::Matching
