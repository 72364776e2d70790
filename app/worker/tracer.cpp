// The trace mode: follows every descendant of a program with ptrace (see tracer.h).

#include "tracer.h"

#include "modes.h"
#include "support.h"
#include "traceprotocol.h"
#include "tracerprocfs.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcLab::WorkerProgram {

namespace {

constexpr long PtraceOptions = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE
                               | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;

// A process whose parent never reported creating it (the parent was killed in between) is let go
// after this long, with "unknown" as how it was created.
constexpr long long HeldTimeoutMs = 1000;
// How often detached processes are looked up in /proc.
constexpr long long DetachedPollMs = 50;

// Programs known to trace their own children, which they cannot do while we trace them.
const char *const NestedTracers[] = {"strace",
                                     "ltrace",
                                     "gdb",
                                     "gdb-multiarch",
                                     "gdbserver",
                                     "lldb",
                                     "lldb-server",
                                     "rr",
                                     "proot"};

void report(const std::string &message)
{
    std::fprintf(stderr, "proclab-worker trace: %s\n", message.c_str());
}

// The tracer ignores every signal it can, so that a signal meant for the program's group neither
// kills it first (which would SIGKILL the whole tree through PTRACE_O_EXITKILL) nor takes any
// action. The program must get the dispositions the tracer was started with: they are restored
// in the child before exec (an ignored signal would otherwise stay ignored across exec).
// SIGCHLD stays as it is (blocked, for sigtimedwait); a real fault (SIGSEGV…) still kills the
// tracer, since the kernel forces a fault's signal even when it is ignored.
class SignalDispositions final
{
public:
    void ignoreAll()
    {
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        for (int signalNumber = 1; signalNumber < NSIG; ++signalNumber) {
            if (signalNumber == SIGKILL || signalNumber == SIGSTOP || signalNumber == SIGCHLD
                || signalNumber == SIGCONT)
                continue;
            // glibc refuses its own two real-time signals (32, 33): they keep their default.
            m_saved[signalNumber] = sigaction(signalNumber, &ignore, &m_original[signalNumber])
                                    == 0;
        }
    }

