#pragma once

#include <QStringList>

// Each subcommand of xindai-cli lives in its own file: args are what follows the subcommand name.
// Return value is the process exit code (0 ok, 1 failure of the checked thing, 2 usage error).
namespace XinDai::Cli {

int runIdCommand(const QStringList &args);
int runCalendarCommand(const QStringList &args);
int runDemoCommand(const QStringList &args);
int runRulesCommand(const QStringList &args);
int runReportCommand(const QStringList &args);
int runAuthorizationCommand(const QStringList &args);
int runPrereviewCommand(const QStringList &args);
int runImportCommand(const QStringList &args);
int runModelCommand(const QStringList &args);

/// Writes a usage error to stderr and returns 2.
int usageError(const QString &message);

} // namespace XinDai::Cli
