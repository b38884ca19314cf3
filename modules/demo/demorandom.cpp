#include "demo/demorandom.h"

namespace XinDai::Demo {

namespace {

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

quint64 DemoRandom::mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

DemoRandom::DemoRandom(quint64 seed, quint64 stream)
{
    quint64 state = mix(seed) ^ mix(stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
    for (quint64 &s : m_s) {
        state += 0x9E3779B97F4A7C15ULL;
        s = mix(state);
    }
}

quint64 DemoRandom::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

int DemoRandom::range(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(qint64(hi) - qint64(lo)) + 1;
    return int(qint64(lo) + qint64(next() % span));
}

qint64 DemoRandom::range64(qint64 lo, qint64 hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(hi - lo) + 1;
    return lo + qint64(next() % span);
}

double DemoRandom::uniform()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}

bool DemoRandom::chance(int permille)
{
    return range(0, 999) < permille;
}

double DemoRandom::gauss()
{
    double sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += uniform();
    return sum - 6.0;
}

int DemoRandom::weighted(const int *weights, int count)
{
    qint64 total = 0;
    for (int i = 0; i < count; ++i)
        total += weights[i];
    if (total <= 0)
        return 0;
    qint64 r = range64(0, total - 1);
    for (int i = 0; i < count; ++i) {
        if (r < weights[i])
            return i;
        r -= weights[i];
    }
    return count - 1;
}

QString DemoRandom::hex(int chars)
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString out(chars, Qt::Uninitialized);
    quint64 bits = 0;
    for (int i = 0; i < chars; ++i) {
        if (i % 16 == 0)
            bits = next();
        out[i] = QChar(digits[bits & 0xF]);
        bits >>= 4;
    }
    return out;
}

QString DemoRandom::uuid(quint64 seed, quint32 entity, quint64 index, quint64 sub)
{
    // Top 48 bits: (index, sub) in ascending order, so ids of one table grow with the generation
    // order and primary-key inserts stay append-only; the remaining 74 bits mix seed, table, index, sub.
    const quint64 a = mix(seed ^ mix(quint64(entity) << 32 | 0x5851F42DULL));
    const quint64 b = mix(a ^ mix(index));
    const quint64 c = mix(b ^ mix(sub + 0x2545F4914F6CDD1DULL));
    const quint64 d = mix(c ^ b);
    const quint64 order = ((index & 0xFFFFFFFFFULL) << 12) | (sub & 0xFFF);
    const quint64 hi = (order << 16) | 0x8000ULL | (c & 0x0FFFULL);         // version 8 (custom)
    const quint64 lo = (d & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 9562 variant
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    int pos = 0;
    auto put = [&](quint64 v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            out[pos++] = QChar(digits[(v >> (4 * i)) & 0xF]);
    };
    put(hi >> 32, 8);
    out[pos++] = u'-';
    put((hi >> 16) & 0xFFFF, 4);
    out[pos++] = u'-';
    put(hi & 0xFFFF, 4);
    out[pos++] = u'-';
    put(lo >> 48, 4);
    out[pos++] = u'-';
    put(lo & 0xFFFFFFFFFFFFULL, 12);
    return out;
}

} // namespace XinDai::Demo
