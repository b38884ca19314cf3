#include "server/authservice.h"

#include "security/crypto.h"
#include "security/passwordhasher.h"
#include "server/audittrail.h"
#include "server/readbatch_p.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "sync/row.h"

#include <QJsonValue>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace XinDai::Server {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseIso(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

bool isTokenShaped(const QString &token)
{
    if (token.size() != 43)
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                        || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

/// What authenticate() reads of a session and its user.
struct SessionRow
{
    QString userId, expiresAt, lastSeenAt, login, role, parkId, institutionId;
    bool revoked = false;
    bool userExists = false;
    bool disabled = false; ///< disabled or deleted

    template<typename Row>
    static SessionRow read(const Row &row)
    {
        auto text = [&](int column) {
            return row.isNull(column) ? QString() : row.text(column).toString();
        };
        SessionRow s;
        s.userId = text(0);
        s.expiresAt = text(1);
        s.revoked = row.integer(2) != 0;
        s.lastSeenAt = text(3);
        s.userExists = !row.isNull(4);
        s.login = text(4);
        s.role = text(5);
        s.parkId = text(6);
        s.institutionId = text(7);
        s.disabled = row.integer(8) != 0 || row.integer(9) != 0;
        return s;
    }
};

QString nullableText(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

const QStringList &roles()
{
    static const QStringList all{QStringLiteral("window_staff"), QStringLiteral("park_manager"),
                                 QStringLiteral("bank_officer"), QStringLiteral("admin")};
    return all;
}

} // namespace

AuthService::AuthService(ServerDatabase &db)
    : m_db(db)
    , m_iterations(Security::PasswordHasher::DefaultIterations)
{}

QDateTime AuthService::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString AuthService::tokenHash(const QString &token)
{
    return Security::Crypto::sha256Hex(token.toUtf8());
}

QJsonObject AuthService::userJson(const Caller &caller, const QString &displayName)
{
    return QJsonObject{{QStringLiteral("id"), caller.userId},
                       {QStringLiteral("login"), caller.login},
                       {QStringLiteral("display_name"), displayName},
                       {QStringLiteral("role"), caller.role},
                       {QStringLiteral("park_id"), idOrNull(caller.parkId)},
                       {QStringLiteral("institution_id"), idOrNull(caller.institutionId)}};
}

QString AuthService::displayName(const QString &userId) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT display_name FROM app_user WHERE id = ?"));
    q.addBindValue(userId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

AuthService::LoginResult AuthService::login(const QString &login, const QString &password)
{
    LoginResult result;
    const QDateTime at = now();
    const QString badCredentials = tr("The login name or the password is wrong.");
    Caller attempt;
    attempt.login = login.left(64);
    AuditTrail audit(m_db);

    if (login.isEmpty() || login.size() > 64 || password.size() > 1024) {
        result.status = LoginResult::Status::BadCredentials;
        result.error = badCredentials;
        return result;
    }

    {
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("SELECT locked_until FROM login_failure WHERE login = ?"));
        q.addBindValue(login);
        if (!q.exec()) {
            result.error = tr("The user database could not be read: %1.").arg(q.lastError().text());
            return result;
        }
        if (q.next() && !q.value(0).isNull()) {
            const QDateTime until = parseIso(q.value(0));
            if (until.isValid() && until > at) {
                result.status = LoginResult::Status::Locked;
                result.retryAfterSeconds = std::max<qint64>(1, (at.msecsTo(until) + 999) / 1000);
                result.error = tr("Too many failed logins for %1: try again in %n minute(s).", nullptr,
                                  int((result.retryAfterSeconds + 59) / 60))
                                   .arg(login);
                audit.record(attempt, QStringLiteral("login_failed"), QStringLiteral("app_user"), QString(),
                             {{QStringLiteral("reason"), QStringLiteral("locked")}});
                return result;
            }
        }
    }

    QSqlQuery q(m_db.sql());
    q.prepare(
        QStringLiteral("SELECT id, password_hash, role, park_id, institution_id, display_name, disabled, "
                       "deleted FROM app_user WHERE login = ?"));
    q.addBindValue(login);
    if (!q.exec()) {
        result.error = tr("The user database could not be read: %1.").arg(q.lastError().text());
        return result;
    }
    bool ok = false;
    QString reason = QStringLiteral("unknown_login");
    if (q.next()) {
        ok = Security::PasswordHasher::verify(password, q.value(1).toString());
        reason = ok ? QString() : QStringLiteral("wrong_password");
        if (ok && (q.value(6).toInt() != 0 || q.value(7).toInt() != 0)) {
            ok = false;
            reason = QStringLiteral("disabled");
        }
        if (ok) {
            result.caller.userId = q.value(0).toString();
            result.caller.login = login;
            result.caller.role = q.value(2).toString();
            result.caller.parkId = nullableText(q.value(3));
            result.caller.institutionId = nullableText(q.value(4));
            result.displayName = q.value(5).toString();
        }
    } else {
        // Same cost as a real check, so the answer time does not tell which logins exist.
        static const QString dummy = Security::PasswordHasher::hash(QStringLiteral("not a password"));
        Security::PasswordHasher::verify(password, dummy);
    }
    q.finish();

    if (!ok) {
        recordFailure(login);
        audit.record(attempt, QStringLiteral("login_failed"), QStringLiteral("app_user"), QString(),
                     {{QStringLiteral("reason"), reason}});
        QSqlQuery lock(m_db.sql());
        lock.prepare(QStringLiteral("SELECT locked_until FROM login_failure WHERE login = ?"));
        lock.addBindValue(login);
        if (lock.exec() && lock.next() && !lock.value(0).isNull() && parseIso(lock.value(0)) > at) {
            result.status = LoginResult::Status::Locked;
            result.retryAfterSeconds = LockSeconds;
            result.error = tr("Too many failed logins for %1: try again in %n minute(s).", nullptr,
                              int(LockSeconds / 60))
                               .arg(login);
            return result;
        }
        result.status = LoginResult::Status::BadCredentials;
        result.error = badCredentials;
        return result;
    }

    const QByteArray random = Security::Crypto::randomBytes(TokenBytes);
    if (random.size() != TokenBytes) {
        result.error = tr("The server could not generate a session token.");
        return result;
    }
    const QString token = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime expires = at.addSecs(TokenLifetimeSeconds);
    if (!m_db.transaction()) {
        result.error = tr("The user database could not start a transaction.");
        return result;
    }
    QSqlQuery insert(m_db.sql());
    insert.prepare(QStringLiteral("INSERT INTO session_token (token_hash, user_id, created_at, expires_at, "
                                  "revoked, last_seen_at) VALUES (?, ?, ?, ?, 0, ?)"));
    insert.addBindValue(tokenHash(token));
    insert.addBindValue(result.caller.userId);
    insert.addBindValue(iso(at));
    insert.addBindValue(iso(expires));
    insert.addBindValue(iso(at));
    QSqlQuery clear(m_db.sql());
    clear.prepare(QStringLiteral("DELETE FROM login_failure WHERE login = ?"));
    clear.addBindValue(login);
    QString auditError;
    if (!insert.exec() || !clear.exec()
        || !audit.record(result.caller, QStringLiteral("login"), QStringLiteral("app_user"),
                         result.caller.userId, {}, &auditError)
        || !m_db.commit()) {
        const QString why = !insert.lastError().text().isEmpty()  ? insert.lastError().text()
                            : !clear.lastError().text().isEmpty() ? clear.lastError().text()
                                                                  : auditError;
        m_db.rollback();
        result.error = tr("The session could not be stored: %1.").arg(why);
        return result;
    }
    result.status = LoginResult::Status::Ok;
    result.token = token;
    result.expiresAt = expires;
    return result;
}

void AuthService::recordFailure(const QString &login)
{
    const QDateTime at = now();
    if (!m_db.transaction())
        return;
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT failures, first_failure_at FROM login_failure WHERE login = ?"));
    q.addBindValue(login);
    int failures = 1;
    QString first = iso(at);
    if (q.exec() && q.next()) {
        const QDateTime firstAt = parseIso(q.value(1));
        if (firstAt.isValid() && firstAt.secsTo(at) < FailureWindowSeconds) {
            failures = q.value(0).toInt() + 1;
            first = iso(firstAt);
        }
    }
    q.finish();
    QSqlQuery up(m_db.sql());
    up.prepare(QStringLiteral("INSERT INTO login_failure (login, failures, first_failure_at, locked_until) "
                              "VALUES (?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET failures = "
                              "excluded.failures, first_failure_at = excluded.first_failure_at, "
                              "locked_until = excluded.locked_until"));
    up.addBindValue(login);
    up.addBindValue(failures);
    up.addBindValue(first);
    up.addBindValue(failures >= MaxFailures ? QVariant(iso(at.addSecs(LockSeconds)))
                                            : QVariant(QMetaType::fromType<QString>()));
    if (!up.exec() || !m_db.commit())
        m_db.rollback();
}

AuthService::AuthResult AuthService::authenticate(const QString &token)
{
    AuthResult result;
    if (token.isEmpty()) {
        result.status = AuthResult::Status::Missing;
        result.error = tr("This request needs a login: send the header \"Authorization: Bearer <token>\".");
        return result;
    }
    if (!isTokenShaped(token)) {
        result.status = AuthResult::Status::Unknown;
        result.error = tr("The session token is not valid; log in again.");
        return result;
    }
    // Every request comes through here: the statement is prepared once per connection and its row
    // read in place (ReadBatch: the SQLite C API, or libpq with no query text to parse per request).
    const QString sql
        = QStringLiteral("SELECT s.user_id, s.expires_at, s.revoked, s.last_seen_at, u.login, u.role, "
                         "u.park_id, u.institution_id, u.disabled, u.deleted FROM session_token s "
                         "LEFT JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?");
    std::optional<SessionRow> session;
    QString error;
    Internal::ReadBatch batch(m_db);
    const int index = batch.add(sql, {tokenHash(token)});
    if (!batch.run(&error)
        || !batch.read(
            index,
            [&](auto &rows) {
                while (rows.next()) {
                    if (!session)
                        session = SessionRow::read(rows);
                }
            },
            &error)) {
        result.error = tr("The session database could not be read: %1.").arg(error);
        return result;
    }
    if (!session) {
        result.status = AuthResult::Status::Unknown;
        result.error = tr("The session token is not valid; log in again.");
        return result;
    }
    const QDateTime at = now();
    if (session->revoked) {
        result.status = AuthResult::Status::Revoked;
        result.error = tr("The session was ended (logged out); log in again.");
        return result;
    }
    const QDateTime expires = parseIso(session->expiresAt);
    if (!expires.isValid() || expires <= at) {
        result.status = AuthResult::Status::Expired;
        result.error = tr("The session has expired; log in again.");
        return result;
    }
    if (!session->userExists || session->disabled) {
        result.status = AuthResult::Status::Disabled;
        result.error = tr("The user account of this session is disabled.");
        return result;
    }
    result.caller.userId = session->userId;
    result.caller.login = session->login;
    result.caller.role = session->role;
    result.caller.parkId = session->parkId;
    result.caller.institutionId = session->institutionId;
    result.lastSeen = parseIso(session->lastSeenAt);
    result.status = AuthResult::Status::Ok;
    return result;
}

void AuthService::recordUse(const QString &token, const QDateTime &lastSeen)
{
    const QDateTime at = now();
    if (lastSeen.isValid() && lastSeen > at.addSecs(-60))
        return;
    // A write per minute and session at most: enough to see idle sessions, cheap under load.
    QSqlQuery *touch
        = m_db.prepared(QStringLiteral("UPDATE session_token SET last_seen_at = ? WHERE token_hash = ? "
                                       "AND (last_seen_at IS NULL OR last_seen_at < ?)"),
                        nullptr);
    if (!touch)
        return;
    touch->addBindValue(iso(at));
    touch->addBindValue(tokenHash(token));
    touch->addBindValue(iso(at.addSecs(-60)));
    touch->exec();
    touch->finish();
}

bool AuthService::logout(const QString &token, QString *errorMessage)
{
    const AuthResult auth = authenticate(token);
    if (auth.status != AuthResult::Status::Ok) {
        if (errorMessage)
            *errorMessage = auth.error;
        return false;
    }
    if (!m_db.transaction()) {
        if (errorMessage)
            *errorMessage = tr("The session database could not start a transaction.");
        return false;
    }
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("UPDATE session_token SET revoked = 1 WHERE token_hash = ?"));
    q.addBindValue(tokenHash(token));
    AuditTrail audit(m_db);
    QString auditError;
    if (!q.exec()
        || !audit.record(auth.caller, QStringLiteral("logout"), QStringLiteral("app_user"),
                         auth.caller.userId, {}, &auditError)
        || !m_db.commit()) {
        const QString why = q.lastError().text().isEmpty() ? auditError : q.lastError().text();
        m_db.rollback();
        if (errorMessage)
            *errorMessage = tr("The session could not be ended: %1.").arg(why);
        return false;
    }
    return true;
}

