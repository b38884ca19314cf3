#pragma once

#include <QLocale>
#include <QString>
#include <QtGlobal>

#include <compare>

namespace XinDai::Core {

/// An amount of renminbi in integer fen (分). Never floating point: parsing, formatting and percentages
/// use exact integer arithmetic only.
class Money
{
public:
    /// Display / input unit. 1 元 = 100 fen, 1 万元 = 10^6 fen, 1 亿元 = 10^10 fen.
    enum class Unit {
        Yuan, ///< 元
        Wan,  ///< 万元 (ten thousand yuan)
        Yi,   ///< 亿元 (one hundred million yuan)
        Auto  ///< format(): |amount| ≥ 1亿 → 亿, ≥ 1万 → 万, else 元; parse(): same as Yuan
    };

    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }
    static constexpr Money fromWan(qint64 wan) { return Money(wan * 1000000); }
    static constexpr Money fromYi(qint64 yi) { return Money(yi * 10000000000LL); }

    /// The amount in fen (分).
    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    constexpr bool isNegative() const { return m_fen < 0; }

    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    constexpr Money operator-() const { return Money(-m_fen); }
    constexpr Money &operator+=(Money o)
    {
        m_fen += o.m_fen;
        return *this;
    }
    constexpr Money &operator-=(Money o)
    {
        m_fen -= o.m_fen;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

    struct ParseResult;

    /// Parses a typed amount. Accepted: optional sign, optional currency prefix (¥, ￥, CNY, RMB), digits
    /// with optional correctly placed thousands separators (groups of exactly three), optional decimal part,
    /// optional unit suffix (元, 万, 万元, 亿, 亿元) that overrides \a defaultUnit; spaces between these
    /// parts; full-width digits and punctuation. Rejected with a reason: empty text, unknown characters,
    /// more than one decimal point or sign, misplaced thousands separators, precision finer than one fen
    /// (e.g. "1.234" 元 or "0.0000001" 万; trailing zeros are fine: "1.230" = 1.23 元), and amounts beyond
    /// qint64 fen. Unit::Auto as \a defaultUnit means Yuan.
    static ParseResult parse(const QString &text, Unit defaultUnit = Unit::Yuan);

    /// Formats for display. Chinese locales: "1,234.56元", "12.35万元", "1.20亿元" (万/亿 with two
    /// decimals). Other locales (English style): "CNY 1,234.56" for Yuan, and Wan/Yi as millions with two
    /// decimals: "CNY 0.12 million", "CNY 120.00 million" (Auto in English switches to millions from
    /// 1 million yuan). Rounding to the displayed precision is half away from zero (12.345万 → 12.35万,
    /// -12.345万 → -12.35万); an amount that rounds to zero shows no minus sign. Digit grouping and the
    /// decimal point follow \a locale.
    QString format(Unit unit = Unit::Yuan, const QLocale &locale = QLocale()) const;

    /// Machine form for files and exports: C locale, no grouping, no unit, exactly two decimals
    /// ("-1234.56", "0.00"); parse() reads it back exactly.
    QString toDecimalString() const;

    /// amount × basisPoints / 10000 (1 bp = 0.01 %), rounded half away from zero to the fen, exact integer
    /// arithmetic. Precondition: |fen / 10000 × basisPoints| fits in qint64.
    Money percentBp(int basisPoints) const;

private:
    constexpr explicit Money(qint64 fen)
        : m_fen(fen)
    {}
    qint64 m_fen = 0;
};

/// Result of Money::parse(). When ok is false, value is zero and error is a translated sentence naming the
/// amount and the reason; when ok is true, error is empty.
struct Money::ParseResult
{
    bool ok = false;
    Money value;
    QString error;
};

} // namespace XinDai::Core