    // In the child, between fork and exec: sigaction and sigprocmask only.
    void restore(const sigset_t &mask) const
    {
        for (int signalNumber = 1; signalNumber < NSIG; ++signalNumber) {
            if (m_saved[signalNumber])
                sigaction(signalNumber, &m_original[signalNumber], nullptr);
        }
        sigprocmask(SIG_SETMASK, &mask, nullptr);
    }

private:
    struct sigaction m_original[NSIG] = {};
    bool m_saved[NSIG] = {};
};

SignalDispositions dispositions;
sigset_t originalMask;

bool isStopSignal(int signalNumber)
{
    return signalNumber == SIGSTOP || signalNumber == SIGTSTP || signalNumber == SIGTTIN
           || signalNumber == SIGTTOU;
}

// tgkill(tid, tid, 0) finds a thread-group leader only: a new thread's TID is not its group's.
bool isProcess(pid_t tid)
{
    return syscall(SYS_tgkill, tid, tid, 0) == 0 || errno != ESRCH;
}

long long elapsedMs(const timespec &since)
{
    const timespec now = monotonicNow();
    return (now.tv_sec - since.tv_sec) * 1000LL + (now.tv_nsec - since.tv_nsec) / 1000000LL;
}

std::string baseName(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Exits the way a process with this wait status did: the same code, or the same signal.
[[noreturn]] void exitLike(int status)
{
    if (WIFSIGNALED(status)) {
        const int signalNumber = WTERMSIG(status);
        // The program dumped its own core if it was going to; ours would only mislead.
        rlimit noCore = {};
        setrlimit(RLIMIT_CORE, &noCore);
        struct sigaction deflt = {};
        deflt.sa_handler = SIG_DFL;
        sigemptyset(&deflt.sa_mask);
        sigaction(signalNumber, &deflt, nullptr);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, signalNumber);
        sigprocmask(SIG_UNBLOCK, &only, nullptr);
        raise(signalNumber);
        _exit(128 + signalNumber); // a signal that cannot kill (reached only if it did not)
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

} // namespace

Tracer::Tracer(TraceWriter &writer)
    : m_writer(writer)
{
    m_privilegesSurviveTracing = TracerProcfs::haveSysPtraceCapability();
    stat("/proc/self/exe", &m_ownExecutable);
}

pid_t Tracer::startRoot(char **programArguments)
{
    // When the tracer leads its group (ProcLab starts it so), the program leads a group of its
    // own, as it would untraced, and the tracer stays out of it: a SIGSTOP to the program's
    // group must not stop the tracer too, or nothing would see the group-stop.
    const pid_t tracerPid = getpid();
    const bool newGroup = getpgrp() == tracerPid;

    int go[2];
    if (pipe2(go, O_CLOEXEC) != 0) {
        report(std::string("pipe: ") + std::strerror(errno));
        return -1;
    }
    // Every signal stays blocked across fork until the child has put back the dispositions the
    // program must get: none may reach it while it still has the tracer's.
    sigset_t all;
    sigset_t tracerMask;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &tracerMask);
    const pid_t child = fork();
    if (child == 0) {
        dispositions.restore(originalMask);
        close(go[1]);
        if (newGroup)
            setpgid(0, 0);
        // Until the tracer has seized it, nothing else would stop it surviving the tracer.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != tracerPid)
            _exit(127);
        char byte = 0;
        ssize_t got = 0;
        do {
            got = read(go[0], &byte, 1);
        } while (got < 0 && errno == EINTR);
        if (got != 1)
            _exit(127); // the tracer died before it could let us go
        close(go[0]);
        execvp(programArguments[0], programArguments);
        const int execErrno = errno;
        std::fprintf(stderr,
                     "proclab-worker trace: cannot run '%s': %s\n",
                     programArguments[0],
                     std::strerror(execErrno));
        _exit(execErrno == ENOENT ? 127 : 126);
    }
    sigprocmask(SIG_SETMASK, &tracerMask, nullptr);
    close(go[0]);
    if (child < 0) {
        report(std::string("fork: ") + std::strerror(errno));
        close(go[1]);
        return -1;
    }
    if (newGroup)
        setpgid(child, child); // both of us, as shells do: the group exists before exec

    const char *refuse = std::getenv("PROCLAB_TRACE_REFUSE");
    long seized = -1;
    if (refuse && std::strcmp(refuse, "1") == 0)
        errno = EPERM;
    else
        seized = ptrace(PTRACE_SEIZE, child, nullptr, reinterpret_cast<void *>(PtraceOptions));
    m_traced = seized == 0;
    if (!m_traced) {
        const int seizeErrno = errno;
        m_writer.note(0,
                      TraceProtocol::NoteCode::Approximate,
                      std::string("ptrace: ") + std::strerror(seizeErrno));
    }
    m_root = child;
    m_tasks[child] = Task{child};
    m_writer.start(child, tracerPid, TraceProtocol::How::Root);
    m_writer.flush();

    while (write(go[1], "g", 1) < 0 && errno == EINTR) {
    }
    close(go[1]);
    return child;
}

bool Tracer::hasTracees() const
{
    return !m_tasks.empty() || !m_held.empty() || !m_detached.empty();
}

int Tracer::run(char **programArguments)
{
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    // Blocked, SIGCHLD stays pending until a wait takes it (waitForEvents). The program gets the
    // mask we were given, without that.
    sigprocmask(SIG_BLOCK, &childSignal, &originalMask);
    dispositions.ignoreAll();

    if (startRoot(programArguments) < 0)
        return -1;

    while (hasTracees()) {
        // Handle everything that is ready, then write the records of the whole burst at once.
        for (;;) {
            int status = 0;
            const pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);
            if (tid > 0) {
                handle(tid, status);
                continue;
            }
            if (tid < 0 && errno == EINTR)
                continue;
            if (tid < 0 && errno == ECHILD && m_detached.empty())
                forgetEverything(); // no child and no tracee: nothing can report any more
            break;
        }
        if (!m_held.empty())
            releaseStaleHeld();
        if (!m_detached.empty())
            pollDetached();
        m_writer.flush();
        if (hasTracees())
            waitForEvents();
    }
    m_writer.end(m_rootStatus);
    m_writer.flush();
    return m_rootStatus;
}

