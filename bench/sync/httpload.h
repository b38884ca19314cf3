#pragma once

// A light HTTP/1.1 load generator for the concurrent-pullers benchmark: each simulated client is one
// keep-alive QTcpSocket on the benchmark's event loop, sending its next request as soon as the answer
// is complete (a closed loop, like wrk). QNetworkAccessManager would cost one thread per client: with
// 200 of them on a 2-core machine the benchmark would mostly measure its own scheduling.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <vector>

namespace XinDai::Bench {

class HttpLoadClient : public QObject
{
public:
    /// \a nextBody gives the JSON body of each request; \a done receives (status, milliseconds) of
    /// each answer (status 0: the connection failed or the answer could not be read).
    HttpLoadClient(QHostAddress host, quint16 port, QByteArray path, QByteArray token,
                   std::function<QByteArray()> nextBody, std::function<void(int, double)> done)
        : m_host(std::move(host))
        , m_port(port)
        , m_path(std::move(path))
        , m_token(std::move(token))
        , m_nextBody(std::move(nextBody))
        , m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] { send(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { read(); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { fail(); });
    }

    void start() { connectNow(); }
    void stop() { m_running = false; }

private:
    void connectNow()
    {
        m_buffer.clear();
        m_waiting = false;
        m_socket.abort();
        m_socket.connectToHost(m_host, m_port);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    void send()
    {
        if (!m_running)
            return;
        const QByteArray body = m_nextBody();
        QByteArray request;
        request.reserve(256 + body.size());
        request.append("POST ").append(m_path).append(" HTTP/1.1\r\nHost: ");
        request.append(m_host.toString().toLatin1()).append(':').append(QByteArray::number(m_port));
        request.append("\r\nContent-Type: application/json\r\nAuthorization: Bearer ").append(m_token);
        request.append("\r\nContent-Length: ").append(QByteArray::number(body.size())).append("\r\n\r\n");
        request.append(body);
        m_started.start();
        m_waiting = true;
        m_socket.write(request);
    }

    void read()
    {
        m_buffer.append(m_socket.readAll());
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray header = m_buffer.left(headerEnd);
        const int status = header.mid(9, 3).toInt();
        const qsizetype at = header.toLower().indexOf("\r\ncontent-length:");
        if (at < 0) { // chunked or unknown framing: not what the server sends
            fail();
            return;
        }
        const qsizetype lineEnd = header.indexOf("\r\n", at + 2);
        const qint64 length
            = header.mid(at + 17, (lineEnd < 0 ? header.size() : lineEnd) - at - 17).trimmed().toLongLong();
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        m_buffer.remove(0, headerEnd + 4 + length);
        m_waiting = false;
        m_done(status, double(m_started.nsecsElapsed()) / 1e6);
        if (m_running)
            send();
    }

    /// A connection error or close: an error only with a request outstanding (a server may close an
    /// idle keep-alive connection); either way the client connects again.
    void fail()
    {
        if (!m_running)
            return;
        if (m_waiting)
            m_done(0, double(m_started.nsecsElapsed()) / 1e6);
        connectNow();
    }

    QHostAddress m_host;
    quint16 m_port;
    QByteArray m_path;
    QByteArray m_token;
    std::function<QByteArray()> m_nextBody;
    std::function<void(int, double)> m_done;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_started;
    bool m_waiting = false; ///< a request was sent and its answer is not complete
    bool m_running = true;
};

} // namespace XinDai::Bench
