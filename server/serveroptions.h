#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace XinDai::Server {

/// Options of `xindai-server serve` (docs/server.md):
///   --db sqlite:PATH|postgres://USER@HOST/DB --listen HOST:PORT [--tls-cert F --tls-key F]
///   [--insecure-dev] [--lang zh_CN|en] [--threads N]
/// Invariant after parse(): dbUrl non-empty; either both TLS files are set or insecureDev is true.
struct ServerOptions
{
    QString dbUrl;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8443;                        ///< 0 = let the system pick a free port
    QString tlsCertificate;                     ///< PEM file
    QString tlsKey;                             ///< PEM file (unencrypted private key)
    bool insecureDev = false;                   ///< plain HTTP (local demo and tests only)
    QString language = QStringLiteral("zh_CN"); ///< language of error messages: zh_CN or en
    int threads = 0; ///< threads answering requests, 1..MaxThreads; 0 = one per CPU core

    static constexpr int MaxThreads = 64;

    /// Parses the arguments that follow "serve"; nullopt and a plain English message on a usage error.
    static std::optional<ServerOptions> parse(const QStringList &args, QString *errorMessage);
    /// "HOST:PORT" (IPv4, "localhost" or "[IPv6]"); port 0..65535.
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);
};

} // namespace XinDai::Server
