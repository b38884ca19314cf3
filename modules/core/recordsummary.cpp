#include "core/recordsummary.h"

namespace XinDai::Core {

RecordSummary RecordSummary::of(const QString &enterpriseId, const QVector<CreditRecord> &records, QDate day)
{
    RecordSummary s;
    const QDate threeYearsAgo = day.addYears(-3);
    for (const CreditRecord &r : records) {
        if (!enterpriseId.isEmpty() && !r.enterpriseId.isEmpty() && r.enterpriseId != enterpriseId)
            continue;
        if (!r.date.isValid() || r.date > day)
            continue;
        switch (r.kind) {
        case CreditRecord::Kind::TaxGrade:
            if (!s.taxGradeDate.isValid() || r.date >= s.taxGradeDate) {
                s.taxGradeDate = r.date;
                s.taxGrade = r.title.trimmed();
            }
            break;
        case CreditRecord::Kind::Penalty:
            if (r.date > threeYearsAgo)
                ++s.penalties3y;
            break;
        case CreditRecord::Kind::DishonestDebtor:
            if (!r.validTo.isValid() || r.validTo > day)
                s.dishonest = true;
            break;
        case CreditRecord::Kind::Procurement:
            if (r.date > threeYearsAgo)
                ++s.procurements3y;
            break;
        case CreditRecord::Kind::Qualification:
            if (!r.validTo.isValid() || r.validTo >= day) {
                const QString title = r.title.trimmed();
                if (!s.qualifications.contains(title))
                    s.qualifications.append(title);
            }
            break;
        case CreditRecord::Kind::Patent:
            ++s.patents;
            break;
        case CreditRecord::Kind::PublicResourceContract:
        case CreditRecord::Kind::Subsidy:
            break;
        }
    }
    return s;
}

} // namespace XinDai::Core