void Tracer::waitForEvents()
{
    if (m_held.empty() && m_detached.empty()) {
        // Nothing to look after on a timer: sleep in waitpid itself, one system call less per
        // event than a signal wait (most events come alone).
        int status = 0;
        const pid_t tid = waitpid(-1, &status, __WALL);
        if (tid > 0)
            handle(tid, status);
        else if (errno == ECHILD)
            forgetEverything();
        return;
    }
    // Every ptrace stop and every tracee's death sends us SIGCHLD; it stays pending while blocked,
    // so one that arrived after the last waitpid ends this wait at once.
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    const long long timeoutMs = m_detached.empty() ? HeldTimeoutMs / 4 : DetachedPollMs;
    timespec timeout{};
    timeout.tv_sec = static_cast<time_t>(timeoutMs / 1000);
    timeout.tv_nsec = static_cast<long>(timeoutMs % 1000) * 1000000L;
    sigtimedwait(&childSignal, nullptr, &timeout);
}

void Tracer::handle(pid_t tid, int status)
{
    if (m_tasks.count(tid) == 0) {
        hold(tid, status);
        return;
    }
    handleKnown(tid, status);
}

void Tracer::handleKnown(pid_t tid, int status)
{
    const Task task = m_tasks[tid];
    const pid_t process = task.threadGroupId;
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        handleExit(tid, process, status);
        return;
    }
    if (!WIFSTOPPED(status))
        return;
    const int signalNumber = WSTOPSIG(status);
    const int event = status >> 16;
    if (task.waitingParent != 0) {
        detach(tid, event == 0 ? signalNumber : 0);
        resume(task.waitingParent, 0);
        return;
    }
    switch (event) {
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        if (!handleNewTask(tid, process, event))
            resume(tid, 0);
        break;
    case PTRACE_EVENT_EXEC:
        handleExec(tid);
        break;
    case PTRACE_EVENT_STOP:
        if (isStopSignal(signalNumber)) {
            // A group-stop: leave it stopped, but keep listening for SIGCONT and new events.
            if (m_stoppedProcesses.insert(process).second)
                m_writer.stop(process, signalNumber);
            ptrace(PTRACE_LISTEN, tid, nullptr, nullptr);
        } else {
            // The first stop of a new tracee, or the end of a group-stop (SIGCONT).
            if (m_stoppedProcesses.erase(process) != 0)
                m_writer.resume(process);
            // Its start goes out before it runs: the core tells a child's start before its
            // first line only if the record is on the channel before the line is in the pipe.
            m_writer.flush();
            resume(tid, 0);
        }
        break;
    case 0:
        // A signal on its way to the process: report it and let it through as it was sent.
        m_writer.signal(process, signalNumber);
        resume(tid, signalNumber);
        break;
    default:
        resume(tid, 0);
        break;
    }
}

// Returns true when the parent must wait: a nested tracer's child is let go first, or the
// parent could try to trace it while we still do, and fail.
bool Tracer::handleNewTask(pid_t parentTid, pid_t parentProcess, int event)
{
    unsigned long message = 0;
    if (ptrace(PTRACE_GETEVENTMSG, parentTid, nullptr, &message) != 0)
        return false;
    const auto tid = static_cast<pid_t>(message);
    if (tid <= 0 || m_tasks.count(tid) != 0)
        return false;
    // A clone makes a thread or, without CLONE_THREAD, a process; threads are followed (their
    // forks and signals matter) but never reported.
    if (event == PTRACE_EVENT_CLONE && !isProcess(tid)) {
        adopt(tid, Task{parentProcess}, parentProcess, TraceProtocol::How::Clone);
        return false;
    }
    const char *how = event == PTRACE_EVENT_FORK    ? TraceProtocol::How::Fork
                      : event == PTRACE_EVENT_VFORK ? TraceProtocol::How::Vfork
                                                    : TraceProtocol::How::Clone;
    const bool nested = m_nestedTracers.count(parentProcess) != 0;
    adopt(tid, Task{tid, nested ? parentTid : 0}, parentProcess, how);
    // Already detached, if it had stopped before its parent's event came.
    return nested && m_tasks.count(tid) != 0;
}

// Starts following a new thread or process (announcing a process), then replays what it
// reported while it was held.
void Tracer::adopt(pid_t tid, const Task &task, pid_t parentPid, const char *how)
{
    m_tasks[tid] = task;
    if (tid == task.threadGroupId)
        m_writer.start(tid, parentPid, how);
    const auto held = m_held.find(tid);
    if (held == m_held.end())
        return;
    const std::vector<int> statuses = held->second.statuses;
    m_held.erase(held);
    for (const int status : statuses) {
        if (m_tasks.count(tid) != 0)
            handleKnown(tid, status);
    }
}

