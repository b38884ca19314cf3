#include "commands.h"
#include "intake/csvparser.h"
#include "intake/textencoding.h"
#include "scoring/classificationmetrics.h"
#include "scoring/gradescale.h"
#include "scoring/logisticregression.h"
#include "scoring/modelinfo.h"
#include "scoring/populationstability.h"
#include "scoring/scorecardbuilder.h"
#include "scoring/woebinning.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

// CLI messages are plain English (the CLI is for scripts), like most other xindai-cli commands.
namespace XinDai::Cli {

namespace {

using Scoring::WoeBinning;

/// Features whose information value on the training rows is below this are dropped before the regression
/// (the usual "unpredictive" threshold for IV).
constexpr double kMinInformationValue = 0.02;

int dataError(const QString &message)
{
    QTextStream(stderr) << "xindai-cli: " << message << "\n";
    return 1;
}

/// A CSV read fully: header and rows of equal width.
struct Table
{
    QStringList header;
    QVector<QStringList> rows; ///< data rows, in file order
};

/// Reads \a path (UTF-8 or GB18030). Returns false with \a error set on a missing, undecodable, malformed
/// or empty file.
bool readTable(const QString &path, Table *table, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open the CSV file '%1': %2").arg(path, file.errorString());
        return false;
    }
    const Intake::TextEncoding::Decoded decoded = Intake::TextEncoding::decode(file.readAll());
    if (!decoded.ok) {
        *error = QStringLiteral("cannot decode '%1': %2").arg(path, decoded.error);
        return false;
    }
    Intake::CsvParser parser(decoded.text);
    Intake::CsvRecord record;
    bool first = true;
    while (parser.next(&record)) {
        if (!record.error.isEmpty()) {
            *error = QStringLiteral("'%1' line %2: %3").arg(path).arg(record.line).arg(record.error);
            return false;
        }
        if (first) {
            table->header = record.fields;
            for (QString &name : table->header)
                name = name.trimmed();
            first = false;
            continue;
        }
        if (record.fields.size() != table->header.size()) {
            *error = QStringLiteral("'%1' data row %2 (line %3) has %4 fields but the header has %5")
                         .arg(path)
                         .arg(table->rows.size() + 1)
                         .arg(record.line)
                         .arg(record.fields.size())
                         .arg(table->header.size());
            return false;
        }
        table->rows.append(record.fields);
    }
    if (first) {
        *error = QStringLiteral("the CSV file '%1' is empty (no header row)").arg(path);
        return false;
    }
    if (table->rows.isEmpty()) {
        *error = QStringLiteral("the CSV file '%1' has a header but no data rows").arg(path);
        return false;
    }
    return true;
}

/// One feature column: numeric when every non-empty value parses as a number (empty = missing = NaN).
struct Feature
{
    QString name;
    bool numeric = true;
    QVector<double> numbers; ///< numeric: per row, NaN = missing
    QStringList texts;       ///< categorical: per row, trimmed, "" = missing
};

Feature makeFeature(const Table &table, int column)
{
    Feature f;
    f.name = table.header.at(column);
    f.numbers.reserve(table.rows.size());
    for (const QStringList &row : table.rows) {
        const QString value = row.at(column).trimmed();
        f.texts.append(value);
        if (value.isEmpty()) {
            f.numbers.append(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            f.numeric = false;
        f.numbers.append(ok ? d : std::numeric_limits<double>::quiet_NaN());
    }
    if (f.numeric)
        f.texts.clear();
    else
        f.numbers.clear();
    return f;
}

/// What training on a subset of rows produced.
struct Trained
{
    QStringList used;              ///< feature names kept (IV ≥ kMinInformationValue), column order
    QVector<WoeBinning> binnings;  ///< one per used feature
    QVector<int> usedIndex;        ///< index into the feature list
    QVector<double> coefficients;  ///< [0] intercept, then one per used feature
    QJsonObject informationValues; ///< every feature's IV on the training rows, kept or not
};

double woeOf(const Feature &f, const WoeBinning &b, int row)
{
    const int bin = f.numeric ? b.binOf(f.numbers.at(row)) : b.binOf(f.texts.at(row));
    return b.bins().at(bin).woe;
}

/// Bins every feature on \a rows, drops low-IV features and fits the regression on the WoE values.
bool train(const QVector<Feature> &features, const QVector<int> &target, const QVector<int> &rows,
           Trained *out, QString *error)
{
    QVector<int> y;
    y.reserve(rows.size());
    for (const int r : rows)
        y.append(target.at(r));
    for (int j = 0; j < features.size(); ++j) {
        const Feature &f = features.at(j);
        WoeBinning b;
        if (f.numeric) {
            QVector<double> x;
            x.reserve(rows.size());
            for (const int r : rows)
                x.append(f.numbers.at(r));
            b = WoeBinning::numeric(x, y);
        } else {
            QStringList x;
            x.reserve(rows.size());
            for (const int r : rows)
                x.append(f.texts.at(r));
            b = WoeBinning::categorical(x, y);
        }
        out->informationValues.insert(f.name, b.informationValue());
        if (b.informationValue() < kMinInformationValue)
            continue;
        out->used.append(f.name);
        out->binnings.append(b);
        out->usedIndex.append(j);
    }
    if (out->used.isEmpty()) {
        *error = QStringLiteral("no feature has an information value of at least %1 on the training rows")
                     .arg(kMinInformationValue);
        return false;
    }
    QVector<QVector<double>> x;
    x.reserve(rows.size());
    for (const int r : rows) {
        QVector<double> v;
        for (int k = 0; k < out->used.size(); ++k)
            v.append(woeOf(features.at(out->usedIndex.at(k)), out->binnings.at(k), r));
        x.append(v);
    }
    // A small ridge keeps the Newton steps solvable when two WoE columns are (almost) collinear.
    Scoring::LogisticRegression::Options options;
    options.l2 = 1e-3;
    const Scoring::LogisticRegression::Fit fit = Scoring::LogisticRegression::fit(x, y, options);
    if (!fit.ok) {
        *error = QStringLiteral("the logistic regression failed: %1").arg(fit.error);
        return false;
    }
    out->coefficients = fit.coefficients;
    return true;
}

double predict(const QVector<Feature> &features, const Trained &t, int row)
{
    QVector<double> v;
    for (int k = 0; k < t.used.size(); ++k)
        v.append(woeOf(features.at(t.usedIndex.at(k)), t.binnings.at(k), row));
    return Scoring::LogisticRegression::probability(t.coefficients, v);
}

bool bothClasses(const QVector<int> &target, const QVector<int> &rows)
{
    bool zero = false;
    bool one = false;
    for (const int r : rows)
        (target.at(r) == 1 ? one : zero) = true;
    return zero && one;
}

/// Deterministic Fisher–Yates shuffle of 0 … n−1 driven by mt19937_64 (whose output is fixed by the
/// standard, unlike std::shuffle's use of it).
QVector<int> shuffled(int n, quint64 seed)
{
    QVector<int> order(n);
    for (int i = 0; i < n; ++i)
        order[i] = i;
    std::mt19937_64 rng(seed);
    for (int i = n - 1; i > 0; --i) {
        const int j = int(rng() % quint64(i + 1));
        std::swap(order[i], order[j]);
    }
    return order;
}

QString idPart(const QString &name)
{
    QString id;
    for (const QChar c : name.toLower())
        id.append(c.isLetterOrNumber() && c.unicode() < 128 ? c : QLatin1Char('-'));
    return id;
}

int runTrain(const QStringList &args)
{
    const QString usage = QStringLiteral("usage: model train --csv FILE --target COLUMN [--holdout 0.3 | "
                                         "--cv 10] [--seed S] [--out MODEL.json]");
    QString csv;
    QString targetName;
    QString outPath;
    double holdout = 0.3;
    int folds = 0;
    bool holdoutGiven = false;
    quint64 seed = 1;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> QString {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        if (arg == QLatin1String("--csv")) {
            csv = value();
        } else if (arg == QLatin1String("--target")) {
            targetName = value();
        } else if (arg == QLatin1String("--out")) {
            outPath = value();
        } else if (arg == QLatin1String("--holdout")) {
            bool ok = false;
            holdout = value().toDouble(&ok);
            if (!ok || !(holdout > 0 && holdout < 1))
                return usageError(QStringLiteral("--holdout needs a fraction strictly between 0 and 1"));
            holdoutGiven = true;
        } else if (arg == QLatin1String("--cv")) {
            bool ok = false;
            folds = value().toInt(&ok);
            if (!ok || folds < 2)
                return usageError(QStringLiteral("--cv needs a number of folds of at least 2"));
        } else if (arg == QLatin1String("--seed")) {
            bool ok = false;
            seed = value().toULongLong(&ok);
            if (!ok)
                return usageError(QStringLiteral("--seed needs a non-negative integer"));
        } else {
            return usageError(QStringLiteral("unknown option '%1' for 'model train'; %2").arg(arg, usage));
        }
    }
    if (csv.isEmpty() || targetName.isEmpty())
        return usageError(usage);
    if (holdoutGiven && folds > 0)
        return usageError(QStringLiteral("--holdout and --cv cannot be used together"));

    Table table;
    QString error;
    if (!readTable(csv, &table, &error))
        return dataError(error);
    const int targetColumn = int(table.header.indexOf(targetName));
    if (targetColumn < 0)
        return usageError(QStringLiteral("the target column '%1' is not in the header of '%2' (columns: %3)")
                              .arg(targetName, csv, table.header.join(QLatin1String(", "))));
    const int n = int(table.rows.size());
    QVector<int> target;
    target.reserve(n);
    for (int r = 0; r < n; ++r) {
        const QString v = table.rows.at(r).at(targetColumn).trimmed();
        if (v != QLatin1String("0") && v != QLatin1String("1"))
            return dataError(
                QStringLiteral("the target column '%1' must be 0 or 1, but data row %2 (after the "
                               "header) has '%3'")
                    .arg(targetName)
                    .arg(r + 1)
                    .arg(v));
        target.append(v == QLatin1String("1") ? 1 : 0);
    }
    QVector<int> all(n);
    for (int r = 0; r < n; ++r)
        all[r] = r;
    if (!bothClasses(target, all))
        return dataError(
            QStringLiteral("the target column '%1' needs both classes 0 and 1, but only one occurs")
                .arg(targetName));
    QVector<Feature> features;
    for (int c = 0; c < table.header.size(); ++c)
        if (c != targetColumn)
            features.append(makeFeature(table, c));
    if (features.isEmpty())
        return dataError(QStringLiteral("'%1' has no column besides the target").arg(csv));

    const QVector<int> order = shuffled(n, seed);
    QVector<double> scores;
    QVector<int> outcomes;
    Trained modelForFile;
    QJsonObject result;
    result.insert(QStringLiteral("rows"), n);
    if (folds > 0) {
        if (folds > n)
            return usageError(
                QStringLiteral("--cv %1 needs at least %1 rows, the file has %2").arg(folds).arg(n));
        for (int k = 0; k < folds; ++k) {
            QVector<int> trainRows;
            QVector<int> testRows;
            for (int i = 0; i < n; ++i)
                (i % folds == k ? testRows : trainRows).append(order.at(i));
            if (!bothClasses(target, trainRows))
                return dataError(QStringLiteral("fold %1 of %2 has only one class in its training rows")
                                     .arg(k + 1)
                                     .arg(folds));
            Trained t;
            if (!train(features, target, trainRows, &t, &error))
                return dataError(QStringLiteral("fold %1 of %2: %3").arg(k + 1).arg(folds).arg(error));
            for (const int r : testRows) {
                scores.append(predict(features, t, r));
                outcomes.append(target.at(r));
            }
        }
        // The reported features and the written model come from a fit on all rows.
        if (!train(features, target, all, &modelForFile, &error))
            return dataError(error);
        result.insert(QStringLiteral("method"), QStringLiteral("cv"));
        result.insert(QStringLiteral("folds"), folds);
    } else {
        const int testCount = int(std::lround(n * holdout));
        if (testCount < 1 || testCount >= n)
            return dataError(
                QStringLiteral("a holdout of %1 of %2 rows leaves an empty part").arg(holdout).arg(n));
        const QVector<int> testRows = order.mid(0, testCount);
        const QVector<int> trainRows = order.mid(testCount);
        if (!bothClasses(target, trainRows) || !bothClasses(target, testRows))
            return dataError(
                QStringLiteral("the training or holdout part has only one class of '%1'").arg(targetName));
        if (!train(features, target, trainRows, &modelForFile, &error))
            return dataError(error);
        for (const int r : testRows) {
            scores.append(predict(features, modelForFile, r));
            outcomes.append(target.at(r));
        }
        result.insert(QStringLiteral("method"), QStringLiteral("holdout"));
        result.insert(QStringLiteral("folds"), 1);
        result.insert(QStringLiteral("holdout_rows"), testCount);
    }
    const double auc = Scoring::ClassificationMetrics::auc(scores, outcomes);
    result.insert(QStringLiteral("features_used"), QJsonArray::fromStringList(modelForFile.used));
    result.insert(QStringLiteral("information_values"), modelForFile.informationValues);
    result.insert(QStringLiteral("auc"), auc);
    result.insert(QStringLiteral("ks"), Scoring::ClassificationMetrics::ks(scores, outcomes));
    result.insert(QStringLiteral("gini"), Scoring::ClassificationMetrics::gini(auc));

    if (!outPath.isEmpty()) {
        Scoring::ModelInfo info;
        info.kind = QStringLiteral("scorecard");
        info.id = QStringLiteral("trained-") + idPart(QFileInfo(csv).completeBaseName());
        info.version = 1;
        info.name = QFileInfo(csv).completeBaseName();
        const Scoring::GradeScale grades
            = Scoring::GradeScale::fromBounds(300, 900, {740, 700, 660, 620, 580, 540, 500, 440, 300});
        const QJsonObject model = Scoring::ScorecardBuilder::build(
            info, modelForFile.used, modelForFile.binnings, modelForFile.coefficients, {}, grades);
        QSaveFile file(outPath);
        if (model.isEmpty() || !file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(model).toJson()) < 0 || !file.commit())
            return dataError(
                QStringLiteral("cannot write the model file '%1': %2").arg(outPath, file.errorString()));
        result.insert(QStringLiteral("out"), outPath);
    }
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

/// Reads the score column of a PSI input: \a column by name, or the only column, or "score".
bool readScores(const QString &path, const QString &column, QVector<double> *scores, QString *error,
                bool *usage)
{
    Table table;
    if (!readTable(path, &table, error))
        return false;
    int c = -1;
    if (!column.isEmpty())
        c = int(table.header.indexOf(column));
    else if (table.header.size() == 1)
        c = 0;
    else
        c = int(table.header.indexOf(QStringLiteral("score")));
    if (c < 0) {
        *usage = true;
        *error = QStringLiteral("the score column '%1' is not in the header of '%2' (columns: %3)")
                     .arg(column.isEmpty() ? QStringLiteral("score") : column, path,
                          table.header.join(QLatin1String(", ")));
        return false;
    }
    for (int r = 0; r < table.rows.size(); ++r) {
        const QString v = table.rows.at(r).at(c).trimmed();
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d)) {
            *error = QStringLiteral("'%1' data row %2: the score '%3' is not a number")
                         .arg(path)
                         .arg(r + 1)
                         .arg(v);
            return false;
        }
        scores->append(d);
    }
    return true;
}

int runPsi(const QStringList &args)
{
    const QString usage = QStringLiteral("usage: model psi A.csv B.csv [--column score] [--bins 10]");
    QStringList files;
    QString column;
    int bins = 10;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> QString {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        if (arg == QLatin1String("--column")) {
            column = value();
            if (column.isEmpty())
                return usageError(QStringLiteral("--column needs a column name"));
        } else if (arg == QLatin1String("--bins")) {
            bool ok = false;
            bins = value().toInt(&ok);
            if (!ok || bins < 2)
                return usageError(QStringLiteral("--bins needs a number of at least 2"));
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("unknown option '%1' for 'model psi'; %2").arg(arg, usage));
        } else {
            files.append(arg);
        }
    }
    if (files.size() != 2)
        return usageError(usage);
    QVector<double> a;
    QVector<double> b;
    QString error;
    bool usage2 = false;
    if (!readScores(files.at(0), column, &a, &error, &usage2)
        || !readScores(files.at(1), column, &b, &error, &usage2))
        return usage2 ? usageError(error) : dataError(error);
    const Scoring::PopulationStability::Result r = Scoring::PopulationStability::compute(a, b, bins);
    // Usual rule of thumb: below 0.1 stable, 0.1 up to 0.25 a minor shift, 0.25 and above a major shift.
    const QString verdict = r.psi < 0.1    ? QStringLiteral("stable")
                            : r.psi < 0.25 ? QStringLiteral("minor shift")
                                           : QStringLiteral("major shift");
    const QJsonObject result{{QStringLiteral("psi"), r.psi},
                             {QStringLiteral("bins"), bins},
                             {QStringLiteral("a"), int(a.size())},
                             {QStringLiteral("b"), int(b.size())},
                             {QStringLiteral("verdict"), verdict}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace

// xindai-cli model train … | model psi … : see docs/scoring.md, "Command line".
// Exit 0 on success, 1 on a data error (file, target values, classes), 2 on a usage error.
int runModelCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("usage: model train … | model psi A.csv B.csv …"));
    if (args.first() == QLatin1String("train"))
        return runTrain(args.mid(1));
    if (args.first() == QLatin1String("psi"))
        return runPsi(args.mid(1));
    return usageError(QStringLiteral("unknown model subcommand '%1' (train or psi)").arg(args.first()));
}

} // namespace XinDai::Cli
