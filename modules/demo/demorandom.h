#pragma once

#include <QString>
#include <QtGlobal>

namespace XinDai::Demo {

/// Deterministic pseudo-random numbers for the demo dataset: xoshiro256** seeded through splitmix64.
/// The same (seed, stream) always yields the same sequence on every platform; no global state,
/// no clock, no std::random_device. Streams let each firm draw independently of chunking.
class DemoRandom
{
public:
    /// A generator for \a seed and an independent sub-stream \a stream (e.g. a firm index).
    explicit DemoRandom(quint64 seed, quint64 stream = 0);

    /// Next 64 raw bits.
    quint64 next();
    /// Uniform integer in [lo, hi] (inclusive); returns lo when hi <= lo.
    int range(int lo, int hi);
    /// Uniform 64-bit integer in [lo, hi] (inclusive); returns lo when hi <= lo.
    qint64 range64(qint64 lo, qint64 hi);
    /// Uniform double in [0, 1), 53 bits.
    double uniform();
    /// True with probability \a permille / 1000.
    bool chance(int permille);
    /// Approximately standard normal (Irwin-Hall sum of 12 uniforms minus 6): bounded to [-6, 6].
    double gauss();
    /// Index in [0, count) drawn with the given non-negative integer weights (count >= 1).
    int weighted(const int *weights, int count);
    /// \a chars lower-case hex digits.
    QString hex(int chars);

    /// splitmix64 finaliser: a bijective 64-bit mix.
    static quint64 mix(quint64 x);
    /// A stable UUID (36 chars, lower case, no braces, RFC 9562 version 8 "custom" layout) derived only
    /// from (\a seed, \a entity, \a index, \a sub): the same inputs always give the same id. The first
    /// 48 bits are (index, sub) so ids sort in generation order (index < 2^36, sub < 4096), which keeps
    /// bulk inserts into primary-key indexes append-only; the other 74 bits are a hash of all four inputs.
    static QString uuid(quint64 seed, quint32 entity, quint64 index, quint64 sub = 0);

private:
    quint64 m_s[4];
};

} // namespace XinDai::Demo
