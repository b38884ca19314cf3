#include "walkinauthorizationpage.h"

#include "common/domainlabels.h"
#include "store/applicationrepository.h"
#include "walkinattachment.h"
#include "walkinwizard.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace XinDai::Ui {

namespace {

const QString NewKey = QStringLiteral("new");
const QString NoneKey = QStringLiteral("none");

} // namespace

WalkInAuthorizationPage::WalkInAuthorizationPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_choice(new QComboBox)
    , m_form(new QGroupBox(tr("New authorization")))
    , m_institutions(new QListWidget)
    , m_purpose(new QLineEdit(WalkInWizard::creditPurpose()))
    , m_validFrom(new QDateEdit)
    , m_validTo(new QDateEdit)
    , m_attach(new QPushButton(tr("Attach the signed scan…")))
    , m_scanStatus(new QLabel(tr("No scan attached yet.")))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("walkInAuthorizationPage"));
    setTitle(tr("2. Credit inquiry authorization"));
    setSubTitle(tr("Without a valid authorization no credit data of the firm is shown and no application "
                   "can be submitted."));

    m_choice->setObjectName(QStringLiteral("authorizationChoice"));
    m_institutions->setObjectName(QStringLiteral("institutions"));
    for (const Core::Institution &institution : wizard.institutions()) {
        auto *item = new QListWidgetItem(institution.name, m_institutions);
        item->setData(Qt::UserRole, institution.meta.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_purpose->setObjectName(QStringLiteral("purpose"));
    for (QDateEdit *edit : {m_validFrom, m_validTo}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
    }
    m_validFrom->setObjectName(QStringLiteral("validFrom"));
    m_validTo->setObjectName(QStringLiteral("validTo"));
    m_attach->setObjectName(QStringLiteral("attachScan"));
    m_scanStatus->setObjectName(QStringLiteral("scanStatus"));
    m_scanStatus->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("authorizationError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));

    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(m_attach);
    scanRow->addWidget(m_scanStatus, 1);
    auto *form = new QFormLayout(m_form);
    form->addRow(tr("Institutions covered:"), m_institutions);
    form->addRow(tr("Purpose:"), m_purpose);
    form->addRow(tr("Valid from:"), m_validFrom);
    form->addRow(tr("Valid to (inclusive):"), m_validTo);
    form->addRow(tr("Signed scan:"), scanRow);

    auto *layout = new QVBoxLayout(this);
    auto *choiceForm = new QFormLayout;
    choiceForm->addRow(tr("Authorization:"), m_choice);
    layout->addLayout(choiceForm);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_error);

    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        m_form->setEnabled(choice() == Choice::RecordNew);
        m_error->clear();
    });
    connect(m_attach, &QPushButton::clicked, this, [this] {
        const QString path = m_wizard.chooseOpenFile(this, tr("Signed authorization scan"),
                                                     tr("Scans (*.pdf *.jpg *.jpeg *.png)"));
        if (!path.isEmpty())
            attachScan(path);
    });
}

WalkInAuthorizationPage::Choice WalkInAuthorizationPage::choice() const
{
    const QString key = m_choice->currentData().toString();
    if (key == NewKey)
        return Choice::RecordNew;
    if (key == NoneKey)
        return Choice::None;
    return Choice::Reuse;
}

bool WalkInAuthorizationPage::setChoice(Choice choice, const QString &authorizationId)
{
    const QString key = choice == Choice::RecordNew ? NewKey
                        : choice == Choice::None    ? NoneKey
                                                    : authorizationId;
    const int index = m_choice->findData(key);
    if (index < 0 || key.isEmpty())
        return false;
    m_choice->setCurrentIndex(index);
    return true;
}

