#include "descendantreporter.h"

#include "commandline.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>

namespace ProcLab {

namespace {

QString parentText(const Descendant &descendant)
{
    if (!descendant.orphan)
        return DescendantReporter::tr("child of %1").arg(descendant.parentPid);
    if (descendant.reparentedTo > 0) {
        return DescendantReporter::tr("child of %1, orphaned, reparented to %2")
                .arg(descendant.parentPid)
                .arg(descendant.reparentedTo);
    }
    return DescendantReporter::tr("child of %1, orphaned").arg(descendant.parentPid);
}

} // namespace

DescendantReporter::DescendantReporter(const WorkerPool &pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    // Rows are inserted as workers are created, before their process starts: no event is missed.
    connect(&m_pool, &WorkerPool::workersInserted, this, [this](int first, int last) {
        for (int row = first; row <= last; ++row)
            watch(m_pool.at(row));
    });
    for (const Worker *worker : m_pool.workers())
        watch(worker);
}

void DescendantReporter::watch(const Worker *worker)
{
    const DescendantTracker *tracker = worker->descendants();
    if (!tracker || m_seen.contains(tracker))
        return;
    m_seen.insert(tracker, {});
    connect(tracker,
            &DescendantTracker::descendantsChanged,
            this,
            [this, worker, tracker](const DescendantTracker::Changes &changes) {
                report(worker, *tracker, changes);
            });
    connect(tracker,
            &DescendantTracker::noteAdded,
            this,
            [this, worker](const DescendantTracker::Note &note) { emit noteAdded(worker, note); });
    connect(tracker, &QObject::destroyed, this, [this, tracker] { m_seen.remove(tracker); });
}

void DescendantReporter::report(const Worker *worker,
                                const DescendantTracker &tracker,
                                const DescendantTracker::Changes &changes)
{
    QHash<quint64, Seen> &seen = m_seen[&tracker];
    const Descendant *root = tracker.root();
    const quint64 rootId = root ? root->id : 0;
    for (const quint64 id : changes.added) {
        if (const Descendant *descendant = tracker.descendant(id))
            reportOne(worker, *descendant, seen[id], true, id == rootId);
    }
    for (const quint64 id : changes.changed) {
        if (const Descendant *descendant = tracker.descendant(id))
            reportOne(worker, *descendant, seen[id], false, id == rootId);
    }
    for (const quint64 id : changes.removed)
        seen.remove(id);
}

void DescendantReporter::reportOne(
        const Worker *worker, const Descendant &descendant, Seen &seen, bool isNew, bool isRoot)
{
    if (isRoot) {
        // The worker's own program: its start, what it runs and its end are the worker's own.
        return;
    }
    if (isNew) {
        // Told with what it runs by now: an exec within the same batch (50 ms) is part of its
        // start, as ps would show it; later execs are told each.
        emit descendantStarted(worker, descendant);
        seen.execCount = descendant.execCount;
    }
    if (descendant.execCount > seen.execCount) {
        seen.execCount = descendant.execCount;
        emit descendantExeced(worker, descendant);
    }
    if (!seen.ended && !descendant.isAlive()) {
        seen.ended = true;
        emit descendantEnded(worker, descendant);
    }
}

QString DescendantReporter::startText(const Descendant &descendant)
{
    return tr("started %1 (%2): %3")
            .arg(descendant.pid)
            .arg(parentText(descendant), joinCommandLine(descendant.arguments));
}

QString DescendantReporter::execText(const Descendant &descendant)
{
    return tr("%1 ran %2").arg(descendant.pid).arg(joinCommandLine(descendant.arguments));
}

QString DescendantReporter::endText(const Descendant &descendant)
{
    const QString how = descendant.exitInfo.hasEnded() ? descendant.exitInfo.exitCodeText()
                                                       : tr("how is unknown");
    return tr("%1 (%2) ended: %3").arg(descendant.pid).arg(parentText(descendant), how);
}

} // namespace ProcLab
