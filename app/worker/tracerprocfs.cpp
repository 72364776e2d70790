#include "tracerprocfs.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace ProcLab::WorkerProgram::TracerProcfs {

namespace {

constexpr int CapSysPtrace = 19; // linux/capability.h

std::string procPath(pid_t pid, const char *entry)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/%s", static_cast<int>(pid), entry);
    return path;
}

// Reads a small /proc file whole (up to size - 1 bytes), NUL-terminated; returns its length or -1.
ssize_t readSmallFile(const std::string &path, char *buffer, std::size_t size)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t total = 0;
    while (static_cast<std::size_t>(total) < size - 1) {
        const ssize_t got = read(fd, buffer + total, size - 1 - static_cast<std::size_t>(total));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        total += got;
    }
    close(fd);
    buffer[total] = '\0';
    return total;
}

// The value after "Name:" in a /proc/PID/status text, as a number (the first one on its line).
long long statusField(const char *status, const char *name)
{
    const char *found = std::strstr(status, name);
    if (!found)
        return -1;
    return std::strtoll(found + std::strlen(name), nullptr, 10);
}

// The second number on the "Name:" line: Uid and Gid list real, effective, saved, filesystem.
long long secondStatusField(const char *status, const char *name)
{
    const char *found = std::strstr(status, name);
    if (!found)
        return -1;
    char *end = nullptr;
    std::strtoll(found + std::strlen(name), &end, 10);
    return std::strtoll(end, nullptr, 10);
}

} // namespace

std::string readCommandLine(pid_t pid, std::size_t maxBytes, std::size_t &argumentCount)
{
    argumentCount = 0;
    std::string bytes;
    const int fd = open(procPath(pid, "cmdline").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return bytes;
    char buffer[8192];
    for (;;) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        const auto size = static_cast<std::size_t>(got);
        for (std::size_t i = 0; i < size; ++i) {
            if (buffer[i] == '\0')
                ++argumentCount;
        }
        if (bytes.size() < maxBytes)
            bytes.append(buffer, std::min(size, maxBytes - bytes.size()));
    }
    close(fd);
    return bytes;
}

std::string readExecutable(pid_t pid)
{
    char target[PATH_MAX];
    const ssize_t length = readlink(procPath(pid, "exe").c_str(), target, sizeof target);
    if (length <= 0)
        return std::string();
    return std::string(target, static_cast<std::size_t>(length));
}

bool readStat(pid_t pid, Stat &stat)
{
    char text[2048];
    if (readSmallFile(procPath(pid, "stat"), text, sizeof text) <= 0)
        return false;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
    const char *close = std::strrchr(text, ')');
    if (!close)
        return false;
    const char *field = close + 2; // field 3, the state
    stat.state = *field;
    // Fields 3 .. 52, split on spaces; 4 is the parent, 22 the start time, 52 the exit code.
    int number = 3;
    for (const char *cursor = field; *cursor; ++cursor) {
        if (*cursor != ' ')
            continue;
        ++number;
        const char *value = cursor + 1;
        if (number == 4)
            stat.parentPid = static_cast<pid_t>(std::strtol(value, nullptr, 10));
        else if (number == 22)
            stat.startTime = std::strtoull(value, nullptr, 10);
        else if (number == 52)
            stat.exitCode = static_cast<int>(std::strtol(value, nullptr, 10));
    }
    if (stat.state != 'Z')
        stat.exitCode = -1;
    return true;
}

pid_t readThreadGroupId(pid_t tid)
{
    char text[4096];
    if (readSmallFile(procPath(tid, "status"), text, sizeof text) <= 0)
        return 0;
    const long long tgid = statusField(text, "\nTgid:");
    return tgid > 0 ? static_cast<pid_t>(tgid) : 0;
}

bool execLostPrivileges(pid_t pid)
{
    const std::string executable = procPath(pid, "exe");
    struct stat file = {};
    if (stat(executable.c_str(), &file) != 0)
        return false;
    const bool setUserId = (file.st_mode & S_ISUID) != 0;
    // Set-group-ID without group execute is mandatory locking, not a privilege.
    const bool setGroupId = (file.st_mode & S_ISGID) != 0 && (file.st_mode & S_IXGRP) != 0;
    const bool capabilities = getxattr(executable.c_str(), "security.capability", nullptr, 0) > 0;
    if (!setUserId && !setGroupId && !capabilities)
        return false;
    // On a nosuid mount the kernel ignores them anyway, traced or not.
    struct statvfs mount = {};
    if (statvfs(executable.c_str(), &mount) == 0 && (mount.f_flag & ST_NOSUID) != 0)
        return false;

    char status[4096];
    if (readSmallFile(procPath(pid, "status"), status, sizeof status) <= 0)
        return false;
    const long long effectiveUser = secondStatusField(status, "\nUid:");
    const long long effectiveGroup = secondStatusField(status, "\nGid:");
    return (setUserId && effectiveUser != static_cast<long long>(file.st_uid))
           || (setGroupId && effectiveGroup != static_cast<long long>(file.st_gid))
           || (capabilities && effectiveUser != 0);
}

bool haveSysPtraceCapability()
{
    char status[4096];
    if (readSmallFile("/proc/self/status", status, sizeof status) <= 0)
        return false;
    const char *found = std::strstr(status, "\nCapEff:");
    if (!found)
        return false;
    const unsigned long long effective = std::strtoull(found + 8, nullptr, 16);
    return (effective >> CapSysPtrace) & 1ULL;
}

} // namespace ProcLab::WorkerProgram::TracerProcfs
