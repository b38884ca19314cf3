#pragma once

#include "common/workspacepage.h"
#include "parkkpis.h"

class QBarSet;
class QChartView;
class QLabel;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class KpiCardWidget;

/// The park manager's overview: KPI cards (firms, applications, approval rate, credit granted in 万元)
/// and a bar chart of applications by state.
class ParkDashboardPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// \a parkId empty = all parks (administrators).
    ParkDashboardPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    const ParkKpis &kpis() const { return m_kpis; }
    KpiCardWidget *firmsCard() const { return m_firms; }
    KpiCardWidget *applicationsCard() const { return m_applications; }
    KpiCardWidget *approvalCard() const { return m_approval; }
    KpiCardWidget *creditCard() const { return m_credit; }
    QBarSet *barSet() const { return m_bars; }

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    QString m_parkId;
    ParkKpis m_kpis;
    KpiCardWidget *m_firms = nullptr;
    KpiCardWidget *m_applications = nullptr;
    KpiCardWidget *m_approval = nullptr;
    KpiCardWidget *m_credit = nullptr;
    QChartView *m_chartView = nullptr;
    QBarSet *m_bars = nullptr;
};

} // namespace XinDai::Ui
