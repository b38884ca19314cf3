#pragma once

#include "core/domain/user.h"
#include "navigation.h"
#include "syncclient/syncstatus.h"

#include <QHash>
#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QTimer;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ConflictsPage;
class FirmLookupPage;
class StatusBarWidget;
class SyncStatusWidget;
class WorkspacePage;

/// The desktop shell after login: the role's pages in a navigation list on the left, the current page
/// in a stack on the right, a menu (language, about) and the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Store::Database &db, const Core::User &user, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Core::User &user() const { return m_user; }
    /// The pages present, in navigation order.
    QList<Navigation::Page> pages() const { return m_order; }
    WorkspacePage *page(Navigation::Page page) const { return m_pages.value(page); }
    FirmLookupPage *firmLookupPage() const;
    QListWidget *navigationList() const { return m_navigation; }
    QStackedWidget *stack() const { return m_stack; }
    StatusBarWidget *statusWidget() const { return m_status; }
    /// The sync state in the status bar; hidden until a server is configured (setSyncStatus).
    SyncStatusWidget *syncStatusWidget() const { return m_sync; }
    ConflictsPage *conflictsPage() const;

    /// Makes \a page current (no-op when the role doesn't have it); returns whether it exists.
    bool showPage(Navigation::Page page);
    /// Switches to the firm page and shows the profile of \a enterpriseId.
    bool openFirm(const QString &enterpriseId);
    /// The same by unified social credit code.
    bool openFirmByUscc(const QString &uscc);

    /// Shows the sync engine's status (SyncEngine::statusChanged) in the status bar.
    void setSyncStatus(const XinDai::SyncClient::SyncStatus &status);
    /// Rows of \a entities changed in the store (SyncEngine::dataChanged): the current page reloads
    /// shortly after (changes arriving together reload once); the others reload when next shown.
    void reloadData(const QStringList &entities);

Q_SIGNALS:
    /// "Sync now" (or "Sign in again…") was clicked in the status bar.
    void syncNowRequested();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    WorkspacePage *createPage(Navigation::Page page);
    void carryOpenFirm(WorkspacePage *page);
    void setLanguage(const QString &language);

    Store::Database &m_db;
    Core::User m_user;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    StatusBarWidget *m_status = nullptr;
    SyncStatusWidget *m_sync = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QList<Navigation::Page> m_order;
    QHash<Navigation::Page, WorkspacePage *> m_pages;
    bool m_painted = false; ///< pages load only once the window has been painted (see event())
};

} // namespace XinDai::Ui
