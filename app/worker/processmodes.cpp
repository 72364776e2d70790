// The modes that exercise how ProcLab stops and watches processes: workers that ignore SIGTERM,
// crash, exit with a status, fork children (inside or outside their group), burn CPU or hold
// memory.

#include "arguments.h"
#include "modes.h"
#include "support.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ProcLab::WorkerProgram {

namespace {

constexpr long long MaxSeconds = MaxMilliseconds / 1000;

// Keeps alloc's block reachable through a volatile object, so the compiler cannot prove the
// memset dead and drop it: the pages must really be resident.
char *volatile heldMemory = nullptr;

void reapChildren(int)
{
    const int savedErrno = errno;
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    errno = savedErrno;
}

// A child that dies must not linger as a zombie in the monitor's process table.
void installChildReaper()
{
    struct sigaction action = {};
    action.sa_handler = reapChildren;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &action, nullptr);
}

void ignoreSignal(int signalNumber)
{
    struct sigaction action = {};
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    sigaction(signalNumber, &action, nullptr);
}

// Each child writes one byte to the pipe after printing its line; reading them all tells the
// parent that every child's line is out, so the parent's own line can come last. Returns how
// many children got that far (fewer if some died first).
long long waitForReadyChildren(int readFd, long long expected)
{
    long long ready = 0;
    char byte = 0;
    while (ready < expected) {
        const ssize_t got = read(readFd, &byte, 1);
        if (got == 1)
            ++ready;
        else if (got < 0 && errno == EINTR)
            continue;
        else
            break;
    }
    return ready;
}

void announceReady(int writeFd)
{
    writeAll(writeFd, "r");
    close(writeFd);
}

[[noreturn]] void becomeSleepingChild(const int readyPipe[2], bool ignoreTerm)
{
    close(readyPipe[0]);
    // Before announcing: once the parent's line is out, a test may send SIGTERM at once.
    if (ignoreTerm)
        ignoreSignal(SIGTERM);
    std::printf("child %ld of %ld\n", static_cast<long>(getpid()), static_cast<long>(getppid()));
    announceReady(readyPipe[1]);
    sleepForever();
}

[[noreturn]] void becomeEscapedChild(const int readyPipe[2])
{
    close(readyPipe[0]);
    // A new session is also a new process group, so a signal to the worker's group misses this
    // child: the one way a process outlives ProcLab's "stop the whole group".
    setsid();
    std::printf("escaped %ld\n", static_cast<long>(getpid()));
    announceReady(readyPipe[1]);
    sleepMilliseconds(30000);
    // _exit: the atexit handlers and stdio buffers belong to the parent's program.
    _exit(0);
}

} // namespace

int runIgnoreTerm(const Arguments &)
{
    ignoreSignal(SIGTERM);
    ignoreSignal(SIGINT);
    ignoreSignal(SIGHUP);
    std::printf("ignoring SIGTERM, pid %ld\n", static_cast<long>(getpid()));
    sleepForever();
}

int runCrash(const Arguments &)
{
    // A crash on purpose should not leave a core file behind in the test's directory.
    rlimit noCore = {};
    getrlimit(RLIMIT_CORE, &noCore);
    noCore.rlim_cur = 0;
    setrlimit(RLIMIT_CORE, &noCore);

    std::printf("crashing\n");
    std::fflush(stdout);
    // A real SIGSEGV without undefined behaviour: default action, unblocked, raised.
    std::signal(SIGSEGV, SIG_DFL);
    sigset_t segv;
    sigemptyset(&segv);
    sigaddset(&segv, SIGSEGV);
    sigprocmask(SIG_UNBLOCK, &segv, nullptr);
    std::raise(SIGSEGV);
    return fail("crash: raise(SIGSEGV) returned");
}

int runExit(const Arguments &arguments)
{
    const long long status = arguments.positionalNumber(0, "N", 0, 255);
    std::printf("exiting with %lld\n", status);
    return static_cast<int>(status);
}

