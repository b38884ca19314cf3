#include "logindialog.h"

#include "security/passwordhasher.h"
#include "store/userrepository.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace XinDai::Ui {

LoginDialog::LoginDialog(Store::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to XinDai Workbench"));
    m_clock = [] {
        static QElapsedTimer timer;
        if (!timer.isValid())
            timer.start();
        return timer.elapsed();
    };

    auto *title = new QLabel(tr("XinDai Workbench"), this);
    title->setProperty("role", QStringLiteral("loginTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(tr("Hunan enterprise financing credit service platform"), this);
    subtitle->setProperty("role", QStringLiteral("hint"));
    subtitle->setAlignment(Qt::AlignCenter);

    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setPlaceholderText(tr("Login name"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LoginDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    if (!login.isEmpty())
        m_password->setFocus();
}

bool LoginDialog::authenticate(const QString &login, const QString &password, QString *message)
{
    const qint64 now = m_clock();
    if (m_throttle.isLocked(now)) {
        *message = tr("Too many failed sign-in attempts. Please wait %n second(s) and try again.", nullptr,
                      m_throttle.secondsLeft(now));
        return false;
    }
    if (login.trimmed().isEmpty()) {
        *message = tr("Please enter your login name.");
        return false;
    }
    if (password.isEmpty()) {
        *message = tr("Please enter your password.");
        return false;
    }
    const std::optional<Core::User> user = Store::UserRepository(m_db).byLogin(login.trimmed());
    // The same message for an unknown login and a wrong password: don't reveal which logins exist.
    if (!user || !Security::PasswordHasher::verify(password, user->passwordHash)) {
        m_throttle.recordFailure(now);
        if (m_throttle.isLocked(now)) {
            *message
                = tr("The login name or password is wrong. After %1 failed attempts in a row, sign-in is "
                     "locked for %2 seconds.")
                      .arg(LoginThrottle::MaxFailures)
                      .arg(LoginThrottle::LockSeconds);
        } else {
            *message = tr("The login name or password is wrong (failed attempts in a row: %1 of %2).")
                           .arg(m_throttle.failuresInARow())
                           .arg(LoginThrottle::MaxFailures);
        }
        return false;
    }
    if (user->disabled || user->meta.deleted) {
        *message = tr("The account \"%1\" is disabled. Please ask an administrator to enable it.")
                       .arg(user->login);
        return false;
    }
    m_throttle.recordSuccess();
    m_user = *user;
    return true;
}

void LoginDialog::tryAccept()
{
    QString message;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = authenticate(m_login->text(), m_password->text(), &message);
    QGuiApplication::restoreOverrideCursor();
    if (ok) {
        m_error->hide();
        accept();
        return;
    }
    m_error->setText(message);
    m_error->show();
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace XinDai::Ui
