#pragma once

#include "tracerwriter.h"

#include <csignal>
#include <ctime>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ProcLab::WorkerProgram {

// Follows every process a program creates, with ptrace, and reports each one's life as records
// (core/traceprotocol.h): `proclab-worker trace [--events-fd N] -- PROGRAM ARGS...`.
//
// The program is the tracer's child; every process it creates, to any depth, is traced from its
// first instruction by the kernel itself (PTRACE_O_TRACEFORK/VFORK/CLONE), so even one that lives
// a millisecond is seen. The tracer never stops a process on a system call: only on fork, exec,
// signals and exit, the events it reports. Every signal is delivered as it was sent, and a
// group-stop is left in place with PTRACE_LISTEN, so that pausing the group with SIGSTOP really
// pauses it and SIGCONT resumes it (as strace does with PTRACE_SEIZE).
//
// The tracer does not change how the program is stopped or how its end reads:
// - When it leads a process group (ProcLab starts it so), the program leads a new group of its
//   own, as it would untraced: its PID is its group's ID, the PID the window shows, and the
//   group ProcLab signals. The tracer stays out of that group, so that a SIGSTOP to the group
//   pauses the program without pausing the tracer, which must see and report the group-stop.
// - It ignores every signal it can anyway (it may share a group with the program when it was
//   started outside ProcLab), so that a SIGTERM to the group cannot kill it first:
//   PTRACE_O_EXITKILL would then SIGKILL the whole tree.
// - It runs while any traced process lives, orphans included, and then ends the way the program
//   did: the same exit status, or the same signal raised on itself.
// - If it dies (SIGKILL, or its parent's death through PR_SET_PDEATHSIG), the kernel kills every
//   process it traces (PTRACE_O_EXITKILL), even one that left the program's group: killing the
//   tracer is how to stop a whole followed tree.
//
// A program that traces its own children (strace, gdb: known by name) is followed itself, but
// each child it creates is let go in its first stop, so that it can trace it; such a subtree is
// not followed (a note says so), and its top process's end is looked up in /proc.
//
// Where ptrace is refused (EPERM: some containers, Yama ptrace_scope 3; or PROCLAB_TRACE_REFUSE=1
// for tests), the program runs untraced and a note says the following is approximate.
class Tracer final
{
public:
    explicit Tracer(TraceWriter &writer);

    // Runs the program to the end of its last traced descendant; returns the program's raw wait
    // status, or a negative number when it could not be started at all.
    int run(char **programArguments);

private:
    struct Task
    {
        pid_t threadGroupId = 0; // the process this thread belongs to; its own TID for a leader
        // A nested tracer's new child is let go in its first stop; its parent (this TID) waits
        // until then.
        pid_t waitingParent = 0;
    };
    // A process that reported a stop before its parent reported creating it.
    struct Held
    {
        pid_t parentPid = 0;
        timespec since{};
        std::vector<int> statuses;
    };
    // A process we detached from (a nested tracer's child), watched through /proc until it ends.
    struct Detached
    {
        unsigned long long startTime = 0;
    };

    pid_t startRoot(char **programArguments);
    bool hasTracees() const;
    void waitForEvents();
    void handle(pid_t tid, int status);
    void handleKnown(pid_t tid, int status);
    bool handleNewTask(pid_t parentTid, pid_t parentProcess, int event);
    void handleExec(pid_t tid);
    void handleExit(pid_t tid, pid_t process, int status);
    void hold(pid_t tid, int status);
    void adopt(pid_t tid, const Task &task, pid_t parentPid, const char *how);
    void detach(pid_t tid, int signalNumber);
    void releaseHeldChildrenOf(pid_t parentPid);
    void releaseStaleHeld();
    void pollDetached();
    void forgetEverything();
    bool isNestedTracer(const std::string &executable, const std::string &arguments) const;
    void resume(pid_t tid, int signalNumber);

    TraceWriter &m_writer;
    pid_t m_root = 0;
    int m_rootStatus = -1;
    bool m_traced = false;
    bool m_privilegesSurviveTracing = false;
    struct stat m_ownExecutable = {};

    std::unordered_map<pid_t, Task> m_tasks;      // every traced thread, by TID
    std::unordered_set<pid_t> m_stoppedProcesses; // in a group-stop, by process ID
    std::unordered_set<pid_t> m_nestedTracers;    // processes running strace, gdb…
    std::unordered_map<pid_t, Held> m_held;
    std::unordered_map<pid_t, Detached> m_detached;
};

} // namespace ProcLab::WorkerProgram
