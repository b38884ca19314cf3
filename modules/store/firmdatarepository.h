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

    /// Upsert by the natural key (enterpriseId, kind, month): a stored value for the same firm, kind
    /// and month is replaced. The stored id becomes value's id; a value without an id keeps the
    /// stored row's id (or gets a new UUID when there is none), and \a value receives it.
    bool save(Core::MonthlyValue &value, QString *errorMessage);
    bool save(Core::CreditRecord &record, QString *errorMessage);

private:
    Database &m_db;
};

} // namespace XinDai::Store
