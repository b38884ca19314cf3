#include "core/workcalendar.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QStandardPaths>
#include <QtDebug>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <vector>

namespace XinDai::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Core::WorkCalendar)
};

constexpr int SchemaVersion = 1;
// Entries may reach a little into the neighbouring years (a 元旦 break can start on 30 December), but
// not further: anything else is a typo in the year.
constexpr int MaxSpillDays = 31;
constexpr int MaxHolidayDays = 31;
// addWorkdays() refuses longer steps (about 3,800 years) instead of looping for minutes.
constexpr int MaxWorkdayStep = 1000000;

// Weekdays (Monday–Friday) among the Julian days strictly below jd. Julian day 0 is a Monday, so within
// each run of seven days starting at a multiple of 7 the first five are weekdays.
qint64 weekdaysBefore(qint64 jd)
{
    qint64 weeks = jd / 7;
    qint64 rest = jd % 7;
    if (rest < 0) {
        rest += 7;
        --weeks;
    }
    return weeks * 5 + std::min<qint64>(rest, 5);
}

bool isWeekend(QDate d)
{
    return d.dayOfWeek() >= Qt::Saturday;
}

struct HolidayRef
{
    QString where;
    QString name;
};

// Parses "YYYY-MM-DD" strictly.
QDate strictDate(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.size() != 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

class Loader
{
public:
    bool load(const QByteArray &json);
    QString error;
    QHash<QDate, QString> holidays;
    QHash<QDate, QString> workdays;
    QList<int> years;
    int version = 0;

private:
    bool fail(const QString &message)
    {
        error = message;
        return false;
    }
};

bool Loader::load(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(Tr::tr("The holiday calendar is not valid JSON at offset %1: %2.")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(Tr::tr("The holiday calendar must be a JSON object."));
    const QJsonObject root = doc.object();
    const int schema = root.value(QLatin1String("schema")).toInt(-1);
    if (schema != SchemaVersion)
        return fail(Tr::tr("The holiday calendar has schema %1, but only schema %2 is supported.")
                        .arg(root.value(QLatin1String("schema")).toVariant().toString())
                        .arg(SchemaVersion));
    version = root.value(QLatin1String("version")).toInt(0);
    if (version < 1)
        return fail(Tr::tr("The holiday calendar needs a \"version\" that is a positive integer."));
    const QJsonValue yearsValue = root.value(QLatin1String("years"));
    if (!yearsValue.isArray() || yearsValue.toArray().isEmpty())
        return fail(Tr::tr("The holiday calendar needs a non-empty \"years\" list."));

    struct PendingWorkday
    {
        QString where;
        QDate date;
        QString holiday;
        int year;
    };
    QList<PendingWorkday> pending;
    QHash<QDate, HolidayRef> holidayRefs;
    QHash<int, QStringList> namesPerYear;

    const QJsonArray yearArray = yearsValue.toArray();
    for (qsizetype yi = 0; yi < yearArray.size(); ++yi) {
        const QJsonObject y = yearArray.at(yi).toObject();
        const int year = y.value(QLatin1String("year")).toInt(0);
        if (year < 1949 || year > 2200)
            return fail(Tr::tr("Entry %1 of the holiday calendar's \"years\" list has no valid \"year\" "
                               "(1949–2200).")
                            .arg(yi + 1));
        if (years.contains(year))
            return fail(Tr::tr("Year %1 appears twice in the holiday calendar.").arg(year));
        years.append(year);
        const QDate earliest = QDate(year, 1, 1).addDays(-MaxSpillDays);
        const QDate latest = QDate(year, 12, 31).addDays(MaxSpillDays);

        const QJsonArray hs = y.value(QLatin1String("holidays")).toArray();
        for (qsizetype hi = 0; hi < hs.size(); ++hi) {
            const QJsonObject h = hs.at(hi).toObject();
            const QString name = h.value(QLatin1String("name")).toString().trimmed();
            const QString where = Tr::tr("year %1, holiday %2 (\"%3\")").arg(year).arg(hi + 1).arg(name);
            if (name.isEmpty())
                return fail(Tr::tr("Holiday calendar, %1: the holiday has no name.").arg(where));
            const QDate from = strictDate(h.value(QLatin1String("from")));
            const QDate to = strictDate(h.value(QLatin1String("to")));
            if (!from.isValid())
                return fail(
                    Tr::tr("Holiday calendar, %1: \"from\" value \"%2\" is not a valid date in the form "
                           "YYYY-MM-DD.")
                        .arg(where, h.value(QLatin1String("from")).toString()));
            if (!to.isValid())
                return fail(
                    Tr::tr("Holiday calendar, %1: \"to\" value \"%2\" is not a valid date in the form "
                           "YYYY-MM-DD.")
                        .arg(where, h.value(QLatin1String("to")).toString()));
            if (to < from)
                return fail(Tr::tr("Holiday calendar, %1: the holiday ends (%2) before it starts (%3).")
                                .arg(where, to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
            if (from < earliest || to > latest)
                return fail(Tr::tr("Holiday calendar, %1: the dates %2 to %3 do not belong to year %4.")
                                .arg(where, from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                                .arg(year));
            if (from.daysTo(to) >= MaxHolidayDays)
                return fail(Tr::tr("Holiday calendar, %1: a holiday of more than %2 days is not plausible.")
                                .arg(where)
                                .arg(MaxHolidayDays));
            for (QDate d = from; d <= to; d = d.addDays(1)) {
                const auto clash = holidayRefs.constFind(d);
                if (clash != holidayRefs.cend())
                    return fail(Tr::tr("Holiday calendar, %1: the holiday overlaps %2 on %3.")
                                    .arg(where, clash->where, d.toString(Qt::ISODate)));
                holidayRefs.insert(d, HolidayRef{where, name});
                holidays.insert(d, name);
            }
            namesPerYear[year].append(name);
        }

        const QJsonArray ws = y.value(QLatin1String("workdays")).toArray();
        for (qsizetype wi = 0; wi < ws.size(); ++wi) {
            const QJsonObject w = ws.at(wi).toObject();
            const QString dateText = w.value(QLatin1String("date")).toString();
            const QString where = Tr::tr("year %1, working day %2 (%3)").arg(year).arg(wi + 1).arg(dateText);
            const QDate date = strictDate(w.value(QLatin1String("date")));
            if (!date.isValid())
                return fail(Tr::tr("Holiday calendar, %1: \"%2\" is not a valid date in the form YYYY-MM-DD.")
                                .arg(where, dateText));
            if (date < earliest || date > latest)
                return fail(Tr::tr("Holiday calendar, %1: the date does not belong to year %2.")
                                .arg(where)
                                .arg(year));
            if (!isWeekend(date))
                return fail(Tr::tr("Holiday calendar, %1: an adjusted working day must be a Saturday or "
                                   "Sunday, but %2 is a weekday.")
                                .arg(where, date.toString(Qt::ISODate)));
            const QString holiday = w.value(QLatin1String("holiday")).toString().trimmed();
            if (holiday.isEmpty())
                return fail(Tr::tr("Holiday calendar, %1: the working day does not name the holiday it "
                                   "compensates.")
                                .arg(where));
            pending.append(PendingWorkday{where, date, holiday, year});
        }
    }

    // Working days are checked once every holiday of every year is known.
    for (const PendingWorkday &w : std::as_const(pending)) {
        const auto clash = holidayRefs.constFind(w.date);
        if (clash != holidayRefs.cend())
            return fail(
                Tr::tr("Holiday calendar, %1: the working day falls inside %2.").arg(w.where, clash->where));
        if (workdays.contains(w.date))
            return fail(
                Tr::tr("Holiday calendar, %1: the date is listed as a working day twice.").arg(w.where));
        if (!namesPerYear.value(w.year).contains(w.holiday))
            return fail(Tr::tr("Holiday calendar, %1: \"%2\" is not a holiday of year %3.")
                            .arg(w.where, w.holiday)
                            .arg(w.year));
        workdays.insert(w.date, w.holiday);
    }
    std::sort(years.begin(), years.end());
    return true;
}

WorkCalendar loadOrWarn(const QString &path)
{
    QString error;
    WorkCalendar calendar = WorkCalendar::fromFile(path, &error);
    if (!error.isEmpty()) {
        qWarning().noquote() << error;
        return WorkCalendar::builtin();
    }
    return calendar;
}

} // namespace

WorkCalendar WorkCalendar::fromJson(const QByteArray &json, QString *error)
{
    Loader loader;
    if (!loader.load(json)) {
        if (error)
            *error = loader.error;
        return WorkCalendar();
    }
    if (error)
        error->clear();
    WorkCalendar calendar;
    calendar.m_holidays = std::move(loader.holidays);
    calendar.m_workdays = std::move(loader.workdays);
    calendar.m_years = std::move(loader.years);
    calendar.m_version = loader.version;
    return calendar;
}

WorkCalendar WorkCalendar::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("Cannot read the holiday calendar \"%1\": %2.").arg(path, file.errorString());
        return WorkCalendar();
    }
    QString parseError;
    WorkCalendar calendar = fromJson(file.readAll(), &parseError);
    if (!parseError.isEmpty()) {
        if (error)
            *error = Tr::tr("%1: %2").arg(path, parseError);
        return WorkCalendar();
    }
    if (error)
        error->clear();
    return calendar;
}

WorkCalendar WorkCalendar::builtin()
{
    // Parsed once; copies share the hashes (implicit sharing), so builtin() is cheap to call.
    static const WorkCalendar calendar = [] {
        QString error;
        WorkCalendar parsed = fromFile(QStringLiteral(":/xindai/calendar/holidays-cn.json"), &error);
        // The embedded file is checked by the test suite; failing here means a broken build.
        if (!error.isEmpty())
            qWarning().noquote() << error;
        return parsed;
    }();
    return calendar;
}

namespace {

// The calendar of $XINDAI_HOLIDAYS, the local file or builtin(), loaded once.
const WorkCalendar &baseCalendar()
{
    static const WorkCalendar calendar = [] {
        const QString fromEnv = qEnvironmentVariable("XINDAI_HOLIDAYS");
        if (!fromEnv.isEmpty())
            return loadOrWarn(fromEnv);
        const QString local = QStandardPaths::locate(QStandardPaths::AppDataLocation,
                                                     QStringLiteral("calendar/holidays-cn.json"));
        if (!local.isEmpty())
            return loadOrWarn(local);
        return WorkCalendar::builtin();
    }();
    return calendar;
}

// instance() hands out references, so every calendar ever installed is kept alive (one per synced
// version received, a handful per process). current is read without the lock.
struct SyncedState
{
    QMutex mutex;
    std::vector<std::unique_ptr<const WorkCalendar>> kept;
    QByteArray syncedJson;
    const WorkCalendar *synced = nullptr;
    std::atomic<const WorkCalendar *> current{nullptr};
};

SyncedState &syncedState()
{
    static SyncedState state;
    return state;
}

// Picks the synced calendar when it is newer than the base one; call with the mutex held.
void updateCurrent(SyncedState &state)
{
    const WorkCalendar &base = baseCalendar();
    const WorkCalendar *chosen
        = state.synced && state.synced->version() > base.version() ? state.synced : &base;
    state.current.store(chosen, std::memory_order_release);
}

} // namespace

const WorkCalendar &WorkCalendar::instance()
{
    SyncedState &state = syncedState();
    if (const WorkCalendar *current = state.current.load(std::memory_order_acquire))
        return *current;
    return baseCalendar();
}

bool WorkCalendar::setSynced(const QByteArray &json, QString *error)
{
    QString parseError;
    WorkCalendar parsed = fromJson(json, &parseError);
    if (!parseError.isEmpty()) {
        qWarning().noquote() << "The holiday calendar received by sync is ignored:" << parseError;
        if (error)
            *error = parseError;
        return false;
    }
    if (error)
        error->clear();
    SyncedState &state = syncedState();
    const QMutexLocker lock(&state.mutex);
    if (!state.synced || state.syncedJson != json) {
        state.kept.push_back(std::make_unique<const WorkCalendar>(std::move(parsed)));
        state.synced = state.kept.back().get();
        state.syncedJson = json;
    }
    updateCurrent(state);
    return true;
}

void WorkCalendar::clearSynced()
{
    SyncedState &state = syncedState();
    const QMutexLocker lock(&state.mutex);
    state.synced = nullptr;
    state.syncedJson.clear();
    updateCurrent(state);
}

bool WorkCalendar::isWorkday(QDate d) const
{
    if (!d.isValid())
        return false;
    if (m_holidays.contains(d))
        return false;
    if (m_workdays.contains(d))
        return true;
    return !isWeekend(d);
}

QString WorkCalendar::holidayName(QDate d) const
{
    return m_holidays.value(d);
}

QString WorkCalendar::adjustedWorkdayFor(QDate d) const
{
    return m_workdays.value(d);
}

QDate WorkCalendar::addWorkdays(QDate d, int n) const
{
    if (!d.isValid() || n > MaxWorkdayStep || n < -MaxWorkdayStep)
        return {};
    const int step = n < 0 ? -1 : 1;
    for (int remaining = n < 0 ? -n : n; remaining > 0;) {
        d = d.addDays(step);
        if (!d.isValid())
            return {};
        if (isWorkday(d))
            --remaining;
    }
    return d;
}

int WorkCalendar::workdaysBetween(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid())
        return 0;
    const bool backwards = to < from;
    if (backwards)
        std::swap(from, to);
    // Plain Monday–Friday count over (from, to], then the file's exceptions inside the range: holidays
    // that fall on a weekday remove a working day, adjusted weekends add one. Independent of the range's
    // length, so huge spans cost nothing.
    const qint64 first = from.toJulianDay() + 1;
    const qint64 last = to.toJulianDay();
    qint64 count = weekdaysBefore(last + 1) - weekdaysBefore(first);
    for (auto it = m_holidays.cbegin(); it != m_holidays.cend(); ++it) {
        if (it.key() > from && it.key() <= to && !isWeekend(it.key()))
            --count;
    }
    for (auto it = m_workdays.cbegin(); it != m_workdays.cend(); ++it) {
        if (it.key() > from && it.key() <= to)
            ++count;
    }
    count = std::clamp<qint64>(count, 0, std::numeric_limits<int>::max());
    return int(backwards ? -count : count);
}

bool WorkCalendar::covers(int year) const
{
    return m_years.contains(year);
}

QList<int> WorkCalendar::years() const
{
    return m_years;
}

int WorkCalendar::version() const
{
    return m_version;
}

} // namespace XinDai::Core
