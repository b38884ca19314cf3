#pragma once

#include "core/domain/financingproduct.h"
#include "core/domain/institution.h"
#include "core/domain/park.h"
#include "core/domain/user.h"
#include "core/workcalendar.h"
#include "prereview/prereviewinput.h"
#include "prereview/prereviewresult.h"
#include "report/authorizationcheck.h"
#include "walkinreceipt.h"
#include "walkinsession.h"

#include <QDateTime>
#include <QWizard>

#include <functional>
#include <optional>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class WalkInAuthorizationPage;
class WalkInDocumentsPage;
class WalkInFirmPage;
class WalkInMatchingPage;
class WalkInNeedPage;
class WalkInPrereviewPage;
class WalkInReceiptPage;

/// 接待新企业: the service window's walk-in wizard (docs/ui.md, "Walk-in wizard"). Steps: firm (find or
/// register), authorization, financing need, documents, pre-review, matching and submission (the
/// commit step), receipt. Works on the local store only; every row goes through the repositories.
class WalkInWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        FirmPageId,
        AuthorizationPageId,
        NeedPageId,
        DocumentsPageId,
        PrereviewPageId,
        MatchingPageId,
        ReceiptPageId
    };
    /// The current time; injectable so tests fix "today".
    using Clock = std::function<QDateTime()>;
    /// Asks for a file: (parent, caption, name filter) → path, empty when cancelled. Injectable for tests.
    using FileChooser = std::function<QString(QWidget *, const QString &, const QString &)>;

    /// The purpose credit data is used for at the window (授权书 purpose checked by AuthorizationCheck).
    static QString creditPurpose() { return QStringLiteral("贷款审批"); }

    /// \a staff: the window clerk (their park becomes the park of registered firms and applications).
    WalkInWizard(Store::Database &db, const Core::User &staff, QWidget *parent = nullptr);
    ~WalkInWizard() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }
    /// The local date of now().
    QDate today() const { return now().toLocalTime().date(); }
    void setCalendar(const Core::WorkCalendar &calendar) { m_calendar = calendar; }
    const Core::WorkCalendar &calendar() const { return m_calendar; }
    void setOpenFileChooser(FileChooser chooser) { m_openFile = std::move(chooser); }
    void setSaveFileChooser(FileChooser chooser) { m_saveFile = std::move(chooser); }
    QString chooseOpenFile(QWidget *parent, const QString &caption, const QString &filter) const;
    QString chooseSaveFile(QWidget *parent, const QString &caption, const QString &filter) const;

    /// Starts on the firm step with \a enterpriseId already chosen (the firms page's button).
    void startWithFirm(const QString &enterpriseId);

    Store::Database &database() const { return m_db; }
    const Core::User &staff() const { return m_staff; }
    WalkInSession &session() { return m_session; }
    const WalkInSession &session() const { return m_session; }

    /// Reference data, loaded once: products (not deleted) ordered by institution then code.
    const QVector<Core::FinancingProduct> &products() const { return m_products; }
    std::optional<Core::FinancingProduct> product(const QString &id) const;
    const QVector<Core::Institution> &institutions() const { return m_institutions; }
    QString institutionName(const QString &id) const;
    /// The staff's park (empty name when the staff has none).
    const Core::Park &park() const { return m_park; }

    /// Whether the firm's authorizations let the window show credit data (matching scores) for
    /// \a institutionId today, and if not, why.
    Report::AuthorizationCheck::Result creditCheck(const QString &institutionId) const;
    /// The pre-review input for an application of the session to \a product, submitted today.
    Prereview::PrereviewInput prereviewInput(const Core::FinancingProduct &product) const;
    Prereview::PrereviewResult prereview(const Core::FinancingProduct &product) const;

    /// Saves the attached documents (firm-level) and one submitted application per chosen product
    /// (number allocated, submitted_at = now()). False with \a error (translated) when nothing is
    /// chosen or the store refuses a row; applications already saved are listed in session().submitted.
    bool submit(QString *error);
    /// The receipt of the submitted applications; empty before submit().
    const std::optional<WalkInReceipt> &receipt() const { return m_receipt; }

    WalkInFirmPage *firmPage() const { return m_firmPage; }
    WalkInAuthorizationPage *authorizationPage() const { return m_authorizationPage; }
    WalkInNeedPage *needPage() const { return m_needPage; }
    WalkInDocumentsPage *documentsPage() const { return m_documentsPage; }
    WalkInPrereviewPage *prereviewPage() const { return m_prereviewPage; }
    WalkInMatchingPage *matchingPage() const { return m_matchingPage; }
    WalkInReceiptPage *receiptPage() const { return m_receiptPage; }

Q_SIGNALS:
    /// Emitted once the applications are saved.
    void submitted(const QStringList &applicationNumbers);

private:
    Store::Database &m_db;
    Core::User m_staff;
    Core::Park m_park;
    Clock m_clock;
    Core::WorkCalendar m_calendar;
    FileChooser m_openFile;
    FileChooser m_saveFile;
    WalkInSession m_session;
    QVector<Core::FinancingProduct> m_products;
    QVector<Core::Institution> m_institutions;
    std::optional<WalkInReceipt> m_receipt;
    WalkInFirmPage *m_firmPage = nullptr;
    WalkInAuthorizationPage *m_authorizationPage = nullptr;
    WalkInNeedPage *m_needPage = nullptr;
    WalkInDocumentsPage *m_documentsPage = nullptr;
    WalkInPrereviewPage *m_prereviewPage = nullptr;
    WalkInMatchingPage *m_matchingPage = nullptr;
    WalkInReceiptPage *m_receiptPage = nullptr;
};

} // namespace XinDai::Ui
