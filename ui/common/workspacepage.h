#pragma once

#include <QWidget>

namespace XinDai::Ui {

/// A page of a role's workspace, shown in the main window's stack. Pages load their data when first
/// shown (refresh()), not when constructed, so start-up stays fast on a large database.
class WorkspacePage : public QWidget
{
    Q_OBJECT

public:
    explicit WorkspacePage(QWidget *parent = nullptr);

    /// Called each time the page becomes current; loads on the first call, reloads afterwards.
    void activate();
    bool isLoaded() const { return m_loaded; }
    /// The store changed underneath (a sync pulled rows): reloads now when the page was loaded;
    /// a page never shown stays unloaded (it loads when first shown).
    void reload();

Q_SIGNALS:
    /// The page asks the shell to show the profile of a firm.
    void firmRequested(const QString &enterpriseId);

protected:
    /// (Re)loads the page's data from the store.
    virtual void refresh() = 0;

private:
    bool m_loaded = false;
};

} // namespace XinDai::Ui
