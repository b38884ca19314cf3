#include "mainwindow.h"

#include "aboutdialog.h"
#include "admin/referencetablepage.h"
#include "admin/ruleeditorpage.h"
#include "bank/bankinboxpage.h"
#include "common/conflictspage.h"
#include "common/domainlabels.h"
#include "common/firmlookuppage.h"
#include "common/firmprofilewidget.h"
#include "common/firmsearchwidget.h"
#include "common/importdialog.h"
#include "common/reportverifydialog.h"
#include "park/parkdashboardpage.h"
#include "park/parkindexpage.h"
#include "statusbarwidget.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"
#include "syncedreferencedocs.h"
#include "syncstatuswidget.h"
#include "window/parkapplicationspage.h"
#include "window/policyfirmspage.h"
#include "window/policymatchpage.h"
#include "window/productmatchpage.h"
#include "window/walkinpage.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace XinDai::Ui {

MainWindow::MainWindow(Store::Database &db, const Core::User &user, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_user(user)
    , m_navigation(new QListWidget)
    , m_stack(new QStackedWidget)
    , m_status(new StatusBarWidget)
    , m_sync(new SyncStatusWidget)
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(
        tr("XinDai Workbench — %1").arg(user.displayName.isEmpty() ? user.login : user.displayName));

    QString scope;
    const Store::ReferenceRepository reference(db);
    if (!user.parkId.isEmpty()) {
        if (const std::optional<Core::Park> park = reference.park(user.parkId))
            scope = park->name;
    } else if (!user.institutionId.isEmpty()) {
        if (const std::optional<Core::Institution> institution = reference.institution(user.institutionId))
            scope = institution->name;
    }

    auto *topBar = new QWidget;
    topBar->setObjectName(QStringLiteral("topBar"));
    auto *topLayout = new QHBoxLayout(topBar);
    topLayout->setContentsMargins(16, 8, 16, 8);
    auto *appTitle = new QLabel(tr("XinDai Workbench"));
    appTitle->setProperty("role", QStringLiteral("appTitle"));
    auto *who = new QLabel(
        scope.isEmpty() ? tr("%1 · %2").arg(user.displayName, DomainLabels::role(user.role))
                        : tr("%1 · %2 · %3").arg(user.displayName, DomainLabels::role(user.role), scope));
    who->setObjectName(QStringLiteral("userBadge"));
    who->setProperty("role", QStringLiteral("hint"));
    topLayout->addWidget(appTitle);
    topLayout->addStretch(1);
    topLayout->addWidget(who);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(180);
    m_stack->setObjectName(QStringLiteral("pages"));

    auto *body = new QWidget;
    auto *bodyLayout = new QHBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(0);
    bodyLayout->addWidget(m_navigation);
    auto *pageHolder = new QWidget;
    auto *pageLayout = new QVBoxLayout(pageHolder);
    pageLayout->setContentsMargins(12, 12, 12, 12);
    pageLayout->addWidget(m_stack);
    bodyLayout->addWidget(pageHolder, 1);

    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(topBar);
    centralLayout->addWidget(body, 1);
    setCentralWidget(central);

    m_order = Navigation::pagesFor(user.role);
    for (Navigation::Page p : std::as_const(m_order)) {
        WorkspacePage *page = createPage(p);
        page->setObjectName(Navigation::key(p));
        m_pages.insert(p, page);
        m_stack->addWidget(page);
        auto *item = new QListWidgetItem(Navigation::title(p), m_navigation);
        item->setData(Qt::UserRole, Navigation::key(p));
        connect(page, &WorkspacePage::firmRequested, this, &MainWindow::openFirm);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_order.size())
            return;
        WorkspacePage *page = m_pages.value(m_order.at(row));
        carryOpenFirm(page);
        m_stack->setCurrentWidget(page);
        if (m_painted)
            page->activate(); // before the first paint, event() does it once the window is on screen
    });

    m_status->setDatabasePath(db.path());
    m_status->setUser(user.displayName, DomainLabels::role(user.role));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_sync);
    connect(m_sync, &SyncStatusWidget::syncNowRequested, this, &MainWindow::syncNowRequested);
    connect(m_sync, &SyncStatusWidget::conflictsRequested, this,
            [this] { showPage(Navigation::Page::Conflicts); });
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        m_status->refresh();
        if (auto *page = qobject_cast<WorkspacePage *>(m_stack->currentWidget()))
            page->reload();
    });
    buildMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1320, 820);
    if (!m_order.isEmpty())
        m_navigation->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

