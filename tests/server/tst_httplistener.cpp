// listenForHttp(): xindai-server's listening sockets. The API answers through them as through
// QAbstractHttpServer::listen(), and a request whose body the client writes in several parts (Qt's
// HTTP client writes 16 KiB at a time) is not held back by the server's delayed ACK.

#include "server/httpapi.h"
#include "server/httplistener.h"
#include "server/serverdatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace XinDai;
using namespace XinDai::Server;

class TestHttpListener : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void servesTheApi();
    void portInUseFails();
    void largeBodiesAreNotHeldBack();

private:
    struct Answer
    {
        int status = 0;
        QJsonObject body;
        double ms = 0;
    };
    Answer post(const QString &path, const QByteArray &body);

    QTemporaryDir m_dir;
    ServerDatabase m_db;
    std::unique_ptr<HttpApi> m_api;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void TestHttpListener::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_db.open(u"sqlite:"_s + m_dir.filePath(u"server.db"_s), &error), qPrintable(error));
    QVERIFY2(m_db.migrate(&error), qPrintable(error));
    m_api = std::make_unique<HttpApi>(m_db);
    m_port = listenForHttp(*m_api, QHostAddress::LocalHost, 0, std::nullopt);
    QVERIFY(m_port != 0);
    QCOMPARE(m_api->servers().size(), 1);
    QCOMPARE(m_api->servers().first()->serverPort(), m_port);
}

void TestHttpListener::cleanupTestCase()
{
    m_api.reset();
    m_db.close();
}

TestHttpListener::Answer TestHttpListener::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (!finished.wait(10000))
        return answer;
    answer.ms = double(timer.nsecsElapsed()) / 1e6;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

void TestHttpListener::servesTheApi()
{
    QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/health"_s.arg(m_port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"status"_s).toString(), u"ok"_s);
    reply->deleteLater();

    // A route answers as through QAbstractHttpServer::listen(): here a wrong method with its Allow.
    const Answer answer = post(u"/health"_s, "{}");
    QCOMPARE(answer.status, 405);
    QVERIFY(answer.body.value(u"error"_s).toString().contains(u"/health"_s));
}

void TestHttpListener::portInUseFails()
{
    HttpApi other(m_db);
    QCOMPARE(listenForHttp(other, QHostAddress::LocalHost, m_port, std::nullopt), quint16(0));
    QVERIFY(other.servers().isEmpty());
}

void TestHttpListener::largeBodiesAreNotHeldBack()
{
#ifndef Q_OS_LINUX
    QSKIP("TCP_QUICKACK is Linux only");
#endif
    // 48 KiB: the client writes it in several parts on one kept-alive connection. Without an
    // immediate ACK from the server, each part after the first waits for the delayed ACK (40 ms or
    // more) under the client's Nagle algorithm; with it, the answer (405, after the whole body was
    // read) comes in a few milliseconds. The median of several requests tolerates a busy machine.
    const QByteArray body = "{\"padding\":\"" + QByteArray(48 * 1024, 'x') + "\"}";
    std::vector<double> times;
    for (int i = 0; i < 15; ++i) {
        const Answer answer = post(u"/health"_s, body);
        QCOMPARE(answer.status, 405);
        times.push_back(answer.ms);
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    QVERIFY2(median < 25, qPrintable(u"median %1 ms"_s.arg(median)));
}

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
