#pragma once

#include "report/reportdata.h"

#include <QCoreApplication>

#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Report {

/// Reads one firm's data from a store and builds the report snapshot as of a day (no authorization
/// check, no signing: see ReportGenerator). Series: the 24 months before asOf's month; records and
/// applications dated on or before asOf. Scores with Scoring::ModelRegistry::commercial().
class ReportAssembler
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::ReportAssembler)
public:
    /// Nothing (with a translated \a error) when the firm \a enterpriseId does not exist.
    /// number, generatedAt, generatedBy, authorization fields and changes are left for the caller.
    static std::optional<ReportData> assemble(Store::Database &db, const QString &enterpriseId,
                                              const Core::Institution &institution, const QString &purpose,
                                              QDate asOf, QString *error = nullptr);
};

} // namespace XinDai::Report