bool WalkInAuthorizationPage::setInstitutionCovered(const QString &institutionId, bool covered)
{
    for (int i = 0; i < m_institutions->count(); ++i) {
        QListWidgetItem *item = m_institutions->item(i);
        if (item->data(Qt::UserRole).toString() == institutionId) {
            item->setCheckState(covered ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

bool WalkInAuthorizationPage::attachScan(const QString &path)
{
    QString error;
    std::optional<Core::Document> scan
        = WalkInAttachment::inspect(path, QStringLiteral("authorization"), &error);
    if (!scan) {
        m_error->setText(error);
        return false;
    }
    m_error->clear();
    m_scan = scan;
    m_scanStatus->setText(
        tr("%1 (%2), SHA-256 %3")
            .arg(scan->fileName, WalkInAttachment::sizeText(scan->sizeBytes), scan->sha256));
    return true;
}

QString WalkInAuthorizationPage::errorText() const
{
    return m_error->text();
}

void WalkInAuthorizationPage::initializePage()
{
    WalkInSession &session = m_wizard.session();
    if (session.firm.meta.id != m_firmId) {
        // Another firm than on the last visit of this step: start over, never touch the other's rows.
        m_firmId = session.firm.meta.id;
        m_savedAuthorizationId.clear();
        m_savedScanId.clear();
        m_scan.reset();
        m_scanStatus->setText(tr("No scan attached yet."));
        for (int i = 0; i < m_institutions->count(); ++i)
            m_institutions->item(i)->setCheckState(Qt::Unchecked);
    }
    session.authorizations
        = Store::ApplicationRepository(m_wizard.database()).authorizations(session.firm.meta.id);
    const QDate today = m_wizard.today();
    if (!m_validFrom->date().isValid() || m_savedAuthorizationId.isEmpty()) {
        m_validFrom->setDate(today);
        m_validTo->setDate(today.addYears(1).addDays(-1));
    }

    const QString previous = m_choice->currentData().toString();
    m_choice->clear();
    m_choice->addItem(tr("Record a new authorization"), NewKey);
    for (const Core::Authorization &a : std::as_const(session.authorizations)) {
        if (a.revoked || !a.validTo.isValid() || a.validTo < today || a.meta.id == m_savedAuthorizationId)
            continue;
        QStringList names;
        for (const QString &id : a.institutionIds)
            names << m_wizard.institutionName(id);
        m_choice->addItem(tr("Reuse the authorization for %1 covering %2, valid %3 to %4")
                              .arg(a.purpose, names.join(QStringLiteral("、")),
                                   DomainLabels::date(a.validFrom), DomainLabels::date(a.validTo)),
                          a.meta.id);
    }
    m_choice->addItem(tr("The firm has no authorization with it today"), NoneKey);
    const int index = m_choice->findData(previous);
    m_choice->setCurrentIndex(index >= 0 ? index : (m_choice->count() > 2 ? 1 : 0));
    m_form->setEnabled(choice() == Choice::RecordNew);
}

bool WalkInAuthorizationPage::validatePage()
{
    m_error->clear();
    WalkInSession &session = m_wizard.session();
    switch (choice()) {
    case Choice::None:
        session.authorization.reset();
        return true;
    case Choice::Reuse: {
        const QString id = m_choice->currentData().toString();
        for (const Core::Authorization &a : std::as_const(session.authorizations)) {
            if (a.meta.id == id) {
                session.authorization = a;
                return true;
            }
        }
        m_error->setText(tr("The chosen authorization no longer exists; choose another one."));
        return false;
    }
    case Choice::RecordNew:
        return recordNew();
    }
    return false;
}

bool WalkInAuthorizationPage::recordNew()
{
    const QDate today = m_wizard.today();
    Core::Authorization a;
    for (int i = 0; i < m_institutions->count(); ++i) {
        if (m_institutions->item(i)->checkState() == Qt::Checked)
            a.institutionIds << m_institutions->item(i)->data(Qt::UserRole).toString();
    }
    auto refuse = [this](const QString &message) {
        m_error->setText(message);
        return false;
    };
    if (a.institutionIds.isEmpty())
        return refuse(tr("The authorization covers no institution: tick the institutions named on it."));
    a.purpose = m_purpose->text().simplified();
    if (a.purpose.isEmpty())
        return refuse(tr("The purpose of the authorization is missing: type the purpose written on it."));
    a.validFrom = m_validFrom->date();
    a.validTo = m_validTo->date();
    if (a.validTo < a.validFrom)
        return refuse(tr("The authorization ends (%1) before it starts (%2): check both dates.")
                          .arg(DomainLabels::date(a.validTo), DomainLabels::date(a.validFrom)));
    if (a.validTo < today)
        return refuse(tr("The authorization expired on %1: the firm must sign a new one.")
                          .arg(DomainLabels::date(a.validTo)));
    if (!m_scan)
        return refuse(tr("The signed scan is missing: attach the scan of the signed authorization."));

    WalkInSession &session = m_wizard.session();
    a.meta.id = m_savedAuthorizationId;
    a.enterpriseId = session.firm.meta.id;
    a.scanSha256 = m_scan->sha256;
    a.recordedBy = m_wizard.staff().meta.id;
    Store::ApplicationRepository repository(m_wizard.database());
    QString error;
    if (!repository.save(a, &error))
        return refuse(tr("The authorization could not be saved: %1").arg(error));
    m_savedAuthorizationId = a.meta.id;

    Core::Document scan = *m_scan;
    scan.meta.id = m_savedScanId;
    scan.enterpriseId = a.enterpriseId;
    scan.addedAt = m_wizard.now();
    if (!repository.save(scan, &error))
        return refuse(tr("The scan of the authorization could not be recorded: %1").arg(error));
    m_savedScanId = scan.meta.id;

    session.authorization = a;
    session.authorizations = repository.authorizations(a.enterpriseId);
    return true;
}

} // namespace XinDai::Ui
