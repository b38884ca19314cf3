#include "commands.h"
#include "demo/demogenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Cli {

namespace {

struct DemoTr
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};

} // namespace

// xindai-cli demo generate --firms N --out FILE.db [--seed S] [--as-of YYYY-MM-DD] [--force]
//                          [--password-iterations N]   (PBKDF2 rounds of the demo accounts; for throw-away
//                          stores)
int runDemoCommand(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("generate"))
        return usageError(
            DemoTr::tr("Usage: demo generate --firms N --out FILE.db [--seed S] [--as-of YYYY-MM-DD] "
                       "[--force] [--password-iterations N]."));
    Demo::DemoGenerator::Options options;
    QString out;
    bool force = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> QString {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        if (arg == QLatin1String("--force")) {
            force = true;
        } else if (arg == QLatin1String("--firms")) {
            bool ok = false;
            options.firms = value().toInt(&ok);
            if (!ok || options.firms < 0 || options.firms > 1000000)
                return usageError(
                    DemoTr::tr("The option --firms needs a whole number between 0 and 1000000."));
        } else if (arg == QLatin1String("--seed")) {
            bool ok = false;
            options.seed = value().toUInt(&ok);
            if (!ok)
                return usageError(
                    DemoTr::tr("The option --seed needs a whole number between 0 and 4294967295."));
        } else if (arg == QLatin1String("--password-iterations")) {
            bool ok = false;
            options.passwordIterations = value().toInt(&ok);
            if (!ok || options.passwordIterations < 1)
                return usageError(
                    DemoTr::tr("The option --password-iterations needs a whole number of at least 1."));
        } else if (arg == QLatin1String("--as-of")) {
            options.asOf = QDate::fromString(value(), Qt::ISODate);
            if (!options.asOf.isValid())
                return usageError(DemoTr::tr("The option --as-of needs a date written YYYY-MM-DD."));
        } else if (arg == QLatin1String("--out")) {
            out = value();
            if (out.isEmpty())
                return usageError(DemoTr::tr("The option --out needs a file name."));
        } else {
            return usageError(DemoTr::tr("The option %1 is not known to 'demo generate'.").arg(arg));
        }
    }
    if (out.isEmpty())
        return usageError(
            DemoTr::tr("The option --out FILE.db is required: it names the store file to create."));

    QTextStream err(stderr);
    if (QFileInfo::exists(out)) {
        if (!force) {
            err << DemoTr::tr("xindai-cli: the file %1 already exists; pass --force to replace it.")
                       .arg(QDir::toNativeSeparators(out))
                << "\n";
            return 1;
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFileInfo::exists(out + suffix) && !QFile::remove(out + suffix)) {
                err << DemoTr::tr("xindai-cli: the existing file %1 could not be removed.")
                           .arg(QDir::toNativeSeparators(out + suffix))
                    << "\n";
                return 1;
            }
        }
    }

    QElapsedTimer timer;
    timer.start();
    QString error;
    qint64 rows = 0;
    if (!Demo::DemoGenerator::createDatabase(out, options, &error, {}, &rows)) {
        err << "xindai-cli: " << error << "\n";
        return 1;
    }
    QJsonObject result;
    result.insert(QStringLiteral("firms"), options.firms);
    result.insert(QStringLiteral("rows"), double(rows));
    result.insert(QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0);
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << "\n";
    return 0;
}

} // namespace XinDai::Cli
