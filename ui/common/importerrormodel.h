#pragma once

#include "intake/importerror.h"

#include <QAbstractTableModel>
#include <QVector>

namespace XinDai::Ui {

/// The row-level errors of an import (Intake::ImportResult::errors) for a table: one error per row,
/// in file order, as the importer reported them.
class ImportErrorModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RowColumn, LineColumn, FileColumn, ReasonColumn, ColumnCount };
    enum Role {
        RowRole = Qt::UserRole, ///< int: 1-based data row, 0 = the file as a whole
        LineRole,               ///< int: 1-based file line
    };

    explicit ImportErrorModel(QObject *parent = nullptr);

    /// Replaces the errors shown.
    void setErrors(const QVector<Intake::ImportError> &errors);
    const QVector<Intake::ImportError> &errors() const { return m_errors; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Intake::ImportError> m_errors;
};

} // namespace XinDai::Ui
