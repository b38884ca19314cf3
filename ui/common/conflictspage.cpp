#include "conflictspage.h"

#include "common/conflictresolver.h"
#include "common/conflicttablemodel.h"
#include "common/rejectiontablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

namespace {

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
}

/// The selected rows of \a view, in descending order.
QList<int> selectedRows(const QTableView *view)
{
    QList<int> rows;
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    return rows;
}

} // namespace

ConflictsPage::ConflictsPage(Store::Database &db, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_conflicts(new ConflictTableModel(this))
    , m_rejections(new RejectionTableModel(this))
    , m_conflictView(new QTableView(this))
    , m_rejectionView(new QTableView(this))
    , m_keepServer(new QPushButton(tr("Keep the server's value"), this))
    , m_useMine(new QPushButton(tr("Use my value"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
    , m_conflictTitle(new QLabel(this))
    , m_rejectionTitle(new QLabel(this))
    , m_message(new QLabel(this))
{
    auto *heading = new QLabel(tr("Sync conflicts"), this);
    heading->setProperty("role", u"pageTitle"_s);
    auto *note
        = new QLabel(tr("When you and someone else changed the same field, the server's value is kept and "
                        "yours is listed here. Keep the server's value, or use yours: it is then sent "
                        "to the server again with the next synchronisation."),
                     this);
    note->setProperty("role", u"hint"_s);
    note->setWordWrap(true);

    m_conflictTitle->setProperty("role", u"sectionTitle"_s);
    m_conflictView->setObjectName(u"conflictTable"_s);
    m_conflictView->setModel(m_conflicts);
    setUpTable(m_conflictView);
    m_keepServer->setObjectName(u"keepServerValue"_s);
    m_useMine->setObjectName(u"useMyValue"_s);

    m_rejectionTitle->setProperty("role", u"sectionTitle"_s);
    m_rejectionView->setObjectName(u"rejectionTable"_s);
    m_rejectionView->setModel(m_rejections);
    setUpTable(m_rejectionView);
    m_dismiss->setObjectName(u"dismissRejection"_s);
    m_dismiss->setToolTip(
        tr("Hide the selected rejected changes. The server's version of the record stays."));

    m_message->setObjectName(u"conflictMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *conflictButtons = new QHBoxLayout;
    conflictButtons->addStretch(1);
    conflictButtons->addWidget(m_keepServer);
    conflictButtons->addWidget(m_useMine);
    auto *rejectionButtons = new QHBoxLayout;
    rejectionButtons->addStretch(1);
    rejectionButtons->addWidget(m_dismiss);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(note);
    layout->addWidget(m_conflictTitle);
    layout->addWidget(m_conflictView, 3);
    layout->addLayout(conflictButtons);
    layout->addWidget(m_rejectionTitle);
    layout->addWidget(m_rejectionView, 2);
    layout->addLayout(rejectionButtons);
    layout->addWidget(m_message);

    connect(m_keepServer, &QPushButton::clicked, this, &ConflictsPage::keepServerValue);
    connect(m_useMine, &QPushButton::clicked, this, &ConflictsPage::useMyValue);
    connect(m_dismiss, &QPushButton::clicked, this, &ConflictsPage::dismissRejections);
    connect(m_conflictView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictsPage::updateButtons);
    connect(m_rejectionView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictsPage::updateButtons);
    connect(m_conflicts, &QAbstractItemModel::modelReset, this, &ConflictsPage::updateButtons);
    connect(m_rejections, &QAbstractItemModel::modelReset, this, &ConflictsPage::updateButtons);
    updateButtons();
}

void ConflictsPage::refresh()
{
    m_conflicts->load(m_db);
    m_rejections->load(m_db);
    m_conflictTitle->setText(tr("Open conflicts: %1").arg(m_conflicts->rowCount()));
    m_rejectionTitle->setText(tr("Changes the server rejected: %1").arg(m_rejections->rowCount()));
}

void ConflictsPage::keepServerValue()
{
    resolveSelected(Action::KeepServer);
}

void ConflictsPage::useMyValue()
{
    resolveSelected(Action::UseMine);
}

void ConflictsPage::resolveSelected(Action action)
{
    const QList<int> rows = selectedRows(m_conflictView);
    if (rows.isEmpty())
        return;
    ConflictResolver resolver(m_db);
    QStringList errors;
    int done = 0;
    for (int row : rows) {
        const ConflictTableModel::Entry &entry = m_conflicts->entry(row);
        QString error;
        const bool ok = action == Action::KeepServer ? resolver.keepServerValue(entry.id, &error)
                                                     : resolver.useLocalValue(entry.id, &error);
        if (ok)
            ++done;
        else
            errors.append(tr("%1 · %2: %3")
                              .arg(entry.recordLabel,
                                   m_conflicts->index(row, ConflictTableModel::FieldColumn).data().toString(),
                                   error));
    }
    refresh();
    if (!errors.isEmpty())
        showMessage(errors.join(u'\n'), true);
    else
        showMessage(
            action == Action::KeepServer
                ? tr("%n conflict(s) resolved: the server's value is kept.", nullptr, done)
                : tr("%n conflict(s) resolved: your value will be sent with the next synchronisation.",
                     nullptr, done),
            false);
    if (done > 0)
        emit changed();
}

void ConflictsPage::dismissRejections()
{
    const QList<int> rows = selectedRows(m_rejectionView);
    if (rows.isEmpty())
        return;
    ConflictResolver resolver(m_db);
    QStringList errors;
    int done = 0;
    for (int row : rows) {
        QString error;
        if (resolver.dismissRejection(m_rejections->entry(row).opId, &error))
            ++done;
        else
            errors.append(error);
    }
    refresh();
    if (!errors.isEmpty())
        showMessage(errors.join(u'\n'), true);
    else
        showMessage(tr("%n rejected change(s) dismissed.", nullptr, done), false);
    if (done > 0)
        emit changed();
}

void ConflictsPage::updateButtons()
{
    const QList<int> conflicts = selectedRows(m_conflictView);
    m_keepServer->setEnabled(!conflicts.isEmpty());
    // "Use my value" only when every selected field can be re-applied in this client.
    const bool canUseMine
        = !conflicts.isEmpty() && std::all_of(conflicts.cbegin(), conflicts.cend(), [this](int row) {
              const ConflictTableModel::Entry &e = m_conflicts->entry(row);
              return ConflictResolver::canUseLocalValue(e.entity, e.field);
          });
    const bool renumbering = std::any_of(conflicts.cbegin(), conflicts.cend(), [this](int row) {
        const ConflictTableModel::Entry &e = m_conflicts->entry(row);
        return ConflictResolver::isRenumbering(e.entity, e.field);
    });
    m_useMine->setEnabled(canUseMine);
    m_useMine->setToolTip(
        renumbering ? ConflictTableModel::renumberingHint()
        : !conflicts.isEmpty() && !canUseMine
            ? tr("This field is reference data maintained on the server: only the server's "
                 "value can be kept.")
            : tr("Write your value into the record again; it is sent to the server with the "
                 "next synchronisation."));
    m_dismiss->setEnabled(!selectedRows(m_rejectionView).isEmpty());
}

void ConflictsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("role", error ? u"error"_s : u"hint"_s);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->show();
}

} // namespace XinDai::Ui
