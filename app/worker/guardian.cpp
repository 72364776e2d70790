// guardian: the process that makes "nothing survives ProcLab" true even when ProcLab itself is
// killed with SIGKILL or aborts, when none of its own clean-up code can run.
//
// ProcLab starts one guardian and keeps the write end of a pipe whose read end is the guardian's
// stdin. It tells the guardian which process groups it is responsible for:
//     +<pgid>\n    start watching the group
//     -<pgid>\n    stop watching it (the group was stopped or ended normally)
// Only the kernel closes that pipe when ProcLab dies, so end of file is the signal. Then every
// group still watched gets SIGTERM (and SIGCONT, so a stopped group can act on it), a grace
// period, and SIGKILL for whatever is left.

#include "arguments.h"
#include "modes.h"
#include "support.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <set>
#include <string>
#include <unistd.h>

namespace ProcLab::WorkerProgram {

namespace {

using GroupSet = std::set<long>;

constexpr long long DefaultGraceMs = 1000;
constexpr long long PollIntervalMs = 20;
// "+2147483647" is 11 characters; anything much longer without a newline is garbage, and
// dropping it keeps a misbehaving writer from growing our memory.
constexpr std::size_t MaxLineLength = 64;

void report(const std::string &message)
{
    std::fprintf(stderr, "proclab-worker guardian: %s\n", message.c_str());
}

// The guardian must outlive Ctrl+C in ProcLab's terminal, a closed terminal and a closed
// stdout: it reacts to its pipe only.
void ignoreDisruptiveSignals()
{
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE})
        std::signal(signalNumber, SIG_IGN);
}

// Applies one complete line ("+123" or "-123", newline removed). Anything else is ignored, and
// so are groups 0 and 1 (kill(-0) is our own group, kill(-1) is every process we may signal)
// and our own group, which a confused monitor must not make us kill.
void applyLine(const std::string &line, GroupSet &groups)
{
    if (line.size() < 2 || (line[0] != '+' && line[0] != '-'))
        return;
    long pgid = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] < '0' || line[i] > '9' || pgid > (INT_MAX - 9) / 10)
            return;
        pgid = pgid * 10 + (line[i] - '0');
    }
    if (pgid <= 1 || pgid == static_cast<long>(getpgrp()))
        return;
    if (line[0] == '+')
        groups.insert(pgid);
    else
        groups.erase(pgid);
}

// Follows the protocol on stdin until end of file or a read error; returns the groups still
// watched at that moment. An incomplete last line is ignored: a write of a few bytes to a pipe
// is atomic, so only garbage ends that way.
GroupSet watchUntilMonitorGone()
{
    GroupSet groups;
    std::string line;
    bool discarding = false; // inside an overlong line, skipping to its newline
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(STDIN_FILENO, buffer, sizeof buffer);
        if (got == 0)
            return groups;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            report(std::string("reading stdin failed: ") + std::strerror(errno));
            return groups;
        }
        for (ssize_t i = 0; i < got; ++i) {
            const char byte = buffer[i];
            if (byte == '\n') {
                if (!discarding)
                    applyLine(line, groups);
                line.clear();
                discarding = false;
            } else if (!discarding) {
                line += byte;
                if (line.size() > MaxLineLength) {
                    line.clear();
                    discarding = true;
                }
            }
        }
    }
}

// Reads the state and the process group of one process from /proc/<pid>/stat. The command name
// in parentheses may itself contain ") ", so the fields are counted from the last ')'.
bool readProcessStat(const char *pid, char &state, long &pgid)
{
    const std::string path = std::string("/proc/") + pid + "/stat";
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char text[1024];
    ssize_t size = 0;
    do {
        size = read(fd, text, sizeof text - 1);
    } while (size < 0 && errno == EINTR);
    close(fd);
    if (size <= 0)
        return false;
    text[size] = '\0';

    const char *end = std::strrchr(text, ')');
    int parentPid = 0;
    return end && std::sscanf(end + 1, " %c %d %ld", &state, &parentPid, &pgid) == 3;
}

// Collects the groups that still contain a process that is not a zombie. Nothing reaps orphans
// on some machines (a container whose PID 1 is not an init), so a killed group can stay visible
// as zombies forever; those can do no harm and count as gone. Returns false if /proc cannot be
// read, and then nothing may count as gone on its word.
bool scanGroupsWithLiveProcesses(GroupSet &live)
{
    DIR *proc = opendir("/proc");
    if (!proc)
        return false;
    while (const dirent *entry = readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        char state = 0;
        long pgid = 0;
        if (readProcessStat(entry->d_name, state, pgid) && state != 'Z' && state != 'X')
            live.insert(pgid);
    }
    closedir(proc);
    return true;
}

// The watched groups that still have a live member.
GroupSet remainingGroups(const GroupSet &groups)
{
    GroupSet live;
    const bool procReadable = scanGroupsWithLiveProcesses(live);
    GroupSet remaining;
    for (const long pgid : groups) {
        // ESRCH settles it without /proc; otherwise a group of zombies only is gone as well.
        const bool exists = kill(-static_cast<pid_t>(pgid), 0) == 0 || errno != ESRCH;
        if (exists && (!procReadable || live.count(pgid) != 0))
            remaining.insert(pgid);
    }
    return remaining;
}

void signalGroups(const GroupSet &groups, int signalNumber)
{
    for (const long pgid : groups)
        kill(-static_cast<pid_t>(pgid), signalNumber);
}

// SIGTERM first, so that workers may clean up as they would on a normal stop; SIGKILL for the
// groups still there after the grace period.
void terminateGroups(const GroupSet &groups, long long graceMs)
{
    signalGroups(groups, SIGTERM);
    signalGroups(groups, SIGCONT);

    const timespec deadline = addMilliseconds(monotonicNow(), graceMs);
    GroupSet remaining = remainingGroups(groups);
    while (!remaining.empty() && isBefore(monotonicNow(), deadline)) {
        sleepMilliseconds(PollIntervalMs);
        remaining = remainingGroups(remaining);
    }
    signalGroups(remaining, SIGKILL);
}

} // namespace

int runGuardian(const Arguments &arguments)
{
    const long long graceMs = arguments.number("--grace-ms", DefaultGraceMs, 0, MaxMilliseconds);
    ignoreDisruptiveSignals();

    const GroupSet groups = watchUntilMonitorGone();
    if (!groups.empty())
        terminateGroups(groups, graceMs);
    return 0;
}

} // namespace ProcLab::WorkerProgram
