#pragma once

#include <cstddef>
#include <string>
#include <sys/types.h>

namespace ProcLab::WorkerProgram::TracerProcfs {

// What the tracer reads about a process from /proc: small, allocation-light readers, each a few
// system calls, because the tracer calls them while a traced process waits for it.

// /proc/PID/cmdline: the arguments, each followed by a NUL, at most maxBytes of them;
// argumentCount counts them all, beyond maxBytes too.
std::string readCommandLine(pid_t pid, std::size_t maxBytes, std::size_t &argumentCount);
// The target of /proc/PID/exe, or empty.
std::string readExecutable(pid_t pid);

struct Stat
{
    char state = '?';
    pid_t parentPid = 0;
    unsigned long long startTime = 0; // clock ticks after boot: tells a reused PID apart
    int exitCode = -1;                // the raw wait status of a zombie (field 52), else -1
};
// /proc/PID/stat; false when the process is gone.
bool readStat(pid_t pid, Stat &stat);
// The thread-group ID of a thread (Tgid in /proc/PID/status), or 0.
pid_t readThreadGroupId(pid_t tid);

// True when the program pid has just exec'd is set-user-ID, set-group-ID or has file
// capabilities that would have changed its credentials, had it not been traced by a tracer
// without CAP_SYS_PTRACE.
bool execLostPrivileges(pid_t pid);
// CAP_SYS_PTRACE in this process's effective set: then the kernel applies set-user-ID even
// under trace, and nothing is lost.
bool haveSysPtraceCapability();

} // namespace ProcLab::WorkerProgram::TracerProcfs
