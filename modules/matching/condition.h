#pragma once

#include "rules/value.h"

#include <QString>
#include <QVector>

namespace XinDai::Matching {

/// One node of an explained rule: a combination (all / any / not) with children, or a leaf condition on
/// one fact with the fact's actual value and the threshold it was compared with.
struct Condition
{
    enum class Kind {
        All,        ///< "and": every child must hold
        Any,        ///< "or": at least one child must hold
        Not,        ///< "!" over a combination: the child must not hold
        Compare,    ///< fact <op> threshold, op one of >= <= > < == === != !==
        Between,    ///< lower <op> fact <op> upper, op "<" or "<="
        Membership, ///< fact in list (threshold = the list)
        Has,        ///< element in array fact (threshold = the element), e.g. a qualification code
        Flag,       ///< boolean fact must be threshold (true or false)
        Generic     ///< any other shape: the JsonLogic fragment and its result
    };

    Kind kind = Kind::Generic;
    bool passed = false;    ///< JsonLogic truthiness of this node's result for the facts
    QString op;             ///< operator as written in the rule
    QString fact;           ///< fact name of a leaf ("firm.years"); empty for combinations and Generic
    Rules::Value actual;    ///< the fact's value (undefined when absent)
    Rules::Value threshold; ///< Compare: other operand; Between: lower; Membership: list; Has: element;
                            ///< Flag: the required boolean
    Rules::Value upper;     ///< Between: upper bound
    QString fragment;       ///< this node as compact JSON
    QString pointer;        ///< JSON Pointer of this node inside the rule ("" = the root)
    QVector<Condition> children;

    bool isCombination() const { return kind == Kind::All || kind == Kind::Any || kind == Kind::Not; }
};

} // namespace XinDai::Matching
