#pragma once

#include <cmath>
#include <cstdint>
#include <random>

/// Deterministic test data: std::mt19937_64's output is fixed by the standard for a given seed, and the
/// conversions below are our own (std::*_distribution results differ between standard libraries).
class SeededRandom
{
public:
    explicit SeededRandom(std::uint64_t seed)
        : m_engine(seed)
    {}
    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    /// Standard normal by Box–Muller.
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.141592653589793 * u2);
    }
    bool bernoulli(double p) { return uniform() < p; }

private:
    std::mt19937_64 m_engine;
};