void Tracer::handleExec(pid_t tid)
{
    // The exec'ing thread now has the process's ID (tid); if another thread exec'd, its old TID
    // is gone without an exit report.
    unsigned long formerTid = 0;
    if (ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &formerTid) == 0
        && static_cast<pid_t>(formerTid) != tid)
        m_tasks.erase(static_cast<pid_t>(formerTid));
    m_tasks[tid] = Task{tid};

    std::size_t argumentCount = 0;
    const std::string arguments = TracerProcfs::readCommandLine(tid,
                                                                TraceProtocol::MaxArgumentBytes,
                                                                argumentCount);
    const std::string executable = TracerProcfs::readExecutable(tid);
    m_writer.exec(tid, executable, arguments, argumentCount);

    if (!m_privilegesSurviveTracing && TracerProcfs::execLostPrivileges(tid))
        m_writer.note(tid, TraceProtocol::NoteCode::Privileges, executable);

    // A program that traces its own children (strace, gdb) cannot while we trace them: a process
    // has one tracer. We keep following it, and step aside for each child it creates.
    if (isNestedTracer(executable, arguments)) {
        if (m_nestedTracers.insert(tid).second)
            m_writer.note(tid, TraceProtocol::NoteCode::NestedTracer, executable);
    } else {
        m_nestedTracers.erase(tid);
    }
    m_writer.flush(); // the exec is told before the new program writes anything
    resume(tid, 0);
}

// Lets a child go that a nested tracer created, in its first stop, before it runs any code of
// its own: then its parent can trace it. Its end is looked up in /proc from then on.
void Tracer::detach(pid_t tid, int signalNumber)
{
    TracerProcfs::Stat stat;
    TracerProcfs::readStat(tid, stat);
    m_writer.detach(tid);
    m_tasks.erase(tid);
    m_stoppedProcesses.erase(tid);
    m_detached[tid] = Detached{stat.startTime};
    ptrace(PTRACE_DETACH, tid, nullptr, reinterpret_cast<void *>(static_cast<long>(signalNumber)));
}

bool Tracer::isNestedTracer(const std::string &executable, const std::string &arguments) const
{
    const std::string name = baseName(executable);
    for (const char *tracer : NestedTracers) {
        if (name == tracer)
            return true;
    }
    // Another tracer of ours (ProcLab run under ProcLab): "proclab-worker\0trace\0…".
    struct stat file = {};
    if (stat(executable.c_str(), &file) == 0 && file.st_dev == m_ownExecutable.st_dev
        && file.st_ino == m_ownExecutable.st_ino) {
        const std::size_t firstEnd = arguments.find('\0');
        return firstEnd != std::string::npos
               && arguments.compare(firstEnd + 1, 6, "trace\0", 6) == 0;
    }
    return false;
}

void Tracer::handleExit(pid_t tid, pid_t process, int status)
{
    const pid_t waitingParent = m_tasks[tid].waitingParent;
    m_tasks.erase(tid);
    if (waitingParent != 0)
        resume(waitingParent, 0); // killed before it could be let go
    if (tid != process)
        return; // a thread ended; its process lives on
    m_stoppedProcesses.erase(process);
    m_nestedTracers.erase(process);
    m_writer.exit(process, status);
    if (process == m_root)
        m_rootStatus = status;
    if (!m_held.empty())
        releaseHeldChildrenOf(process);
}

void Tracer::hold(pid_t tid, int status)
{
    // Its parent's fork event has not arrived yet (the two race): keep it stopped until it does,
    // so that its start is reported before anything it does.
    auto [held, isNew] = m_held.try_emplace(tid);
    if (isNew) {
        TracerProcfs::Stat stat;
        if (TracerProcfs::readStat(tid, stat))
            held->second.parentPid = stat.parentPid;
        held->second.since = monotonicNow();
    }
    held->second.statuses.push_back(status);
}

void Tracer::releaseHeldChildrenOf(pid_t parentPid)
{
    // The parent died between creating them and reporting it: its event will never come.
    std::vector<pid_t> orphans;
    for (const auto &[tid, held] : m_held) {
        if (held.parentPid == parentPid)
            orphans.push_back(tid);
    }
    for (const pid_t tid : orphans)
        adopt(tid, Task{tid}, parentPid, TraceProtocol::How::Unknown);
}

