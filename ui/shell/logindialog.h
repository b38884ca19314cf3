#pragma once

#include "core/domain/user.h"
#include "loginthrottle.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Local login: checks the password against the user's PBKDF2 hash (Security::PasswordHasher), refuses
/// disabled accounts, and locks for LoginThrottle::LockSeconds after LoginThrottle::MaxFailures failures.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(Store::Database &db, QWidget *parent = nullptr);

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

private:
    void tryAccept();

    Store::Database &m_db;
    Core::User m_user;
    LoginThrottle m_throttle;
    std::function<qint64()> m_clock;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace XinDai::Ui
