#pragma once

#include "defaults.h"
#include "outputline.h"
#include "pythoncall.h"
#include "scrollback.h"
#include "workerevent.h"
#include "workerspec.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <map>

namespace ProcLab {

class ProcessGuardian;
class Worker;

// The registry of workers: spawns them, stops them, sweeps the ended ones, and keeps the merged
// output log of all of them in arrival order.
//
// Views are told about changes in batches: workersChanged() and logAppended() come at most every
// 50 ms however fast the output flows (KDevelop's OutputModel batches the same way), while rows are
// inserted and removed at once, with exact ranges. Big batches are started in slices so that a window
// keeps painting while 500 workers start; what the limit of active workers leaves no room for waits
// in the queue and starts as workers end.
//
// Nothing in it grows with the number of workers ever started: it holds the workers not yet cleared,
// and of the cleared ones only the names and PIDs that lines still in the merged log refer to.
class WorkerPool final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds ChangeBatchInterval{50};
    static constexpr int SpawnSliceSize = 32;

    explicit WorkerPool(QObject *parent = nullptr);
    ~WorkerPool() override;

    std::chrono::milliseconds gracePeriod() const { return m_gracePeriod; }
    void setGracePeriod(std::chrono::milliseconds grace) { m_gracePeriod = grace; }
    void setMaxActiveWorkers(int count) { m_maxActiveWorkers = qMax(count, 1); }
    void setGuardian(ProcessGuardian *guardian) { m_guardian = guardian; }
    void setLogLimits(qsizetype maxLines, qsizetype maxCharacters);
    // Each worker's own history, for the workers running now and those started later.
    void setWorkerHistoryLimits(qsizetype maxLines, qsizetype maxCharacters);

    // Starts a worker now. Returns it (possibly failed to start, with its reason), or nullptr when the
    // limit of active workers refuses it (spawnRefused() says why).
    Worker *spawn(const WorkerSpec &spec);
    // Starts the workers a slice per event-loop turn, the first slice at once. Those the limit of
    // active workers has no room for wait, and start as others end.
    void spawnBatch(const QList<WorkerSpec> &specs);
    // Workers of a batch waiting to start.
    int queuedCount() const { return int(m_queue.size()); }

    void terminate(Worker *worker);
    void kill(Worker *worker);
    void pause(Worker *worker);
    void resume(Worker *worker);
    void sendSignal(Worker *worker, int signalNumber);
    void terminateAfter(Worker *worker,
                        std::chrono::milliseconds delay,
                        std::chrono::milliseconds tickInterval = std::chrono::seconds(1));
    // Quitting: drops what is queued, terminates every active worker (grace, then kill).
    void stopAll();
    // Removes the workers that have ended from the list; their lines stay in the merged log.
    void clearFinished();

    int count() const { return int(m_workers.size()); }
    Worker *at(int row) const { return m_workers.at(row); }
    int rowOf(const Worker *worker) const;
    Worker *workerById(int id) const;
    const QList<Worker *> &workers() const { return m_workers; }
    int activeCount() const { return m_activeCount; }
    // The PID a worker had, also after clearFinished() removed it, as long as lines of it are in
    // log(): lines outlive rows.
    qint64 pidOfWorker(int workerId) const;
    bool hasActiveWorkers() const { return m_activeCount > 0 || !m_queue.isEmpty(); }

    // "Now" for everything that shows this pool's workers (running times, the timeline's right
    // edge), in milliseconds since the epoch: the wall clock for a live run, the player's position
    // for a replayed one (RecordPlayer sets it with setReplayClock()).
    qint64 nowMs() const;
    // 0: the wall clock again.
    void setReplayClock(qint64 nowMs) { m_replayClockMs = nowMs; }
    bool isReplay() const { return m_replayClockMs > 0; }

