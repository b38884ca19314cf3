#pragma once

#include "report/reportdata.h"
#include "report/reportlabels.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Report {

/// "What changed since the firm's previous report": compares two report summaries (the JSON object
/// ReportLog keeps per report, built by summaryOf()) and lists the changes as sentences. Pure value logic.
///
/// Summary keys (all optional when reading, so summaries written by older versions still compare):
///   "score" int, "grade" text, "records" [ids], "series" {kind: 12-month sum as text},
///   "taxGrade" {"grade", "year"}, "penalties" [{"id", "title", "authority", "date", "amount" fen}],
///   "dishonest" [{"id", "title", "authority", "date", "removed" (ISO date or "")}],
///   "counts" {"qualifications", "patents", "procurement", "subsidies", "applications"}.
class ReportDiff
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::ReportDiff)
public:
    /// The numbers compared as counts (penalties and listings are compared item by item instead).
    enum class Count { Qualifications, Patents, Procurement, Subsidies, Applications, CountCount };

    struct Change
    {
        enum class Kind {
            Score,             ///< before/after: rounded scores
            Grade,             ///< before/after: grades AAA … C
            TaxGrade,          ///< before/after: "grade (year)"; before empty: first tax grade
            PenaltyAdded,      ///< subject: title, detail: authority, date: decision date
            PenaltyRemoved,    ///< in the previous report, no longer in the records
            DishonestListed,   ///< a listing active now that was not active in the previous report
            DishonestDelisted, ///< active before, now removed from the list (date: removal date)
            DishonestRemoved,  ///< in the previous report, no longer in the records at all
            CountChanged,      ///< count: which; before/after: the numbers
        };
        Kind kind = Kind::Score;
        QString subject;
        QString detail;
        QDate date;           ///< decision, listing or removal date; tax grade: 1 Jan of the evaluated year
        qint64 amountFen = 0; ///< penalty amount (fen), 0 when none
        QString before;
        QString after;
        Count count = Count::CountCount;

        bool operator==(const Change &) const = default;
    };

    /// The summary of \a data: what the next report compares against. Keeps the keys ReportGenerator's
    /// own comparison reads ("score", "grade", "records", "series").
    static QJsonObject summaryOf(const ReportData &data);
    /// Changes from \a previous to \a current, in a fixed order: score, grade, tax grade, penalties added
    /// (oldest first) and removed, listings added, delisted and removed, counts in Count order. Empty
    /// when nothing compared changed.
    static QVector<Change> compare(const QJsonObject &previous, const QJsonObject &current);
    /// One complete sentence for \a change: Chinese explicitly, English through tr().
    static QString sentence(const Change &change, ReportLanguage language);
    static QStringList sentences(const QVector<Change> &changes, ReportLanguage language);
    /// Name of \a count in \a language ("行政许可与资质" …).
    static QString countName(Count count, ReportLanguage language);
    /// The JSON key of \a count in the summary's "counts" object.
    static QString countKey(Count count);
};

} // namespace XinDai::Report
