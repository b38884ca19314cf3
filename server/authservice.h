#pragma once

#include "server/caller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace XinDai::Server {

class ServerDatabase;

/// Login, bearer tokens, throttling and user administration of xindai-server. Every piece of state
/// (sessions, failure counters, users) lives in the database, so several server processes sharing one
/// PostgreSQL agree on it.
///
/// Tokens are 32 bytes from OpenSSL's RAND_bytes, written base64url without padding (43 characters);
/// the database only holds their SHA-256 hex (session_token.token_hash). Passwords are checked with
/// Security::PasswordHasher (PBKDF2-HMAC-SHA256, 600,000 iterations: about 0.3 s per check, by design).
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Server::AuthService)
public:
    /// A session is valid for this many seconds after login (12 h).
    static constexpr qint64 TokenLifetimeSeconds = 12 * 3600;
    /// Failed logins of one login name within FailureWindowSeconds that lock it.
    static constexpr int MaxFailures = 5;
    /// Window in which failures are counted (15 min).
    static constexpr qint64 FailureWindowSeconds = 15 * 60;
    /// How long a locked login stays locked (15 min).
    static constexpr qint64 LockSeconds = 15 * 60;
    /// Random bytes in a token (256 bits).
    static constexpr int TokenBytes = 32;

    struct LoginResult
    {
        enum class Status {
            Ok,             ///< token, expiresAt, caller filled
            BadCredentials, ///< unknown login, wrong password or disabled user (one answer for all three)
            Locked,         ///< too many failures: retryAfterSeconds > 0
            Failed          ///< the database failed; error says why
        };
        Status status = Status::Failed;
        QString token;                ///< the bearer token (only ever returned here)
        QDateTime expiresAt;          ///< UTC
        Caller caller;                ///< the user who logged in
        QString displayName;          ///< app_user.display_name
        qint64 retryAfterSeconds = 0; ///< Locked: seconds until the lock ends, >= 1
        QString error;                ///< translated sentence for every status but Ok
    };

    struct AuthResult
    {
        enum class Status {
            Ok,       ///< caller filled
            Missing,  ///< no token given
            Unknown,  ///< malformed or never issued (forged)
            Expired,  ///< past expires_at
            Revoked,  ///< logged out
            Disabled, ///< the user was disabled or deleted after login
            Failed    ///< the database failed
        };
        Status status = Status::Failed;
        Caller caller;
        QString error;      ///< translated sentence for every status but Ok
        QDateTime lastSeen; ///< session_token.last_seen_at as read (invalid when never written)
    };

    explicit AuthService(ServerDatabase &db);

    /// Checks \a password for \a login and opens a session. Unknown logins count as failures too
    /// (throttling cannot be used to find which logins exist).
    LoginResult login(const QString &login, const QString &password);
    /// Resolves a bearer token (without the "Bearer " prefix) to its user. Reads only.
    AuthResult authenticate(const QString &token);
    /// Notes that \a token served a request: session_token.last_seen_at, written at most once a
    /// minute (HttpApi calls it after a successful answer, so a refused request writes nothing).
    /// \a lastSeen (AuthResult::lastSeen) less than a minute old: nothing to write, no statement run.
    void recordUse(const QString &token, const QDateTime &lastSeen = {});
    /// Revokes the session of \a token; false (and a translated reason) when it is not a live session.
    bool logout(const QString &token, QString *errorMessage);

    /// The user object of the HTTP API: {id, login, display_name, role, park_id, institution_id}
    /// (park_id / institution_id null when not set).
    static QJsonObject userJson(const Caller &caller, const QString &displayName);
    /// Display name of a user id ("" when unknown).
    QString displayName(const QString &userId) const;

    /// Creates a user through RowStore (its own transaction). \a role: window_staff | park_manager |
    /// bank_officer | admin; park staff need \a parkId, bank officers \a institutionId (ids of existing
    /// rows). Returns the new user's id, or nullopt and a translated reason.
    std::optional<QString> addUser(const QString &login, const QString &role, const QString &parkId,
                                   const QString &institutionId, const QString &password,
                                   const QString &displayName, QString *errorMessage);
    /// Sets app_user.disabled and revokes every session of the user.
    bool disableUser(const QString &login, QString *errorMessage);
    /// Replaces the password hash, clears the failure counter and revokes every session of the user.
    bool resetPassword(const QString &login, const QString &password, QString *errorMessage);

    /// Id of the park with code \a code ("" when none).
    QString parkIdByCode(const QString &code) const;
    /// Id of the institution with code \a code ("" when none).
    QString institutionIdByCode(const QString &code) const;

    /// SHA-256 hex of the token's UTF-8 (what session_token.token_hash stores).
    static QString tokenHash(const QString &token);
    /// Minimum length of a password set through addUser / resetPassword.
    static constexpr int MinPasswordLength = 8;

    /// PBKDF2 iterations for new hashes (default Security::PasswordHasher::DefaultIterations); tests
    /// lower it to stay fast.
    void setPasswordIterations(int iterations) { m_iterations = iterations; }
    /// The clock (UTC); tests move it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    QDateTime now() const;
    void recordFailure(const QString &login);
    bool revokeSessionsOf(const QString &userId, QString *errorMessage);

    ServerDatabase &m_db;
    int m_iterations;
    std::function<QDateTime()> m_clock;
};

} // namespace XinDai::Server
