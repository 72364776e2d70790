#pragma once

#include <QString>
#include <QtGlobal>

namespace ProcLab {

// Something the monitor did or saw happen to a worker: shown inline in the output ("terminating
// 4260 (SIGTERM)…") and, headless, printed on stderr after "proclab: ".
struct WorkerEvent
{
    enum class Kind {
        Started,
        FailedToStart,
        TerminateSent, // SIGTERM to the group
        KillSent,      // SIGKILL to the group (user's Kill, or the grace period ran out)
        Paused,        // SIGSTOP to the group
        Resumed,       // SIGCONT to the group
        SignalSent,    // another signal the user chose (INT, HUP, USR1…)
        Ended,
        LeftoversStopped, // the worker ended but processes of its group were still alive
        // A signal to one process of the worker's tree alone, not its group (pid is that
        // process): "terminate this process", as Python's Process.terminate() does.
        ProcessSignalSent,
        // The worker's program ended while processes of its tree still ran: they are kept, as
        // orphans, until they end or the user stops them.
        OrphansKept,
        // A multiprocessing call a Python worker made (Worker::pythonCalls()): pid is the caller.
        PythonCall,
    };

    Kind kind = Kind::Started;
    int workerId = 0;
    qint64 pid = 0;
    qint64 timestampMs = 0;
    int signalNumber = 0; // with SignalSent and ProcessSignalSent
    QString text;
};

} // namespace ProcLab
