#include "core/money.h"

#include <QCoreApplication>

#include <limits>

namespace XinDai::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Core::Money)
};

constexpr qint64 FenPerYuan = 100;
constexpr qint64 FenPerWan = 1000000;
constexpr qint64 FenPerYi = 10000000000LL;
constexpr qint64 FenPerMillionYuan = 100000000LL;

// Maps full-width ASCII variants (U+FF01..U+FF5E), the ideographic space and the full-width yen sign to
// their ordinary forms, so "１，２３４．５６" parses like "1,234.56".
QString normalized(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            out.append(QChar(char16_t(u - 0xFEE0)));
        else if (u == 0x3000)
            out.append(QLatin1Char(' '));
        else if (u == 0xFFE5) // ￥
            out.append(QChar(char16_t(0x00A5)));
        else
            out.append(c);
    }
    return out;
}

Money::ParseResult failure(const QString &error)
{
    return Money::ParseResult{false, Money(), error};
}

// Integer division rounded half away from zero; divisor > 0.
qint64 roundedDiv(qint64 value, qint64 divisor)
{
    const qint64 q = value / divisor;
    const qint64 r = value % divisor; // same sign as value
    if (r >= 0)
        return 2 * r >= divisor ? q + 1 : q;
    return -2 * r >= divisor ? q - 1 : q;
}

// "1234567" -> "1,234,567" with the locale's group separator.
QString groupDigits(quint64 value, const QString &separator)
{
    const QString digits = QString::number(value);
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += separator;
        out += digits.at(i);
    }
    return out;
}

// Formats value / 10^decimals with exactly `decimals` fraction digits.
QString fixedPoint(qint64 scaled, int decimals, const QLocale &locale)
{
    quint64 divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    const bool negative = scaled < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(scaled) : quint64(scaled);
    QString out = negative ? QStringLiteral("-") : QString();
    out += groupDigits(magnitude / divisor, locale.groupSeparator());
    if (decimals > 0) {
        out += locale.decimalPoint();
        out += QStringLiteral("%1").arg(magnitude % divisor, decimals, 10, QLatin1Char('0'));
    }
    return out;
}

bool isChinese(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese;
}

} // namespace

Money::ParseResult Money::parse(const QString &original, Unit defaultUnit)
{
    const QString quoted = original.trimmed();
    QString s = normalized(original).trimmed();
    if (s.isEmpty())
        return failure(Tr::tr("The amount is empty."));

    bool negative = false;
    int signs = 0;
    auto takeSign = [&] {
        if (s.startsWith(QLatin1Char('-')) || s.startsWith(QLatin1Char('+'))) {
            negative = s.startsWith(QLatin1Char('-'));
            ++signs;
            s = s.mid(1).trimmed();
        }
    };
    takeSign();
    static const QString prefixes[] = {QStringLiteral("CNY"), QStringLiteral("RMB"), QString(QChar(0x00A5))};
    for (const QString &prefix : prefixes) {
        if (s.startsWith(prefix, Qt::CaseInsensitive)) {
            s = s.mid(prefix.size()).trimmed();
            break;
        }
    }
    takeSign();
    if (signs > 1)
        return failure(Tr::tr("The amount \"%1\" has more than one sign.").arg(quoted));

    Unit unit = defaultUnit == Unit::Auto ? Unit::Yuan : defaultUnit;
    struct Suffix
    {
        QString text;
        Unit unit;
    };
    static const Suffix suffixes[] = {
        {QStringLiteral("万元"), Unit::Wan}, {QStringLiteral("亿元"), Unit::Yi},
        {QStringLiteral("万"), Unit::Wan},   {QStringLiteral("亿"), Unit::Yi},
        {QStringLiteral("元"), Unit::Yuan},
    };
    for (const Suffix &suffix : suffixes) {
        if (s.endsWith(suffix.text)) {
            s.chop(suffix.text.size());
            s = s.trimmed();
            unit = suffix.unit;
            break;
        }
    }

    // Now only the number is left: digits, commas in the integer part, one decimal point.
    QString integerPart;
    QString fraction;
    bool seenPoint = false;
    for (QChar c : std::as_const(s)) {
        if (c.isDigit() && c.unicode() < 128) {
            (seenPoint ? fraction : integerPart).append(c);
        } else if (c == QLatin1Char('.')) {
            if (seenPoint)
                return failure(Tr::tr("The amount \"%1\" has more than one decimal point.").arg(quoted));
            seenPoint = true;
        } else if (c == QLatin1Char(',')) {
            if (seenPoint)
                return failure(Tr::tr("The amount \"%1\" has a thousands separator after the decimal point.")
                                   .arg(quoted));
            integerPart.append(c);
        } else if (c == QLatin1Char('-') || c == QLatin1Char('+')) {
            return failure(
                Tr::tr("The amount \"%1\" has a sign in the wrong place or more than one sign.").arg(quoted));
        } else {
            return failure(
                Tr::tr("The amount \"%1\" contains the character \"%2\", which is not part of an amount.")
                    .arg(quoted, c));
        }
    }
    if (integerPart.isEmpty() && fraction.isEmpty())
        return failure(Tr::tr("The amount \"%1\" has no digits.").arg(quoted));
    if (integerPart.isEmpty())
        return failure(Tr::tr("The amount \"%1\" needs a digit before the decimal point.").arg(quoted));
    if (seenPoint && fraction.isEmpty())
        return failure(Tr::tr("The amount \"%1\" needs a digit after the decimal point.").arg(quoted));

    if (integerPart.contains(QLatin1Char(','))) {
        const QStringList groups = integerPart.split(QLatin1Char(','));
        bool good = !groups.first().isEmpty() && groups.first().size() <= 3;
        for (qsizetype i = 1; good && i < groups.size(); ++i)
            good = groups.at(i).size() == 3;
        if (!good)
            return failure(
                Tr::tr("The amount \"%1\" has a misplaced thousands separator: commas must separate "
                       "groups of exactly three digits.")
                    .arg(quoted));
        integerPart.remove(QLatin1Char(','));
    }

    int scaleDigits = 2; // fraction digits that are still whole fen
    qint64 fenPerUnit = FenPerYuan;
    if (unit == Unit::Wan) {
        scaleDigits = 6;
        fenPerUnit = FenPerWan;
    } else if (unit == Unit::Yi) {
        scaleDigits = 10;
        fenPerUnit = FenPerYi;
    }
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (fraction.size() > scaleDigits) {
        return failure(Tr::tr("The amount \"%1\" is more precise than one fen (0.01 yuan).").arg(quoted));
    }

    const QString tooLarge = Tr::tr("The amount \"%1\" is too large.").arg(quoted);
    qint64 whole = 0;
    for (QChar c : std::as_const(integerPart)) {
        if (qMulOverflow(whole, qint64(10), &whole)
            || qAddOverflow(whole, qint64(c.unicode() - u'0'), &whole))
            return failure(tooLarge);
    }
    qint64 fen = 0;
    if (qMulOverflow(whole, fenPerUnit, &fen))
        return failure(tooLarge);
    qint64 fractionFen = 0;
    for (qsizetype i = 0; i < scaleDigits; ++i)
        fractionFen = fractionFen * 10 + (i < fraction.size() ? fraction.at(i).unicode() - u'0' : 0);
    if (qAddOverflow(fen, fractionFen, &fen))
        return failure(tooLarge);
    return ParseResult{true, Money(negative ? -fen : fen), QString()};
}

