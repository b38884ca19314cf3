#pragma once

// A minimal HTTP/1.1 server on loopback for engine tests: one request per connection, answered by
// a handler from the path and the JSON body, then the connection is closed.

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace XinDai::SyncClient::Test {

class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        int status = 200;
        QJsonObject body;
        QByteArray extraHeaders; ///< e.g. "X-XinDai-Head: 10\r\n"
        QByteArray rawBody;      ///< sent instead of body when not empty
    };
    using Handler = std::function<Answer(const QByteArray &path, const QJsonObject &body)>;

    explicit FakeHttpServer(Handler handler)
        : m_handler(std::move(handler))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }
    int requests(const QByteArray &path) const { return m_counts.value(path); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray path = head.split(' ').value(1);
        const QJsonObject body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        m_buffers.remove(socket);
        ++m_counts[path];
        const Answer answer = m_handler(path, body);
        const QByteArray payload = answer.rawBody.isEmpty()
                                       ? QJsonDocument(answer.body).toJson(QJsonDocument::Compact)
                                       : answer.rawBody;
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status)
                      + " X\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + QByteArray::number(payload.size()) + "\r\n" + answer.extraHeaders
                      + "Connection: close\r\n\r\n" + payload);
        socket->disconnectFromHost();
    }

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, int> m_counts;
};

} // namespace XinDai::SyncClient::Test
