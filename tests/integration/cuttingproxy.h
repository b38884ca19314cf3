#pragma once

// A loopback TCP proxy in front of xindai-server that can cut the connection of a push after the
// request has reached the server and before the answer reaches the client, the way a dropped line
// does. Runs on the thread that creates it (the test's main thread).

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace XinDai::Integration {

class CuttingProxy : public QObject
{
    Q_OBJECT

public:
    explicit CuttingProxy(quint16 serverPort, QObject *parent = nullptr)
        : QObject(parent)
        , m_serverPort(serverPort)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &CuttingProxy::accept);
    }

    bool listen() { return m_listener.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_listener.serverPort(); }
    void setServerPort(quint16 port) { m_serverPort = port; }
    /// The next answer to a POST /sync/push is dropped (both connections closed) instead of forwarded.
    void cutNextPushAnswer() { m_cutArmed = true; }
    int pushesCut() const { return m_cut; }
    int pushRequestsSeen() const { return m_pushes; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            auto *server = new QTcpSocket(client);
            auto pushPending = std::make_shared<bool>(false);
            server->connectToHost(QHostAddress::LocalHost, m_serverPort);
            connect(client, &QTcpSocket::readyRead, server, [this, client, server, pushPending] {
                const QByteArray data = client->readAll();
                if (data.contains("POST /sync/push")) {
                    *pushPending = true;
                    ++m_pushes;
                }
                server->write(data);
            });
            connect(server, &QTcpSocket::readyRead, client, [this, client, server, pushPending] {
                const QByteArray data = server->readAll();
                if (*pushPending && m_cutArmed) {
                    m_cutArmed = false;
                    ++m_cut;
                    server->abort();
                    client->abort();
                    client->deleteLater();
                    return;
                }
                *pushPending = false;
                client->write(data);
            });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            connect(server, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        }
    }

    QTcpServer m_listener;
    quint16 m_serverPort = 0;
    bool m_cutArmed = false;
    int m_cut = 0;
    int m_pushes = 0;
};

} // namespace XinDai::Integration
