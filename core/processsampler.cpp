#include "processsampler.h"

#include "descendanttracker.h"
#include "worker.h"
#include "workerpool.h"

#include <QSet>

#include <algorithm>
#include <libproc2/misc.h>
#include <libproc2/pids.h>
#include <unistd.h>

namespace ProcLab {

namespace {

// The fields one sample reads; all from /proc/PID/stat, one file per process.
enum Field { Pid, ParentPid, GroupId, State, TicksDelta, ResidentPages, Command, FieldCount };
pids_item g_items[FieldCount] = {PIDS_ID_PID,
                                 PIDS_ID_PPID,
                                 PIDS_ID_PGRP,
                                 PIDS_STATE,
                                 PIDS_TICS_ALL_DELTA,
                                 PIDS_RSS,
                                 PIDS_CMD};

struct Row
{
    qint64 parentPid = 0;
    qint64 groupId = 0;
    char state = '?';
    unsigned ticksDelta = 0;
    unsigned long residentPages = 0;
    QString command;
};

} // namespace

ProcessSampler::ProcessSampler(const WorkerPool &pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    if (procps_pids_new(&m_info, g_items, FieldCount) < 0) {
        m_info = nullptr;
        m_available = false;
    }
    m_ticksPerSecond = qMax(1L, procps_hertz_get());
    m_pageSize = qMax(1L, ::sysconf(_SC_PAGESIZE));
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &ProcessSampler::sampleNow);
    connect(&m_pool, &WorkerPool::workersInserted, this, &ProcessSampler::startIfNeeded);
    connect(&m_pool, &WorkerPool::workersRemoved, this, &ProcessSampler::forgetRemovedWorkers);
}

bool ProcessSampler::isWatched(const Worker &worker)
{
    // A replayed worker's PID is a number from a record: today it may be anyone's process.
    if (worker.pid() <= 0 || worker.isReplay())
        return false;
    if (worker.isActive())
        return true;
    // A followed program that ended may leave orphans that still run: they are still its tree.
    // Once the tracer's channel is closed nothing of the tree can be alive (the tracer ends last),
    // and the tracker's count, which walks every entry, is not asked again.
    const DescendantTracker *tracker = worker.descendants();
    return tracker && !tracker->isChannelFinished() && tracker->summary().alive > 0;
}

bool ProcessSampler::hasWatchedWorkers() const
{
    const QList<Worker *> workers = m_pool.workers();
    return std::any_of(workers.cbegin(), workers.cend(), [](const Worker *worker) {
        return isWatched(*worker);
    });
}

void ProcessSampler::forgetRemovedWorkers()
{
    // Forget what can no longer be asked for: the maps hold the workers of the table, no more.
    QSet<int> kept;
    for (const Worker *worker : m_pool.workers())
        kept.insert(worker->id());
    for (auto it = m_trees.begin(); it != m_trees.end();) {
        if (kept.contains(it.key()))
            ++it;
        else
            it = m_trees.erase(it);
    }
    for (auto it = m_cpuHistory.begin(); it != m_cpuHistory.end();) {
        if (kept.contains(it.key()))
            ++it;
        else
            it = m_cpuHistory.erase(it);
    }
}

void ProcessSampler::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    emit availableChanged(available);
}

ProcessSampler::~ProcessSampler()
{
    if (m_info)
        procps_pids_unref(&m_info);
}

void ProcessSampler::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void ProcessSampler::startIfNeeded()
{
    // Not available: it will not become so, and a timer would wake the program for nothing.
    if (!m_timer.isActive() && m_info && !m_pool.isReplay())
        m_timer.start();
}

