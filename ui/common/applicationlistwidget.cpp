#include "applicationlistwidget.h"

#include "applicationtablemodel.h"
#include "domainlabels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

ApplicationListWidget::ApplicationListWidget(Store::Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_toolbar(new QHBoxLayout)
    , m_stateCombo(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new ApplicationTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_stateCombo->setObjectName(QStringLiteral("stateFilter"));
    m_stateCombo->addItem(tr("All states"), -1);
    for (Core::Application::State state : DomainLabels::applicationStates())
        m_stateCombo->addItem(DomainLabels::applicationState(state), int(state));
    m_toolbar->addWidget(new QLabel(tr("State:"), this));
    m_toolbar->addWidget(m_stateCombo);
    m_toolbar->addStretch(1);
    m_toolbar->addWidget(m_summary);
    m_summary->setProperty("role", QStringLiteral("hint"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::DisplayRole);
    m_view->setObjectName(QStringLiteral("applicationTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ApplicationTableModel::SubmittedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ApplicationTableModel::FirmColumn, QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_toolbar);
    layout->addWidget(m_view, 1);

    connect(m_stateCombo, &QComboBox::currentIndexChanged, this, &ApplicationListWidget::applyFilter);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT firmRequested(index.data(ApplicationTableModel::EnterpriseIdRole).toString());
    });
}

void ApplicationListWidget::setApplications(const QVector<Core::Application> &applications)
{
    m_all = applications;
    applyFilter();
}

void ApplicationListWidget::setStateFilter(std::optional<Core::Application::State> state)
{
    const int index = m_stateCombo->findData(state ? int(*state) : -1);
    m_stateCombo->setCurrentIndex(index < 0 ? 0 : index);
}

int ApplicationListWidget::visibleCount() const
{
    return m_proxy->rowCount();
}

void ApplicationListWidget::applyFilter()
{
    const int wanted = m_stateCombo->currentData().toInt();
    QVector<Core::Application> shown;
    for (const Core::Application &a : std::as_const(m_all)) {
        if (wanted < 0 || int(a.state) == wanted)
            shown.append(a);
    }
    m_model->setApplications(shown, m_db);
    m_summary->setText(tr("%n application(s)", nullptr, int(shown.size())));
}

} // namespace XinDai::Ui
