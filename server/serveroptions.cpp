#include "server/serveroptions.h"

namespace XinDai::Server {

bool ServerOptions::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    QHostAddress parsed;
    if (host == QLatin1String("localhost"))
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host))
        return false;
    *address = parsed;
    *port = quint16(number);
    return true;
}

std::optional<ServerOptions> ServerOptions::parse(const QStringList &args, QString *errorMessage)
{
    ServerOptions options;
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--insecure-dev")) {
            options.insecureDev = true;
            continue;
        }
        const bool takesValue = arg == QLatin1String("--db") || arg == QLatin1String("--listen")
                                || arg == QLatin1String("--tls-cert") || arg == QLatin1String("--tls-key")
                                || arg == QLatin1String("--lang") || arg == QLatin1String("--threads");
        if (!takesValue)
            return fail(QStringLiteral("unknown option '%1'").arg(arg));
        if (i + 1 >= args.size())
            return fail(QStringLiteral("%1 needs a value").arg(arg));
        const QString value = args.at(++i);
        if (arg == QLatin1String("--db")) {
            options.dbUrl = value;
        } else if (arg == QLatin1String("--listen")) {
            if (!parseListen(value, &options.address, &options.port))
                return fail(
                    QStringLiteral("--listen wants HOST:PORT (e.g. 127.0.0.1:8443), not '%1'").arg(value));
        } else if (arg == QLatin1String("--tls-cert")) {
            options.tlsCertificate = value;
        } else if (arg == QLatin1String("--tls-key")) {
            options.tlsKey = value;
        } else if (arg == QLatin1String("--threads")) {
            bool ok = false;
            options.threads = value.toInt(&ok);
            if (!ok || options.threads < 1 || options.threads > MaxThreads)
                return fail(QStringLiteral("--threads wants a number from 1 to %1, not '%2'")
                                .arg(MaxThreads)
                                .arg(value));
        } else {
            if (value != QLatin1String("zh_CN") && value != QLatin1String("en"))
                return fail(QStringLiteral("--lang wants zh_CN or en, not '%1'").arg(value));
            options.language = value;
        }
    }
    if (options.dbUrl.isEmpty())
        return fail(QStringLiteral("serve needs --db sqlite:PATH or --db postgres://USER@HOST/DB"));
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (options.tlsCertificate.isEmpty() && !options.insecureDev)
        return fail(QStringLiteral("TLS is required: give --tls-cert FILE --tls-key FILE "
                                   "(or --insecure-dev for a local plain-HTTP demo)"));
    if (!options.tlsCertificate.isEmpty() && options.insecureDev)
        return fail(QStringLiteral("--insecure-dev cannot be combined with --tls-cert/--tls-key"));
    return options;
}

} // namespace XinDai::Server
