#pragma once

#include "core/domain/series.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QVector>

namespace XinDai::Ui {

/// A firm's six monthly series side by side: one row per month (ascending), one column per series kind.
/// Months are the union of the months present in any series; a missing value shows empty.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        MonthColumn,
        TaxPaidColumn,
        SocialInsuranceColumn,
        HousingFundColumn,
        ElectricityColumn,
        BankInflowColumn,
        BankOutflowColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole, ///< qint64 in the kind's unit (fen, persons, kWh); invalid when missing
        MonthRole,                   ///< QDate, first day of the month
    };
    Q_ENUM(Column)

    explicit SeriesTableModel(QObject *parent = nullptr);

    void setSeries(const QVector<Core::MonthlyValue> &values);
    QVector<QDate> months() const { return m_months; }
    /// The value of \a kind in \a month, when present.
    std::optional<qint64> value(QDate month, Core::MonthlyValue::Kind kind) const;

    static Core::MonthlyValue::Kind
    kindOfColumn(int column); ///< \a column in [TaxPaidColumn, BankOutflowColumn]

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<QDate> m_months;
    QHash<QDate, QHash<int, qint64>> m_values; // month → kind → value
};

} // namespace XinDai::Ui
