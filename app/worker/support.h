#pragma once

#include <cstddef>
#include <ctime>
#include <string>

namespace ProcLab::WorkerProgram {

// Upper bound for every duration option: a year, far beyond any test, and small enough that
// deadline arithmetic on a timespec never overflows.
constexpr long long MaxMilliseconds = 365LL * 24 * 3600 * 1000;

timespec monotonicNow();
timespec addMilliseconds(timespec time, long long milliseconds);
bool isBefore(const timespec &left, const timespec &right);

// Sleeps until an absolute CLOCK_MONOTONIC deadline, resuming after signal handlers.
void sleepUntil(const timespec &deadline);
void sleepMilliseconds(long long milliseconds);
// For modes that wait to be killed. Signals with handlers (SIGCHLD) only wake it up.
[[noreturn]] void sleepForever();

// write(2) until everything is written, across EINTR and short writes. On failure returns false
// with errno set (EPIPE when the reader has gone and SIGPIPE is ignored).
bool writeAll(int fd, const void *data, std::size_t size);
bool writeAll(int fd, const std::string &text);

// Prints "proclab-worker: <message>" on stderr and returns 1, the exit status of a mode that
// failed at run time (as opposed to a usage error, status 2).
int fail(const std::string &message);
// The same with ": <strerror(errno)>" appended.
int failWithErrno(const std::string &message);

} // namespace ProcLab::WorkerProgram
