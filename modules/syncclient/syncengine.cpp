#include "syncclient/syncengine.h"

#include "syncclient/syncworker_p.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace XinDai::SyncClient {

class SyncEngine::Worker
{
public:
    QThread thread;
    Internal::SyncWorker *worker = nullptr;
    mutable QMutex mutex;
    SyncStatus status;
};

SyncEngine::SyncEngine(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Worker>())
{
    qRegisterMetaType<XinDai::SyncClient::SyncStatus>();
    d->thread.setObjectName(QStringLiteral("XinDai sync"));
    d->worker = new Internal::SyncWorker(options);
    d->worker->moveToThread(&d->thread);
    connect(d->worker, &Internal::SyncWorker::statusChanged, this, [this](const SyncStatus &status) {
        {
            QMutexLocker lock(&d->mutex);
            d->status = status;
        }
        emit statusChanged(status);
    });
    connect(d->worker, &Internal::SyncWorker::loginFinished, this, &SyncEngine::loginFinished);
    connect(d->worker, &Internal::SyncWorker::dataChanged, this, &SyncEngine::dataChanged);
    d->thread.start();
    QMetaObject::invokeMethod(d->worker, &Internal::SyncWorker::start, Qt::QueuedConnection);
}

SyncEngine::~SyncEngine()
{
    shutdown();
}

SyncStatus SyncEngine::status() const
{
    QMutexLocker lock(&d->mutex);
    return d->status;
}

void SyncEngine::signIn(const QString &login, const QString &password)
{
    if (!d->worker)
        return;
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker, login, password] { w->signIn(login, password); }, Qt::QueuedConnection);
}

void SyncEngine::signOut()
{
    if (!d->worker)
        return;
    QMetaObject::invokeMethod(d->worker, &Internal::SyncWorker::signOut, Qt::QueuedConnection);
}

void SyncEngine::syncNow()
{
    if (!d->worker)
        return;
    QMetaObject::invokeMethod(d->worker, &Internal::SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncEngine::shutdown()
{
    if (!d->worker || QThread::currentThread() == &d->thread)
        return;
    // stop() closes the store connection and the network on the thread that owns them.
    QMetaObject::invokeMethod(d->worker, &Internal::SyncWorker::stop, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
    // The thread has ended: nothing of the worker runs any more, its timers are stopped.
    delete d->worker;
    d->worker = nullptr;
}

} // namespace XinDai::SyncClient
