#pragma once

#include "scoring/expertmodel.h"
#include "scoring/scorecard.h"
#include "scoring/scoreresult.h"

#include <QAbstractTableModel>
#include <QVector>

namespace XinDai::Ui {

/// The factor contributions of one score: one row per scorecard factor (or expert-model indicator), in
/// model order. Read-only.
class ScoreFactorModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FactorColumn, ValueColumn, PointsColumn, ColumnCount };
    enum Role {
        PointsRole = Qt::UserRole, ///< double: points the factor added to the score
        PointsLostRole,            ///< double: best possible points − points, ≥ 0
        MissingRole                ///< bool: no data, the model's missing bin / value was used
    };

    /// One displayed factor.
    struct Row
    {
        QString factor; ///< the model's label (data)
        QString value;  ///< bin text (scorecards) or normalised value and weight (expert models)
        double points = 0;
        double bestPoints = 0; ///< the most this factor can add
        bool missing = false;
    };

    explicit ScoreFactorModel(QObject *parent = nullptr);

    void setRows(const QVector<Row> &rows);
    /// Rows of a scorecard result: factor label, Scorecard::binText of the bin used, bin points.
    void setData(const Scoring::Scorecard &model, const Scoring::ScoreResult &result);
    /// Rows of an expert-model result: indicator label, normalised value s and weight, 100 · w · s.
    void setData(const Scoring::ExpertModel &model, const Scoring::ExpertModel::Result &result);
    const QVector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Row> m_rows;
};

} // namespace XinDai::Ui
