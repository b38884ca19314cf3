#pragma once

#include "core/domain/creditrecord.h"

#include <QDate>
#include <QStringList>
#include <QVector>

namespace XinDai::Core {

/// What a firm's dated records say as of a day: the one reading of the records shared by the rule facts
/// (modules/matching) and the scoring features (modules/scoring), so both count the same way.
/// Records dated after the day, or without a date, are ignored.
struct RecordSummary
{
    QString taxGrade;           ///< latest TaxGrade record's title (A/B/M/C/D), empty when none
    QDate taxGradeDate;         ///< its date
    int penalties3y = 0;        ///< Penalty records dated within (day − 3 years, day]
    bool dishonest = false;     ///< a DishonestDebtor listing not removed by the day (validTo empty or > day)
    int procurements3y = 0;     ///< Procurement records dated within (day − 3 years, day]
    QStringList qualifications; ///< titles (trimmed, unique, in record order) of Qualification records valid
                                ///< on the day
    int patents = 0;            ///< Patent records

    /// Summarises the records of \a enterpriseId (records with an empty enterprise id count too, as do all
    /// records when \a enterpriseId is empty).
    static RecordSummary of(const QString &enterpriseId, const QVector<CreditRecord> &records, QDate day);
};

} // namespace XinDai::Core
