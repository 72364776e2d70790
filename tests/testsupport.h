#pragma once

#include "workerspec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

// What the tests check in the operating system rather than in our own bookkeeping.
//
// PID 1 of the test machines does not reap orphans: a dead grandchild lingers as a zombie with PPid 1.
// So "alive" here always means "exists and is not a zombie".
namespace TestSupport {

inline QString workerProgram()
{
    return QStringLiteral(PROCLAB_WORKER_PATH);
}
inline QString proclabProgram()
{
    return QStringLiteral(PROCLAB_BINARY_PATH);
}
inline QString sourceDirectory()
{
    return QStringLiteral(PROCLAB_SOURCE_DIR);
}

// A worker that runs proclab-worker in this mode: workerSpec({"count", "--interval-ms", "100"}).
inline ProcLab::WorkerSpec workerSpec(const QStringList &modeAndArguments)
{
    ProcLab::WorkerSpec spec;
    spec.arguments = QStringList{workerProgram()} + modeAndArguments;
    return spec;
}

// Memory figures mean little under AddressSanitizer, whose own bookkeeping dominates them.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool UnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool UnderAddressSanitizer = true;
#else
constexpr bool UnderAddressSanitizer = false;
#endif
#else
constexpr bool UnderAddressSanitizer = false;
#endif

// The state letter of /proc/PID/stat ('R', 'S', 'T', 'Z'…), or 0 when no such process exists.
char processState(qint64 pid);
// Exists and is not a zombie.
bool isAlive(qint64 pid);
// Parent PID from /proc, or 0.
qint64 parentPid(qint64 pid);
// Live (non-zombie) members of a process group.
QList<qint64> liveGroupMembers(qint64 processGroupId);
// Children of pid, live ones only.
QList<qint64> liveChildren(qint64 pid);
// Open file descriptors of this process.
int openFileDescriptorCount();
// Zombie children of this process (reaped by nobody yet).
int zombieChildCount();

// The seed tutorial's two scripts, exactly as it gives them, for tests that run them as a user
// would. Example 1 makes each Process on line 13 and start()s it on line 14; example 2 start()s its
// counting Process on line 19 and terminate()s it on line 21, five seconds later.
QByteArray tutorialExample1();
QByteArray tutorialExample2();

} // namespace TestSupport
