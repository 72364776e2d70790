#pragma once

#include "descendanttracker.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace ProcLab {

class Worker;
class WorkerPool;

// Turns the batched changes of every followed worker's DescendantTracker into one stream of
// lifecycle events, in the order they happened within each batch: a descendant started, exec'd a new
// program, ended; and the tracer's notes. The headless runner prints them, the recorder writes them,
// the log shows them. The worker's own program (the tree's root) is left out: the worker's own events
// tell its start and end.
//
// A descendant is told with what it runs by the first batch (50 ms) that shows it; execs after that
// are told each, several within one batch as one, with the last program.
class DescendantReporter final : public QObject
{
    Q_OBJECT

public:
    explicit DescendantReporter(const WorkerPool &pool, QObject *parent = nullptr);

    // "started 4251 (child of 4250): python3 example1.py"
    static QString startText(const Descendant &descendant);
    // "4251 ran ls -l"
    static QString execText(const Descendant &descendant);
    // "4251 (child of 4250) exited: exit code 0" or "…, orphaned, then reparented to 1) …"
    static QString endText(const Descendant &descendant);

signals:
    void descendantStarted(const ProcLab::Worker *worker, const ProcLab::Descendant &descendant);
    void descendantExeced(const ProcLab::Worker *worker, const ProcLab::Descendant &descendant);
    void descendantEnded(const ProcLab::Worker *worker, const ProcLab::Descendant &descendant);
    void noteAdded(const ProcLab::Worker *worker, const ProcLab::DescendantTracker::Note &note);

private:
    struct Seen
    {
        int execCount = 0;
        bool ended = false;
    };

    void watch(const Worker *worker);
    void report(const Worker *worker,
                const DescendantTracker &tracker,
                const DescendantTracker::Changes &changes);
    void reportOne(const Worker *worker,
                   const Descendant &descendant,
                   Seen &seen,
                   bool isNew,
                   bool isRoot);

    const WorkerPool &m_pool;
    // Per tracker, what was told of each entry it keeps; entries it forgets are forgotten here too.
    QHash<const DescendantTracker *, QHash<quint64, Seen>> m_seen;
};

} // namespace ProcLab