int runSpawnChildren(const Arguments &arguments)
{
    const long long count = arguments.positionalNumber(0, "N", 1, 64);
    const bool ignoreTerm = arguments.hasOption("--ignore-term");

    installChildReaper();
    int readyPipe[2];
    if (pipe(readyPipe) != 0)
        return failWithErrno("spawn-children: pipe");
    // Nothing may sit in the stdio buffer when we fork, or every child would print it again.
    std::fflush(stdout);

    // No setsid() or setpgid() in the children: they stay in our group, which ProcLab signals.
    std::vector<pid_t> children;
    for (long long i = 0; i < count; ++i) {
        const pid_t child = fork();
        if (child == 0)
            becomeSleepingChild(readyPipe, ignoreTerm);
        if (child < 0) {
            const int forkErrno = errno;
            for (const pid_t spawned : children)
                kill(spawned, SIGKILL);
            errno = forkErrno;
            return failWithErrno("spawn-children: fork");
        }
        children.push_back(child);
    }
    close(readyPipe[1]);

    const long long ready = waitForReadyChildren(readyPipe[0], count);
    close(readyPipe[0]);
    if (ready < count)
        fail("spawn-children: only " + std::to_string(ready) + " children started");
    std::printf("parent %ld spawned %lld children\n", static_cast<long>(getpid()), ready);
    sleepForever();
}

int runEscape(const Arguments &)
{
    installChildReaper();
    int readyPipe[2];
    if (pipe(readyPipe) != 0)
        return failWithErrno("escape: pipe");
    std::fflush(stdout);

    const pid_t child = fork();
    if (child == 0)
        becomeEscapedChild(readyPipe);
    if (child < 0)
        return failWithErrno("escape: fork");
    close(readyPipe[1]);
    waitForReadyChildren(readyPipe[0], 1);
    close(readyPipe[0]);

    std::printf("parent %ld let child %ld escape its group\n",
                static_cast<long>(getpid()),
                static_cast<long>(child));
    sleepForever();
}

int runSpin(const Arguments &arguments)
{
    const bool forever = !arguments.hasOption("--seconds");
    const long long seconds = arguments.number("--seconds", 0, 0, MaxSeconds);
    std::printf("spinning %ld\n", static_cast<long>(getpid()));

    const timespec deadline = addMilliseconds(monotonicNow(), seconds * 1000);
    // The volatile counter keeps the loop from being optimised away; reading the clock only
    // every 2^20 turns keeps nearly all of the time in user space, where "100% CPU" should be.
    volatile unsigned long long turns = 0;
    for (;;) {
        turns = turns + 1;
        if ((turns & 0xFFFFF) == 0 && !forever && !isBefore(monotonicNow(), deadline))
            return 0;
    }
}

int runAlloc(const Arguments &arguments)
{
    const long long mebibytes = arguments.positionalNumber(0, "MB", 1, 1024 * 1024);
    const bool forever = !arguments.hasOption("--hold-seconds");
    const long long holdSeconds = arguments.number("--hold-seconds", 0, 0, MaxSeconds);

    const auto bytes = static_cast<std::size_t>(mebibytes) * 1024 * 1024;
    char *memory = static_cast<char *>(std::malloc(bytes));
    if (!memory)
        return fail("alloc: cannot allocate " + std::to_string(mebibytes) + " MiB");
    // Writing every byte makes every page resident: malloc alone only reserves address space.
    std::memset(memory, 0x5a, bytes);
    heldMemory = memory;
    std::printf("allocated %lld MB\n", mebibytes);

    if (forever)
        sleepForever();
    sleepMilliseconds(holdSeconds * 1000);
    std::free(heldMemory);
    heldMemory = nullptr;
    return 0;
}

int runSleep(const Arguments &arguments)
{
    sleepMilliseconds(arguments.positionalNumber(0, "MS", 0, MaxMilliseconds));
    return 0;
}

} // namespace ProcLab::WorkerProgram