QString AuthService::parkIdByCode(const QString &code) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT id FROM park WHERE code = ? AND deleted = 0"));
    q.addBindValue(code);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString AuthService::institutionIdByCode(const QString &code) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT id FROM institution WHERE code = ? AND deleted = 0"));
    q.addBindValue(code);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

std::optional<QString> AuthService::addUser(const QString &login, const QString &role, const QString &parkId,
                                            const QString &institutionId, const QString &password,
                                            const QString &displayName, QString *errorMessage)
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    if (login.trimmed().isEmpty() || login.size() > 64 || login != login.trimmed())
        return fail(tr("The login name must be 1 to 64 characters without leading or trailing spaces."));
    if (!roles().contains(role))
        return fail(
            tr("The role %1 is not known; use window_staff, park_manager, bank_officer or admin.").arg(role));
    const bool parkStaff = role == QLatin1String("window_staff") || role == QLatin1String("park_manager");
    if (parkStaff && parkId.isEmpty())
        return fail(tr("The role %1 needs a park (--park-code or --park-id).").arg(role));
    if (role == QLatin1String("bank_officer") && institutionId.isEmpty())
        return fail(
            tr("The role bank_officer needs an institution (--institution-code or --institution-id)."));
    if (password.size() < MinPasswordLength)
        return fail(tr("The password must have at least %1 characters.").arg(MinPasswordLength));

    RowStore rows(m_db);
    if (!m_db.transaction())
        return fail(tr("The user database could not start a transaction."));
    if (!rows.findId(QStringLiteral("app_user"), {{QStringLiteral("login"), login}}).isEmpty()) {
        m_db.rollback();
        return fail(tr("A user with the login name %1 exists already.").arg(login));
    }
    if (!parkId.isEmpty() && !rows.load(QStringLiteral("park"), parkId)) {
        m_db.rollback();
        return fail(tr("The park %1 does not exist.").arg(parkId));
    }
    if (!institutionId.isEmpty() && !rows.load(QStringLiteral("institution"), institutionId)) {
        m_db.rollback();
        return fail(tr("The institution %1 does not exist.").arg(institutionId));
    }
    const QString hash = Security::PasswordHasher::hash(password, m_iterations);
    if (hash.isEmpty()) {
        m_db.rollback();
        return fail(tr("The password could not be hashed (no random numbers)."));
    }
    QString error;
    const QJsonObject fields{{QStringLiteral("login"), login},
                             {QStringLiteral("display_name"), displayName.isEmpty() ? login : displayName},
                             {QStringLiteral("role"), role},
                             {QStringLiteral("park_id"), idOrNull(parkStaff ? parkId : QString())},
                             {QStringLiteral("institution_id"), idOrNull(institutionId)},
                             {QStringLiteral("password_hash"), hash},
                             {QStringLiteral("disabled"), false}};
    const std::optional<RowStore::Written> written
        = rows.upsert(QStringLiteral("app_user"), QString(), fields, &error);
    if (!written || !m_db.commit()) {
        m_db.rollback();
        return fail(tr("The user %1 could not be stored: %2").arg(login, error));
    }
    return written->id;
}

