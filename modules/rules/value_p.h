#pragma once

// Private: payload layouts of Value and fast accessors used by the evaluator.

#include "rules/value.h"

#include <QString>

#include <vector>

namespace XinDai::Rules::Internal {

struct StringHeap : Heap
{
    QString text;
};

struct ArrayHeap : Heap
{
    std::vector<Value> items;
};

/// An object in one allocation: this header, then `count` key ids sorted ascending (padded to 8 bytes),
/// then the `count` values in the same order, then `count` slot numbers giving the insertion order for
/// output, then (for larger objects whose key ids span at most kMaxDirect) a byte table mapping
/// keyId - minKey to the slot (0xff = absent). Member lookup is then one bounds check and one load;
/// small objects scan their few keys, others binary-search.
struct ObjectHeap : Heap
{
    static constexpr quint32 kMaxDirect = 256;
    static constexpr quint32 kLinear = 8;

    quint32 count = 0;
    quint32 minKey = 0;
    quint32 range = 0; ///< size of the direct table, 0 when there is none

    static size_t keyBytes(quint32 n) noexcept { return (size_t(n) * sizeof(quint32) + 7) & ~size_t(7); }
    const quint32 *keys() const noexcept { return reinterpret_cast<const quint32 *>(this + 1); }
    const Value *values() const noexcept
    {
        return reinterpret_cast<const Value *>(reinterpret_cast<const char *>(this + 1) + keyBytes(count));
    }
    const quint32 *order() const noexcept { return reinterpret_cast<const quint32 *>(values() + count); }
    const quint8 *direct() const noexcept { return reinterpret_cast<const quint8 *>(order() + count); }

    /// Builds the payload (reference count 1); \a keys ascending without duplicates, \a order a
    /// permutation of 0..n-1.
    static ObjectHeap *create(const std::vector<quint32> &keys, std::vector<Value> &&values,
                              const std::vector<quint32> &order);
    static void destroy(const ObjectHeap *heap);

    const Value *find(quint32 keyId) const noexcept
    {
        if (range) {
            const quint32 d = keyId - minKey; // wraps for keyId < minKey
            if (d >= range)
                return nullptr;
            const quint8 slot = direct()[d];
            return slot == 0xff ? nullptr : &values()[slot];
        }
        const quint32 n = count;
        const quint32 *k = keys();
        if (n <= kLinear) {
            for (quint32 i = 0; i < n; ++i) {
                if (k[i] >= keyId)
                    return k[i] == keyId ? &values()[i] : nullptr;
            }
            return nullptr;
        }
        // branch-free binary search
        const quint32 *base = k;
        quint32 len = n;
        while (len > 1) {
            const quint32 half = len / 2;
            base = base[half - 1] < keyId ? base + half : base;
            len -= half;
        }
        return *base == keyId ? &values()[base - k] : nullptr;
    }
};

} // namespace XinDai::Rules::Internal

namespace XinDai::Rules {

/// Equal UTF-16 content; an inline loop beats a memcmp call for the short codes rules compare.
inline bool sameText(const QString &x, const QString &y) noexcept
{
    const qsizetype n = x.size();
    if (n != y.size())
        return false;
    const QChar *a = x.constData();
    const QChar *b = y.constData();
    for (qsizetype i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

/// Friend of Value: raw payload access for the evaluator's hot paths (no checks beyond the type).
struct ValueAccess
{
    static const Internal::StringHeap *str(const Value &v) noexcept
    {
        return static_cast<const Internal::StringHeap *>(v.m_u.heap);
    }
    static const Internal::ArrayHeap *arr(const Value &v) noexcept
    {
        return static_cast<const Internal::ArrayHeap *>(v.m_u.heap);
    }
    static const Internal::ObjectHeap *obj(const Value &v) noexcept
    {
        return static_cast<const Internal::ObjectHeap *>(v.m_u.heap);
    }
    static double num(const Value &v) noexcept { return v.m_u.number; }
    /// Wraps a freshly built payload (reference count 1) into a Value that takes ownership.
    static Value adopt(Internal::Heap *heap, Value::Type type) noexcept
    {
        Value v;
        v.m_type = quint8(type);
        v.m_u.heap = heap;
        return v;
    }
};

} // namespace XinDai::Rules
