#pragma once

#include <QtGlobal>
#include <compare>

namespace XinDai::Core {

/// An amount of renminbi in integer fen (分). Never floating point.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }
    static constexpr Money fromWan(qint64 wan) { return Money(wan * 1000000); }

    constexpr qint64 fen() const { return m_fen; }

    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    constexpr Money &operator+=(Money o) { m_fen += o.m_fen; return *this; }
    constexpr Money &operator-=(Money o) { m_fen -= o.m_fen; return *this; }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}
    qint64 m_fen = 0;
};

} // namespace XinDai::Core
