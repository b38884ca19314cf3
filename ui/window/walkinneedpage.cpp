#include "walkinneedpage.h"

#include "core/money.h"
#include "walkinwizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInNeedPage::WalkInNeedPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_amount(new QLineEdit)
    , m_term(new QSpinBox)
    , m_purpose(new QComboBox)
    , m_collateral(new QComboBox)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("walkInNeedPage"));
    setTitle(tr("3. Financing need"));
    setSubTitle(tr("How much the firm needs, for how long, what for, and what it can offer as security."));

    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setPlaceholderText(tr("in 万元, e.g. 300"));
    m_term->setObjectName(QStringLiteral("term"));
    m_term->setRange(1, 360);
    m_term->setValue(12);
    m_term->setSuffix(tr(" months"));
    m_purpose->setObjectName(QStringLiteral("needPurpose"));
    m_purpose->setEditable(true);
    // The purposes as institutions word them (data).
    m_purpose->addItems({QStringLiteral("流动资金"), QStringLiteral("设备购置"), QStringLiteral("技术改造"),
                         QStringLiteral("研发投入"), QStringLiteral("原材料采购"),
                         QStringLiteral("厂房建设")});
    m_collateral->setObjectName(QStringLiteral("collateral"));
    m_collateral->addItem(tr("Not specified"), QString());
    m_collateral->addItem(QStringLiteral("信用 — ") + tr("unsecured"), QStringLiteral("信用"));
    m_collateral->addItem(QStringLiteral("抵押 — ") + tr("mortgage"), QStringLiteral("抵押"));
    m_collateral->addItem(QStringLiteral("质押 — ") + tr("pledge"), QStringLiteral("质押"));
    m_collateral->addItem(QStringLiteral("保证 — ") + tr("guarantee"), QStringLiteral("保证"));
    m_error->setObjectName(QStringLiteral("needError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));

    auto *form = new QFormLayout;
    form->addRow(tr("Amount (万元):"), m_amount);
    form->addRow(tr("Term:"), m_term);
    form->addRow(tr("Purpose:"), m_purpose);
    form->addRow(tr("Collateral offered:"), m_collateral);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_error);
}

QString WalkInNeedPage::errorText() const
{
    return m_error->text();
}

bool WalkInNeedPage::validatePage()
{
    m_error->clear();
    const Core::Money::ParseResult amount = Core::Money::parse(m_amount->text(), Core::Money::Unit::Wan);
    if (!amount.ok) {
        m_error->setText(tr("The amount is refused: %1").arg(amount.error));
        return false;
    }
    if (amount.value <= Core::Money()) {
        m_error->setText(tr("The amount must be more than zero: type the amount the firm needs in 万元."));
        return false;
    }
    const QString purpose = m_purpose->currentText().simplified();
    if (purpose.isEmpty()) {
        m_error->setText(tr("The purpose is missing: choose or type what the money is for."));
        return false;
    }
    Matching::FinancingNeed &need = m_wizard.session().need;
    need.amount = amount.value;
    need.termMonths = m_term->value();
    need.purpose = purpose;
    need.collateral = m_collateral->currentData().toString();
    return true;
}

} // namespace XinDai::Ui
