#include "scoring/expertmodel.h"

#include "scoring/jsonreader_p.h"
#include "scoring/scoringtr_p.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace XinDai::Scoring {

using Internal::JsonReader;
using Internal::ModelError;
using Internal::Tr;

namespace {

double unitValue(const QJsonValue &v, const QString &path)
{
    const double x = JsonReader::number(v, path);
    if (x < 0 || x > 1)
        JsonReader::fail(path, Tr::tr("A normalised value must lie between 0 and 1, found %1.").arg(x));
    return x;
}

ExpertModel::Indicator readIndicator(const QJsonObject &o, const QString &path)
{
    using Method = ExpertModel::Indicator::Method;
    ExpertModel::Indicator ind;
    ind.id = JsonReader::requiredString(o, QStringLiteral("id"), path);
    ind.label = o.contains(QStringLiteral("label")) ? JsonReader::string(
                    o.value(QStringLiteral("label")), JsonReader::child(path, QStringLiteral("label")))
                                                    : ind.id;
    ind.feature = o.contains(QStringLiteral("feature")) ? JsonReader::string(
                      o.value(QStringLiteral("feature")), JsonReader::child(path, QStringLiteral("feature")))
                                                        : ind.id;
    const auto feature = FirmFeatures::fromName(ind.feature);
    if (!feature)
        JsonReader::fail(
            JsonReader::child(path, QStringLiteral("feature")),
            Tr::tr("Unknown indicator \"%1\": it is not one of the firm features this suite computes.")
                .arg(ind.feature));
    ind.featureIndex = int(*feature);
    if (!o.contains(QStringLiteral("missing")))
        JsonReader::fail(JsonReader::child(path, QStringLiteral("missing")),
                         Tr::tr("The indicator has no \"missing\" value: state the normalised value used "
                                "when data is absent."));
    ind.missingValue
        = unitValue(o.value(QStringLiteral("missing")), JsonReader::child(path, QStringLiteral("missing")));

    const QString nPath = JsonReader::child(path, QStringLiteral("normalisation"));
    const QJsonObject n = JsonReader::requiredObject(o, QStringLiteral("normalisation"), path);
    const QString method = JsonReader::requiredString(n, QStringLiteral("method"), nPath);
    const bool categorical = FirmFeatures::isCategorical(*feature);
    if ((method == u"category") != categorical)
        JsonReader::fail(
            JsonReader::child(nPath, QStringLiteral("method")),
            categorical
                ? Tr::tr("The feature \"%1\" is categorical: use the \"category\" method.").arg(ind.feature)
                : Tr::tr("The feature \"%1\" is numeric: the \"category\" method does not apply.")
                      .arg(ind.feature));
    if (method == u"minmax") {
        ind.method = Method::MinMax;
        ind.min = JsonReader::requiredNumber(n, QStringLiteral("min"), nPath);
        ind.max = JsonReader::requiredNumber(n, QStringLiteral("max"), nPath);
        if (!(ind.min < ind.max))
            JsonReader::fail(nPath, Tr::tr("The min-max bounds must satisfy min < max, found %1 and %2.")
                                        .arg(ind.min)
                                        .arg(ind.max));
        const QString dir = JsonReader::requiredString(n, QStringLiteral("direction"), nPath);
        if (dir != u"benefit" && dir != u"cost")
            JsonReader::fail(JsonReader::child(nPath, QStringLiteral("direction")),
                             Tr::tr("Unknown direction \"%1\": expected \"benefit\" or \"cost\".").arg(dir));
        ind.cost = dir == u"cost";
    } else if (method == u"piecewise") {
        ind.method = Method::Piecewise;
        const QString pPath = JsonReader::child(nPath, QStringLiteral("points"));
        const QJsonArray pts = JsonReader::requiredArray(n, QStringLiteral("points"), nPath);
        if (pts.size() < 2)
            JsonReader::fail(pPath, Tr::tr("A piecewise mapping needs at least two points."));
        for (qsizetype i = 0; i < pts.size(); ++i) {
            const QString ptPath = JsonReader::index(pPath, i);
            const QJsonArray pt = JsonReader::array(pts.at(i), ptPath);
            if (pt.size() != 2)
                JsonReader::fail(ptPath, Tr::tr("A piecewise point must be a pair [x, y]."));
            const double x = JsonReader::number(pt.at(0), JsonReader::index(ptPath, 0));
            const double y = unitValue(pt.at(1), JsonReader::index(ptPath, 1));
            if (!ind.points.isEmpty() && !(x > ind.points.last().first))
                JsonReader::fail(
                    ptPath,
                    Tr::tr("The piecewise points are not sorted: x = %1 does not exceed the previous x = %2.")
                        .arg(x)
                        .arg(ind.points.last().first));
            ind.points.append({x, y});
        }
    } else if (method == u"threshold") {
        ind.method = Method::Threshold;
        const QJsonArray cuts = JsonReader::requiredArray(n, QStringLiteral("cuts"), nPath);
        const QJsonArray values = JsonReader::requiredArray(n, QStringLiteral("values"), nPath);
        const QString cPath = JsonReader::child(nPath, QStringLiteral("cuts"));
        for (qsizetype i = 0; i < cuts.size(); ++i) {
            const double c = JsonReader::number(cuts.at(i), JsonReader::index(cPath, i));
            if (!ind.cuts.isEmpty() && !(c > ind.cuts.last()))
                JsonReader::fail(JsonReader::index(cPath, i),
                                 Tr::tr("The threshold cuts are not sorted: %1 does not exceed %2.")
                                     .arg(c)
                                     .arg(ind.cuts.last()));
            ind.cuts.append(c);
        }
        if (ind.cuts.isEmpty())
            JsonReader::fail(cPath, Tr::tr("A threshold mapping needs at least one cut."));
        if (values.size() != cuts.size() + 1)
            JsonReader::fail(JsonReader::child(nPath, QStringLiteral("values")),
                             Tr::tr("A threshold mapping with %1 cuts needs %2 values, found %3.")
                                 .arg(cuts.size())
                                 .arg(cuts.size() + 1)
                                 .arg(values.size()));
        for (qsizetype i = 0; i < values.size(); ++i)
            ind.values.append(unitValue(
                values.at(i), JsonReader::index(JsonReader::child(nPath, QStringLiteral("values")), i)));
    } else if (method == u"category") {
        ind.method = Method::Category;
        const QString vPath = JsonReader::child(nPath, QStringLiteral("values"));
        const QJsonObject values = JsonReader::requiredObject(n, QStringLiteral("values"), nPath);
        if (values.isEmpty())
            JsonReader::fail(vPath, Tr::tr("A category mapping needs at least one category."));
        for (auto it = values.begin(); it != values.end(); ++it)
            ind.categoryValues.insert(it.key(), unitValue(it.value(), JsonReader::child(vPath, it.key())));
        if (!n.contains(QStringLiteral("other")))
            JsonReader::fail(JsonReader::child(nPath, QStringLiteral("other")),
                             Tr::tr("A category mapping needs an \"other\" value for unlisted categories."));
        ind.otherValue
            = unitValue(n.value(QStringLiteral("other")), JsonReader::child(nPath, QStringLiteral("other")));
    } else {
        JsonReader::fail(
            JsonReader::child(nPath, QStringLiteral("method")),
            Tr::tr("Unknown normalisation method \"%1\": expected minmax, piecewise, threshold or category.")
                .arg(method));
    }
    return ind;
}

} // namespace

