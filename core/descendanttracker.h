#pragma once

#include "descendant.h"
#include "traceevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <deque>
#include <map>

class QTimer;

namespace ProcLab {

// Every process of one followed tree, built from the tracer's events (TraceEventReader): the
// program (the root) and each process it created, with its parent, what it runs, its state, its
// start and end, and its exit read the three ways a worker's is.
//
// The events are applied as they come, so that lookups are always current; what changed is
// announced in batches (at most one descendantsChanged per 50 ms, like output), so that a
// program that starts 10 000 children costs a view a few updates, not 40 000. What the events
// cannot tell is read from /proc on a quarter-second tick, in bounded rounds: whether an ended
// process is still a zombie (not yet reaped by its parent), when a zombie is reaped, and which
// process an orphan was given as its new parent.
//
// Memory is bounded: live processes are all kept (the system bounds them), but of the ended
// ones only the last endedLimit() keep their details; older ones are removed (announced in
// Changes::removed) and only counted in the summary.
class DescendantTracker final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultEndedLimit = 1000;

    struct Changes
    {
        QList<quint64> added;   // new entries, in the order they started
        QList<quint64> changed; // entries already announced whose data changed
        QList<quint64> removed; // entries forgotten (ended, over the limit)
        bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
    };

    struct Summary
    {
        qint64 started = 0;         // every process seen, the root included
        qint64 alive = 0;           // running or stopped now
        qint64 zombies = 0;         // ended, not yet reaped (among the kept entries)
        qint64 ended = 0;           // ended, zombies and forgotten ones included
        qint64 orphans = 0;         // ever orphaned
        qint64 forgotten = 0;       // ended ones whose details were dropped
        qint64 forgottenFailed = 0; // of those, how many ended with a non-zero code or a signal
    };

    // A message from the tracer, said once however often it repeats.
    struct Note
    {
        qint64 timeUs = 0;
        qint64 pid = 0;
        QByteArray code; // approximate, privileges, nested-tracer, error, or newer
        QByteArray detail;
        QString text; // a translated sentence for the user
        int repeats = 0;
    };

    explicit DescendantTracker(QObject *parent = nullptr);
    ~DescendantTracker() override;

    void apply(const QList<TraceEvent> &events);
    // The channel ended. Processes still alive in our books can no longer be followed: when the
    // tracer is killed, the kernel kills them with it (PTRACE_O_EXITKILL). They end, how unknown.
    void finishChannel();
    // Descendants that die of this signal from now on were stopped on request (the user's
    // terminate or kill reached the whole group), not crashed.
    void noteStopRequested(int signalNumber);
    // The user sent this signal to that one process alone ("terminate this process"): if it dies
    // of it, it was stopped on request, while its siblings that die of the same signal were not.
    void noteSignalSentTo(qint64 pid, int signalNumber);

    // Announces what changed now rather than at the next batch, if a process started since the
    // last announcement: the worker calls it before it hands on output, so that a view tells a
    // child's start before the first line the child wrote.
    void announceNewProcesses();

    // A tree replayed from a record (RecordPlayer): its PIDs are numbers from the past, so /proc
    // is never read for them, and each apply() is announced at once, in the record's order.
    void setReplay(bool replay) { m_replay = replay; }
    bool isReplay() const { return m_replay; }
    // Replay: the parent an orphan was given, as the record says.
    void setReparentedTo(qint64 pid, qint64 newParentPid);

    void setEndedLimit(int limit);
    int endedLimit() const { return m_endedLimit; }

    const Descendant *descendant(quint64 id) const;
    // The latest process with this PID that has not been reaped (alive or zombie), or nullptr.
    const Descendant *findUnreaped(qint64 pid) const;
    const Descendant *root() const { return descendant(m_rootId); }
    // The kept entries, in the order they started.
    QList<quint64> ids() const;
    qsizetype count() const { return qsizetype(m_entries.size()); }
    Summary summary() const;

    qint64 tracerPid() const { return m_tracerPid; }
    // The tracer could not trace (ptrace refused): the program itself is known exactly, its
    // descendants only as /proc shows them every half second (followed false, origin Unknown,
    // start and end times when sampled, an end's status only if it was still a zombie).
    bool isApproximate() const { return m_approximate; }
    bool isChannelFinished() const { return m_channelFinished; }
    // The program's status as the tracer ended with it, -1 before (or if unknown).
    int tracerEndStatus() const { return m_endStatus; }
    const QList<Note> &notes() const { return m_notes; }
    // Records that named a process we had no entry for (a PID we never saw start).
    qint64 unmatchedEventCount() const { return m_unmatchedEvents; }

    // Exit reading for a raw wait status, the way Worker reads its own process's end.
    static ExitInfo exitInfoFromWaitStatus(int waitStatus, bool stopRequested);
    static QString noteText(const QByteArray &code, const QByteArray &detail);

signals:
    void descendantsChanged(const ProcLab::DescendantTracker::Changes &changes);
    void noteAdded(const ProcLab::DescendantTracker::Note &note);
    // The program itself ended (at once, not batched): root() has its exit.
    void rootEnded();

private:
    Descendant *find(quint64 id);
    Descendant *findByPid(qint64 pid);
    void applyOne(const TraceEvent &event);
    void start(const TraceEvent &event);
    void end(Descendant &entry, qint64 timeUs, int waitStatus, bool known);
    void addNote(const TraceEvent &event);
    void markChanged(quint64 id);
    void markAdded(quint64 id);
    void scheduleFlush();
    void flush();
    void scheduleProcCheck();
    void checkProc();
    void sample();
    void forgetOldEnded();
    void announceRootEnd();

    std::map<quint64, Descendant> m_entries; // by id: in the order they started
    QHash<qint64, quint64> m_byPid;          // the latest entry of each PID
    QHash<quint64, QSet<quint64>> m_aliveChildren;
    std::deque<quint64> m_endedOrder; // kept ended entries, oldest end first
    quint64 m_nextId = 1;
    quint64 m_rootId = 0;
    int m_endedLimit = DefaultEndedLimit;
    QSet<int> m_requestedStopSignals;
    QSet<quint64> m_requestedProcessSignals; // an entry's id and a signal, in one key

    Summary m_counts; // started, ended, orphans, forgotten, forgottenFailed
    qint64 m_tracerPid = 0;
    bool m_approximate = false;
    bool m_channelFinished = false;
    bool m_rootEndAnnounced = false;
    bool m_replay = false;
    int m_endStatus = -1;
    qint64 m_unmatchedEvents = 0;
    QList<Note> m_notes;

    Changes m_pending;
    QSet<quint64> m_pendingAdded;
    QSet<quint64> m_pendingChanged;
    QTimer *m_flushTimer = nullptr;

    // /proc work for the next ticks.
    std::deque<quint64> m_zombieCandidates; // just ended: still a zombie?
    std::deque<quint64> m_zombies;          // zombies: reaped yet?
    std::deque<quint64> m_newOrphans;       // whose new parent to read
    QTimer *m_procTimer = nullptr;
    QTimer *m_sampleTimer = nullptr; // approximate mode: the tree sampled from /proc
};

} // namespace ProcLab

Q_DECLARE_METATYPE(ProcLab::DescendantTracker::Changes)
Q_DECLARE_METATYPE(ProcLab::DescendantTracker::Note)
