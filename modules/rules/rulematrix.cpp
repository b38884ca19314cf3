#include "rules/rulematrix.h"

#include <QCryptographicHash>

#include <algorithm>
#include <thread>

namespace XinDai::Rules {

namespace {
/// Facts are processed in blocks so that a block stays in cache while every rule runs over it.
constexpr size_t kBlock = 128;

void countRange(const std::vector<CompiledRule> &rules, const std::vector<Value> &facts, size_t begin,
                size_t end, std::vector<qint64> &counts)
{
    for (size_t b = begin; b < end; b += kBlock) {
        const size_t e = std::min(end, b + kBlock);
        for (size_t r = 0; r < rules.size(); ++r) {
            const CompiledRule &rule = rules[r];
            qint64 n = 0;
            for (size_t f = b; f < e; ++f)
                n += rule.matches(facts[f]) ? 1 : 0;
            counts[r] += n;
        }
    }
}
} // namespace

std::vector<qint64> RuleMatrix::trueCounts(const std::vector<CompiledRule> &rules,
                                           const std::vector<Value> &facts, int threads)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<size_t>(size_t(threads), std::max<size_t>(1, facts.size())));
    std::vector<std::vector<qint64>> partial(size_t(threads), std::vector<qint64>(rules.size(), 0));
    if (threads == 1) {
        countRange(rules, facts, 0, facts.size(), partial[0]);
        return partial[0];
    }
    std::vector<std::thread> workers;
    const size_t chunk = (facts.size() + size_t(threads) - 1) / size_t(threads);
    for (int t = 0; t < threads; ++t) {
        const size_t begin = std::min(facts.size(), size_t(t) * chunk);
        const size_t end = std::min(facts.size(), begin + chunk);
        workers.emplace_back(countRange, std::cref(rules), std::cref(facts), begin, end,
                             std::ref(partial[size_t(t)]));
    }
    for (std::thread &w : workers)
        w.join();
    std::vector<qint64> counts(rules.size(), 0);
    for (const auto &p : partial) {
        for (size_t r = 0; r < counts.size(); ++r)
            counts[r] += p[r];
    }
    return counts;
}

QByteArray RuleMatrix::countsSha256(const std::vector<qint64> &counts)
{
    QByteArray joined;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (i)
            joined += ',';
        joined += QByteArray::number(counts[i]);
    }
    return QCryptographicHash::hash(joined, QCryptographicHash::Sha256).toHex();
}

} // namespace XinDai::Rules
