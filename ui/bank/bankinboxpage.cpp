#include "bankinboxpage.h"

#include "common/applicationlistwidget.h"
#include "common/applicationtablemodel.h"
#include "store/applicationrepository.h"
#include "store/referencerepository.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

BankInboxPage::BankInboxPage(Store::Database &db, const QString &institutionId, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_institutionId(institutionId)
    , m_list(new ApplicationListWidget(db, this))
{
    QString institutionName;
    if (const std::optional<Core::Institution> i = Store::ReferenceRepository(db).institution(institutionId))
        institutionName = i->name;
    auto *title = new QLabel(institutionName.isEmpty() ? tr("Application inbox")
                                                       : tr("Application inbox of %1").arg(institutionName),
                             this);
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    m_list->setStateFilter(Core::Application::State::Submitted);
    m_list->view()->setColumnHidden(ApplicationTableModel::InstitutionColumn,
                                    true); // always the officer's own

    connect(m_list, &ApplicationListWidget::firmRequested, this, &WorkspacePage::firmRequested);
}

QSet<QString> BankInboxPage::firmsInScope(Store::Database &db, const QString &institutionId)
{
    Store::ApplicationRepository::Filter filter;
    filter.institutionId = institutionId;
    QSet<QString> firms;
    for (const Core::Application &a : Store::ApplicationRepository(db).applications(filter))
        firms.insert(a.enterpriseId);
    return firms;
}

void BankInboxPage::refresh()
{
    Store::ApplicationRepository::Filter filter;
    filter.institutionId = m_institutionId;
    QVector<Core::Application> applications = Store::ApplicationRepository(m_db).applications(filter);
    // Drafts are the firm's private work: a bank never sees them.
    applications.removeIf(
        [](const Core::Application &a) { return a.state == Core::Application::State::Draft; });
    m_list->setApplications(applications);
}

} // namespace XinDai::Ui
