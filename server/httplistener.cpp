#include "server/httplistener.h"

#include <QAbstractHttpServer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace XinDai::Server {

namespace {

void tune(QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
#ifdef Q_OS_LINUX
    // TCP_QUICKACK is not sticky (the kernel goes back to delayed ACKs on its own): set it again each
    // time data has arrived, which also sends the pending ACK right away. Connected before the HTTP
    // server's own readyRead handler, so it runs first.
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
        const int one = 1;
        const qintptr fd = socket->socketDescriptor();
        if (fd >= 0)
            ::setsockopt(int(fd), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    });
#endif
}

/// A TCP or TLS server whose connections are tuned as they are handed to the HTTP server.
template<typename Base>
class TunedServer : public Base
{
public:
    using Base::Base;

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            tune(socket);
        return socket;
    }
};

QTcpServer *makeListener(QAbstractHttpServer &server, const std::optional<QSslConfiguration> &tls)
{
    if (tls) {
        auto *ssl = new TunedServer<QSslServer>(&server);
        ssl->setSslConfiguration(*tls);
        return ssl;
    }
    return new TunedServer<QTcpServer>(&server);
}

} // namespace

quint16 listenForHttp(QAbstractHttpServer &server, const QHostAddress &address, quint16 port,
                      const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *listener = makeListener(server, tls);
    if (!listener->listen(address, port)) {
        delete listener;
        return 0;
    }
    server.bind(listener);
    return listener->serverPort();
}

bool adoptListeningSocket(QAbstractHttpServer &server, qintptr descriptor,
                          const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *listener = makeListener(server, tls);
    if (!listener->setSocketDescriptor(descriptor)) {
        delete listener;
        return false;
    }
    server.bind(listener);
    return true;
}

} // namespace XinDai::Server
