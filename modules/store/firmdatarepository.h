#pragma once

#include "core/domain/creditrecord.h"
#include "core/domain/series.h"

#include <QVector>

namespace XinDai::Store {

class Database;

/// Monthly series and dated records about a firm.
class FirmDataRepository
{
public:
    explicit FirmDataRepository(Database &db);

    /// Ordered by month ascending.
    QVector<Core::MonthlyValue> series(const QString &enterpriseId, Core::MonthlyValue::Kind kind) const;
    /// All kinds, ordered by kind then month.
    QVector<Core::MonthlyValue> allSeries(const QString &enterpriseId) const;
    /// Ordered by date descending.
    QVector<Core::CreditRecord> records(const QString &enterpriseId) const;

    bool save(Core::MonthlyValue &value, QString *errorMessage);
    bool save(Core::CreditRecord &record, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