void Tracer::releaseStaleHeld()
{
    std::vector<pid_t> stale;
    for (const auto &[tid, held] : m_held) {
        if (elapsedMs(held.since) >= HeldTimeoutMs)
            stale.push_back(tid);
    }
    for (const pid_t tid : stale) {
        const pid_t parentPid = m_held[tid].parentPid;
        const pid_t process = isProcess(tid) ? tid : TracerProcfs::readThreadGroupId(tid);
        const bool thread = process != tid && process != 0 && m_tasks.count(process) != 0;
        adopt(tid, Task{thread ? process : tid}, parentPid, TraceProtocol::How::Unknown);
    }
}

void Tracer::pollDetached()
{
    std::vector<pid_t> ended;
    for (const auto &[pid, detached] : m_detached) {
        TracerProcfs::Stat stat;
        if (!TracerProcfs::readStat(pid, stat) || stat.startTime != detached.startTime) {
            m_writer.lost(pid);
            ended.push_back(pid);
        } else if (stat.state == 'Z' || stat.state == 'X') {
            if (stat.exitCode >= 0)
                m_writer.exit(pid, stat.exitCode);
            else
                m_writer.lost(pid);
            ended.push_back(pid);
        }
    }
    for (const pid_t pid : ended)
        m_detached.erase(pid);
}

void Tracer::forgetEverything()
{
    // Only reached if the kernel has nothing left to report while we still count tracees.
    for (const auto &[tid, task] : m_tasks) {
        if (tid == task.threadGroupId)
            m_writer.lost(tid);
    }
    for (const auto &[tid, held] : m_held)
        m_writer.lost(tid);
    m_tasks.clear();
    m_held.clear();
    m_stoppedProcesses.clear();
    m_nestedTracers.clear();
}

void Tracer::resume(pid_t tid, int signalNumber)
{
    // ESRCH: it was killed meanwhile (SIGKILL needs no stop); its death is reported next.
    ptrace(PTRACE_CONT, tid, nullptr, reinterpret_cast<void *>(static_cast<long>(signalNumber)));
}

namespace {

void printTraceUsage(std::FILE *stream)
{
    std::fprintf(stream,
                 "Usage: proclab-worker trace [--events-fd N] [--] PROGRAM [ARGUMENTS...]\n"
                 "      Run PROGRAM and follow every process it creates (ptrace), writing one\n"
                 "      record per event to descriptor N (core/traceprotocol.h); exit as PROGRAM\n"
                 "      did. PROCLAB_TRACE_REFUSE=1 acts as if ptrace were refused.\n");
}

} // namespace

int runTrace(int argc, char **argv)
{
    int eventsFd = -1;
    int first = 0;
    for (; first < argc; ++first) {
        const std::string argument = argv[first];
        if (argument == "--") {
            ++first;
            break;
        }
        if (argument == "--help" || argument == "-h") {
            printTraceUsage(stdout);
            return 0;
        }
        std::string value;
        if (argument == "--events-fd") {
            if (first + 1 >= argc) {
                report("option --events-fd needs a value");
                return 2;
            }
            value = argv[++first];
        } else if (argument.rfind("--events-fd=", 0) == 0) {
            value = argument.substr(12);
        } else if (!argument.empty() && argument[0] == '-') {
            report("unknown option '" + argument + "'");
            printTraceUsage(stderr);
            return 2;
        } else {
            break; // the program
        }
        char *end = nullptr;
        const long fd = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || fd < 0 || fd > 1000000) {
            report("bad number for --events-fd: '" + value + "'");
            return 2;
        }
        eventsFd = static_cast<int>(fd);
    }
    if (first >= argc) {
        report("missing PROGRAM");
        printTraceUsage(stderr);
        return 2;
    }

    // Die with our parent (ProcLab already asks this of its workers; a test may not): the kernel
    // then kills every tracee through PTRACE_O_EXITKILL.
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        return 1;

    if (eventsFd >= 0) {
        if (fcntl(eventsFd, F_GETFD) < 0) {
            report("--events-fd " + std::to_string(eventsFd) + " is not open");
            eventsFd = -1;
        } else if (eventsFd > STDERR_FILENO) {
            // The program must not inherit the channel (nor keep it open after we end).
            fcntl(eventsFd, F_SETFD, FD_CLOEXEC);
        }
    }
    TraceWriter writer(eventsFd);
    writer.hello(getpid());

    Tracer tracer(writer);
    const int status = tracer.run(argv + first);
    if (status < 0)
        return 127;
    exitLike(status);
}

} // namespace ProcLab::WorkerProgram