WorkspacePage *MainWindow::createPage(Navigation::Page page)
{
    switch (page) {
    case Navigation::Page::Dashboard:
        return new ParkDashboardPage(m_db, m_user.parkId);
    case Navigation::Page::ParkIndex:
        return new ParkIndexPage(m_db, m_user.parkId);
    case Navigation::Page::Firms: {
        auto *lookup = new FirmLookupPage(m_db);
        lookup->profileWidget()->setCurrentUser(m_user.login);
        if (m_user.role == Core::Role::WindowStaff || m_user.role == Core::Role::ParkManager)
            lookup->setParkScope(m_user.parkId);
        if (m_user.role == Core::Role::BankOfficer) {
            // A bank sees the firms that applied to it (the server enforces authorizations).
            lookup->setFirmScopeProvider(
                [this] { return BankInboxPage::firmsInScope(m_db, m_user.institutionId); });
        }
        if (Navigation::pagesFor(m_user.role).contains(Navigation::Page::WalkIn)) {
            // The walk-in wizard from the firm page starts with the firm open there, if any.
            auto *walkIn = new QPushButton(tr("Receive a walk-in firm…"));
            walkIn->setObjectName(QStringLiteral("walkInFromFirms"));
            if (auto *box = qobject_cast<QBoxLayout *>(lookup->searchWidget()->layout()))
                box->addWidget(walkIn);
            connect(walkIn, &QPushButton::clicked, this, [this, lookup] {
                if (auto *page = qobject_cast<WalkInPage *>(m_pages.value(Navigation::Page::WalkIn))) {
                    showPage(Navigation::Page::WalkIn);
                    page->receiveFirm(lookup->profileWidget()->enterpriseId());
                }
            });
        }
        return lookup;
    }
    case Navigation::Page::WalkIn:
        return new WalkInPage(m_db, m_user);
    case Navigation::Page::PolicyMatching:
        return new PolicyMatchPage(m_db, m_user.parkId);
    case Navigation::Page::PolicyFirms:
        return new PolicyFirmsPage(m_db, m_user.role == Core::Role::Admin ? QString() : m_user.parkId);
    case Navigation::Page::ProductMatching:
        return new ProductMatchPage(m_db, m_user.parkId);
    case Navigation::Page::ParkApplications:
        return new ParkApplicationsPage(m_db, m_user.parkId);
    case Navigation::Page::Inbox:
        return new BankInboxPage(m_db, m_user.institutionId);
    case Navigation::Page::Users:
        return new ReferenceTablePage(m_db, ReferenceTableModel::Kind::Users);
    case Navigation::Page::Institutions:
        return new ReferenceTablePage(m_db, ReferenceTableModel::Kind::Institutions);
    case Navigation::Page::Products:
        return new ReferenceTablePage(m_db, ReferenceTableModel::Kind::Products);
    case Navigation::Page::Policies:
        return new ReferenceTablePage(m_db, ReferenceTableModel::Kind::Policies);
    case Navigation::Page::RuleEditor:
        return new RuleEditorPage(m_db);
    case Navigation::Page::Conflicts:
        return new ConflictsPage(m_db);
    }
    Q_UNREACHABLE();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    if (m_user.role != Core::Role::BankOfficer) {
        QAction *import = file->addAction(tr("&Import data…"));
        import->setObjectName(QStringLiteral("importDataAction"));
        connect(import, &QAction::triggered, this, [this] {
            ImportDialog dialog(m_db, this);
            if (m_user.role == Core::Role::WindowStaff || m_user.role == Core::Role::ParkManager)
                dialog.setOwnPark(m_user.parkId);
            connect(&dialog, &ImportDialog::imported, this, [this] {
                reloadData({QStringLiteral("enterprise"), QStringLiteral("monthly_value")});
            });
            dialog.exec();
        });
        file->addSeparator();
    }
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString();
    // Language names are written in their own language so anyone can find theirs.
    const QList<std::pair<QString, QString>> languages
        = {{QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
           {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto &[code, name] : languages) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *verify = help->addAction(tr("&Verify a report…"));
    verify->setObjectName(QStringLiteral("verifyReportAction"));
    connect(verify, &QAction::triggered, this, [this] {
        ReportVerifyDialog dialog(m_db, this);
        dialog.exec();
    });
    QAction *about = help->addAction(tr("&About XinDai Workbench"));
    connect(about, &QAction::triggered, this, [this] {
        AboutDialog dialog(m_db.schemaVersion(), this);
        dialog.exec();
    });
}

void MainWindow::setLanguage(const QString &language)
{
    QSettings settings;
    if (settings.value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString() == language)
        return;
    settings.setValue(QStringLiteral("language"), language);
    QMessageBox::information(this, tr("Language"),
                             tr("The language will change the next time XinDai Workbench starts."));
}

void MainWindow::carryOpenFirm(WorkspacePage *page)
{
    // The matching pages start from the firm open on the firm page, when they have none yet.
    const FirmLookupPage *lookup = firmLookupPage();
    const QString firm = lookup ? lookup->profileWidget()->enterpriseId() : QString();
    if (firm.isEmpty())
        return;
    if (auto *policies = qobject_cast<PolicyMatchPage *>(page); policies && policies->firmId().isEmpty())
        policies->setFirm(firm);
    else if (auto *products = qobject_cast<ProductMatchPage *>(page);
             products && products->firmId().isEmpty())
        products->setFirm(firm);
}

ConflictsPage *MainWindow::conflictsPage() const
{
    return qobject_cast<ConflictsPage *>(m_pages.value(Navigation::Page::Conflicts));
}

void MainWindow::setSyncStatus(const SyncClient::SyncStatus &status)
{
    const bool conflictsChanged = status.openConflicts != m_sync->status().openConflicts
                                  || status.rejections != m_sync->status().rejections;
    m_sync->setStatus(status);
    // With a server the sync widget tells the connection state; the plain "offline" label would contradict
    // it.
    m_status->setConnectionVisible(status.state == SyncClient::SyncStatus::State::NotConfigured);
    if (conflictsChanged)
        reloadData({QStringLiteral("conflict")});
}

void MainWindow::reloadData(const QStringList &entities)
{
    if (entities.contains(QStringLiteral("reference_doc")))
        applySyncedReferenceDocs(m_db); // a newer holiday calendar or scoring model
    // any change may show on the current page: its queries span several tables
    m_reloadTimer->start();
}

FirmLookupPage *MainWindow::firmLookupPage() const
{
    return qobject_cast<FirmLookupPage *>(m_pages.value(Navigation::Page::Firms));
}

bool MainWindow::showPage(Navigation::Page page)
{
    const int row = int(m_order.indexOf(page));
    if (row < 0)
        return false;
    m_navigation->setCurrentRow(row);
    return true;
}

bool MainWindow::openFirm(const QString &enterpriseId)
{
    FirmLookupPage *lookup = firmLookupPage();
    if (!lookup)
        return false;
    showPage(Navigation::Page::Firms);
    return lookup->openFirm(enterpriseId);
}

bool MainWindow::openFirmByUscc(const QString &uscc)
{
    const std::optional<Core::Enterprise> firm = Store::EnterpriseRepository(m_db).byUscc(uscc.trimmed());
    return firm && openFirm(firm->meta.id);
}

bool MainWindow::event(QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint) {
        m_painted = true;
        // The first page loads its data after the window's first frame: the frame appears at once and
        // a large store (dashboard counts, an inbox) only delays the page's content.
        QTimer::singleShot(0, this, [this] {
            if (auto *page = qobject_cast<WorkspacePage *>(m_stack->currentWidget()))
                page->activate();
        });
    }
    return QMainWindow::event(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace XinDai::Ui
