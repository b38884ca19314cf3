#pragma once

// Private: the compiled form of a rule. The compiler builds a tree of BuildNodes, folds constants, then
// lays the tree out flat (Program): every node's arguments are contiguous in one array, so evaluating a
// rule walks a few cache lines instead of chasing pointers across the heap.

#include "rules/value.h"

#include <QString>

#include <vector>

namespace XinDai::Rules::Internal {

struct Node;

/// Evaluates \a node against \a data. The returned reference points into \a data, into the rule's
/// constants, to a static constant, or to \a scratch (which the caller owns); never to a callee's local.
using EvalFn = const Value &(*)(const Node &node, const Value &data, Value &scratch);

/// One pre-split step of a var path: an interned object key, the array / string index when the step is a
/// canonical array index ("0", "12"; -1 otherwise), and whether it is "length".
struct PathStep
{
    quint32 keyId = Value::NoKey;
    qint32 index = -1;
    bool isLength = false;
};

/// A read-only view of a contiguous range.
template<typename T>
struct Span
{
    const T *ptr = nullptr;
    quint32 count = 0;

    quint32 size() const noexcept { return count; }
    bool empty() const noexcept { return count == 0; }
    const T &operator[](size_t i) const noexcept { return ptr[i]; }
    const T *begin() const noexcept { return ptr; }
    const T *end() const noexcept { return ptr + count; }
};

struct Node
{
    EvalFn eval = nullptr;
    Span<Node> args;
    /// Constant-path var: the path (empty with wholeData for {"var": ""}).
    Span<PathStep> path;
    /// "in" over a constant array of strings: the strings packed as [length, UTF-16 units…]…
    Span<char16_t> packed;
    /// Constant nodes: the value. Constant-path var: the default (not_found) value.
    Value constant;
    bool wholeData = false;
};

inline const Value &evaluate(const Node &node, const Value &data, Value &scratch)
{
    return node.eval(node, data, scratch);
}

/// The compiler's tree form.
struct BuildNode
{
    EvalFn eval = nullptr;
    Value constant;
    std::vector<BuildNode> args;
    std::vector<PathStep> path;
    std::vector<char16_t> packed;
    bool wholeData = false;
    bool isConstant = false;
};

/// A compiled rule laid out flat; nodes[0] is the root. Immutable once built.
struct Program
{
    std::vector<Node> nodes;
    std::vector<PathStep> steps;
    std::vector<char16_t> pool;

    const Node &root() const { return nodes.front(); }
    static Program flatten(const BuildNode &root);
};

} // namespace XinDai::Rules::Internal
