#include "navigation.h"

namespace XinDai::Ui {

QList<Navigation::Page> Navigation::pagesFor(Core::Role role)
{
    switch (role) {
    case Core::Role::WindowStaff:
        return {Page::Firms,           Page::WalkIn,           Page::PolicyMatching, Page::PolicyFirms,
                Page::ProductMatching, Page::ParkApplications, Page::Conflicts};
    case Core::Role::ParkManager:
        return {Page::Dashboard,   Page::ParkIndex,        Page::Firms,
                Page::PolicyFirms, Page::ParkApplications, Page::Conflicts};
    case Core::Role::BankOfficer:
        return {Page::Inbox, Page::Firms, Page::Conflicts};
    case Core::Role::Admin:
        return {Page::Dashboard,   Page::ParkIndex,       Page::Firms,      Page::PolicyMatching,
                Page::PolicyFirms, Page::ProductMatching, Page::Users,      Page::Institutions,
                Page::Products,    Page::Policies,        Page::RuleEditor, Page::Conflicts};
    }
    return {};
}

QString Navigation::title(Page page)
{
    switch (page) {
    case Page::Dashboard:
        return tr("Overview");
    case Page::ParkIndex:
        return tr("Park credit index");
    case Page::Firms:
        return tr("Firms");
    case Page::WalkIn:
        return tr("Walk-in reception");
    case Page::PolicyMatching:
        return tr("Policy matching");
    case Page::PolicyFirms:
        return tr("Policy → firms");
    case Page::ProductMatching:
        return tr("Product matching");
    case Page::ParkApplications:
        return tr("Park applications");
    case Page::Inbox:
        return tr("Application inbox");
    case Page::Users:
        return tr("Users");
    case Page::Institutions:
        return tr("Institutions");
    case Page::Products:
        return tr("Products");
    case Page::Policies:
        return tr("Policies");
    case Page::RuleEditor:
        return tr("Rule editor");
    case Page::Conflicts:
        return tr("Sync conflicts");
    }
    return {};
}

QString Navigation::key(Page page)
{
    switch (page) {
    case Page::Dashboard:
        return QStringLiteral("page.dashboard");
    case Page::ParkIndex:
        return QStringLiteral("page.parkIndex");
    case Page::Firms:
        return QStringLiteral("page.firms");
    case Page::WalkIn:
        return QStringLiteral("page.walkIn");
    case Page::PolicyMatching:
        return QStringLiteral("page.policyMatching");
    case Page::PolicyFirms:
        return QStringLiteral("page.policyFirms");
    case Page::ProductMatching:
        return QStringLiteral("page.productMatching");
    case Page::ParkApplications:
        return QStringLiteral("page.parkApplications");
    case Page::Inbox:
        return QStringLiteral("page.inbox");
    case Page::Users:
        return QStringLiteral("page.users");
    case Page::Institutions:
        return QStringLiteral("page.institutions");
    case Page::Products:
        return QStringLiteral("page.products");
    case Page::Policies:
        return QStringLiteral("page.policies");
    case Page::RuleEditor:
        return QStringLiteral("page.ruleEditor");
    case Page::Conflicts:
        return QStringLiteral("page.conflicts");
    }
    return {};
}

} // namespace XinDai::Ui
