#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace ProcLab {

// A multiprocessing call a Python worker made, as ProcLab's Python hook reported it
// (resources/python/, core/pythonchannel.h): the tutorial's Process(...), start(), terminate(),
// join() and the rest, with the process that called it, the process it was about, and the line of
// the program that called it.
struct PythonCall
{
    // As the record writes it (docs/record-format.md, kind "python"). An open set: a later hook
    // may report calls this version does not know; they are kept and shown by name.
    //   "Process"         Process(name, target, args) made (no target PID yet)
    //   "start"           start() returned: target is the new process
    //   "terminate"       terminate() called: SIGTERM to target
    //   "kill"            kill() called: SIGKILL to target
    //   "join"            join() called, waiting for target
    //   "joined"          join() returned (exitCode when target had ended)
    //   "close"           close()
    //   "exitcode"        the program read target's exitcode (exitCode, if it had ended)
    //   "Pool"            Pool(n) made, with its worker processes in pids
    //   "Pool.map"        map() called (function), "Pool.mapped" when it returned
    //   "Pool.close", "Pool.terminate", "Pool.join"
    QString call;
    qint64 timeUs = 0; // wall clock, microseconds since the epoch (as Descendant's times)
    qint64 pid = 0;    // the process that called it
    qint64 target = 0; // the process it was about; 0 when none (Process() before start(), Pool)
    QString name;      // the Process's name: "Process-1"
    QString function;  // its target function ("sub_func"), or the function Pool.map ran
    QString arguments; // its args as Python writes them, cut short: "('서브 프로그램 0',)"
    bool hasExitCode = false;
    int exitCode = 0;   // Python's convention: -15 for SIGTERM
    QList<qint64> pids; // "Pool": its worker processes
    QString file;       // where the program called it: its source file, absolute
    int line = 0;       // and the line in it (1-based); 0 when unknown

    // What happened, for the event log: "4250 called p.start() → 4251 (Process-1)".
    QString text() const;
};

} // namespace ProcLab

Q_DECLARE_METATYPE(ProcLab::PythonCall)
