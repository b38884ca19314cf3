#pragma once

#include "workspacepage.h"

#include <QSet>

#include <functional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class FirmProfileWidget;
class FirmSearchWidget;

/// Firm search on the left, the chosen firm's profile on the right. Used by every role; the scope
/// (park, or the firms an institution has applications from) restricts the search.
class FirmLookupPage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit FirmLookupPage(Store::Database &db, QWidget *parent = nullptr);

    void setParkScope(const QString &parkId);
    void setFirmScope(const QSet<QString> &enterpriseIds);
    /// Like setFirmScope, computed by \a provider when the page is first shown (it may be slow); until
    /// then no firm is in scope.
    void setFirmScopeProvider(std::function<QSet<QString>()> provider);

    /// Shows the profile of \a enterpriseId; false when it does not exist.
    bool openFirm(const QString &enterpriseId);

    FirmSearchWidget *searchWidget() const { return m_search; }
    FirmProfileWidget *profileWidget() const { return m_profile; }

protected:
    void refresh() override;

private:
    FirmSearchWidget *m_search = nullptr;
    FirmProfileWidget *m_profile = nullptr;
    std::function<QSet<QString>()> m_scopeProvider;
};

} // namespace XinDai::Ui
