#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace XinDai::Core {

/// The Chinese official working-day calendar: public holidays and the adjusted working weekends (调休)
/// published each year by the State Council General Office.
///
/// Data come from a JSON file whose "format" field describes it (resources/calendar/holidays-cn.json):
/// {"schema": 1, "version": N, "years": [{"year": Y, "holidays": [{"name", "from", "to"}],
/// "workdays": [{"date", "holiday"}]}]}. The loader rejects the whole file, naming the year and
/// entry, on a bad date, an adjusted working day that is not a Saturday or Sunday, overlapping holidays or a
/// working day inside a holiday.
///
/// Outside the covered years (covers() false) the calendar knows no holidays: Monday–Friday are working
/// days and weekends are not. A WorkCalendar is an immutable value; copies are cheap.
class WorkCalendar
{
public:
    /// An empty calendar: no covered year, only weekends off.
    WorkCalendar() = default;

    /// The calendar embedded at build time (:/xindai/calendar/holidays-cn.json), parsed once per process.
    static WorkCalendar builtin();
    /// Loads \a path; on failure returns an empty calendar and sets *error (if given) to a translated
    /// message naming the file, and the year and entry at fault.
    static WorkCalendar fromFile(const QString &path, QString *error);
    /// Parses JSON text; on failure returns an empty calendar and sets *error (if given).
    static WorkCalendar fromJson(const QByteArray &json, QString *error);
    /// The process-wide calendar, loaded on first use: the file named by $XINDAI_HOLIDAYS if set, else
    /// "calendar/holidays-cn.json" under QStandardPaths::AppDataLocation if it exists, else builtin().
    /// A file that fails to load is reported with qWarning() and builtin() is used instead. A calendar
    /// installed with setSynced() replaces that one when its version() is higher. The reference stays
    /// valid for the life of the process (every installed calendar is kept); a later setSynced() makes
    /// later calls return another calendar.
    static const WorkCalendar &instance();
    /// Offers the holiday calendar delivered by sync (reference_doc "holiday_calendar"): from now on
    /// instance() returns it when its version is higher than the calendar loaded as described above,
    /// else that one. Thread-safe. An invalid document is refused with qWarning() (and *error if
    /// given): the previous state stays and false is returned.
    static bool setSynced(const QByteArray &json, QString *error = nullptr);
    /// Forgets the synced calendar: instance() is again the file or built-in calendar.
    static void clearSynced();

    /// True for Monday–Friday unless a holiday, and for a Saturday/Sunday declared an adjusted working day.
    bool isWorkday(QDate d) const;
    /// The holiday's name (Chinese data such as "春节") when \a d is a public holiday, else empty. An
    /// adjusted working day is not a holiday: its name is empty here, see adjustedWorkdayFor().
    QString holidayName(QDate d) const;
    /// For an adjusted working weekend day (调休上班), the name of the holiday it compensates, else empty.
    QString adjustedWorkdayFor(QDate d) const;

    /// n ≥ 1: the n-th working day strictly after \a d; n = 0: \a d itself; n ≤ -1: the |n|-th working
    /// day strictly before \a d. An invalid \a d, or |n| above 1,000,000 (about 3,800 years), gives an
    /// invalid date.
    QDate addWorkdays(QDate d, int n) const;
    /// The number of working days in (from, to]; when to < from, minus the number in (to, from].
    /// workdaysBetween(d, addWorkdays(d, n)) == n for every n ≥ 0 (and for n < 0 when d is a working day).
    /// Computed arithmetically, so any span is cheap; 0 when a date is invalid.
    int workdaysBetween(QDate from, QDate to) const;

    /// True when the data file lists \a year.
    bool covers(int year) const;
    /// The years the data file lists, ascending.
    QList<int> years() const;
    /// The data file's version number (0 for an empty calendar).
    int version() const;

private:
    QHash<QDate, QString> m_holidays;
    QHash<QDate, QString> m_workdays;
    QList<int> m_years;
    int m_version = 0;
};

} // namespace XinDai::Core
