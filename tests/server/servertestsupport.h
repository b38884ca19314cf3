#pragma once

// Helpers of the xindai-server process tests (tst_httpapi, tst_servercli): a fresh database per test
// (a SQLite file, or a PostgreSQL database created on the server named by XINDAI_TEST_POSTGRES and
// dropped afterwards), a real xindai-server process, and a blocking HTTP client.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace XinDai::Tests {

/// One empty database for one test. backend "sqlite": a file in a temporary folder; "postgres": a
/// database created for the test on XINDAI_TEST_POSTGRES's server and dropped in the destructor.
class TestDatabase
{
public:
    /// nullptr and *skip = why when the backend is not available (postgres without the variable).
    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *skip)
    {
        auto db = std::unique_ptr<TestDatabase>(new TestDatabase);
        if (backend == QLatin1String("sqlite")) {
            db->m_url = QStringLiteral("sqlite:") + db->m_dir.filePath(QStringLiteral("server.db"));
            return db;
        }
        const QString base = qEnvironmentVariable("XINDAI_TEST_POSTGRES");
        if (base.isEmpty()) {
            *skip = QStringLiteral(
                "XINDAI_TEST_POSTGRES is not set (scripts/postgres.sh starts a test server)");
            return nullptr;
        }
        const QUrl url(base);
        db->m_admin = QStringLiteral("s2test_admin_%1").arg(QRandomGenerator::global()->generate());
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_admin);
            sql.setHostName(url.host());
            sql.setPort(url.port(5432));
            sql.setUserName(url.userName());
            sql.setPassword(url.password());
            sql.setDatabaseName(url.path().mid(1));
            if (!sql.open()) {
                *skip = QStringLiteral("cannot connect to %1: %2")
                            .arg(url.toDisplayString(QUrl::RemovePassword), sql.lastError().text());
                return nullptr;
            }
            db->m_dbName = QStringLiteral("xindai_s2_%1_%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QRandomGenerator::global()->generate());
            QSqlQuery q(sql);
            if (!q.exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0")
                            .arg(db->m_dbName))) {
                *skip = QStringLiteral("cannot create a test database: %1").arg(q.lastError().text());
                return nullptr;
            }
        }
        QUrl mine = url;
        mine.setPath(u'/' + db->m_dbName);
        db->m_url = mine.toString();
        return db;
    }

    ~TestDatabase()
    {
        if (m_dbName.isEmpty())
            return;
        {
            QSqlDatabase sql = QSqlDatabase::database(m_admin);
            QSqlQuery q(sql);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dbName));
            sql.close();
        }
        QSqlDatabase::removeDatabase(m_admin);
    }

    QString url() const { return m_url; }
    QString dir() const { return m_dir.path(); }

private:
    TestDatabase() = default;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_admin;
    QString m_dbName;
};

#ifdef XINDAI_SERVER_BIN
/// xindai-server started with the given arguments; waits for its {"listening": URL} line.
class ServerProcess
{
public:
    ~ServerProcess() { stop(); }

    /// Starts `xindai-server serve ARGS --listen 127.0.0.1:0`; false (with the output) when it fails.
    bool start(const QStringList &args, QString *why)
    {
        m_process.setProgram(QStringLiteral(XINDAI_SERVER_BIN));
        m_process.setArguments(QStringList{QStringLiteral("serve")} + args
                               + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *why = m_process.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray out;
        while (timer.elapsed() < 20000) {
            if (m_process.canReadLine()) {
                out = m_process.readLine();
                const QJsonObject line = QJsonDocument::fromJson(out).object();
                m_url = line.value(QLatin1String("listening")).toString();
                if (!m_url.isEmpty())
                    return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
        }
        *why = QStringLiteral("no listening line; stdout: %1 stderr: %2")
                   .arg(QString::fromUtf8(out + m_process.readAllStandardOutput()),
                        QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }

    /// SIGTERM and wait; the exit code (-1 when it had to be killed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QString url() const { return m_url; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_url;
};
#endif

struct HttpResult
{
    int status = 0; ///< 0 when no HTTP answer came (connection or TLS failure)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

/// A blocking request with a 30 s limit. \a token empty: no Authorization header.
inline HttpResult httpRequest(QNetworkAccessManager &nam, const QByteArray &method, const QString &url,
                              const QByteArray &body = {}, const QString &token = {},
                              const std::optional<QSslConfiguration> &tls = std::nullopt,
                              const QByteArray &rawAuthorization = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!rawAuthorization.isEmpty())
        request.setRawHeader("Authorization", rawAuthorization);
    if (tls)
        request.setSslConfiguration(*tls);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

} // namespace XinDai::Tests
