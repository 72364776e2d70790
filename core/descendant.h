#pragma once

#include "exitinfo.h"
#include "traceevent.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ProcLab {

enum class DescendantState {
    Running,
    Stopped, // in a group-stop: paused by SIGSTOP, SIGTSTP…
    Zombie,  // ended, and not yet reaped by its parent: /proc still lists it as Z
    Ended,
};

struct ReceivedSignal
{
    qint64 timeUs = 0;
    int signalNumber = 0;
};

// An exec, with the program it started: the timeline marks each one where it happened.
struct ExecRecord
{
    qint64 timeUs = 0;
    QString name; // the program's file name, as Descendant::name() gives it
};

// One process of a followed tree, as DescendantTracker knows it: the program itself (the root)
// or any process it created, to any depth.
struct Descendant
{
    static constexpr int MaxRecentSignals = 8;
    static constexpr int MaxRecentExecs = 8;

    quint64 id = 0;       // unique in its tracker and never reused, unlike a PID
    quint64 parentId = 0; // the entry of the process that created it; 0 for the root
    qint64 pid = 0;
    qint64 parentPid = 0; // the process that created it (the root's is the tracer)
    // Its parent ended while it ran: the system gave it another parent, reparentedTo (read from
    // /proc; 0 until read, or if it ended first).
    bool orphan = false;
    qint64 reparentedTo = 0;
    // False for a child of a program that traces its own (strace, gdb): ProcLab stepped aside,
    // its descendants are not seen and its end is read from /proc, without its status if its
    // parent reaped it first. False too for every process sampled from /proc when tracing was
    // refused (DescendantTracker::isApproximate()).
    bool followed = true;
    ProcessOrigin origin = ProcessOrigin::Unknown;

    // What it runs: argv of its last exec. A child that has not exec'd runs its parent's
    // program, and shows its parent's (as ps does).
    QString executable;
    QStringList arguments;
    bool argumentsCut = false; // the tracer cut a very long argv short
    int execCount = 0;
    QList<ExecRecord> recentExecs; // the last MaxRecentExecs execs

    DescendantState state = DescendantState::Running;
    qint64 startTimeUs = 0; // wall clock, microseconds since the epoch
    qint64 endTimeUs = 0;   // 0 while it runs
    // Seen reaped after it was seen a zombie: when /proc stopped listing it (to the quarter-second
    // tick that looks); 0 otherwise.
    qint64 reapTimeUs = 0;
    int waitStatus = -1; // raw; -1 while it runs, or when how it ended is unknown
    ExitInfo exitInfo;   // read the three ways a worker's exit is; NotEnded if unknown

    qint64 signalCount = 0;              // signals it received, SIGCHLD included
    QList<ReceivedSignal> recentSignals; // the last MaxRecentSignals of them

    bool isAlive() const
    {
        return state == DescendantState::Running || state == DescendantState::Stopped;
    }
    QDateTime startTime() const { return QDateTime::fromMSecsSinceEpoch(startTimeUs / 1000); }
    QDateTime endTime() const
    {
        return endTimeUs > 0 ? QDateTime::fromMSecsSinceEpoch(endTimeUs / 1000) : QDateTime();
    }
    // The program's file name: "python3".
    QString name() const;
};

} // namespace ProcLab
