#include "firmlookuppage.h"

#include "firmprofilewidget.h"
#include "firmsearchwidget.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QSplitter>

namespace XinDai::Ui {

FirmLookupPage::FirmLookupPage(Store::Database &db, QWidget *parent)
    : WorkspacePage(parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_search = new FirmSearchWidget(db, splitter);
    m_profile = new FirmProfileWidget(db, splitter);
    splitter->addWidget(m_search);
    splitter->addWidget(m_profile);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({440, 900});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_search, &FirmSearchWidget::firmActivated, this, &FirmLookupPage::openFirm);
}

void FirmLookupPage::setParkScope(const QString &parkId)
{
    m_search->setParkFilter(parkId);
}

void FirmLookupPage::setFirmScope(const QSet<QString> &enterpriseIds)
{
    m_search->setAllowedFirms(enterpriseIds);
}

void FirmLookupPage::setFirmScopeProvider(std::function<QSet<QString>()> provider)
{
    m_scopeProvider = std::move(provider);
    m_search->setAllowedFirms({});
}

bool FirmLookupPage::openFirm(const QString &enterpriseId)
{
    return m_profile->showEnterprise(enterpriseId);
}

void FirmLookupPage::refresh()
{
    if (m_scopeProvider) {
        m_search->setAllowedFirms(m_scopeProvider());
        m_scopeProvider = {};
    }
    m_search->searchEdit()->setFocus();
}

} // namespace XinDai::Ui
