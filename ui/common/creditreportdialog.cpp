#include "creditreportdialog.h"

#include "store/referencerepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace XinDai::Ui {

CreditReportDialog::CreditReportDialog(Store::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_institution(new QComboBox(this))
    , m_purpose(new QLineEdit(QStringLiteral("贷款审批"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("creditReportDialog"));
    setWindowTitle(tr("Credit report"));
    m_institution->setObjectName(QStringLiteral("reportInstitution"));
    m_purpose->setObjectName(QStringLiteral("reportPurpose"));
    for (const Core::Institution &institution : Store::ReferenceRepository(db).institutions())
        m_institution->addItem(institution.name, institution.meta.id);

    auto *intro = new QLabel(tr("A report is produced only when the firm has signed an authorization for the "
                                "institution and this purpose."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("hint"));
    auto *form = new QFormLayout;
    form->addRow(tr("Requesting institution"), m_institution);
    form->addRow(tr("Purpose"), m_purpose);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_purpose, &QLineEdit::textChanged, this, &CreditReportDialog::updateOk);
    connect(m_institution, &QComboBox::currentIndexChanged, this, &CreditReportDialog::updateOk);
    updateOk();
}

QString CreditReportDialog::institutionId() const
{
    return m_institution->currentData().toString();
}

QString CreditReportDialog::purpose() const
{
    return m_purpose->text().trimmed();
}

bool CreditReportDialog::setInstitutionId(const QString &institutionId)
{
    const int index = m_institution->findData(institutionId);
    if (index < 0)
        return false;
    m_institution->setCurrentIndex(index);
    return true;
}

void CreditReportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!institutionId().isEmpty() && !purpose().isEmpty());
}

} // namespace XinDai::Ui
