#pragma once

#include "matching/policymatch.h"

#include <QAbstractTableModel>
#include <QVector>

namespace XinDai::Ui {

/// Policies assessed for one firm (Matching::PolicyMatcher::match), one row per policy, in the matcher's
/// order (eligible first). Read-only.
class PolicyMatchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CodeColumn,
        TitleColumn,
        StatusColumn,
        BenefitColumn,
        WindowEndColumn,
        DaysLeftColumn,
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole, ///< Matching::PolicyMatch::Status as int
        PolicyIdRole,              ///< Core::Policy meta id
        BenefitFenRole,            ///< estimated benefit, fen (qint64)
        WorkdaysLeftRole           ///< working days left (int; -1 = no end)
    };

    explicit PolicyMatchModel(QObject *parent = nullptr);

    void setMatches(const QVector<Matching::PolicyMatch> &matches);
    const QVector<Matching::PolicyMatch> &matches() const { return m_matches; }
    /// The match of \a row; \a row must be valid.
    const Matching::PolicyMatch &match(int row) const { return m_matches.at(row); }

    /// Translated name of a status ("Eligible", "Near miss" …).
    static QString statusText(Matching::PolicyMatch::Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Matching::PolicyMatch> m_matches;
};

} // namespace XinDai::Ui
