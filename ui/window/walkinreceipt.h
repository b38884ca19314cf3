#pragma once

#include "core/domain/application.h"
#include "core/domain/enterprise.h"
#include "core/workcalendar.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QVector>

class QPagedPaintDevice;
class QPrinter;

namespace XinDai::Ui {

/// The receipt (受理回执) handed to a walk-in firm after submission: its applications and their
/// deadlines. Acceptance is due by the submission day + 3 working days; the result by acceptance + 10
/// working days, both on the official calendar. The result date shown assumes acceptance on the last
/// allowed day; the real one counts from the actual acceptance. A plain value: text(), html(), PDF.
class WalkInReceipt
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::WalkInReceipt)

public:
    /// Working days from submission to the acceptance deadline.
    static constexpr int AcceptanceWorkdays = 3;
    /// Working days from acceptance to the result deadline.
    static constexpr int ResultWorkdays = 10;

    /// One submitted application with the names to print.
    struct Entry
    {
        Core::Application application;
        QString institutionName;
        QString productName;
    };

    /// \a submittedAt: the submission time (its local date is the submission day); \a parkName and
    /// \a staffName: where and by whom it was received; \a locale formats the amounts.
    WalkInReceipt(const Core::Enterprise &firm, const QVector<Entry> &entries, const QDateTime &submittedAt,
                  const QString &parkName, const QString &staffName, const Core::WorkCalendar &calendar,
                  const QLocale &locale = QLocale());

    /// Submission day + AcceptanceWorkdays working days.
    QDate acceptanceDeadline() const { return m_acceptBy; }
    /// acceptanceDeadline() + ResultWorkdays working days (the latest date if acceptance is on time).
    QDate resultDeadline() const { return m_resultBy; }
    /// Public holidays (names, Chinese data) between the submission day and resultDeadline(), in order.
    QStringList holidaysInPeriod() const { return m_holidays; }

    /// The receipt as lines of plain text (translated), as shown in the dialog.
    QStringList lines() const;
    QString text() const { return lines().join(QLatin1Char('\n')); }
    /// The same content as a small HTML document for printing.
    QString html() const;
    /// Renders html() on \a device (a QPrinter or QPdfWriter) with a CJK font whose PDF text extracts
    /// correctly.
    void render(QPagedPaintDevice *device) const;
    /// Writes the receipt as PDF to \a path; false with \a error set to a translated sentence on failure.
    bool writePdf(const QString &path, QString *error) const;

private:
    Core::Enterprise m_firm;
    QVector<Entry> m_entries;
    QDateTime m_submittedAt;
    QString m_parkName;
    QString m_staffName;
    QLocale m_locale;
    QDate m_acceptBy;
    QDate m_resultBy;
    QStringList m_holidays;
};

} // namespace XinDai::Ui