std::optional<ExpertModel> ExpertModel::fromJson(const QByteArray &json, QString *error)
{
    try {
        const QJsonObject root = JsonReader::parseDocument(json);
        ExpertModel m;
        m.m_info = ModelInfo::read(root, QStringLiteral("expert"));
        const QJsonArray inds = JsonReader::requiredArray(root, QStringLiteral("indicators"), {});
        if (inds.isEmpty())
            JsonReader::fail(QStringLiteral("indicators"),
                             Tr::tr("An expert model needs at least one indicator."));
        QSet<QString> ids;
        for (qsizetype i = 0; i < inds.size(); ++i) {
            const QString path = JsonReader::index(QStringLiteral("indicators"), i);
            Indicator ind = readIndicator(JsonReader::object(inds.at(i), path), path);
            if (ids.contains(ind.id))
                JsonReader::fail(JsonReader::child(path, QStringLiteral("id")),
                                 Tr::tr("The indicator id \"%1\" is used twice.").arg(ind.id));
            ids.insert(ind.id);
            m.m_indicators.append(ind);
        }
        const qsizetype n = m.m_indicators.size();
        const bool hasWeights = root.contains(QStringLiteral("weights"));
        const bool hasAhp = root.contains(QStringLiteral("ahp"));
        if (hasWeights == hasAhp)
            JsonReader::fail(QStringLiteral("weights"),
                             Tr::tr("Give exactly one of \"weights\" and \"ahp\"."));
        if (hasWeights) {
            const QJsonArray w
                = JsonReader::array(root.value(QStringLiteral("weights")), QStringLiteral("weights"));
            if (w.size() != n)
                JsonReader::fail(QStringLiteral("weights"),
                                 Tr::tr("There are %1 weights for %2 indicators.").arg(w.size()).arg(n));
            double sum = 0;
            for (qsizetype i = 0; i < n; ++i) {
                const double x = JsonReader::number(w.at(i), JsonReader::index(QStringLiteral("weights"), i));
                if (x < 0)
                    JsonReader::fail(JsonReader::index(QStringLiteral("weights"), i),
                                     Tr::tr("A weight must not be negative, found %1.").arg(x));
                m.m_weights.append(x);
                sum += x;
            }
            if (std::abs(sum - 1) > 1e-9)
                JsonReader::fail(
                    QStringLiteral("weights"),
                    Tr::tr("The weights sum to %1 instead of 1 (tolerance 1e-9).").arg(sum, 0, 'g', 15));
        } else {
            const QJsonObject ahp
                = JsonReader::object(root.value(QStringLiteral("ahp")), QStringLiteral("ahp"));
            const QJsonArray rows
                = JsonReader::requiredArray(ahp, QStringLiteral("matrix"), QStringLiteral("ahp"));
            const QString mPath = QStringLiteral("ahp.matrix");
            if (rows.size() != n)
                JsonReader::fail(
                    mPath,
                    Tr::tr("The comparison matrix has %1 rows for %2 indicators.").arg(rows.size()).arg(n));
            QVector<QVector<double>> matrix;
            for (qsizetype i = 0; i < n; ++i) {
                const QJsonArray row = JsonReader::array(rows.at(i), JsonReader::index(mPath, i));
                QVector<double> r;
                for (qsizetype j = 0; j < row.size(); ++j)
                    r.append(JsonReader::ratio(row.at(j), JsonReader::index(JsonReader::index(mPath, i), j)));
                matrix.append(r);
            }
            m.m_ahp = Ahp::derive(matrix);
            if (!m.m_ahp.ok)
                JsonReader::fail(mPath, m.m_ahp.error);
            m.m_weights = m.m_ahp.weights;
        }
        m.m_grades = GradeScale::read(root);
        if (m.m_grades.minimum() != 0 || m.m_grades.maximum() != 100)
            JsonReader::fail(
                QStringLiteral("scoreRange"),
                Tr::tr("An expert model scores from 0 to 100: the score range must be 0 to 100."));
        if (error)
            error->clear();
        return m;
    } catch (const ModelError &e) {
        if (error)
            *error = Internal::describe(e);
        return std::nullopt;
    }
}

