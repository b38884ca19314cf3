#include "parkdashboardpage.h"

#include "common/domainlabels.h"
#include "kpicardwidget.h"
#include "store/applicationrepository.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

namespace XinDai::Ui {

using State = Core::Application::State;

ParkDashboardPage::ParkDashboardPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_parkId(parkId)
{
    QString parkName;
    if (!parkId.isEmpty()) {
        if (const std::optional<Core::Park> park = Store::ReferenceRepository(db).park(parkId))
            parkName = park->name;
    }
    auto *title = new QLabel(
        parkName.isEmpty() ? tr("Overview of all parks") : tr("Overview of %1").arg(parkName), this);
    title->setProperty("role", QStringLiteral("pageTitle"));

    m_firms = new KpiCardWidget(tr("Firms"), this);
    m_firms->setObjectName(QStringLiteral("kpiFirms"));
    m_applications = new KpiCardWidget(tr("Applications"), this);
    m_applications->setObjectName(QStringLiteral("kpiApplications"));
    m_approval = new KpiCardWidget(tr("Approval rate"), this);
    m_approval->setObjectName(QStringLiteral("kpiApprovalRate"));
    m_credit = new KpiCardWidget(tr("Credit granted"), this);
    m_credit->setObjectName(QStringLiteral("kpiCredit"));
    auto *cards = new QGridLayout;
    cards->addWidget(m_firms, 0, 0);
    cards->addWidget(m_applications, 0, 1);
    cards->addWidget(m_approval, 0, 2);
    cards->addWidget(m_credit, 0, 3);

    m_bars = new QBarSet(tr("Applications"));
    auto *series = new QBarSeries;
    series->append(m_bars);
    series->setLabelsVisible(true);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Applications by state"));
    chart->legend()->hide();
    auto *categories = new QBarCategoryAxis;
    for (State state : DomainLabels::applicationStates())
        categories->append(DomainLabels::applicationState(state));
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *counts = new QValueAxis;
    counts->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(QStringLiteral("stateChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(cards);
    layout->addWidget(m_chartView, 1);
}

void ParkDashboardPage::refresh()
{
    const Store::ApplicationRepository applications(m_db);
    Store::ApplicationRepository::Filter filter;
    filter.parkId = m_parkId;
    m_kpis = ParkKpis{};
    m_kpis.firms = Store::EnterpriseRepository(m_db).count(m_parkId);
    m_kpis.applicationsByState = applications.countByState(filter);
    // Only the approved states carry a granted amount: fetch just those rows, not every application.
    for (State state : {State::Approved, State::Disbursed, State::Settled}) {
        filter.state = state;
        m_kpis.creditGranted += ParkKpis::sumGranted(applications.applications(filter));
    }

    const QLocale locale;
    int total = 0;
    for (auto it = m_kpis.applicationsByState.cbegin(); it != m_kpis.applicationsByState.cend(); ++it)
        total += it.value();
    m_firms->setValue(locale.toString(m_kpis.firms), tr("registered in the local database"));
    m_applications->setValue(locale.toString(total),
                             tr("%1 waiting for acceptance")
                                 .arg(locale.toString(m_kpis.applicationsByState.value(State::Submitted))));
    if (const std::optional<int> rate = m_kpis.approvalRatePermille()) {
        m_approval->setValue(
            QStringLiteral("%1.%2%").arg(*rate / 10).arg(*rate % 10),
            tr("%1 approved, %2 rejected")
                .arg(locale.toString(m_kpis.approvedCount()), locale.toString(m_kpis.rejectedCount())));
    } else {
        m_approval->setValue(QStringLiteral("—"), tr("no decision yet"));
    }
    m_credit->setValue(m_kpis.creditGranted.format(Core::Money::Unit::Wan, locale),
                       tr("approved, disbursed and settled applications"));

    m_bars->remove(0, m_bars->count());
    qreal maximum = 0;
    for (State state : DomainLabels::applicationStates()) {
        const int n = m_kpis.applicationsByState.value(state);
        m_bars->append(n);
        maximum = std::max<qreal>(maximum, n);
    }
    const QList<QAbstractAxis *> axes = m_chartView->chart()->axes(Qt::Vertical);
    if (auto *counts = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first())) {
        counts->setRange(0, maximum < 4 ? 4 : maximum * 1.1);
        counts->applyNiceNumbers(); // whole-number ticks for counts
    }
}

} // namespace XinDai::Ui
