#pragma once

#include "core/domain/user.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace XinDai::Ui {

/// Which pages each role's workspace has, in navigation order, and their titles.
class Navigation
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::Navigation)

public:
    enum class Page {
        Dashboard,
        ParkIndex,
        Firms,
        WalkIn, ///< 接待新企业: the walk-in wizard (window staff)
        PolicyMatching,
        PolicyFirms,
        ProductMatching,
        ParkApplications,
        Inbox,
        Users,
        Institutions,
        Products,
        Policies,
        RuleEditor,
        Conflicts ///< sync conflicts and rejected changes (every role)
    };

    /// The pages of \a role; the first one is shown after login.
    static QList<Page> pagesFor(Core::Role role);
    /// Translated title shown in the navigation list.
    static QString title(Page page);
    /// Stable, untranslated key ("page.firms"), used as the page's objectName (tests, automation).
    static QString key(Page page);
};

} // namespace XinDai::Ui
