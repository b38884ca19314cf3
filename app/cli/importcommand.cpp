#include "commands.h"
#include "intake/csvimporter.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Cli {

namespace {

struct ImportTr
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

} // namespace

// xindai-cli import --db FILE.db --kind firms|series FILE.csv [--encoding auto|utf-8|gb18030]
//                   [--on-duplicate update|skip]
// Prints one JSON line (Intake::ImportResult::toJson); exit 0 when every row was imported or skipped,
// 1 when a row was rejected or the file or store was refused, 2 on a usage error.
int runImportCommand(const QStringList &args)
{
    const QString usage = ImportTr::tr("Usage: import --db FILE.db --kind firms|series FILE.csv "
                                       "[--encoding auto|utf-8|gb18030] [--on-duplicate update|skip].");
    QString dbPath;
    QString file;
    Intake::CsvImporter::Options options;
    bool kindGiven = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> QString {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        if (arg == QLatin1String("--db")) {
            dbPath = value();
        } else if (arg == QLatin1String("--kind")) {
            const QString kind = value();
            if (kind == QLatin1String("firms"))
                options.kind = Intake::ColumnMapping::Kind::Firms;
            else if (kind == QLatin1String("series"))
                options.kind = Intake::ColumnMapping::Kind::Series;
            else
                return usageError(ImportTr::tr("The option --kind needs firms or series."));
            kindGiven = true;
        } else if (arg == QLatin1String("--encoding")) {
            if (!Intake::TextEncoding::fromName(value(), &options.encoding))
                return usageError(ImportTr::tr("The option --encoding needs auto, utf-8 or gb18030."));
        } else if (arg == QLatin1String("--on-duplicate")) {
            const QString mode = value();
            if (mode == QLatin1String("update"))
                options.onDuplicate = Intake::CsvImporter::OnDuplicate::Update;
            else if (mode == QLatin1String("skip"))
                options.onDuplicate = Intake::CsvImporter::OnDuplicate::Skip;
            else
                return usageError(ImportTr::tr("The option --on-duplicate needs update or skip."));
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usageError(ImportTr::tr("The option %1 is not known to 'import'.").arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usageError(ImportTr::tr("Only one CSV file can be imported at a time."));
        }
    }
    if (dbPath.isEmpty() || file.isEmpty() || !kindGiven)
        return usageError(usage);

    QTextStream out(stdout);
    Store::Database db;
    QString error;
    if (!db.open(dbPath, &error, Store::Database::OpenMode::MustExist)) {
        Intake::ImportResult failed;
        failed.fatalError = error;
        failed.errors.append({0, 0, QString(), error});
        out << QJsonDocument(failed.toJson()).toJson(QJsonDocument::Compact) << "\n";
        return 1;
    }
    const Intake::ImportResult result = Intake::CsvImporter(db).importFile(file, options);
    out << QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact) << "\n";
    return result.completed && result.rejected == 0 ? 0 : 1;
}

} // namespace XinDai::Cli