QString Money::format(Unit unit, const QLocale &locale) const
{
    const bool chinese = isChinese(locale);
    if (unit == Unit::Auto) {
        // Compared on both sides instead of negating: -min() would overflow.
        auto atLeast = [this](qint64 threshold) {
            return m_fen >= threshold || m_fen <= -threshold;
        };
        if (chinese)
            unit = atLeast(FenPerYi) ? Unit::Yi : atLeast(FenPerWan) ? Unit::Wan : Unit::Yuan;
        else
            unit = atLeast(FenPerMillionYuan) ? Unit::Wan : Unit::Yuan;
    }

    if (unit == Unit::Yuan) {
        const QString number = fixedPoint(m_fen, 2, locale);
        return chinese ? number + QStringLiteral("元") : QStringLiteral("CNY ") + number;
    }
    if (!chinese) {
        // Millions of yuan with two decimals: the unit of the last digit is 10,000 yuan = 10^6 fen. Like the
        // 万元/亿元 suffixes below, this is locale formatting chosen by \a locale, not translated text.
        const QString number = fixedPoint(roundedDiv(m_fen, 1000000), 2, locale);
        return QStringLiteral("CNY %1 million").arg(number);
    }
    // 万元 / 亿元 with two decimals: the last digit is worth 0.01 of the unit.
    const qint64 step = unit == Unit::Wan ? FenPerWan / 100 : FenPerYi / 100;
    const QString number = fixedPoint(roundedDiv(m_fen, step), 2, locale);
    return number + (unit == Unit::Wan ? QStringLiteral("万元") : QStringLiteral("亿元"));
}

QString Money::toDecimalString() const
{
    const bool negative = m_fen < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_fen) : quint64(m_fen);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u'.'
           + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

Money Money::percentBp(int basisPoints) const
{
    // fen × bp / 10000 split as (q × 10000 + r) × bp / 10000 = q × bp + r × bp / 10000, so no
    // intermediate product exceeds |r| × |bp| < 10000 × 2^31 besides the result itself. r × bp has the
    // sign of the whole product, so rounding its part half away from zero rounds the total the same way.
    const qint64 q = m_fen / 10000;
    const qint64 r = m_fen % 10000;
    return Money(q * basisPoints + roundedDiv(r * basisPoints, 10000));
}

} // namespace XinDai::Core
