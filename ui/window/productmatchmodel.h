#pragma once

#include "matching/productmatch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace XinDai::Ui {

/// Products assessed for one firm and need (Matching::ProductMatcher::match), in the matcher's order:
/// eligible ones by rank (rank 1 first), then the ineligible ones. Read-only.
class ProductMatchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        ProductColumn,
        InstitutionColumn,
        ScoreColumn,
        AnnualCostColumn,
        DaysToDecisionColumn,
        ColumnCount
    };
    enum Role {
        RankRole = Qt::UserRole, ///< 1-based rank; 0 when not eligible (int)
        EligibleRole,            ///< bool
        ScoreRole,               ///< composite score in [0, 1] (double)
        AnnualCostFenRole,       ///< annual cost, fen (qint64)
        ProductIdRole            ///< Core::FinancingProduct meta id
    };

    explicit ProductMatchModel(QObject *parent = nullptr);

    /// \a institutionNames maps institution ids to the names shown.
    void setMatches(const QVector<Matching::ProductMatch> &matches,
                    const QHash<QString, QString> &institutionNames);
    const QVector<Matching::ProductMatch> &matches() const { return m_matches; }
    /// The match of \a row; \a row must be valid.
    const Matching::ProductMatch &match(int row) const { return m_matches.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Matching::ProductMatch> m_matches;
    QHash<QString, QString> m_institutionNames;
};

} // namespace XinDai::Ui
