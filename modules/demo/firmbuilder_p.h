#pragma once

#include "core/domain/dataset.h"
#include "core/workcalendar.h"

#include <QDate>

namespace XinDai::Demo::Internal {

class ReferenceBuilder;

/// Builds one firm and everything about it (series, records, applications, authorizations,
/// documents). Each firm draws from its own random stream (seed, firm index), so the result for a
/// firm does not depend on how the firms are chunked.
class FirmBuilder
{
public:
    FirmBuilder(quint32 seed, QDate asOf, const ReferenceBuilder &reference);

    /// Appends firm \a index (0-based) and its rows to \a out.
    void build(int index, Core::Dataset &out) const;

    /// First month of the 24-month series window: asOf's month minus 24.
    QDate firstSeriesMonth() const;
    /// Number of months in the series window (24).
    static constexpr int SeriesMonths = 24;

    /// GB 11714-1997 check character of an 8-character organization-code body ('0'..'9' or 'X');
    /// a null QChar if \a body is not 8 characters of 0-9/A-Z.
    static QChar organizationCheck(QStringView body);

private:
    quint32 m_seed;
    QDate m_asOf;
    const ReferenceBuilder &m_reference;
    Core::WorkCalendar m_calendar;
};

} // namespace XinDai::Demo::Internal
