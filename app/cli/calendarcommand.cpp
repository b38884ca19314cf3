#include "commands.h"
#include "core/workcalendar.h"

#include <QCoreApplication>
#include <QDate>
#include <QTextStream>

using XinDai::Core::WorkCalendar;

namespace XinDai::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Cli::CalendarCommand)
};

// Longest range `calendar days` prints: a guard against a typo in the year producing millions of lines.
constexpr qint64 MaxDaysRange = 100 * 366;

// Strict YYYY-MM-DD; on failure writes a usage error naming the argument and returns an invalid date.
QDate parseDate(const QString &text, const QString &argumentName, int *exitCode)
{
    QDate date;
    if (text.size() == 10 && text.at(4) == u'-' && text.at(7) == u'-')
        date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        *exitCode = usageError(Tr::tr("calendar: %1 \"%2\" is not a valid date in the form YYYY-MM-DD.")
                                   .arg(argumentName, text));
    return date;
}

QString isoDate(QDate d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

int runCalendarCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    QTextStream out(stdout);
    const WorkCalendar &calendar = WorkCalendar::instance();
    int exitCode = 0;

    if (sub == u"days" || sub == u"workdays-between") {
        if (args.size() != 3)
            return usageError(Tr::tr("calendar %1: expected two dates, FROM and TO (YYYY-MM-DD).").arg(sub));
        const QDate from = parseDate(args.at(1), QStringLiteral("FROM"), &exitCode);
        if (!from.isValid())
            return exitCode;
        const QDate to = parseDate(args.at(2), QStringLiteral("TO"), &exitCode);
        if (!to.isValid())
            return exitCode;
        if (sub == u"workdays-between") {
            out << calendar.workdaysBetween(from, to) << '\n';
            return 0;
        }
        if (to < from)
            return usageError(
                Tr::tr("calendar days: TO (%1) is before FROM (%2).").arg(isoDate(to), isoDate(from)));
        if (from.daysTo(to) > MaxDaysRange)
            return usageError(Tr::tr("calendar days: the range from %1 to %2 is longer than 100 years.")
                                  .arg(isoDate(from), isoDate(to)));
        for (QDate d = from; d <= to; d = d.addDays(1))
            out << isoDate(d) << '\t' << (calendar.isWorkday(d) ? '1' : '0') << '\t'
                << calendar.holidayName(d) << '\n';
        return 0;
    }

    if (sub == u"add-workdays") {
        if (args.size() != 3)
            return usageError(Tr::tr("calendar add-workdays: expected a DATE (YYYY-MM-DD) and a number N."));
        const QDate date = parseDate(args.at(1), QStringLiteral("DATE"), &exitCode);
        if (!date.isValid())
            return exitCode;
        bool ok = false;
        const int n = args.at(2).toInt(&ok);
        if (!ok || n < -36600 || n > 36600)
            return usageError(Tr::tr("calendar add-workdays: N \"%1\" is not a whole number of working days "
                                     "between -36600 and 36600.")
                                  .arg(args.at(2)));
        out << isoDate(calendar.addWorkdays(date, n)) << '\n';
        return 0;
    }

    if (sub.isEmpty())
        return usageError(Tr::tr("calendar: expected a subcommand: days, add-workdays or workdays-between."));
    return usageError(Tr::tr("calendar: unknown subcommand \"%1\"; expected days, add-workdays or "
                             "workdays-between.")
                          .arg(sub));
}

} // namespace XinDai::Cli
