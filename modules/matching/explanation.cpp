#include "matching/explanation.h"

namespace XinDai::Matching {

QVector<Condition> Explanation::conditions() const
{
    if (!valid)
        return {};
    if (root.kind == Condition::Kind::All)
        return root.children;
    return {root};
}

QVector<Condition> Explanation::failing() const
{
    QVector<Condition> out;
    const QVector<Condition> all = conditions();
    for (const Condition &c : all) {
        if (!c.passed)
            out.append(c);
    }
    return out;
}

bool Explanation::isNearMiss() const
{
    return valid && !passed && root.kind == Condition::Kind::All && failing().size() == 1;
}

} // namespace XinDai::Matching
