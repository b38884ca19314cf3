#include "scoring/scorecard.h"

#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace XinDai::Scoring {

using Internal::JsonReader;
using Internal::ModelError;
using Internal::Tr;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEps = 1e-9;

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

Scorecard::Bin readBin(const QJsonObject &o, const QString &path, bool categorical, bool pdo)
{
    Scorecard::Bin bin;
    const bool missing = o.value(QStringLiteral("missing")).toBool(false);
    const bool other = o.value(QStringLiteral("other")).toBool(false);
    const bool hasRange = o.contains(QStringLiteral("lo")) || o.contains(QStringLiteral("hi"));
    const bool hasCategories = o.contains(QStringLiteral("categories"));
    if (missing) {
        if (other || hasRange || hasCategories)
            JsonReader::fail(path,
                             Tr::tr("The missing bin must not also carry a range, categories or \"other\"."));
        bin.kind = Scorecard::Bin::Kind::Missing;
    } else if (other) {
        if (!categorical)
            JsonReader::fail(path, Tr::tr("An \"other\" bin is only allowed in a categorical factor."));
        if (hasRange || hasCategories)
            JsonReader::fail(path, Tr::tr("The \"other\" bin must not also carry a range or categories."));
        bin.kind = Scorecard::Bin::Kind::Other;
    } else if (categorical) {
        if (hasRange)
            JsonReader::fail(
                path, Tr::tr("A categorical factor's bin must list \"categories\", not a numeric range."));
        const QJsonArray cats = JsonReader::requiredArray(o, QStringLiteral("categories"), path);
        if (cats.isEmpty())
            JsonReader::fail(JsonReader::child(path, QStringLiteral("categories")),
                             Tr::tr("A category bin must list at least one category."));
        for (qsizetype i = 0; i < cats.size(); ++i)
            bin.categories.append(JsonReader::string(
                cats.at(i), JsonReader::index(JsonReader::child(path, QStringLiteral("categories")), i)));
        bin.kind = Scorecard::Bin::Kind::Categories;
    } else {
        if (hasCategories)
            JsonReader::fail(path,
                             Tr::tr("A numeric factor's bin must give a range (lo, hi), not categories."));
        bin.kind = Scorecard::Bin::Kind::Range;
        bin.lo = JsonReader::optionalNumber(o, QStringLiteral("lo"), path).value_or(-kInf);
        bin.hi = JsonReader::optionalNumber(o, QStringLiteral("hi"), path).value_or(kInf);
        if (!(bin.lo < bin.hi))
            JsonReader::fail(path, Tr::tr("The bin's lower bound %1 must be below its upper bound %2.")
                                       .arg(num(bin.lo), num(bin.hi)));
    }
    if (pdo) {
        if (o.contains(QStringLiteral("points")))
            JsonReader::fail(JsonReader::child(path, QStringLiteral("points")),
                             Tr::tr("A PDO-scaled scorecard's bins carry \"logOdds\", not \"points\"."));
        bin.logOdds = JsonReader::requiredNumber(o, QStringLiteral("logOdds"), path);
    } else {
        if (o.contains(QStringLiteral("logOdds")))
            JsonReader::fail(JsonReader::child(path, QStringLiteral("logOdds")),
                             Tr::tr("A points scorecard's bins carry \"points\", not \"logOdds\"."));
        bin.points = JsonReader::requiredNumber(o, QStringLiteral("points"), path);
    }
    return bin;
}

