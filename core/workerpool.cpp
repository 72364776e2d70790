#include "workerpool.h"

#include "programlocator.h"
#include "resourcelimits.h"
#include "worker.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <csignal>

namespace ProcLab {

using namespace std::chrono;

namespace {

// A progress line is replaced by the next line of the same stream of the same process: a Python
// worker's children each have their own (OutputLine::pid).
quint64 progressKey(int workerId, qint32 pid, OutputChannel channel)
{
    return (quint64(quint32(workerId) & 0xffffff) << 40) | (quint64(quint32(pid)) << 8)
           | quint64(channel);
}

int workerIdOfProgressKey(quint64 key)
{
    return int(key >> 40);
}

} // namespace

WorkerPool::WorkerPool(QObject *parent)
    : QObject(parent)
    , m_log(Defaults::ScrollbackLines, Defaults::ScrollbackCharacters)
    , m_searchPath(systemSearchPath())
    , m_maxActiveWorkers(ResourceLimits::defaultMaxActiveWorkers())
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(ChangeBatchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &WorkerPool::flushChanges);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &WorkerPool::startSlice);
}

WorkerPool::~WorkerPool()
{
    // Workers kill their own groups if still alive; disconnect first so nothing calls back into us.
    for (Worker *worker : std::as_const(m_workers))
        worker->disconnect(this);
    qDeleteAll(m_workers);
}

void WorkerPool::setLogLimits(qsizetype maxLines, qsizetype maxCharacters)
{
    m_log.setLimits(maxLines, maxCharacters);
    forgetRetiredWorkers();
}

void WorkerPool::setWorkerHistoryLimits(qsizetype maxLines, qsizetype maxCharacters)
{
    m_workerHistoryLines = maxLines;
    m_workerHistoryCharacters = maxCharacters;
    for (Worker *worker : std::as_const(m_workers))
        worker->setScrollbackLimits(maxLines, maxCharacters);
}

Worker *WorkerPool::spawn(const WorkerSpec &spec)
{
    if (m_activeCount >= m_maxActiveWorkers) {
        emit spawnRefused(tr("not starting “%1”: %2 workers are running, the most this monitor "
                             "allows at once (limited by its %3 open files)")
                                  .arg(spec.arguments.value(0))
                                  .arg(m_activeCount)
                                  .arg(ResourceLimits::openFileLimit()));
        return nullptr;
    }
    const int row = count();
    emit workersAboutToBeInserted(row, row);
    Worker *worker = createWorker(spec);
    m_workers.append(worker);
    ++m_activeCount;
    emit workersInserted(row, row);
    worker->start(m_searchPath);
    return worker;
}

void WorkerPool::spawnBatch(const QList<WorkerSpec> &specs)
{
    if (specs.isEmpty())
        return;
    m_queue.append(specs);
    emit queueChanged(queuedCount());
    startSlice();
}

void WorkerPool::startSlice()
{
    // No room: the rest waits for handleWorkerFinished() to call again.
    const int room = m_maxActiveWorkers - m_activeCount;
    const int sliceSize = int(std::min<qsizetype>({m_queue.size(), SpawnSliceSize, room}));
    if (sliceSize <= 0) {
        announceWaiting();
        return;
    }

    // Insert the rows first, then start: a start can fail at once, and the row must exist by then.
    const int first = count();
    emit workersAboutToBeInserted(first, first + sliceSize - 1);
    QList<Worker *> slice;
    for (int i = 0; i < sliceSize; ++i)
        slice.append(createWorker(m_queue.at(i)));
    m_queue.remove(0, sliceSize);
    m_workers.append(slice);
    m_activeCount += sliceSize;
    emit workersInserted(first, first + sliceSize - 1);
    emit queueChanged(queuedCount());

    for (Worker *worker : std::as_const(slice))
        worker->start(m_searchPath);
    if (!m_queue.isEmpty() && m_activeCount < m_maxActiveWorkers)
        m_sliceTimer.start();
    announceWaiting();
}

void WorkerPool::announceWaiting()
{
    // Said once each time a batch comes to wait, so that a slow start has its reason in view.
    if (m_queue.isEmpty()) {
        m_waitAnnounced = false;
        return;
    }
    if (m_waitAnnounced || m_activeCount < m_maxActiveWorkers)
        return;
    m_waitAnnounced = true;
    emit batchWaiting(tr("%n more worker(s) wait to start: %1 are running, the most this monitor "
                         "allows at once (limited by its %2 open files)",
                         nullptr,
                         queuedCount())
                              .arg(m_activeCount)
                              .arg(ResourceLimits::openFileLimit()));
}

