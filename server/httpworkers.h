#pragma once

#include <QSslConfiguration>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace XinDai::Server {

class HttpWorker;

/// More threads answering HTTP requests besides the main one. Each thread has its own database
/// connection and its own HttpApi (the server keeps no state outside the database, so they need not
/// share anything), and accepts connections from the socket the main thread listens on: whichever
/// thread is idle takes the next connection, and requests are answered in parallel.
class HttpWorkers
{
public:
    HttpWorkers();
    ~HttpWorkers(); ///< stop()

    /// Starts \a count threads on the already listening socket \a listeningDescriptor (each thread
    /// uses its own duplicate of it), opening the database \a dbUrl (migrated already) in each. Returns
    /// when every thread serves; false and a message when one cannot (the others are stopped).
    bool start(int count, const QString &dbUrl, qintptr listeningDescriptor,
               const std::optional<QSslConfiguration> &tls, QString *errorMessage);
    /// Stops the threads after the requests they are answering; idempotent.
    void stop();

    int count() const { return int(m_workers.size()); }

private:
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
};

} // namespace XinDai::Server