bool AuthService::revokeSessionsOf(const QString &userId, QString *errorMessage)
{
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("UPDATE session_token SET revoked = 1 WHERE user_id = ? AND revoked = 0"));
    q.addBindValue(userId);
    if (!q.exec()) {
        if (errorMessage)
            *errorMessage = q.lastError().text();
        return false;
    }
    return true;
}

bool AuthService::disableUser(const QString &login, QString *errorMessage)
{
    RowStore rows(m_db);
    if (!m_db.transaction()) {
        if (errorMessage)
            *errorMessage = tr("The user database could not start a transaction.");
        return false;
    }
    const QString id = rows.findId(QStringLiteral("app_user"), {{QStringLiteral("login"), login}});
    QString error;
    if (id.isEmpty()) {
        m_db.rollback();
        if (errorMessage)
            *errorMessage = tr("No user has the login name %1.").arg(login);
        return false;
    }
    if (!rows.upsert(QStringLiteral("app_user"), id, {{QStringLiteral("disabled"), true}}, &error)
        || !revokeSessionsOf(id, &error) || !m_db.commit()) {
        m_db.rollback();
        if (errorMessage)
            *errorMessage = tr("The user %1 could not be disabled: %2").arg(login, error);
        return false;
    }
    return true;
}

bool AuthService::resetPassword(const QString &login, const QString &password, QString *errorMessage)
{
    if (password.size() < MinPasswordLength) {
        if (errorMessage)
            *errorMessage = tr("The password must have at least %1 characters.").arg(MinPasswordLength);
        return false;
    }
    RowStore rows(m_db);
    if (!m_db.transaction()) {
        if (errorMessage)
            *errorMessage = tr("The user database could not start a transaction.");
        return false;
    }
    const QString id = rows.findId(QStringLiteral("app_user"), {{QStringLiteral("login"), login}});
    if (id.isEmpty()) {
        m_db.rollback();
        if (errorMessage)
            *errorMessage = tr("No user has the login name %1.").arg(login);
        return false;
    }
    QString error;
    const QString hash = Security::PasswordHasher::hash(password, m_iterations);
    QSqlQuery clear(m_db.sql());
    clear.prepare(QStringLiteral("DELETE FROM login_failure WHERE login = ?"));
    clear.addBindValue(login);
    if (hash.isEmpty()
        || !rows.upsert(QStringLiteral("app_user"), id, {{QStringLiteral("password_hash"), hash}}, &error)
        || !revokeSessionsOf(id, &error) || !clear.exec() || !m_db.commit()) {
        m_db.rollback();
        if (errorMessage)
            *errorMessage = tr("The password of %1 could not be reset: %2").arg(login, error);
        return false;
    }
    return true;
}

} // namespace XinDai::Server
