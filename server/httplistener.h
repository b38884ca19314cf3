#pragma once

#include <QHostAddress>
#include <QSslConfiguration>

#include <optional>

class QAbstractHttpServer;

namespace XinDai::Server {

/// Makes \a server listen on \a address:\a port (HTTPS with \a tls, plain HTTP without) like
/// QAbstractHttpServer::listen(), with every accepted connection tuned for request/answer traffic:
/// TCP_NODELAY (an answer's header and body leave at once) and, on Linux, an immediate ACK of each
/// received part of a request. Without the latter a request body larger than one write of the client
/// (Qt's HTTP client writes 16 KiB at a time, e.g. a push of 100 operations) waits for the server's
/// delayed ACK (40 ms) before its last part is sent: the client's Nagle algorithm holds it back.
/// Returns the port listened on (useful with port 0), 0 when the address cannot be bound.
quint16 listenForHttp(QAbstractHttpServer &server, const QHostAddress &address, quint16 port,
                      const std::optional<QSslConfiguration> &tls);

/// Makes \a server accept connections from \a descriptor, a socket that already listens (a duplicate of
/// another server's, for a worker thread: HttpWorkers), tuned and encrypted as listenForHttp() does.
/// Takes ownership of the descriptor on success; false when it is not a listening socket.
bool adoptListeningSocket(QAbstractHttpServer &server, qintptr descriptor,
                          const std::optional<QSslConfiguration> &tls);

} // namespace XinDai::Server
