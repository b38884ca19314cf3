#include "server/httpworkers.h"

#include "server/httpapi.h"
#include "server/httplistener.h"
#include "server/serverdatabase.h"

#include <QThread>

#include <future>
#include <unistd.h>

namespace XinDai::Server {

/// One thread: database connection, HttpApi and listener live and die in it.
class HttpWorker : public QThread
{
public:
    HttpWorker(QString dbUrl, qintptr descriptor, std::optional<QSslConfiguration> tls)
        : m_dbUrl(std::move(dbUrl))
        , m_descriptor(descriptor)
        , m_tls(std::move(tls))
    {}

    /// Blocks until the thread serves (empty string) or has failed (the reason).
    QString ready() { return m_ready.get_future().get(); }

protected:
    void run() override
    {
        ServerDatabase db;
        QString error;
        if (!db.open(m_dbUrl, &error)) {
            ::close(int(m_descriptor));
            m_ready.set_value(error.isEmpty() ? QStringLiteral("the database could not be opened") : error);
            return;
        }
        {
            HttpApi api(db);
            if (!adoptListeningSocket(api, m_descriptor, m_tls)) {
                ::close(int(m_descriptor));
                m_ready.set_value(
                    QStringLiteral("the listening socket could not be shared with a worker thread"));
                return;
            }
            m_ready.set_value(QString());
            exec();
        }
        db.close();
    }

private:
    QString m_dbUrl;
    qintptr m_descriptor;
    std::optional<QSslConfiguration> m_tls;
    std::promise<QString> m_ready;
};

HttpWorkers::HttpWorkers() = default;

HttpWorkers::~HttpWorkers()
{
    stop();
}

bool HttpWorkers::start(int count, const QString &dbUrl, qintptr listeningDescriptor,
                        const std::optional<QSslConfiguration> &tls, QString *errorMessage)
{
    for (int i = 0; i < count; ++i) {
        const int descriptor = ::dup(int(listeningDescriptor));
        if (descriptor < 0) {
            stop();
            if (errorMessage)
                *errorMessage = QStringLiteral("the listening socket could not be duplicated");
            return false;
        }
        auto worker = std::make_unique<HttpWorker>(dbUrl, descriptor, tls);
        worker->setObjectName(QStringLiteral("http-%1").arg(i + 1));
        worker->start();
        const QString failure = worker->ready();
        m_workers.push_back(std::move(worker));
        if (!failure.isEmpty()) {
            stop();
            if (errorMessage)
                *errorMessage = failure;
            return false;
        }
    }
    return true;
}

void HttpWorkers::stop()
{
    for (const auto &worker : m_workers)
        worker->quit();
    for (const auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
}

} // namespace XinDai::Server
