#include "walkinfirmpage.h"

#include "common/firmsearchmodel.h"
#include "common/firmsearchwidget.h"
#include "core/industrycodes.h"
#include "core/money.h"
#include "core/regioncodes.h"
#include "core/residentid.h"
#include "core/uscc.h"
#include "store/enterpriserepository.h"
#include "walkinwizard.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace XinDai::Ui {

WalkInFirmPage::WalkInFirmPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_tabs(new QTabWidget)
    , m_search(new FirmSearchWidget(wizard.database()))
    , m_chosen(new QLabel)
    , m_uscc(new QLineEdit)
    , m_usccStatus(new QLabel)
    , m_openDuplicate(new QPushButton(tr("Open this firm")))
    , m_name(new QLineEdit)
    , m_legalRep(new QLineEdit)
    , m_legalRepId(new QLineEdit)
    , m_legalRepIdStatus(new QLabel)
    , m_established(new QDateEdit)
    , m_capital(new QLineEdit)
    , m_industry(new QComboBox)
    , m_region(new QComboBox)
    , m_employees(new QSpinBox)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("walkInFirmPage"));
    setTitle(tr("1. The firm"));
    setSubTitle(tr("Find the firm by its unified social credit code or name, or register it."));

    m_search->setParkFilter(wizard.staff().parkId);
    m_chosen->setObjectName(QStringLiteral("chosenFirm"));
    m_chosen->setWordWrap(true);
    auto *find = new QWidget;
    auto *findLayout = new QVBoxLayout(find);
    findLayout->addWidget(m_search, 1);
    findLayout->addWidget(m_chosen);
    connect(m_search, &FirmSearchWidget::firmActivated, this, [this](const QString &id) { chooseFirm(id); });
    connect(m_search->resultView(), &QTableView::clicked, this, [this](const QModelIndex &index) {
        chooseFirm(index.data(FirmSearchModel::EnterpriseIdRole).toString());
    });

    m_uscc->setObjectName(QStringLiteral("uscc"));
    m_uscc->setMaxLength(24);
    m_uscc->setPlaceholderText(tr("18 characters, e.g. 91430100MA4L16JQ9B"));
    m_usccStatus->setObjectName(QStringLiteral("usccStatus"));
    m_usccStatus->setWordWrap(true);
    m_openDuplicate->setObjectName(QStringLiteral("openDuplicate"));
    m_openDuplicate->setVisible(false);
    connect(m_openDuplicate, &QPushButton::clicked, this, [this] { chooseFirm(m_duplicateId); });
    m_name->setObjectName(QStringLiteral("firmName"));
    m_legalRep->setObjectName(QStringLiteral("legalRep"));
    m_legalRepId->setObjectName(QStringLiteral("legalRepId"));
    m_legalRepIdStatus->setObjectName(QStringLiteral("legalRepIdStatus"));
    m_established->setObjectName(QStringLiteral("established"));
    m_established->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_established->setCalendarPopup(true);
    m_capital->setObjectName(QStringLiteral("registeredCapital"));
    m_capital->setPlaceholderText(tr("in 万元, e.g. 500"));
    m_industry->setObjectName(QStringLiteral("industry"));
    for (const QString &section : Core::IndustryCodes::sections()) {
        for (const QString &division : Core::IndustryCodes::divisions(section))
            m_industry->addItem(division + QLatin1Char(' ') + Core::IndustryCodes::name(division), division);
    }
    m_region->setObjectName(QStringLiteral("region"));
    for (const QString &code : Core::RegionCodes::hunanCounties())
        m_region->addItem(code + QLatin1Char(' ') + Core::RegionCodes::fullName(code), code);
    m_employees->setObjectName(QStringLiteral("employees"));
    m_employees->setRange(0, 1000000);

    auto *usccRow = new QHBoxLayout;
    usccRow->addWidget(m_uscc, 1);
    usccRow->addWidget(m_openDuplicate);
    auto *registerTab = new QWidget;
    auto *form = new QFormLayout(registerTab);
    form->addRow(tr("Unified social credit code:"), usccRow);
    form->addRow(QString(), m_usccStatus);
    form->addRow(tr("Registered name:"), m_name);
    form->addRow(tr("Legal representative:"), m_legalRep);
    form->addRow(tr("Legal representative's ID number:"), m_legalRepId);
    form->addRow(QString(), m_legalRepIdStatus);
    form->addRow(tr("Established on:"), m_established);
    form->addRow(tr("Registered capital (万元):"), m_capital);
    form->addRow(tr("Industry:"), m_industry);
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("Employees:"), m_employees);
    form->addRow(tr("Park:"),
                 new QLabel(wizard.park().name.isEmpty() ? tr("outside any park") : wizard.park().name));

    m_tabs->setObjectName(QStringLiteral("firmMode"));
    m_tabs->addTab(find, tr("Find a registered firm"));
    m_tabs->addTab(registerTab, tr("Register a new firm"));
    m_error->setObjectName(QStringLiteral("firmError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_error->clear();
        Q_EMIT completeChanged();
    });
    connect(m_uscc, &QLineEdit::textChanged, this, &WalkInFirmPage::checkUscc);
    connect(m_legalRepId, &QLineEdit::textChanged, this, &WalkInFirmPage::checkLegalRepId);
    for (QLineEdit *edit : {m_name, m_legalRep, m_capital})
        connect(edit, &QLineEdit::textChanged, this, &WalkInFirmPage::completeChanged);
}

