#pragma once

#include "core/domain/creditrecord.h"
#include "core/domain/enterprise.h"
#include "core/domain/series.h"
#include "scoring/firmfeatures.h"

#include <QDate>
#include <QVector>

namespace XinDai::Scoring {

/// Computes FirmFeatures from raw data as of a date. Pure: same inputs, same output; no I/O.
///
/// "The last 12 months" are the 12 complete calendar months before the as-of month (as of 2026-11-25:
/// 2025-11 … 2026-10); "the previous 12" the 12 before those. A feature that needs a month that is
/// absent is missing (gaps never count as zero). Series and records whose enterpriseId is set and differs
/// from the enterprise's id are ignored; of two values of one kind for one month the later in the vector
/// wins. Growth rates are exact integer differences and sums, divided once at the end. Every formula is in
/// docs/scoring.md.
class FeatureExtractor
{
public:
    static FirmFeatures extract(const Core::Enterprise &enterprise, const QVector<Core::MonthlyValue> &series,
                                const QVector<Core::CreditRecord> &records, const QDate &asOf);
};

} // namespace XinDai::Scoring
