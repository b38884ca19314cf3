#include "commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace XinDai;

namespace XinDai::Cli {

int usageError(const QString &message)
{
    QTextStream err(stderr);
    err << "xindai-cli: " << message << "\n";
    err << "run 'xindai-cli help' for the list of commands\n";
    return 2;
}

} // namespace XinDai::Cli

static void printHelp()
{
    QTextStream out(stdout);
    out << "xindai-cli " << QCoreApplication::applicationVersion() << " - XinDai Workbench command line\n\n"
        << "  id check [--kind uscc|ric]            codes on stdin, one per line -> "
           "code<TAB>valid|invalid<TAB>reason\n"
        << "  calendar days FROM TO                 each date -> date<TAB>1|0<TAB>holiday name\n"
        << "  calendar add-workdays DATE N          the N-th working day strictly after DATE\n"
        << "  calendar workdays-between FROM TO     working days in (FROM, TO]\n"
        << "  demo generate --firms N --out FILE.db deterministic demo dataset\n"
        << "  rules eval                            JSON lines {rule,data} on stdin -> result per line\n"
        << "  rules matrix --rules R.json --facts F.json\n"
        << "  report render --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --out FILE.pdf "
           "[--key PEM]\n"
        << "  report verify FILE.pdf [--pubkey PEM] [--db FILE.db]  -> valid NUMBER | tampered: why\n"
        << "  import --db FILE.db --kind firms|series FILE.csv [--encoding auto|utf-8|gb18030] "
           "[--on-duplicate update|skip]\n"
        << "  authorization grant --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --days N\n"
        << "  prereview --db FILE.db --application ID|NUMBER [--lang zh|en]  findings as JSON; exit 1 when "
           "blocked\n"
        << "  model train --csv FILE --target COLUMN [--holdout 0.3 | --cv 10] [--seed S] [--out MODEL.json]\n"
        << "  model psi A.csv B.csv [--column score] [--bins 10]  -> {psi,bins,a,b,verdict}\n";
}

int main(int argc, char *argv[])
{
    // Rendering a report lays out text with fonts, which needs a QGuiApplication (offscreen: no display).
    const bool needsGui = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                           : std::make_unique<QCoreApplication>(argc, argv);
    // Same name as the desktop client, so both read the same data folder (holiday calendar override).
    QCoreApplication::setApplicationName(QStringLiteral("xindai"));
    QCoreApplication::setOrganizationName(QStringLiteral("XinDai"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XINDAI_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("help") || args.first() == QLatin1String("--help")) {
        printHelp();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        QTextStream(stdout) << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("id"))
        return Cli::runIdCommand(rest);
    if (command == QLatin1String("calendar"))
        return Cli::runCalendarCommand(rest);
    if (command == QLatin1String("demo"))
        return Cli::runDemoCommand(rest);
    if (command == QLatin1String("rules"))
        return Cli::runRulesCommand(rest);
    if (command == QLatin1String("report"))
        return Cli::runReportCommand(rest);
    if (command == QLatin1String("authorization"))
        return Cli::runAuthorizationCommand(rest);
    if (command == QLatin1String("prereview"))
        return Cli::runPrereviewCommand(rest);
    if (command == QLatin1String("import"))
        return Cli::runImportCommand(rest);
    if (command == QLatin1String("model"))
        return Cli::runModelCommand(rest);
    return Cli::usageError(QStringLiteral("unknown command '%1'").arg(command));
}
