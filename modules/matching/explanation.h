#pragma once

#include "matching/condition.h"

#include <QString>
#include <QVector>

namespace XinDai::Matching {

/// A rule evaluated against facts, condition by condition.
struct Explanation
{
    bool valid = false; ///< false when the rule does not compile (error says why)
    QString error;
    bool passed = false; ///< the rule's truthiness for the facts (an empty rule passes)
    Condition root;

    /// The top-level conditions: the children of a root "and", otherwise the root itself.
    QVector<Condition> conditions() const;
    /// The top-level conditions that fail (see conditions()).
    QVector<Condition> failing() const;
    /// A near miss: the root is an "and" that fails because of exactly one of its conditions.
    bool isNearMiss() const;
};

} // namespace XinDai::Matching