std::optional<ExpertModel> ExpertModel::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("The model file %1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

double ExpertModel::normalise(int i, const FactorValue &value) const
{
    const Indicator &ind = m_indicators.at(i);
    if (value.isMissing())
        return ind.missingValue;
    if (ind.method == Indicator::Method::Category) {
        const QString c = value.type == FactorValue::Type::Category ? value.category
                                                                    : QString::number(value.number, 'g', 15);
        return ind.categoryValues.value(c, ind.otherValue);
    }
    double x = value.number;
    if (value.type == FactorValue::Type::Category) {
        bool ok = false;
        x = value.category.toDouble(&ok);
        if (!ok || !std::isfinite(x))
            return ind.missingValue;
    }
    switch (ind.method) {
    case Indicator::Method::MinMax: {
        const double s = std::clamp((x - ind.min) / (ind.max - ind.min), 0.0, 1.0);
        return ind.cost ? 1 - s : s;
    }
    case Indicator::Method::Piecewise: {
        if (x <= ind.points.first().first)
            return ind.points.first().second;
        if (x >= ind.points.last().first)
            return ind.points.last().second;
        for (qsizetype k = 1; k < ind.points.size(); ++k) {
            const auto &[x1, y1] = ind.points.at(k);
            if (x <= x1) {
                const auto &[x0, y0] = ind.points.at(k - 1);
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        return ind.points.last().second;
    }
    case Indicator::Method::Threshold: {
        qsizetype k = 0;
        while (k < ind.cuts.size() && x >= ind.cuts.at(k))
            ++k;
        return ind.values.at(k);
    }
    case Indicator::Method::Category:
        break;
    }
    return ind.missingValue;
}

ExpertModel::Result ExpertModel::scoreValues(const QVector<FactorValue> &values) const
{
    Result r;
    for (int i = 0; i < int(m_indicators.size()); ++i) {
        const FactorValue v = i < values.size() ? values.at(i) : FactorValue::missing();
        Contribution c;
        c.indicator = i;
        c.missing = v.isMissing();
        c.normalised = normalise(i, v);
        c.weight = m_weights.at(i);
        c.points = 100 * c.weight * c.normalised;
        r.score += c.points;
        r.contributions.append(c);
    }
    r.score = m_grades.clamp(r.score);
    r.grade = m_grades.grade(r.score);
    return r;
}

ExpertModel::Result ExpertModel::score(const FirmFeatures &features) const
{
    QVector<FactorValue> values;
    values.reserve(m_indicators.size());
    for (const Indicator &ind : m_indicators)
        values.append(features.factorValue(FirmFeatures::Feature(ind.featureIndex)));
    return scoreValues(values);
}

} // namespace XinDai::Scoring
