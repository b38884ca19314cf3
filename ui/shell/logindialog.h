#pragma once

#include "core/domain/user.h"
#include "loginthrottle.h"

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QWidget;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Local login: checks the password against the user's PBKDF2 hash (Security::PasswordHasher), refuses
/// disabled accounts, and locks for LoginThrottle::LockSeconds after LoginThrottle::MaxFailures failures.
///
/// With a sync server (the "Server settings" section: server address and CA file, or setServer()) and
/// an online sign-in function (setOnlineSignIn, the desktop wires SyncEngine::signIn), the dialog signs
/// in at the server first. Accepted online: the user as the server describes it, with a fresh PBKDF2
/// hash of the typed password in passwordHash, for rememberUser() to store locally so that the next
/// offline sign-in works. Server unreachable: falls back to the local sign-in above. Refused by the
/// server: the server's message, no local fallback.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    /// The outcome of an online sign-in (finishOnlineSignIn).
    enum class OnlineResult {
        SignedIn,   ///< the server accepted the credentials
        Refused,    ///< the server answered and refused (wrong password, disabled, throttled)
        Unreachable ///< no answer (network, TLS, server down): sign in locally instead
    };
    /// Starts an online sign-in; must lead to finishOnlineSignIn() (later, from the event loop).
    using OnlineSignIn = std::function<void(const QUrl &server, const QString &caCertificateFile,
                                            const QString &login, const QString &password)>;

    explicit LoginDialog(Store::Database &db, QWidget *parent = nullptr);

    /// Fills the server settings (empty \a server = local sign-in only).
    void setServer(const QString &server, const QString &caCertificateFile);
    QString serverAddress() const; ///< trimmed text of the server address field
    QString caCertificateFile() const;
    void setOnlineSignIn(OnlineSignIn signIn) { m_onlineSignIn = std::move(signIn); }
    /// The answer to the OnlineSignIn call. \a user: the server's description (id, login,
    /// display_name, role, park_id, institution_id); \a message: the translated reason when not signed in.
    void finishOnlineSignIn(OnlineResult result, const QString &message, const QJsonObject &user = {});
    /// Whether the accepted sign-in was made at the server (false: local, or the offline fallback).
    bool signedInOnline() const { return m_signedInOnline; }
    /// Whether a server was set but could not be reached, so the local sign-in was used.
    bool fellBackToOffline() const { return m_fellBack; }
    /// PBKDF2 rounds of the local hash made after an online sign-in (tests lower it).
    void setLocalHashIterations(int iterations) { m_hashIterations = iterations; }

    /// Signs in with \a login / \a password as the OK button does (online when a server is set);
    /// the dialog is accepted on success, signInFailed() is emitted otherwise.
    void submit(const QString &login, const QString &password);

    /// The user described by the server's JSON (GET /me); false with \a message when a field is missing
    /// or has an unknown role.
    static bool userFromServer(const QJsonObject &json, Core::User *user, QString *message);
    /// Stores \a user (from an online sign-in, with its new passwordHash) in the local app_user table:
    /// updates the row with the same login (keeping its id) or inserts one with the server's id. Not
    /// recorded in the outbox: the server owns user rows.
    static bool rememberUser(Store::Database &db, const Core::User &user, QString *message);

    void setLogin(const QString &login);
    /// The authenticated user; valid after the dialog was accepted.
    const Core::User &user() const { return m_user; }

    /// Checks \a login / \a password without the widgets; on success stores the user and returns true,
    /// otherwise sets \a message (translated) and returns false. Counts towards the lock-out.
    bool authenticate(const QString &login, const QString &password, QString *message);

    /// Replaces the clock (milliseconds, monotonic) used for the lock-out; for tests.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QToolButton *serverSettingsButton() const { return m_advancedToggle; }

Q_SIGNALS:
    /// A sign-in through submit() or the OK button failed with \a message (also shown in errorLabel()).
    void signInFailed(const QString &message);

private:
    void tryAccept();
    void showError(const QString &message);
    void setBusy(bool busy);

    Store::Database &m_db;
    Core::User m_user;
    LoginThrottle m_throttle;
    std::function<qint64()> m_clock;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCa = nullptr;
    OnlineSignIn m_onlineSignIn;
    QString m_pendingLogin;    ///< while an online sign-in runs
    QString m_pendingPassword; ///< while an online sign-in runs; cleared right after
    bool m_waitingOnline = false;
    bool m_signedInOnline = false;
    bool m_fellBack = false;
    int m_hashIterations = 0; ///< 0 = Security::PasswordHasher::DefaultIterations
};

} // namespace XinDai::Ui
