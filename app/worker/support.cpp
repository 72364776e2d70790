#include "support.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace ProcLab::WorkerProgram {

namespace {
constexpr long NanosecondsPerSecond = 1000000000L;
} // namespace

timespec monotonicNow()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now;
}

timespec addMilliseconds(timespec time, long long milliseconds)
{
    time.tv_sec += static_cast<time_t>(milliseconds / 1000);
    time.tv_nsec += static_cast<long>(milliseconds % 1000) * 1000000L;
    if (time.tv_nsec >= NanosecondsPerSecond) {
        time.tv_nsec -= NanosecondsPerSecond;
        ++time.tv_sec;
    }
    return time;
}

bool isBefore(const timespec &left, const timespec &right)
{
    return left.tv_sec < right.tv_sec
           || (left.tv_sec == right.tv_sec && left.tv_nsec < right.tv_nsec);
}

void sleepUntil(const timespec &deadline)
{
    // An absolute deadline makes an interrupted sleep resumable as is, and keeps periodic output
    // from drifting by the time spent printing.
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr) == EINTR) {
    }
}

void sleepMilliseconds(long long milliseconds)
{
    sleepUntil(addMilliseconds(monotonicNow(), milliseconds));
}

void sleepForever()
{
    for (;;)
        pause();
}

bool writeAll(int fd, const void *data, std::size_t size)
{
    const char *next = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t written = write(fd, next, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        next += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

bool writeAll(int fd, const std::string &text)
{
    return writeAll(fd, text.data(), text.size());
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "proclab-worker: %s\n", message.c_str());
    return 1;
}

int failWithErrno(const std::string &message)
{
    return fail(message + ": " + std::strerror(errno));
}

} // namespace ProcLab::WorkerProgram
