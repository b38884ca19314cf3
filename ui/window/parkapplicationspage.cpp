#include "parkapplicationspage.h"

#include "common/applicationlistwidget.h"
#include "store/applicationrepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace XinDai::Ui {

namespace {

/// The most recent day anything happened to \a a (creation, submission, acceptance, decision, payout).
QDate lastActivity(const Core::Application &a)
{
    QDate last;
    for (const QDateTime &t :
         {a.createdAt, a.submittedAt, a.acceptedAt, a.decidedAt, a.disbursedAt, a.settledAt}) {
        if (t.isValid())
            last = std::max(last, t.toLocalTime().date());
    }
    return last;
}

} // namespace

ParkApplicationsPage::ParkApplicationsPage(Store::Database &db, const QString &parkId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_parkId(parkId)
    , m_today(QDate::currentDate())
    , m_period(new QComboBox(this))
    , m_list(new ApplicationListWidget(db, this))
{
    m_period->setObjectName(QStringLiteral("periodFilter"));
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("All"), int(Period::All));
    m_list->toolbarLayout()->insertWidget(0, new QLabel(tr("Activity:"), this));
    m_list->toolbarLayout()->insertWidget(1, m_period);

    auto *title = new QLabel(tr("Applications of the park"), this);
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ParkApplicationsPage::refresh);
    connect(m_list, &ApplicationListWidget::firmRequested, this, &WorkspacePage::firmRequested);
}

void ParkApplicationsPage::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void ParkApplicationsPage::setToday(QDate today)
{
    m_today = today;
    if (isLoaded())
        refresh();
}

void ParkApplicationsPage::refresh()
{
    Store::ApplicationRepository::Filter filter;
    filter.parkId = m_parkId;
    QVector<Core::Application> applications = Store::ApplicationRepository(m_db).applications(filter);
    const auto period = static_cast<Period>(m_period->currentData().toInt());
    int days = -1;
    switch (period) {
    case Period::Today:
        days = 0;
        break;
    case Period::Last7Days:
        days = 6;
        break;
    case Period::Last30Days:
        days = 29;
        break;
    case Period::All:
        break;
    }
    if (days >= 0) {
        const QDate from = m_today.addDays(-days);
        applications.removeIf([&](const Core::Application &a) {
            const QDate d = lastActivity(a);
            return !d.isValid() || d < from || d > m_today;
        });
    }
    m_list->setApplications(applications);
}

} // namespace XinDai::Ui
