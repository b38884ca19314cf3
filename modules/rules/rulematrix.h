#pragma once

#include "rules/compiledrule.h"
#include "rules/value.h"

#include <QByteArray>

#include <vector>

namespace XinDai::Rules {

/// Evaluates many rules against many facts (policy × firm), optionally on several threads.
class RuleMatrix
{
public:
    /// For each rule, the number of facts for which it is truthy (an invalid rule counts 0).
    /// \a threads ≤ 0 means one per hardware thread; the facts are split among the threads, so the result
    /// does not depend on the thread count.
    static std::vector<qint64> trueCounts(const std::vector<CompiledRule> &rules,
                                          const std::vector<Value> &facts, int threads = 1);
    /// Lower-case hex SHA-256 of the counts written in decimal and joined by commas (the workload
    /// generator's checksum format).
    static QByteArray countsSha256(const std::vector<qint64> &counts);
};

} // namespace XinDai::Rules
