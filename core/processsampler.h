#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

struct pids_info;

namespace ProcLab {

class Worker;
class WorkerPool;

// One process as the operating system sees it at one sample.
struct ProcessSample
{
    qint64 pid = 0;
    qint64 parentPid = 0;
    qint64 groupId = 0;
    char state = '?';        // R, S, D, T (stopped), Z…
    double cpuPercent = 0.0; // of one core, since the previous sample
    qint64 residentBytes = 0;
    QString command;       // the short name (comm)
    bool orphaned = false; // its parent died before it: re-parented outside the worker
};

// A worker's process and everything below it: the processes of its group and the descendants of its
// leader, so a child stays listed after its parent died (an orphan, re-parented to init) until it ends.
// A zombie (state Z: ended, not yet reaped by its parent) is listed below its parent until reaped.
struct ProcessTree
{
    ProcessSample leader; // pid 0 when the leader has already gone
    QList<ProcessSample> descendants;
    double cpuPercent = 0.0; // the whole tree
    qint64 residentBytes = 0;
};

// Samples the process tree, CPU and memory of every active worker from the operating system, using
// libproc2 (procps), the library behind ps and top.
//
// It samples about twice a second, and only while a worker is active (or a followed worker's
// orphans still run): with nothing running the timer is stopped and ProcLab does no work at all. One sample reads /proc/PID/stat of every process
// once (libproc2 keeps the previous CPU ticks, so CPU % is a true delta).
class ProcessSampler final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultInterval{500};
    static constexpr int HistoryLength = 60;

    explicit ProcessSampler(const WorkerPool &pool, QObject *parent = nullptr);
    ~ProcessSampler() override;

    void setInterval(std::chrono::milliseconds interval);
    bool isSampling() const { return m_timer.isActive(); }
    // False when the last attempt to read the process table failed: CPU, memory and the process
    // tree are then unknown, not zero.
    bool isAvailable() const { return m_available; }

    // The latest sample of a worker's tree; empty when the worker was never seen running.
    ProcessTree tree(int workerId) const { return m_trees.value(workerId); }
    // CPU % of the worker's tree over the last samples, oldest first: for sparklines.
    QList<double> cpuHistory(int workerId) const { return m_cpuHistory.value(workerId); }
    // Sample at once (tests, and the first sample after a spawn).
    void sampleNow();
    // Whether the worker's tree is sampled: while it is active, and after a followed program
    // ended as long as processes it started (orphans) still run.
    static bool isWatched(const Worker &worker);

signals:
    void sampled();
    void availableChanged(bool available);

private:
    void startIfNeeded();
    void setAvailable(bool available);
    void forgetRemovedWorkers();
    bool hasWatchedWorkers() const;

    const WorkerPool &m_pool;
    pids_info *m_info = nullptr;
    QTimer m_timer;
    QElapsedTimer m_sinceLastSample;
    QHash<int, ProcessTree> m_trees;
    QHash<int, QList<double>> m_cpuHistory;
    long m_ticksPerSecond = 100;
    long m_pageSize = 4096;
    bool m_available = true;
};

} // namespace ProcLab
