#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QtGlobal>

namespace ProcLab {

// How a process came to be, as the tracer saw it.
enum class ProcessOrigin { Root, Fork, Vfork, Clone, Unknown };

// One record of the tracer's channel (traceprotocol.h), parsed. Text stays bytes: arguments and
// paths need not be UTF-8, and the consumer decides how to show them.
struct TraceEvent
{
    enum class Kind { Hello, Start, Exec, Signal, Stop, Continue, Exit, Detach, Lost, Note, End };

    Kind kind = Kind::Hello;
    qint64 timeUs = 0; // CLOCK_REALTIME, microseconds since the epoch
    qint64 pid = 0;    // Hello: the tracer's own PID; Note: 0 when it concerns no process

    qint64 parentPid = 0;                          // Start
    ProcessOrigin origin = ProcessOrigin::Unknown; // Start
    int version = 0;                               // Hello
    int signalNumber = 0;                          // Signal, Stop
    int waitStatus = 0;                            // Exit, End: raw, as waitpid gives it
    QByteArray executable;                         // Exec
    QList<QByteArray> arguments;                   // Exec
    qint64 argumentCount = 0; // Exec: more than arguments.size() when cut short
    QByteArray code;          // Note: approximate, privileges, nested-tracer, error
    QByteArray text;          // Note
};

} // namespace ProcLab

Q_DECLARE_METATYPE(ProcLab::TraceEvent)