    // Everything in arrival order: output lines of every worker, and the monitor's events
    // (OutputChannel::Monitor). Bounded; what falls out is counted in droppedLines().
    const Scrollback &log() const { return m_log; }
    // A line the monitor itself prints, like the tutorial's "Process 4242 says: 메인 프로그램";
    // timestampMs 0: now.
    void appendMainProcessLine(const QString &text, qint64 timestampMs = 0);

    // Replay (RecordPlayer): a worker made from a record, with the id the record gives it, in the
    // row that id gives it (rows are in id order, as live). It runs nothing, counts as no active
    // worker, and tells its start once the player calls Worker::replayStart().
    Worker *addReplayWorker(int id, const WorkerSpec &spec, bool seenAsPython);
    // Removes every worker (exact row ranges) and every line: a replay going back to its start.
    void clearReplay();

signals:
    void workersAboutToBeInserted(int first, int last);
    void workersInserted(int first, int last);
    void workersAboutToBeRemoved(int first, int last);
    void workersRemoved(int first, int last);
    // Rows whose state, counts, last line or countdown changed; sorted; batched.
    void workersChanged(const QList<int> &rows);
    // New lines in log(); batched with workersChanged().
    void logAppended();
    // At once, per read: for consumers that must not wait, like the headless printer.
    void outputReceived(ProcLab::Worker *worker, const QList<ProcLab::OutputLine> &lines);
    void eventOccurred(const ProcLab::WorkerEvent &event);
    // A Python worker's multiprocessing calls (Worker::pythonCallsReceived).
    void pythonCallsReceived(ProcLab::Worker *worker, const QList<ProcLab::PythonCall> &calls);
    void workerFinished(ProcLab::Worker *worker);
    // No worker active and none queued.
    void allFinished();
    // appendMainProcessLine(): for the recorder.
    void mainProcessLineAppended(const QString &text, qint64 timestampMs);
    void spawnRefused(const QString &reason);
    // queuedCount() changed.
    void queueChanged(int queued);
    // Workers of a batch wait for the limit of active workers to leave room; reason says so.
    void batchWaiting(const QString &reason);

public:
    // A line of ProcLab's own in the merged log, shown with that worker's lines: what the
    // processes its program created did (DescendantReporter), and the tracer's notes.
    void appendMonitorLine(int workerId, const QString &text);

private:
    Worker *createWorker(const WorkerSpec &spec, int id = 0);
    void startSlice();
    void announceWaiting();
    void markChanged(Worker *worker);
    void markLogAppended();
    void flushChanges();
    void appendToLog(const Worker *worker, const QList<OutputLine> &lines);
    void appendEventToLog(const WorkerEvent &event);
    void handleWorkerFinished(Worker *worker);
    void retire(const Worker *worker);
    void forgetRetiredWorkers();

    QList<Worker *> m_workers;
    QList<WorkerSpec> m_queue;
    QTimer m_sliceTimer;
    QTimer m_batchTimer;
    QSet<int> m_dirtyWorkerIds;
    bool m_logDirty = false;
    Scrollback m_log;
    // (worker, writing process, channel) → log line a '\r' update replaces
    QHash<quint64, qint64> m_progressLogLine;
    // Cleared workers whose lines may still be in the log: id → PID; and their ids by the log's end
    // line when each was cleared (all its lines are before it), to forget each once the log's first
    // line has passed that.
    QHash<int, qint64> m_retiredPids;
    std::multimap<qint64, int> m_retiredByLogEnd;
    ProcessGuardian *m_guardian = nullptr;
    QStringList m_searchPath;
    std::chrono::milliseconds m_gracePeriod = Defaults::GracePeriod;
    qsizetype m_workerHistoryLines = Defaults::WorkerHistoryLines;
    qsizetype m_workerHistoryCharacters = Defaults::WorkerHistoryCharacters;
    int m_maxActiveWorkers;
    int m_activeCount = 0;
    int m_nextId = 1;
    bool m_waitAnnounced = false;
    qint64 m_replayClockMs = 0;
};

} // namespace ProcLab