Worker *WorkerPool::createWorker(const WorkerSpec &spec, int id)
{
    if (id <= 0)
        id = m_nextId++;
    else
        m_nextId = qMax(m_nextId, id + 1);
    auto *worker = new Worker(id, spec, this);
    worker->setGuardian(m_guardian);
    worker->setScrollbackLimits(m_workerHistoryLines, m_workerHistoryCharacters);
    connect(worker, &Worker::changed, this, [this, worker] { markChanged(worker); });
    connect(worker, &Worker::outputReceived, this, [this, worker](const QList<OutputLine> &lines) {
        appendToLog(worker, lines);
        emit outputReceived(worker, lines);
    });
    connect(worker, &Worker::eventOccurred, this, [this](const WorkerEvent &event) {
        appendEventToLog(event);
        emit eventOccurred(event);
    });
    connect(worker,
            &Worker::pythonCallsReceived,
            this,
            [this, worker](const QList<PythonCall> &calls) {
                emit pythonCallsReceived(worker, calls);
            });
    connect(worker, &Worker::finished, this, [this, worker] { handleWorkerFinished(worker); });
    return worker;
}

void WorkerPool::handleWorkerFinished(Worker *worker)
{
    if (!worker->isReplay())
        --m_activeCount;
    m_progressLogLine.removeIf([id = worker->id() & 0xffffff](const auto &entry) {
        return workerIdOfProgressKey(entry.key()) == id;
    });
    markChanged(worker);
    emit workerFinished(worker);
    // Room for what waits: started from the event loop, never from inside a worker's signal.
    if (!m_queue.isEmpty() && !m_sliceTimer.isActive())
        m_sliceTimer.start();
    if (!hasActiveWorkers()) {
        // Views see the final state before they hear that everything ended.
        flushChanges();
        emit allFinished();
    }
}

void WorkerPool::terminate(Worker *worker)
{
    if (worker)
        worker->terminate(m_gracePeriod);
}

void WorkerPool::kill(Worker *worker)
{
    if (worker)
        worker->kill();
}

void WorkerPool::pause(Worker *worker)
{
    if (worker)
        worker->pause();
}

void WorkerPool::resume(Worker *worker)
{
    if (worker)
        worker->resume();
}

void WorkerPool::sendSignal(Worker *worker, int signalNumber)
{
    if (!worker)
        return;
    if (signalNumber == SIGTERM)
        worker->terminate(m_gracePeriod);
    else
        worker->sendSignal(signalNumber);
}

void WorkerPool::terminateAfter(Worker *worker, milliseconds delay, milliseconds tickInterval)
{
    if (worker)
        worker->terminateAfter(delay, m_gracePeriod, tickInterval);
}

void WorkerPool::stopAll()
{
    if (!m_queue.isEmpty()) {
        m_queue.clear();
        m_waitAnnounced = false;
        emit queueChanged(0);
    }
    m_sliceTimer.stop();
    for (Worker *worker : std::as_const(m_workers))
        worker->terminate(m_gracePeriod);
    if (!hasActiveWorkers())
        emit allFinished();
}

void WorkerPool::clearFinished()
{
    // Remove from the end, in contiguous ranges, so the ranges a view hears about stay exact. A
    // worker whose orphans run stays: removing it would stop them.
    int row = count() - 1;
    while (row >= 0) {
        if (m_workers.at(row)->hasLiveProcesses()) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !m_workers.at(row)->hasLiveProcesses())
            --row;
        const int first = row + 1;
        emit workersAboutToBeRemoved(first, last);
        const QList<Worker *> removed = m_workers.mid(first, last - first + 1);
        m_workers.remove(first, last - first + 1);
        for (Worker *worker : removed) {
            m_dirtyWorkerIds.remove(worker->id());
            retire(worker);
            worker->disconnect(this);
            worker->deleteLater();
        }
        emit workersRemoved(first, last);
    }
    forgetRetiredWorkers();
}

void WorkerPool::retire(const Worker *worker)
{
    // It has ended: every line of it is in the log already, before the log's end.
    if (worker->pid() <= 0)
        return;
    m_retiredPids.insert(worker->id(), worker->pid());
    m_retiredByLogEnd.emplace(m_log.endLine(), worker->id());
}

void WorkerPool::forgetRetiredWorkers()
{
    // Lines fall out of the log in order: a worker cleared when the log ended at line n has no
    // line left once the first line kept is n or later.
    const qint64 firstLine = m_log.firstLine();
    auto it = m_retiredByLogEnd.begin();
    while (it != m_retiredByLogEnd.end() && it->first <= firstLine) {
        m_retiredPids.remove(it->second);
        it = m_retiredByLogEnd.erase(it);
    }
}

qint64 WorkerPool::pidOfWorker(int workerId) const
{
    if (const Worker *worker = workerById(workerId))
        return worker->pid();
    return m_retiredPids.value(workerId);
}

qint64 WorkerPool::nowMs() const
{
    return m_replayClockMs > 0 ? m_replayClockMs : QDateTime::currentMSecsSinceEpoch();
}

