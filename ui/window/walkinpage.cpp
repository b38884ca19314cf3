#include "walkinpage.h"

#include "walkinwizard.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInPage::WalkInPage(Store::Database &db, const Core::User &staff, QWidget *parent)
    : WorkspacePage(parent)
    , m_db(db)
    , m_staff(staff)
    , m_start(new QPushButton(tr("Receive a walk-in firm…")))
    , m_last(new QPlainTextEdit)
{
    m_start->setObjectName(QStringLiteral("startWalkIn"));
    m_last->setObjectName(QStringLiteral("lastReceipt"));
    m_last->setReadOnly(true);
    auto *intro = new QLabel(tr("Register or find the firm, record its authorization, check its documents, "
                                "pre-review and submit its applications, then hand over the receipt. "
                                "Works without the network: everything is saved in the local store."));
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Receipt of the last visit:")));
    layout->addWidget(m_last, 1);
    connect(m_start, &QPushButton::clicked, this, [this] { receiveFirm(); });
}

WalkInWizard *WalkInPage::createWizard(QWidget *parent)
{
    auto *wizard = new WalkInWizard(m_db, m_staff, parent);
    connect(wizard, &WalkInWizard::submitted, this, [this, wizard] {
        if (wizard->receipt())
            m_last->setPlainText(wizard->receipt()->text());
    });
    return wizard;
}

void WalkInPage::receiveFirm(const QString &enterpriseId)
{
    WalkInWizard *wizard = createWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!enterpriseId.isEmpty())
        wizard->startWithFirm(enterpriseId);
    wizard->open();
}

QString WalkInPage::lastReceipt() const
{
    return m_last->toPlainText();
}

void WalkInPage::refresh() {}

} // namespace XinDai::Ui
