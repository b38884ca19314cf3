#include "logindialog.h"

#include "security/passwordhasher.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "store/userrepository.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace XinDai::Ui {

LoginDialog::LoginDialog(Store::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_advancedToggle(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_server(new QLineEdit(m_advanced))
    , m_caFile(new QLineEdit(m_advanced))
    , m_browseCa(new QPushButton(tr("Browse…"), m_advanced))
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

    // Server settings, folded away: most sign-ins use the remembered server (or none).
    m_advancedToggle->setObjectName(QStringLiteral("serverSettingsToggle"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(tr("e.g. https://xindai.example.cn:8443/ (empty: this computer only)"));
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("empty: the system's certificate authorities"));
    m_browseCa->setObjectName(QStringLiteral("browseCaFile"));
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->addRow(tr("Server address:"), m_server);
    advancedForm->addRow(tr("CA certificate:"), caRow);
    m_advanced->hide();
    // The folded section still says where the sign-in goes.
    const auto showServer = [this] {
        const QString host = QUrl(serverAddress()).host();
        m_advancedToggle->setText(host.isEmpty() ? tr("Server settings (none: sign in on this computer)")
                                                 : tr("Server settings (%1)").arg(host));
    };
    connect(m_server, &QLineEdit::textChanged, this, showServer);
    showServer();
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_advanced->setVisible(open);
        m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        adjustSize();
    });
    connect(m_browseCa, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("CA certificate of the server"), m_caFile->text(),
                                           tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(QDir::toNativeSeparators(file));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_advanced);
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
    submit(m_login->text(), m_password->text());
}

void LoginDialog::setServer(const QString &server, const QString &caCertificateFile)
{
    m_server->setText(server);
    m_caFile->setText(caCertificateFile);
}

QString LoginDialog::serverAddress() const
{
    return m_server->text().trimmed();
}

QString LoginDialog::caCertificateFile() const
{
    return QDir::fromNativeSeparators(m_caFile->text().trimmed());
}

void LoginDialog::submit(const QString &login, const QString &password)
{
    if (m_waitingOnline)
        return;
    m_signedInOnline = false;
    m_fellBack = false;
    const QString server = serverAddress();
    if (server.isEmpty() || !m_onlineSignIn) {
        QString message;
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const bool ok = authenticate(login, password, &message);
        QGuiApplication::restoreOverrideCursor();
        if (!ok) {
            showError(message);
            return;
        }
        m_error->hide();
        accept();
        return;
    }
    if (login.trimmed().isEmpty() || password.isEmpty()) {
        showError(login.trimmed().isEmpty() ? tr("Please enter your login name.")
                                            : tr("Please enter your password."));
        return;
    }
    const QUrl url(server, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        m_advancedToggle->setChecked(true);
        showError(tr("The server address \"%1\" is not valid: write it as https://host:port/.").arg(server));
        return;
    }
    const QString caFile = caCertificateFile();
    if (!caFile.isEmpty() && !QFileInfo::exists(caFile)) {
        m_advancedToggle->setChecked(true);
        showError(tr("The CA certificate file %1 does not exist.").arg(QDir::toNativeSeparators(caFile)));
        return;
    }
    m_pendingLogin = login.trimmed();
    m_pendingPassword = password;
    setBusy(true);
    m_error->setText(tr("Signing in at %1 …").arg(url.host()));
    m_error->setProperty("role", QStringLiteral("hint"));
    m_error->show();
    m_onlineSignIn(url, caFile, m_pendingLogin, password);
}

void LoginDialog::finishOnlineSignIn(OnlineResult result, const QString &message, const QJsonObject &user)
{
    if (!m_waitingOnline)
        return;
    setBusy(false);
    const QString login = std::exchange(m_pendingLogin, {});
    const QString password = std::exchange(m_pendingPassword, {});
    switch (result) {
    case OnlineResult::SignedIn: {
        Core::User signedIn;
        QString error;
        if (!userFromServer(user, &signedIn, &error)) {
            showError(error);
            return;
        }
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        signedIn.passwordHash = m_hashIterations > 0
                                    ? Security::PasswordHasher::hash(password, m_hashIterations)
                                    : Security::PasswordHasher::hash(password);
        QGuiApplication::restoreOverrideCursor();
        m_user = signedIn;
        m_signedInOnline = true;
        m_error->hide();
        accept();
        return;
    }
    case OnlineResult::Refused:
        showError(message);
        return;
    case OnlineResult::Unreachable: {
        QString localMessage;
        if (!authenticate(login, password, &localMessage)) {
            showError(tr("The server cannot be reached (%1), and signing in with the data on this computer "
                         "failed: %2")
                          .arg(message, localMessage));
            return;
        }
        m_fellBack = true;
        m_error->hide();
        accept();
        return;
    }
    }
}

void LoginDialog::setBusy(bool busy)
{
    m_waitingOnline = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_advanced->setEnabled(!busy);
    if (busy)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QGuiApplication::restoreOverrideCursor();
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->show();
    m_password->selectAll();
    m_password->setFocus();
    emit signInFailed(message);
}

bool LoginDialog::userFromServer(const QJsonObject &json, Core::User *user, QString *message)
{
    Core::User u;
    u.meta.id = json.value(QLatin1String("id")).toString();
    u.login = json.value(QLatin1String("login")).toString();
    u.displayName = json.value(QLatin1String("display_name")).toString();
    u.parkId = json.value(QLatin1String("park_id")).toString();
    u.institutionId = json.value(QLatin1String("institution_id")).toString();
    const QString role = json.value(QLatin1String("role")).toString();
    if (u.meta.id.isEmpty() || u.login.isEmpty() || !Store::fromCode(role, &u.role)) {
        *message = tr("The server's description of the user is incomplete (id, login or role \"%1\" missing "
                      "or unknown). Please report this to the administrator.")
                       .arg(role);
        return false;
    }
    *user = u;
    return true;
}

bool LoginDialog::rememberUser(Store::Database &db, const Core::User &user, QString *message)
{
    Store::UserRepository users(db);
    Core::User row = user;
    if (const std::optional<Core::User> stored = users.byLogin(user.login)) {
        row.meta = stored->meta; // keep the local id and version; the next pull brings the server's row
    }
    const bool recording = db.recordsChanges();
    db.setRecordChanges(false);
    const bool ok = users.save(row, message);
    db.setRecordChanges(recording);
    return ok;
}

} // namespace XinDai::Ui