int WorkerPool::rowOf(const Worker *worker) const
{
    // Ids grow with rows, so a binary search finds the row.
    const auto found = std::lower_bound(m_workers.cbegin(),
                                        m_workers.cend(),
                                        worker->id(),
                                        [](const Worker *w, int id) { return w->id() < id; });
    if (found == m_workers.cend() || *found != worker)
        return -1;
    return int(found - m_workers.cbegin());
}

Worker *WorkerPool::workerById(int id) const
{
    const auto found = std::lower_bound(m_workers.cbegin(),
                                        m_workers.cend(),
                                        id,
                                        [](const Worker *w, int wanted) {
                                            return w->id() < wanted;
                                        });
    return found != m_workers.cend() && (*found)->id() == id ? *found : nullptr;
}

void WorkerPool::appendMainProcessLine(const QString &text, qint64 timestampMs)
{
    OutputLine line;
    line.text = text;
    line.timestampMs = timestampMs > 0 ? timestampMs : QDateTime::currentMSecsSinceEpoch();
    line.workerId = 0;
    line.channel = OutputChannel::StdOut;
    m_log.append(line);
    markLogAppended();
    emit mainProcessLineAppended(text, line.timestampMs);
}

Worker *WorkerPool::addReplayWorker(int id, const WorkerSpec &spec, bool seenAsPython)
{
    // Its row: after every worker of a smaller id (a followed worker's start can be recorded
    // after the start of one created later).
    const auto at = std::lower_bound(m_workers.cbegin(),
                                     m_workers.cend(),
                                     id,
                                     [](const Worker *w, int wanted) { return w->id() < wanted; });
    if (at != m_workers.cend() && (*at)->id() == id)
        return *at;
    const int row = int(at - m_workers.cbegin());
    emit workersAboutToBeInserted(row, row);
    Worker *worker = createWorker(spec, id);
    worker->setGuardian(nullptr);
    worker->beginReplay(this, seenAsPython);
    m_workers.insert(row, worker);
    emit workersInserted(row, row);
    return worker;
}

void WorkerPool::clearReplay()
{
    m_batchTimer.stop();
    if (!m_workers.isEmpty()) {
        const int last = count() - 1;
        emit workersAboutToBeRemoved(0, last);
        const QList<Worker *> removed = m_workers;
        m_workers.clear();
        for (Worker *worker : removed) {
            worker->disconnect(this);
            worker->deleteLater();
        }
        emit workersRemoved(0, last);
    }
    m_dirtyWorkerIds.clear();
    m_progressLogLine.clear();
    m_retiredPids.clear();
    m_retiredByLogEnd.clear();
    m_log.clear();
    m_nextId = 1;
    m_logDirty = true;
    flushChanges();
}

void WorkerPool::appendToLog(const Worker *worker, const QList<OutputLine> &lines)
{
    for (const OutputLine &line : lines) {
        const quint64 key = progressKey(worker->id(), line.pid, line.channel);
        qint64 lineNumber = -1;
        if (line.hasFlag(OutputLine::ReplacesPrevious)
            && m_log.replace(m_progressLogLine.value(key, -1), line))
            lineNumber = m_progressLogLine.value(key);
        else
            lineNumber = m_log.append(line);
        if (line.hasFlag(OutputLine::EndsWithCarriageReturn))
            m_progressLogLine.insert(key, lineNumber);
        else
            m_progressLogLine.remove(key);
    }
    markLogAppended();
}

void WorkerPool::appendMonitorLine(int workerId, const QString &text)
{
    OutputLine line;
    line.text = text;
    line.timestampMs = nowMs(); // a replay's lines are of the player's position
    line.workerId = workerId;
    line.channel = OutputChannel::Monitor;
    m_log.append(line);
    markLogAppended();
}

void WorkerPool::appendEventToLog(const WorkerEvent &event)
{
    OutputLine line;
    line.text = event.text;
    line.timestampMs = event.timestampMs;
    line.workerId = event.workerId;
    line.channel = OutputChannel::Monitor;
    m_log.append(line);
    markLogAppended();
}

void WorkerPool::markChanged(Worker *worker)
{
    m_dirtyWorkerIds.insert(worker->id());
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void WorkerPool::markLogAppended()
{
    m_logDirty = true;
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void WorkerPool::flushChanges()
{
    m_batchTimer.stop();
    if (!m_dirtyWorkerIds.isEmpty()) {
        QList<int> rows;
        rows.reserve(m_dirtyWorkerIds.size());
        for (const int id : std::as_const(m_dirtyWorkerIds)) {
            if (const Worker *worker = workerById(id))
                rows.append(rowOf(worker));
        }
        m_dirtyWorkerIds.clear();
        std::sort(rows.begin(), rows.end());
        if (!rows.isEmpty())
            emit workersChanged(rows);
    }
    if (m_logDirty) {
        m_logDirty = false;
        forgetRetiredWorkers();
        emit logAppended();
    }
}

} // namespace ProcLab
