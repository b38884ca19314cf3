#pragma once

#include "common/workspacepage.h"
#include "scoring/parkindex.h"

#include <QDate>
#include <QVector>

class QBarSet;
class QChartView;
class QComboBox;
class QLabel;

namespace XinDai::Scoring {
class Scorecard;
}

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class KpiCardWidget;

/// 园区信用指数: the park credit index (Scoring::ParkIndex over the commercial scores of the park's
/// firms, as of today) with its grade, its three components (average firm score S, financing access A,
/// risk incidence R, each with its points) and a bar chart of the firms' commercial grades (AAA … C).
/// Park managers see their park; administrators choose a park, or all parks, in a combo box.
class ParkIndexPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// The inputs of the index for a set of firms.
    struct Inputs
    {
        QVector<Scoring::ParkIndex::Firm> firms; ///< one per firm, in id order
        QVector<int> gradeCounts; ///< firms per commercial grade, GradeScale::gradeNames() order
    };

    /// \a parkId empty = the administrator's view: a combo box of all parks (first entry: all parks).
    ParkIndexPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    /// Scores every firm of \a parkId (empty = every park) with \a commercial as of \a asOf:
    /// score = Scorecard::score(FeatureExtractor::extract(…)); approvedLoan = an application of the firm
    /// in state approved, disbursed or settled; riskEvent = a penalty in the last 3 years or a current
    /// dishonest-debtor listing (the features Penalties3y > 0 or DishonestNow = 1).
    static Inputs collect(Store::Database &db, const QString &parkId, const QDate &asOf,
                          const Scoring::Scorecard &commercial);

    /// The park shown (empty = all parks).
    QString parkId() const;
    QComboBox *parkCombo() const { return m_parkCombo; }
    /// The last computed index (ok == false before the first load or for a park with no firms).
    const Scoring::ParkIndex::Result &result() const { return m_result; }
    const QVector<int> &gradeCounts() const { return m_gradeCounts; }
    QDate asOf() const { return m_asOf; }
    QLabel *indexLabel() const { return m_index; }
    QLabel *gradeLabel() const { return m_grade; }
    QBarSet *barSet() const { return m_bars; }
    KpiCardWidget *scoreCard() const { return m_scoreCard; }
    KpiCardWidget *accessCard() const { return m_accessCard; }
    KpiCardWidget *riskCard() const { return m_riskCard; }

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    QString m_fixedPark;
    QDate m_asOf;
    Scoring::ParkIndex::Result m_result;
    QVector<int> m_gradeCounts;
    QComboBox *m_parkCombo = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_index = nullptr;
    QLabel *m_grade = nullptr;
    QLabel *m_note = nullptr;
    KpiCardWidget *m_scoreCard = nullptr;
    KpiCardWidget *m_accessCard = nullptr;
    KpiCardWidget *m_riskCard = nullptr;
    QChartView *m_chartView = nullptr;
    QBarSet *m_bars = nullptr;
};

} // namespace XinDai::Ui