WalkInFirmPage::Mode WalkInFirmPage::mode() const
{
    return m_tabs->currentIndex() == 1 ? Mode::Register : Mode::Find;
}

void WalkInFirmPage::setMode(Mode mode)
{
    m_tabs->setCurrentIndex(mode == Mode::Register ? 1 : 0);
}

QString WalkInFirmPage::errorText() const
{
    return m_error->text();
}

void WalkInFirmPage::initializePage()
{
    const QDate today = m_wizard.today();
    m_established->setMaximumDate(today);
    if (!m_wizard.park().regionCode.isEmpty()) {
        const int index = m_region->findData(m_wizard.park().regionCode);
        if (index >= 0)
            m_region->setCurrentIndex(index);
    }
}

bool WalkInFirmPage::chooseFirm(const QString &enterpriseId)
{
    const std::optional<Core::Enterprise> firm
        = Store::EnterpriseRepository(m_wizard.database()).byId(enterpriseId);
    if (!firm || firm->meta.deleted)
        return false;
    m_chosenId = firm->meta.id;
    m_chosen->setText(
        tr("Chosen: %1 · %2 · legal representative %3 (ID %4)")
            .arg(firm->name, firm->uscc, firm->legalRep, Core::ResidentId::masked(firm->legalRepId)));
    setMode(Mode::Find);
    m_error->clear();
    Q_EMIT completeChanged();
    return true;
}

void WalkInFirmPage::checkUscc()
{
    m_duplicateId.clear();
    m_openDuplicate->setVisible(false);
    const QString text = m_uscc->text();
    if (text.trimmed().isEmpty()) {
        m_usccProblem = tr("The unified social credit code is missing.");
        m_usccStatus->clear();
        Q_EMIT completeChanged();
        return;
    }
    const Core::IdCheckResult check = Core::Uscc::check(text);
    if (!check.valid) {
        m_usccProblem = check.reason;
    } else if (const std::optional<Core::Enterprise> existing
               = Store::EnterpriseRepository(m_wizard.database()).byUscc(check.normalized);
               existing && existing->meta.id != m_registeredId) {
        m_duplicateId = existing->meta.id;
        m_usccProblem = tr("A firm with the unified social credit code %1 is already registered: %2. Open "
                           "it instead of registering it again.")
                            .arg(check.normalized, existing->name);
        m_openDuplicate->setVisible(true);
    } else {
        m_usccProblem.clear();
    }
    if (m_usccProblem.isEmpty()) {
        QStringList notes{tr("Valid: %1").arg(Core::Uscc::describe(check.normalized))};
        notes += check.warnings;
        m_usccStatus->setText(notes.join(QLatin1Char(' ')));
    } else {
        m_usccStatus->setText(m_usccProblem);
    }
    Q_EMIT completeChanged();
}

void WalkInFirmPage::checkLegalRepId()
{
    const QString text = m_legalRepId->text();
    if (text.trimmed().isEmpty()) {
        m_legalRepIdStatus->clear();
    } else {
        const Core::IdCheckResult check = Core::ResidentId::check(text, m_wizard.today());
        m_legalRepIdStatus->setText(
            check.valid
                ? tr("Valid; recorded and shown as %1.").arg(Core::ResidentId::masked(check.normalized))
                : check.reason);
    }
    Q_EMIT completeChanged();
}

