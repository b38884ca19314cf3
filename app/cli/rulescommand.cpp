#include "commands.h"
#include "rules/compiledrule.h"
#include "rules/rulematrix.h"
#include "rules/value.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <thread>
#include <vector>

namespace XinDai::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Cli::Rules)
};

void writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

QByteArray errorLine(const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact);
}

/// `rules eval`: JSON lines {"rule": …, "data": …} on stdin → one line per input: the result as compact
/// JSON, or {"error": "…"}. Blank lines are skipped. Exit code 1 when any line failed.
int runEval()
{
    QHash<QByteArray, Rules::CompiledRule> cache; // the same rule on many lines is compiled once
    bool anyError = false;
    qint64 lineNumber = 0;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return usageError(QStringLiteral("cannot read standard input"));
    while (!in.atEnd()) {
        const QByteArray line = in.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            writeLine(errorLine(Tr::tr("Line %1 is not valid JSON: %2 at offset %3.")
                                    .arg(lineNumber)
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)));
            anyError = true;
            continue;
        }
        if (!doc.isObject() || !doc.object().contains(QStringLiteral("rule"))) {
            writeLine(
                errorLine(Tr::tr("Line %1 must be a JSON object with a \"rule\" member.").arg(lineNumber)));
            anyError = true;
            continue;
        }
        const QJsonObject object = doc.object();
        const QJsonValue ruleJson = object.value(QStringLiteral("rule"));
        const QByteArray key = QJsonDocument(QJsonArray{ruleJson}).toJson(QJsonDocument::Compact);
        auto it = cache.find(key);
        if (it == cache.end())
            it = cache.insert(key, Rules::CompiledRule::compile(ruleJson));
        if (!it->isValid()) {
            writeLine(errorLine(Tr::tr("Line %1: %2").arg(lineNumber).arg(it->errorString())));
            anyError = true;
            continue;
        }
        // A missing "data" member means null data.
        const Rules::Value data = Rules::Value::fromJson(object.value(QStringLiteral("data")).isUndefined()
                                                             ? QJsonValue(QJsonValue::Null)
                                                             : object.value(QStringLiteral("data")));
        writeLine(it->evaluate(data).toJsonText());
    }
    std::fflush(stdout);
    return anyError ? 1 : 0;
}

bool readJsonArray(const QString &path, const QString &what, Rules::Value *out)
{
    QTextStream err(stderr);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err << Tr::tr("Cannot read the %1 file %2: %3.").arg(what, path, f.errorString()) << "\n";
        return false;
    }
    QString error;
    *out = Rules::Value::parseJson(f.readAll(), &error);
    if (out->isUndefined()) {
        err << Tr::tr("The %1 file %2 is not valid JSON: %3.").arg(what, path, error) << "\n";
        return false;
    }
    if (!out->isArray()) {
        err << Tr::tr("The %1 file %2 must hold a JSON array.").arg(what, path) << "\n";
        return false;
    }
    return true;
}

/// `rules matrix --rules R.json --facts F.json [--threads N]`.
int runMatrix(const QStringList &args)
{
    QString rulesPath, factsPath;
    int threads = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if ((a == QLatin1String("--rules") || a == QLatin1String("--facts")
             || a == QLatin1String("--threads"))
            && i + 1 < args.size()) {
            const QString value = args.at(++i);
            if (a == QLatin1String("--rules"))
                rulesPath = value;
            else if (a == QLatin1String("--facts"))
                factsPath = value;
            else {
                bool ok = false;
                threads = value.toInt(&ok);
                if (!ok || threads < 0)
                    return usageError(QStringLiteral("--threads needs a whole number (0 = all cores)"));
            }
        } else {
            return usageError(QStringLiteral("unknown or incomplete option '%1' for 'rules matrix'").arg(a));
        }
    }
    if (rulesPath.isEmpty() || factsPath.isEmpty())
        return usageError(QStringLiteral(
            "usage: xindai-cli rules matrix --rules RULES.json --facts FACTS.json [--threads N]"));

    // The rules are read and compiled on a second thread while this one parses the (much larger) facts.
    Rules::Value rulesValue, factsValue;
    std::vector<Rules::CompiledRule> rules;
    bool rulesOk = false;
    std::thread rulesThread(
        [&] {
            if (!readJsonArray(rulesPath, Tr::tr("rules"), &rulesValue))
                return;
            rules.reserve(size_t(rulesValue.size()));
            for (const Rules::Value &r : rulesValue.items()) {
                QString error;
                rules.push_back(Rules::CompiledRule::compile(r.toJson(), &error));
                if (!rules.back().isValid()) {
                    QTextStream(stderr)
                        << Tr::tr("Rule %1 (0-based) cannot be compiled: %2").arg(rules.size() - 1).arg(error)
                        << "\n";
                    return;
                }
            }
            rulesOk = true;
        });
    const bool factsOk = readJsonArray(factsPath, Tr::tr("facts"), &factsValue);
    rulesThread.join();
    if (!rulesOk || !factsOk)
        return 1;
    const std::vector<qint64> counts = Rules::RuleMatrix::trueCounts(rules, factsValue.items(), threads);
    QByteArray out = "{\"rules\":" + QByteArray::number(qint64(rules.size()))
                     + ",\"facts\":" + QByteArray::number(factsValue.size()) + ",\"true_counts\":[";
    for (size_t i = 0; i < counts.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(counts[i]);
    }
    out += "]}";
    writeLine(out);
    std::fflush(stdout);
    return 0;
}

} // namespace

int runRulesCommand(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(
            QStringLiteral("usage: xindai-cli rules eval | rules matrix --rules R.json --facts F.json"));
    if (args.first() == QLatin1String("eval")) {
        if (args.size() > 1)
            return usageError(QStringLiteral("'rules eval' takes no options; it reads JSON lines on stdin"));
        return runEval();
    }
    if (args.first() == QLatin1String("matrix"))
        return runMatrix(args.mid(1));
    return usageError(QStringLiteral("unknown rules subcommand '%1'").arg(args.first()));
}

} // namespace XinDai::Cli
