#include "poolrun.h"

#include "workerpool.h"

#include <QEventLoop>
#include <QTimer>

namespace ProcLab::Bench {

bool runUntilAllFinished(WorkerPool &pool, const std::function<void()> &start, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&pool, &WorkerPool::allFinished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(timeoutMs);

    start();
    // Everything may have ended (or failed to start) inside start() already.
    if (!finished && pool.hasActiveWorkers())
        loop.exec();
    return finished || !pool.hasActiveWorkers();
}

} // namespace ProcLab::Bench