bool WalkInFirmPage::isComplete() const
{
    if (mode() == Mode::Find)
        return !m_chosenId.isEmpty();
    return !m_uscc->text().trimmed().isEmpty() && !m_name->text().trimmed().isEmpty();
}

void WalkInFirmPage::showError(const QString &message)
{
    m_error->setText(message);
}

bool WalkInFirmPage::validatePage()
{
    m_error->clear();
    if (mode() == Mode::Register)
        return registerFirm();
    const std::optional<Core::Enterprise> firm
        = Store::EnterpriseRepository(m_wizard.database()).byId(m_chosenId);
    if (!firm) {
        showError(tr("No firm is chosen: search for the firm and click it, or register it."));
        return false;
    }
    WalkInSession &session = m_wizard.session();
    if (session.firm.meta.id != firm->meta.id)
        session = WalkInSession();
    session.firm = *firm;
    session.firmRegistered = false;
    return true;
}

bool WalkInFirmPage::registerFirm()
{
    checkUscc();
    if (!m_usccProblem.isEmpty()) {
        showError(m_usccProblem);
        m_uscc->setFocus();
        return false;
    }
    const QString name = m_name->text().simplified();
    if (name.isEmpty()) {
        showError(tr("The registered name is missing: type the name on the business licence."));
        m_name->setFocus();
        return false;
    }
    const QString legalRep = m_legalRep->text().simplified();
    if (legalRep.isEmpty()) {
        showError(tr("The legal representative is missing: type the name on the business licence."));
        m_legalRep->setFocus();
        return false;
    }
    const QDate today = m_wizard.today();
    const Core::IdCheckResult id = Core::ResidentId::check(m_legalRepId->text(), today);
    if (!id.valid) {
        showError(m_legalRepId->text().trimmed().isEmpty()
                      ? tr("The legal representative's ID number is missing.")
                      : tr("The legal representative's ID number is refused: %1").arg(id.reason));
        m_legalRepId->setFocus();
        return false;
    }
    const QDate established = m_established->date();
    if (!established.isValid() || established > today) {
        showError(tr("The established date %1 is in the future: type the date on the business licence.")
                      .arg(established.toString(Qt::ISODate)));
        m_established->setFocus();
        return false;
    }
    const Core::Money::ParseResult capital = Core::Money::parse(m_capital->text(), Core::Money::Unit::Wan);
    if (!capital.ok || capital.value.isNegative()) {
        showError(capital.ok ? tr("The registered capital cannot be negative.")
                             : tr("The registered capital is refused: %1").arg(capital.error));
        m_capital->setFocus();
        return false;
    }

    Store::EnterpriseRepository repository(m_wizard.database());
    Core::Enterprise firm;
    if (!m_registeredId.isEmpty()) {
        if (const std::optional<Core::Enterprise> stored = repository.byId(m_registeredId))
            firm = *stored;
    }
    const Core::Uscc::Parts parts = Core::Uscc::decode(m_uscc->text());
    firm.uscc = Core::Uscc::check(m_uscc->text()).normalized;
    firm.name = name;
    // Registration authority 9 (market regulation) with entity type 2 is an 个体工商户.
    firm.kind = parts.authorityCode == u"9" && parts.entityTypeCode == u"2"
                    ? Core::Enterprise::Kind::IndividualBusiness
                    : Core::Enterprise::Kind::Company;
    firm.legalRep = legalRep;
    firm.legalRepId = id.normalized;
    firm.established = established;
    firm.registeredCapital = capital.value;
    firm.industryCode = m_industry->currentData().toString();
    firm.regionCode = m_region->currentData().toString();
    firm.parkId = m_wizard.staff().parkId;
    firm.employees = m_employees->value();
    QString error;
    if (!repository.save(firm, &error)) {
        showError(tr("The firm could not be registered: %1").arg(error));
        return false;
    }
    m_registeredId = firm.meta.id;
    WalkInSession &session = m_wizard.session();
    if (session.firm.meta.id != firm.meta.id)
        session = WalkInSession();
    session.firm = firm;
    session.firmRegistered = true;
    return true;
}

} // namespace XinDai::Ui
