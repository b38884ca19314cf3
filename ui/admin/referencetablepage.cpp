#include "referencetablepage.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

ReferenceTablePage::ReferenceTablePage(Store::Database &db, ReferenceTableModel::Kind kind, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_model(new ReferenceTableModel(kind, this))
    , m_view(new QTableView(this))
{
    QString title;
    switch (kind) {
    case ReferenceTableModel::Kind::Users:
        title = tr("User accounts");
        break;
    case ReferenceTableModel::Kind::Institutions:
        title = tr("Financial institutions");
        break;
    case ReferenceTableModel::Kind::Products:
        title = tr("Financing products");
        break;
    case ReferenceTableModel::Kind::Policies:
        title = tr("Support policies");
        break;
    }
    auto *heading = new QLabel(title, this);
    heading->setProperty("role", QStringLiteral("pageTitle"));
    auto *note = new QLabel(tr("Read-only: reference data is maintained on the central server."), this);
    note->setProperty("role", QStringLiteral("hint"));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("referenceTable"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(note);
    layout->addWidget(m_view, 1);
}

void ReferenceTablePage::refresh()
{
    m_model->load(m_db);
}

} // namespace XinDai::Ui