void checkRanges(const Scorecard::Factor &f, const QString &path)
{
    double previousHi = -kInf;
    bool first = true;
    for (qsizetype i = 0; i < f.bins.size(); ++i) {
        const Scorecard::Bin &b = f.bins.at(i);
        if (b.kind != Scorecard::Bin::Kind::Range)
            continue;
        const QString binPath = JsonReader::index(path, i);
        if (first) {
            if (b.lo != -kInf)
                JsonReader::fail(binPath,
                                 Tr::tr("The first numeric bin must have no lower bound (omit \"lo\") so "
                                        "that every value falls in a bin; it starts at %1.")
                                     .arg(num(b.lo)));
        } else if (b.lo < previousHi) {
            JsonReader::fail(binPath,
                             b.hi <= previousHi
                                 ? Tr::tr("The bins are not sorted: this bin [%1, %2) lies before the "
                                          "previous bin's upper bound %3.")
                                       .arg(num(b.lo), num(b.hi), num(previousHi))
                                 : Tr::tr("The bins overlap: this bin starts at %1, below the previous "
                                          "bin's upper bound %2.")
                                       .arg(num(b.lo), num(previousHi)));
        } else if (b.lo > previousHi) {
            JsonReader::fail(binPath,
                             Tr::tr("The bins leave a gap: this bin starts at %1 but the previous one ends "
                                    "at %2.")
                                 .arg(num(b.lo), num(previousHi)));
        }
        previousHi = b.hi;
        first = false;
    }
    if (first)
        JsonReader::fail(path, Tr::tr("A numeric factor needs at least one range bin."));
    if (previousHi != kInf)
        JsonReader::fail(path,
                         Tr::tr("The last numeric bin must have no upper bound (omit \"hi\") so that every "
                                "value falls in a bin; it ends at %1.")
                             .arg(num(previousHi)));
}

Scorecard::Factor readFactor(const QJsonObject &o, const QString &path, Scorecard::Input input, bool pdo)
{
    Scorecard::Factor f;
    f.id = JsonReader::requiredString(o, QStringLiteral("id"), path);
    f.label = o.contains(QStringLiteral("label")) ? JsonReader::string(
                  o.value(QStringLiteral("label")), JsonReader::child(path, QStringLiteral("label")))
                                                  : f.id;
    f.feature = o.contains(QStringLiteral("feature")) ? JsonReader::string(
                    o.value(QStringLiteral("feature")), JsonReader::child(path, QStringLiteral("feature")))
                                                      : f.id;
    const QString type = JsonReader::requiredString(o, QStringLiteral("type"), path);
    if (type == u"numeric")
        f.categorical = false;
    else if (type == u"categorical")
        f.categorical = true;
    else
        JsonReader::fail(
            JsonReader::child(path, QStringLiteral("type")),
            Tr::tr("Unknown factor kind \"%1\": expected \"numeric\" or \"categorical\".").arg(type));
    if (input == Scorecard::Input::Firm) {
        const auto feature = FirmFeatures::fromName(f.feature);
        if (!feature)
            JsonReader::fail(
                JsonReader::child(path, QStringLiteral("feature")),
                Tr::tr("Unknown factor \"%1\": it is not one of the firm features this suite computes.")
                    .arg(f.feature));
        if (FirmFeatures::isCategorical(*feature) != f.categorical)
            JsonReader::fail(
                JsonReader::child(path, QStringLiteral("type")),
                Tr::tr("The factor kind \"%1\" does not match feature \"%2\", which is %3.")
                    .arg(type, f.feature,
                         FirmFeatures::isCategorical(*feature) ? Tr::tr("categorical") : Tr::tr("numeric")));
        f.featureIndex = int(*feature);
    }
    const QString binsPath = JsonReader::child(path, QStringLiteral("bins"));
    const QJsonArray bins = JsonReader::requiredArray(o, QStringLiteral("bins"), path);
    QSet<QString> seenCategories;
    for (qsizetype i = 0; i < bins.size(); ++i) {
        const QString binPath = JsonReader::index(binsPath, i);
        Scorecard::Bin bin = readBin(JsonReader::object(bins.at(i), binPath), binPath, f.categorical, pdo);
        if (bin.kind == Scorecard::Bin::Kind::Missing) {
            if (f.missingBin >= 0)
                JsonReader::fail(binPath, Tr::tr("The factor has more than one missing bin."));
            f.missingBin = int(i);
        } else if (bin.kind == Scorecard::Bin::Kind::Other) {
            if (f.otherBin >= 0)
                JsonReader::fail(binPath, Tr::tr("The factor has more than one \"other\" bin."));
            f.otherBin = int(i);
        }
        for (const QString &c : std::as_const(bin.categories)) {
            if (seenCategories.contains(c))
                JsonReader::fail(binPath, Tr::tr("The category \"%1\" appears in more than one bin.").arg(c));
            seenCategories.insert(c);
        }
        f.bins.append(bin);
    }
    if (f.missingBin < 0)
        JsonReader::fail(binsPath,
                         Tr::tr("The factor has no missing bin: add {\"missing\": true, …} so that absent "
                                "data has documented points."));
    if (f.categorical) {
        if (seenCategories.isEmpty())
            JsonReader::fail(binsPath, Tr::tr("A categorical factor needs at least one category bin."));
    } else {
        checkRanges(f, binsPath);
    }
    return f;
}

} // namespace

