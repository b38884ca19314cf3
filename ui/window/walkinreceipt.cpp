#include "walkinreceipt.h"

#include "common/domainlabels.h"
#include "core/residentid.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace XinDai::Ui {

namespace {

// The same family as the credit report: its glyphs map back to the right code points in the PDF text
// layer (docs: Noto Sans CJK extracts some characters as Kangxi radicals).
const QString PrintFontFamily = QStringLiteral("WenQuanYi Micro Hei");

} // namespace

WalkInReceipt::WalkInReceipt(const Core::Enterprise &firm, const QVector<Entry> &entries,
                             const QDateTime &submittedAt, const QString &parkName, const QString &staffName,
                             const Core::WorkCalendar &calendar, const QLocale &locale)
    : m_firm(firm)
    , m_entries(entries)
    , m_submittedAt(submittedAt)
    , m_parkName(parkName)
    , m_staffName(staffName)
    , m_locale(locale)
{
    const QDate day = submittedAt.toLocalTime().date();
    m_acceptBy = calendar.addWorkdays(day, AcceptanceWorkdays);
    m_resultBy = calendar.addWorkdays(m_acceptBy, ResultWorkdays);
    for (QDate d = day.addDays(1); d.isValid() && d <= m_resultBy; d = d.addDays(1)) {
        const QString name = calendar.holidayName(d);
        if (!name.isEmpty() && !m_holidays.contains(name))
            m_holidays << name;
    }
}

QStringList WalkInReceipt::lines() const
{
    QStringList out;
    out << tr("Receipt of financing applications");
    out << tr("Firm: %1 (unified social credit code %2)").arg(m_firm.name, m_firm.uscc);
    if (!m_firm.legalRep.isEmpty()) {
        out << tr("Legal representative: %1, ID number %2")
                   .arg(m_firm.legalRep, Core::ResidentId::masked(m_firm.legalRepId));
    }
    out << tr("Submitted on %1 at the service window of %2, received by %3.")
               .arg(m_submittedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), m_parkName,
                    m_staffName);
    out << QString();
    for (const Entry &e : m_entries) {
        out << tr("Application %1: %2, %3, %4 for %n month(s).", nullptr, e.application.termMonths)
                   .arg(e.application.number, e.institutionName, e.productName,
                        e.application.amount.format(Core::Money::Unit::Wan, m_locale));
    }
    out << QString();
    out << tr("Acceptance is due by %1 (%2 working days after submission).")
               .arg(DomainLabels::date(m_acceptBy))
               .arg(AcceptanceWorkdays);
    out << tr("The result is due by %1 if the application is accepted on %2; the result deadline is %3 "
              "working days after the actual acceptance day.")
               .arg(DomainLabels::date(m_resultBy), DomainLabels::date(m_acceptBy))
               .arg(ResultWorkdays);
    if (!m_holidays.isEmpty()) {
        out << tr("Working days follow the official holiday calendar; public holidays in this period: %1.")
                   .arg(m_holidays.join(QStringLiteral("、")));
    }
    return out;
}

QString WalkInReceipt::html() const
{
    const QStringList text = lines();
    QString body;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 0)
            body += QStringLiteral("<h2>%1</h2>").arg(text.at(i).toHtmlEscaped());
        else if (text.at(i).isEmpty())
            body += QStringLiteral("<hr/>");
        else
            body += QStringLiteral("<p>%1</p>").arg(text.at(i).toHtmlEscaped());
    }
    return QStringLiteral("<html><body>%1</body></html>").arg(body);
}

void WalkInReceipt::render(QPagedPaintDevice *device) const
{
    QTextDocument doc;
    QFont font(PrintFontFamily);
    font.setPointSizeF(11);
    doc.setDefaultFont(font);
    // Without the paint device the layout uses screen metrics and the text prints far too small.
    doc.documentLayout()->setPaintDevice(device);
    doc.setHtml(html());
    const QRectF page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    doc.setPageSize(page.size());
    QPainter painter(device);
    doc.drawContents(&painter);
}

bool WalkInReceipt::writePdf(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("The receipt cannot be saved to “%1”: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(lines().constFirst());
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        render(&writer);
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("The receipt cannot be saved to “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace XinDai::Ui