void ProcessSampler::sampleNow()
{
    if (!m_info)
        return;
    pids_fetch *fetch = procps_pids_reap(m_info, PIDS_FETCH_TASKS_ONLY);
    setAvailable(fetch != nullptr);
    if (!fetch) {
        // No tree, CPU or memory is known now: show none rather than the last ones.
        m_trees.clear();
        m_cpuHistory.clear();
        if (!hasWatchedWorkers())
            m_timer.stop();
        emit sampled();
        return;
    }
    const double elapsedSeconds = m_sinceLastSample.isValid()
                                          ? qMax(0.001, m_sinceLastSample.restart() / 1000.0)
                                          : 0.0;
    if (!m_sinceLastSample.isValid())
        m_sinceLastSample.start();

    QHash<qint64, Row> rows;
    QHash<qint64, QList<qint64>> childrenOf;
    QHash<qint64, QList<qint64>> membersOf;
    QSet<qint64> leaders;
    for (const Worker *worker : m_pool.workers()) {
        if (isWatched(*worker))
            leaders.insert(worker->pid());
    }
    rows.reserve(fetch->counts->total);
    for (int i = 0; i < fetch->counts->total; ++i) {
        pids_stack *stack = fetch->stacks[i];
        const qint64 pid = PIDS_VAL(Pid, s_int, stack, m_info);
        Row row;
        row.parentPid = PIDS_VAL(ParentPid, s_int, stack, m_info);
        row.groupId = PIDS_VAL(GroupId, s_int, stack, m_info);
        row.state = PIDS_VAL(State, s_ch, stack, m_info);
        row.ticksDelta = PIDS_VAL(TicksDelta, u_int, stack, m_info);
        row.residentPages = PIDS_VAL(ResidentPages, ul_int, stack, m_info);
        // Names are only needed for our own processes; most rows are other programs.
        if (leaders.contains(row.groupId) || leaders.contains(pid))
            row.command = QString::fromLocal8Bit(PIDS_VAL(Command, str, stack, m_info));
        childrenOf[row.parentPid].append(pid);
        if (leaders.contains(row.groupId))
            membersOf[row.groupId].append(pid);
        rows.insert(pid, row);
    }

    const auto sampleOf = [&](qint64 pid) {
        const Row row = rows.value(pid);
        ProcessSample sample;
        sample.pid = pid;
        sample.parentPid = row.parentPid;
        sample.groupId = row.groupId;
        sample.state = row.state;
        sample.command = row.command;
        sample.residentBytes = qint64(row.residentPages) * m_pageSize;
        if (elapsedSeconds > 0)
            sample.cpuPercent = 100.0 * row.ticksDelta / (m_ticksPerSecond * elapsedSeconds);
        return sample;
    };

    for (const Worker *worker : m_pool.workers()) {
        if (!isWatched(*worker))
            continue;
        const qint64 leaderPid = worker->pid();
        ProcessTree tree;
        if (rows.contains(leaderPid))
            tree.leader = sampleOf(leaderPid);

        // Descendants by parentage, and whatever else is in the group (orphans re-parented away).
        QList<qint64> found;
        QSet<qint64> seen{leaderPid};
        QList<qint64> frontier{leaderPid};
        while (!frontier.isEmpty()) {
            for (const qint64 child : childrenOf.value(frontier.takeFirst())) {
                if (!seen.contains(child)) {
                    seen.insert(child);
                    found.append(child);
                    frontier.append(child);
                }
            }
        }
        for (const qint64 member : membersOf.value(leaderPid)) {
            if (!seen.contains(member)) {
                seen.insert(member);
                found.append(member);
            }
        }
        for (const qint64 pid : std::as_const(found)) {
            ProcessSample sample = sampleOf(pid);
            sample.orphaned = !seen.contains(sample.parentPid);
            // A zombie is shown with its parent until the parent reaps it, as ps shows it. An
            // orphan's zombie is left out: its new parent (init) reaps it at once on most systems,
            // and where PID 1 does not reap, it would linger in the tree for good.
            if (sample.state == 'Z' && sample.orphaned)
                continue;
            tree.descendants.append(sample);
        }

        tree.cpuPercent = tree.leader.cpuPercent;
        tree.residentBytes = tree.leader.residentBytes;
        for (const ProcessSample &sample : std::as_const(tree.descendants)) {
            tree.cpuPercent += sample.cpuPercent;
            tree.residentBytes += sample.residentBytes;
        }
        QList<double> &history = m_cpuHistory[worker->id()];
        history.append(tree.cpuPercent);
        if (history.size() > HistoryLength)
            history.removeFirst();
        m_trees.insert(worker->id(), tree);
    }

    // Ended workers keep their last tree but show nothing running below them.
    for (auto it = m_trees.begin(); it != m_trees.end(); ++it) {
        const Worker *worker = m_pool.workerById(it.key());
        if (worker && !isWatched(*worker)) {
            it->descendants.clear();
            it->cpuPercent = 0;
            it->leader.cpuPercent = 0;
        }
    }

    if (!hasWatchedWorkers())
        m_timer.stop();
    emit sampled();
}

} // namespace ProcLab