std::optional<Scorecard> Scorecard::fromJson(const QByteArray &json, QString *error)
{
    try {
        const QJsonObject root = JsonReader::parseDocument(json);
        Scorecard card;
        card.m_info = ModelInfo::read(root, QStringLiteral("scorecard"));
        const QString input = root.value(QStringLiteral("input")).toString(QStringLiteral("firm"));
        if (input == u"firm")
            card.m_input = Input::Firm;
        else if (input == u"columns")
            card.m_input = Input::Columns;
        else
            JsonReader::fail(QStringLiteral("input"),
                             Tr::tr("Unknown input \"%1\": expected \"firm\" or \"columns\".").arg(input));

        const QJsonObject scaling = JsonReader::requiredObject(root, QStringLiteral("scaling"), {});
        const QString method
            = JsonReader::requiredString(scaling, QStringLiteral("method"), QStringLiteral("scaling"));
        double factor = 1;
        if (method == u"points") {
            card.m_base
                = JsonReader::optionalNumber(scaling, QStringLiteral("base"), QStringLiteral("scaling"))
                      .value_or(0);
        } else if (method == u"pdo") {
            card.m_pdo = true;
            card.m_pdoPoints
                = JsonReader::requiredNumber(scaling, QStringLiteral("pdo"), QStringLiteral("scaling"));
            card.m_baseScore
                = JsonReader::requiredNumber(scaling, QStringLiteral("baseScore"), QStringLiteral("scaling"));
            card.m_baseOdds
                = JsonReader::requiredNumber(scaling, QStringLiteral("baseOdds"), QStringLiteral("scaling"));
            card.m_intercept
                = JsonReader::optionalNumber(scaling, QStringLiteral("intercept"), QStringLiteral("scaling"))
                      .value_or(0);
            if (!(card.m_pdoPoints > 0))
                JsonReader::fail(QStringLiteral("scaling.pdo"),
                                 Tr::tr("The points to double the odds must be positive."));
            if (!(card.m_baseOdds > 0))
                JsonReader::fail(QStringLiteral("scaling.baseOdds"),
                                 Tr::tr("The base odds must be positive."));
            factor = card.m_pdoPoints / std::log(2.0);
            const double offset = card.m_baseScore - factor * std::log(card.m_baseOdds);
            card.m_base = offset + factor * card.m_intercept;
        } else {
            JsonReader::fail(
                QStringLiteral("scaling.method"),
                Tr::tr("Unknown scaling method \"%1\": expected \"points\" or \"pdo\".").arg(method));
        }
        if (root.contains(QStringLiteral("reasonCount"))) {
            const double n = JsonReader::number(root.value(QStringLiteral("reasonCount")),
                                                QStringLiteral("reasonCount"));
            if (n < 0 || n > 100 || n != std::floor(n))
                JsonReader::fail(QStringLiteral("reasonCount"),
                                 Tr::tr("The reason count must be a whole number from 0 to 100."));
            card.m_reasonCount = int(n);
        }

        const QJsonArray factors = JsonReader::requiredArray(root, QStringLiteral("factors"), {});
        if (factors.isEmpty())
            JsonReader::fail(QStringLiteral("factors"), Tr::tr("A scorecard needs at least one factor."));
        QSet<QString> ids;
        for (qsizetype i = 0; i < factors.size(); ++i) {
            const QString path = JsonReader::index(QStringLiteral("factors"), i);
            Factor f = readFactor(JsonReader::object(factors.at(i), path), path, card.m_input, card.m_pdo);
            if (ids.contains(f.id))
                JsonReader::fail(JsonReader::child(path, QStringLiteral("id")),
                                 Tr::tr("The factor id \"%1\" is used twice.").arg(f.id));
            ids.insert(f.id);
            f.bestPoints = -kInf;
            for (Bin &b : f.bins) {
                if (card.m_pdo)
                    b.points = factor * b.logOdds;
                f.bestPoints = std::max(f.bestPoints, b.points);
            }
            card.m_factors.append(f);
        }
        card.m_grades = GradeScale::read(root);
        if (error)
            error->clear();
        return card;
    } catch (const ModelError &e) {
        if (error)
            *error = Internal::describe(e);
        return std::nullopt;
    }
}

