#include "walkinwizard.h"

#include "matching/factbuilder.h"
#include "prereview/prereviewer.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/referencerepository.h"
#include "walkinauthorizationpage.h"
#include "walkindocumentspage.h"
#include "walkinfirmpage.h"
#include "walkinmatchingpage.h"
#include "walkinneedpage.h"
#include "walkinprereviewpage.h"
#include "walkinreceiptpage.h"

#include <QFileDialog>

#include <algorithm>

namespace XinDai::Ui {

WalkInWizard::WalkInWizard(Store::Database &db, const Core::User &staff, QWidget *parent)
    : QWizard(parent)
    , m_db(db)
    , m_staff(staff)
    , m_clock([] { return QDateTime::currentDateTime(); })
    , m_calendar(Core::WorkCalendar::instance())
{
    setObjectName(QStringLiteral("walkInWizard"));
    setWindowTitle(tr("Walk-in firm reception"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);

    const Store::ReferenceRepository reference(db);
    if (!staff.parkId.isEmpty()) {
        if (const std::optional<Core::Park> park = reference.park(staff.parkId))
            m_park = *park;
    }
    for (const Core::Institution &institution : reference.institutions()) {
        if (!institution.meta.deleted)
            m_institutions << institution;
    }
    for (const Core::FinancingProduct &product : reference.products()) {
        if (!product.meta.deleted)
            m_products << product;
    }
    std::sort(m_products.begin(), m_products.end(), [this](const auto &a, const auto &b) {
        const QString ia = institutionName(a.institutionId);
        const QString ib = institutionName(b.institutionId);
        return ia != ib ? ia < ib : a.code < b.code;
    });

    m_firmPage = new WalkInFirmPage(*this);
    m_authorizationPage = new WalkInAuthorizationPage(*this);
    m_needPage = new WalkInNeedPage(*this);
    m_documentsPage = new WalkInDocumentsPage(*this);
    m_prereviewPage = new WalkInPrereviewPage(*this);
    m_matchingPage = new WalkInMatchingPage(*this);
    m_receiptPage = new WalkInReceiptPage(*this);
    setPage(FirmPageId, m_firmPage);
    setPage(AuthorizationPageId, m_authorizationPage);
    setPage(NeedPageId, m_needPage);
    setPage(DocumentsPageId, m_documentsPage);
    setPage(PrereviewPageId, m_prereviewPage);
    setPage(MatchingPageId, m_matchingPage);
    setPage(ReceiptPageId, m_receiptPage);
    resize(980, 720);
}

WalkInWizard::~WalkInWizard() = default;

QString WalkInWizard::chooseOpenFile(QWidget *parent, const QString &caption, const QString &filter) const
{
    if (m_openFile)
        return m_openFile(parent, caption, filter);
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString WalkInWizard::chooseSaveFile(QWidget *parent, const QString &caption, const QString &filter) const
{
    if (m_saveFile)
        return m_saveFile(parent, caption, filter);
    return QFileDialog::getSaveFileName(parent, caption, QString(), filter);
}

void WalkInWizard::startWithFirm(const QString &enterpriseId)
{
    m_firmPage->chooseFirm(enterpriseId);
}

std::optional<Core::FinancingProduct> WalkInWizard::product(const QString &id) const
{
    for (const Core::FinancingProduct &p : m_products) {
        if (p.meta.id == id)
            return p;
    }
    return std::nullopt;
}

QString WalkInWizard::institutionName(const QString &id) const
{
    for (const Core::Institution &institution : m_institutions) {
        if (institution.meta.id == id)
            return institution.name;
    }
    return id;
}

Report::AuthorizationCheck::Result WalkInWizard::creditCheck(const QString &institutionId) const
{
    return Report::AuthorizationCheck::check(m_session.authorizations, institutionId,
                                             institutionName(institutionId), creditPurpose(), today());
}

Prereview::PrereviewInput WalkInWizard::prereviewInput(const Core::FinancingProduct &product) const
{
    Prereview::PrereviewInput input;
    Core::Application &a = input.application;
    a.enterpriseId = m_session.firm.meta.id;
    a.productId = product.meta.id;
    a.institutionId = product.institutionId;
    a.parkId = m_staff.parkId;
    a.amount = m_session.need.amount;
    a.termMonths = m_session.need.termMonths;
    a.purpose = m_session.need.purpose;
    a.collateral = m_session.need.collateral;
    a.state = Core::Application::State::Draft;
    a.createdAt = now();
    a.createdBy = m_staff.meta.id;
    QString error;
    if (std::optional<Matching::FirmData> data = Matching::FactBuilder::load(m_db, a.enterpriseId, &error))
        input.firm = *data;
    else
        input.firm.enterprise = m_session.firm;
    input.product = product;
    input.institutionId = product.institutionId;
    input.authorizations = m_session.authorizations;
    input.documents = Store::ApplicationRepository(m_db).documents(a.enterpriseId);
    for (const Core::Document &document : std::as_const(m_session.attached))
        input.documents << document;
    input.broughtNextVisit = m_session.bringNextVisit;
    input.day = today();
    return input;
}

Prereview::PrereviewResult WalkInWizard::prereview(const Core::FinancingProduct &product) const
{
    return Prereview::Prereviewer::run(prereviewInput(product), m_calendar);
}

bool WalkInWizard::submit(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_session.chosenProductIds.isEmpty())
        return fail(tr("No product is chosen: choose at least one product to apply for."));
    if (!m_session.submitted.isEmpty())
        return fail(tr("The applications of this visit have already been submitted."));

    Store::ApplicationRepository applications(m_db);
    const QDateTime submittedAt = now();
    QString message;
    // The files serve every application of the visit, so they are attached to the firm.
    for (auto it = m_session.attached.begin(); it != m_session.attached.end(); ++it) {
        Core::Document &document = it.value();
        if (!document.meta.id.isEmpty())
            continue;
        document.enterpriseId = m_session.firm.meta.id;
        document.addedAt = submittedAt;
        if (!applications.save(document, &message))
            return fail(tr("The document “%1” could not be saved: %2").arg(it.key(), message));
    }

    QVector<WalkInReceipt::Entry> entries;
    for (const QString &productId : std::as_const(m_session.chosenProductIds)) {
        const std::optional<Core::FinancingProduct> chosen = product(productId);
        if (!chosen)
            return fail(tr("The product %1 no longer exists; choose another one.").arg(productId));
        Core::Application application = prereviewInput(*chosen).application;
        application.number = applications.nextNumber(submittedAt.toLocalTime().date().year(), m_park.code);
        application.state = Core::Application::State::Submitted;
        application.createdAt = submittedAt;
        application.submittedAt = submittedAt;
        if (!applications.save(application, &message)) {
            return fail(tr("The application to %1 could not be saved: %2")
                            .arg(institutionName(chosen->institutionId), message));
        }
        m_session.submitted << application;
        entries << WalkInReceipt::Entry{application, institutionName(chosen->institutionId), chosen->name};
    }
    m_receipt.emplace(m_session.firm, entries, submittedAt, m_park.name,
                      m_staff.displayName.isEmpty() ? m_staff.login : m_staff.displayName, m_calendar);
    QStringList numbers;
    for (const Core::Application &a : std::as_const(m_session.submitted))
        numbers << a.number;
    Q_EMIT submitted(numbers);
    return true;
}

} // namespace XinDai::Ui
