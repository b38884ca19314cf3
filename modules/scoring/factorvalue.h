#pragma once

#include <QString>

namespace XinDai::Scoring {

/// One input value of a scorecard factor or expert indicator: missing, a number or a category.
/// Missing data is explicit: a model routes it to its documented missing bin / missing value.
struct FactorValue
{
    enum class Type { Missing, Number, Category };

    Type type = Type::Missing;
    double number = 0; ///< valid when type == Number (never NaN: NaN input makes a Missing value)
    QString category;  ///< valid when type == Category (never empty: empty input makes a Missing value)

    static FactorValue missing() { return {}; }
    static FactorValue of(double value)
    {
        FactorValue v;
        if (value == value) { // NaN is missing
            v.type = Type::Number;
            v.number = value;
        }
        return v;
    }
    static FactorValue of(const QString &value)
    {
        FactorValue v;
        if (!value.isEmpty()) {
            v.type = Type::Category;
            v.category = value;
        }
        return v;
    }
    bool isMissing() const { return type == Type::Missing; }
};

} // namespace XinDai::Scoring