std::optional<Scorecard> Scorecard::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("The model file %1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

QJsonObject Scorecard::toJson() const
{
    QJsonObject root;
    m_info.write(root);
    root.insert(QStringLiteral("input"),
                m_input == Input::Firm ? QStringLiteral("firm") : QStringLiteral("columns"));
    QJsonObject scaling;
    if (m_pdo) {
        scaling = {{QStringLiteral("method"), QStringLiteral("pdo")},
                   {QStringLiteral("pdo"), m_pdoPoints},
                   {QStringLiteral("baseScore"), m_baseScore},
                   {QStringLiteral("baseOdds"), m_baseOdds},
                   {QStringLiteral("intercept"), m_intercept}};
    } else {
        scaling = {{QStringLiteral("method"), QStringLiteral("points")}, {QStringLiteral("base"), m_base}};
    }
    root.insert(QStringLiteral("scaling"), scaling);
    root.insert(QStringLiteral("reasonCount"), m_reasonCount);
    QJsonArray factors;
    for (const Factor &f : m_factors) {
        QJsonArray bins;
        for (const Bin &b : f.bins) {
            QJsonObject o;
            switch (b.kind) {
            case Bin::Kind::Missing:
                o.insert(QStringLiteral("missing"), true);
                break;
            case Bin::Kind::Other:
                o.insert(QStringLiteral("other"), true);
                break;
            case Bin::Kind::Categories:
                o.insert(QStringLiteral("categories"), QJsonArray::fromStringList(b.categories));
                break;
            case Bin::Kind::Range:
                if (b.lo != -kInf)
                    o.insert(QStringLiteral("lo"), b.lo);
                if (b.hi != kInf)
                    o.insert(QStringLiteral("hi"), b.hi);
                break;
            }
            if (m_pdo)
                o.insert(QStringLiteral("logOdds"), b.logOdds);
            else
                o.insert(QStringLiteral("points"), b.points);
            bins.append(o);
        }
        factors.append(QJsonObject{{QStringLiteral("id"), f.id},
                                   {QStringLiteral("label"), f.label},
                                   {QStringLiteral("feature"), f.feature},
                                   {QStringLiteral("type"), f.categorical ? QStringLiteral("categorical")
                                                                          : QStringLiteral("numeric")},
                                   {QStringLiteral("bins"), bins}});
    }
    root.insert(QStringLiteral("factors"), factors);
    m_grades.write(root);
    return root;
}

int Scorecard::binOf(int factor, const FactorValue &value) const
{
    const Factor &f = m_factors.at(factor);
    if (value.isMissing())
        return f.missingBin;
    if (f.categorical) {
        const QString category = value.type == FactorValue::Type::Category
                                     ? value.category
                                     : QString::number(value.number, 'g', 15);
        for (qsizetype i = 0; i < f.bins.size(); ++i) {
            const Bin &b = f.bins.at(i);
            if (b.kind == Bin::Kind::Categories && b.categories.contains(category))
                return int(i);
        }
        return f.otherBin >= 0 ? f.otherBin : f.missingBin;
    }
    double x = value.number;
    if (value.type == FactorValue::Type::Category) {
        bool ok = false;
        x = value.category.toDouble(&ok);
        if (!ok || !std::isfinite(x))
            return f.missingBin;
    }
    for (qsizetype i = 0; i < f.bins.size(); ++i) {
        const Bin &b = f.bins.at(i);
        if (b.kind == Bin::Kind::Range && x < b.hi)
            return int(i);
    }
    return f.missingBin; // unreachable for a validated model: the last range bin is unbounded
}

template<typename ValueAt>
ScoreResult Scorecard::scoreWith(ValueAt valueAt, int reasonCount) const
{
    ScoreResult r;
    r.basePoints = m_base;
    r.rawScore = m_base;
    r.contributions.reserve(m_factors.size());
    r.reasons.reserve(m_factors.size());
    r.improvements.reserve(m_factors.size());
    for (int i = 0; i < int(m_factors.size()); ++i) {
        const Factor &f = m_factors.at(i);
        ScoreResult::Contribution c;
        c.factor = i;
        c.bin = binOf(i, valueAt(i));
        c.missing = c.bin == f.missingBin;
        c.points = f.bins.at(c.bin).points;
        c.bestPoints = f.bestPoints;
        r.rawScore += c.points;
        r.contributions.append(c);

        const double lost = f.bestPoints - c.points;
        if (lost > kEps)
            r.reasons.append({i, c.bin, lost});
        int next = -1;
        for (int b = 0; b < int(f.bins.size()); ++b) {
            const Bin &bin = f.bins.at(b);
            if (bin.kind == Bin::Kind::Missing || !(bin.points > c.points + kEps))
                continue;
            if (next < 0 || bin.points < f.bins.at(next).points)
                next = b;
        }
        if (next >= 0)
            r.improvements.append({i, c.bin, next, f.bins.at(next).points - c.points});
    }
    std::stable_sort(r.reasons.begin(), r.reasons.end(),
                     [](const ScoreResult::Reason &a, const ScoreResult::Reason &b) {
                         return a.pointsLost > b.pointsLost;
                     });
    const int n = reasonCount < 0 ? m_reasonCount : reasonCount;
    if (r.reasons.size() > n)
        r.reasons.resize(n);
    std::stable_sort(r.improvements.begin(), r.improvements.end(),
                     [](const ScoreResult::Improvement &a, const ScoreResult::Improvement &b) {
                         return a.pointsGained > b.pointsGained;
                     });
    r.score = m_grades.clamp(r.rawScore);
    r.grade = m_grades.grade(r.rawScore);
    return r;
}

ScoreResult Scorecard::score(const FirmFeatures &features, int reasonCount) const
{
    return scoreWith(
        [&](int i) {
            const int fi = m_factors.at(i).featureIndex;
            return fi < 0 ? FactorValue::missing() : features.factorValue(FirmFeatures::Feature(fi));
        },
        reasonCount);
}

ScoreResult Scorecard::scoreValues(const QVector<FactorValue> &values, int reasonCount) const
{
    return scoreWith([&](int i) { return i < values.size() ? values.at(i) : FactorValue::missing(); },
                     reasonCount);
}

QString Scorecard::binText(int factor, int bin) const
{
    const Bin &b = m_factors.at(factor).bins.at(bin);
    switch (b.kind) {
    case Bin::Kind::Missing:
        return Tr::tr("no data");
    case Bin::Kind::Other:
        return Tr::tr("other values");
    case Bin::Kind::Categories:
        return b.categories.join(QStringLiteral(", "));
    case Bin::Kind::Range:
        break;
    }
    if (b.lo == -kInf)
        return Tr::tr("under %1").arg(num(b.hi));
    if (b.hi == kInf)
        return Tr::tr("%1 or more").arg(num(b.lo));
    return Tr::tr("from %1 to under %2").arg(num(b.lo), num(b.hi));
}

QStringList Scorecard::reasonTexts(const ScoreResult &result) const
{
    QStringList out;
    for (const ScoreResult::Reason &r : result.reasons) {
        const Factor &f = m_factors.at(r.factor);
        int best = 0;
        for (int b = 0; b < int(f.bins.size()); ++b) {
            if (f.bins.at(b).points > f.bins.at(best).points)
                best = b;
        }
        out.append(Tr::tr("%1 (%2) lowered the score by %3 points compared with its best value (%4).")
                       .arg(f.label, binText(r.factor, r.bin), QString::number(r.pointsLost, 'f', 1),
                            binText(r.factor, best)));
    }
    return out;
}

QStringList Scorecard::improvementTexts(const ScoreResult &result) const
{
    QStringList out;
    for (const ScoreResult::Improvement &i : result.improvements) {
        const Factor &f = m_factors.at(i.factor);
        out.append(Tr::tr("Raising %1 from %2 to %3 would add %4 points.")
                       .arg(f.label, binText(i.factor, i.fromBin), binText(i.factor, i.toBin),
                            QString::number(i.pointsGained, 'f', 1)));
    }
    return out;
}

} // namespace XinDai::Scoring
