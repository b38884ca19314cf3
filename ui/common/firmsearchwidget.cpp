#include "firmsearchwidget.h"

#include "firmsearchmodel.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace XinDai::Ui {

FirmSearchWidget::FirmSearchWidget(Store::Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_edit(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_model(new FirmSearchModel(this))
{
    m_edit->setObjectName(QStringLiteral("firmSearchEdit"));
    m_edit->setPlaceholderText(tr("Search firms by name or USCC (at least 2 characters)"));
    m_edit->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("firmSearchResults"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(FirmSearchModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(FirmSearchModel::UsccColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setColumnHidden(FirmSearchModel::RegionColumn, true);
    m_view->setColumnHidden(FirmSearchModel::IndustryColumn, true);
    m_summary->setObjectName(QStringLiteral("firmSearchSummary"));
    m_summary->setProperty("role", QStringLiteral("hint"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    for (const Core::Park &park : Store::ReferenceRepository(m_db).parks())
        m_parkNames.insert(park.meta.id, park.name);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &FirmSearchWidget::searchNow);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        searchNow();
        if (m_model->rowCount() == 1)
            activateRow(0);
    });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    searchNow();
}

void FirmSearchWidget::setParkFilter(const QString &parkId)
{
    m_parkId = parkId;
    // Every row would show the same park: give its width to the name.
    m_view->setColumnHidden(FirmSearchModel::ParkColumn, !parkId.isEmpty());
    searchNow();
}

void FirmSearchWidget::setAllowedFirms(const QSet<QString> &enterpriseIds)
{
    m_allowed = enterpriseIds;
    m_restricted = true;
    searchNow();
}

void FirmSearchWidget::clearAllowedFirms()
{
    m_allowed.clear();
    m_restricted = false;
    searchNow();
}

void FirmSearchWidget::searchNow()
{
    const QString text = m_edit->text().trimmed();
    if (text.size() < 2) {
        m_model->setHits({}, m_parkNames);
        m_summary->setText(tr("Type at least 2 characters of a firm name or USCC."));
        Q_EMIT searchFinished(0);
        return;
    }
    QVector<Store::EnterpriseHit> hits
        = Store::EnterpriseRepository(m_db).search(text, ResultLimit, m_parkId);
    if (m_restricted) {
        hits.removeIf([this](const Store::EnterpriseHit &h) { return !m_allowed.contains(h.id); });
    }
    m_model->setHits(hits, m_parkNames);
    m_summary->setText(hits.isEmpty() ? tr("No firm matches \"%1\".").arg(text)
                                      : tr("%n firm(s) found.", nullptr, int(hits.size())));
    Q_EMIT searchFinished(int(hits.size()));
}

void FirmSearchWidget::activateRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    Q_EMIT firmActivated(m_model->hit(row).id);
}

} // namespace XinDai::Ui
