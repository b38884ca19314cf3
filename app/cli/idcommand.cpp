#include "commands.h"
#include "core/residentid.h"
#include "core/uscc.h"

#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace XinDai::Cli {

namespace {

enum class Kind { Auto, Uscc, ResidentId };

/// A resident ID looks like 17 digits, then a digit or X, with a plausible birth date in positions 7-14.
/// Everything else is taken as a USCC (an all-digit USCC rarely has a real date there; --kind decides then).
bool looksLikeResidentId(const QString &line)
{
    const QString compact = Core::ResidentId::check(line).normalized;
    if (compact.size() != 18)
        return false;
    if (!std::all_of(compact.cbegin(), compact.cbegin() + 17, [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;
    if (!(compact.at(17) >= u'0' && compact.at(17) <= u'9') && compact.at(17) != u'X')
        return false;
    const QDate birth = Core::ResidentId::birthDate(compact);
    return birth.isValid() && birth.year() >= 1900;
}

} // namespace

int runIdCommand(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("check"))
        return usageError(QStringLiteral("usage: xindai-cli id check [--kind uscc|ric] < codes.txt"));
    Kind kind = Kind::Auto;
    for (qsizetype i = 1; i < args.size(); ++i) {
        QString value;
        if (args.at(i) == QLatin1String("--kind")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--kind needs a value: uscc or ric"));
            value = args.at(++i);
        } else if (args.at(i).startsWith(QLatin1String("--kind="))) {
            value = args.at(i).mid(7);
        } else {
            return usageError(QStringLiteral("unknown option '%1' for 'id check'").arg(args.at(i)));
        }
        if (value == QLatin1String("uscc"))
            kind = Kind::Uscc;
        else if (value == QLatin1String("ric"))
            kind = Kind::ResidentId;
        else
            return usageError(QStringLiteral("--kind must be uscc or ric, not '%1'").arg(value));
    }

    QTextStream in(stdin);
    QTextStream out(stdout);
    bool allValid = true;
    QString line;
    while (in.readLineInto(&line)) {
        const QString code = line.trimmed();
        if (code.isEmpty())
            continue;
        const bool resident = kind == Kind::ResidentId || (kind == Kind::Auto && looksLikeResidentId(code));
        const Core::IdCheckResult result = resident ? Core::ResidentId::check(code) : Core::Uscc::check(code);
        allValid = allValid && result.valid;
        out << code << '\t' << (result.valid ? "valid" : "invalid") << '\t'
            << (result.valid ? result.warnings.join(QLatin1String("; ")) : result.reason) << '\n';
    }
    out.flush();
    return allValid ? 0 : 1;
}

} // namespace XinDai::Cli
