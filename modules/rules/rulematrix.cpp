#include "rules/rulematrix.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <thread>

namespace XinDai::Rules {

namespace {

/// Facts are processed in blocks so that a block stays in cache while every rule runs over it.
constexpr size_t kBlock = 128;

/// True when \a v contains the "log" operation anywhere: such a condition has a side effect and must run
/// once per rule, never be shared.
bool containsLog(const QJsonValue &v)
{
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return containsLog(x); });
    }
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"log" || containsLog(it.value()))
            return true;
    }
    return false;
}

/// The rules of a matrix with their top-level conditions shared. Policy rules are mostly {"and": [c1, c2,
/// …]} (or "or") over a small vocabulary of conditions ("成立年限 ≥ 3", "region in […]"): 1,000 generated
/// rules hold 5,444 conditions but only 1,674 distinct ones. Each distinct condition is compiled once and,
/// per fact, evaluated at most once (its truthiness cached), which is exact because JsonLogic conditions
/// are pure (those containing "log" are not shared) and truthy({"and": [c…]}) is "every c truthy",
/// truthy({"or": [c…]}) "some c truthy", whatever values the conditions return.
struct SharedConditions
{
    enum class Kind : quint8 { Whole, All, Any };
    struct Rule
    {
        Kind kind = Kind::Whole;
        quint32 first = 0; ///< into conditionIndex (All / Any)
        quint32 count = 0;
        const CompiledRule *whole = nullptr; ///< Whole: the rule itself (nullptr for an invalid rule)
    };

    std::vector<Rule> rules;
    std::vector<quint32> conditionIndex;
    std::vector<CompiledRule> conditions;

    explicit SharedConditions(const std::vector<CompiledRule> &source)
    {
        QHash<QByteArray, quint32> ids;
        rules.reserve(source.size());
        for (const CompiledRule &compiled : source) {
            Rule r;
            r.whole = compiled.isValid() ? &compiled : nullptr;
            const std::optional<std::pair<Kind, QJsonArray>> split = splitRule(compiled);
            if (split) {
                std::vector<quint32> indexes;
                bool ok = true;
                for (const QJsonValue &c : split->second) {
                    const QByteArray key = QJsonDocument(c.toObject()).toJson(QJsonDocument::Compact);
                    auto it = ids.constFind(key);
                    if (it == ids.constEnd()) {
                        CompiledRule cc = CompiledRule::compile(c);
                        if (!cc.isValid()) {
                            ok = false;
                            break;
                        }
                        it = ids.insert(key, quint32(conditions.size()));
                        conditions.push_back(std::move(cc));
                    }
                    indexes.push_back(*it);
                }
                if (ok) {
                    r.kind = split->first;
                    r.first = quint32(conditionIndex.size());
                    r.count = quint32(indexes.size());
                    conditionIndex.insert(conditionIndex.end(), indexes.begin(), indexes.end());
                }
            }
            rules.push_back(r);
        }
    }

    static std::optional<std::pair<Kind, QJsonArray>> splitRule(const CompiledRule &rule)
    {
        if (!rule.isValid() || !rule.source().isObject())
            return std::nullopt;
        const QJsonObject o = rule.source().toObject();
        if (o.size() != 1)
            return std::nullopt;
        const QString op = o.begin().key();
        if (op != u"and" && op != u"or")
            return std::nullopt;
        const QJsonValue args = o.begin().value();
        if (!args.isArray() || args.toArray().isEmpty() || containsLog(args))
            return std::nullopt;
        const QJsonArray a = args.toArray();
        if (!std::all_of(a.begin(), a.end(),
                         [](const QJsonValue &c) { return c.isObject() && !c.toObject().isEmpty(); }))
            return std::nullopt;
        return std::make_pair(op == u"and" ? Kind::All : Kind::Any, a);
    }

    /// Counts over facts [begin, end) in tiles of kTile facts: rule-major inside a tile (a condition's
    /// compiled program stays hot while it runs over the tile's facts), with one truthiness cache per
    /// (condition, fact of the tile); -1 = not evaluated yet.
    void countRange(const std::vector<Value> &facts, size_t begin, size_t end,
                    std::vector<qint64> &counts) const
    {
        constexpr size_t kTile = 32;
        std::vector<qint8> cache(conditions.size() * kTile);
        for (size_t tile = begin; tile < end; tile += kTile) {
            const size_t n = std::min(kTile, end - tile);
            std::fill(cache.begin(), cache.end(), qint8(-1));
            const Value *data = facts.data() + tile;
            for (size_t r = 0; r < rules.size(); ++r) {
                const Rule &rule = rules[r];
                qint64 hits = 0;
                for (size_t f = 0; f < n; ++f) {
                    auto truth = [&](quint32 c) {
                        qint8 &t = cache[size_t(c) * kTile + f];
                        if (t < 0)
                            t = conditions[c].matches(data[f]) ? 1 : 0;
                        return t != 0;
                    };
                    bool result = false;
                    switch (rule.kind) {
                    case Kind::Whole:
                        result = rule.whole && rule.whole->matches(data[f]);
                        break;
                    case Kind::All:
                        result = true;
                        for (quint32 i = 0; i < rule.count && result; ++i)
                            result = truth(conditionIndex[rule.first + i]);
                        break;
                    case Kind::Any:
                        for (quint32 i = 0; i < rule.count && !result; ++i)
                            result = truth(conditionIndex[rule.first + i]);
                        break;
                    }
                    hits += result ? 1 : 0;
                }
                counts[r] += hits;
            }
        }
    }
};

} // namespace

std::vector<qint64> RuleMatrix::trueCounts(const std::vector<CompiledRule> &rules,
                                           const std::vector<Value> &facts, int threads)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<size_t>(size_t(threads), std::max<size_t>(1, facts.size())));
    const SharedConditions shared(rules);
    std::vector<std::vector<qint64>> partial(size_t(threads), std::vector<qint64>(rules.size(), 0));
    if (threads == 1) {
        shared.countRange(facts, 0, facts.size(), partial[0]);
        return partial[0];
    }
    std::vector<std::thread> workers;
    // Interleaved blocks, so that both threads get a fair share of expensive and cheap facts.
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (size_t b = size_t(t) * kBlock; b < facts.size(); b += size_t(threads) * kBlock)
                shared.countRange(facts, b, std::min(facts.size(), b + kBlock), partial[size_t(t)]);
        });
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
