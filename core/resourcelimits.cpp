#include "resourcelimits.h"

#include <QDir>
#include <QtGlobal>

#include <sys/resource.h>

namespace ProcLab::ResourceLimits {

namespace {

constexpr int FileDescriptorsPerWorker = 4;
constexpr int ReservedFileDescriptors = 128; // Qt, X11/Wayland, fonts, settings, the guardian
constexpr int HardMaxActiveWorkers = 4096;
// Enough for HardMaxActiveWorkers; higher would only be inherited by every worker for nothing.
constexpr rlim_t WantedOpenFiles = 32768;

// Open file descriptors of this process now.
int openFileCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                       .entryList(QDir::NoDotAndDotDot | QDir::System)
                       .size());
}

} // namespace

int raiseOpenFileLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < WantedOpenFiles
        && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = qMin(limit.rlim_max, WantedOpenFiles);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    return openFileLimit();
}

int openFileLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 1 << 20;
    return int(qMin<rlim_t>(limit.rlim_cur, 1 << 20));
}

bool isNearOpenFileLimit()
{
    // A start needs two pipes, /dev/null and a pidfd; twice that keeps a margin. Counting needs a
    // descriptor too: none left reads as an empty /proc/self/fd.
    const int count = openFileCount();
    return count == 0 || count + 2 * FileDescriptorsPerWorker > openFileLimit();
}

int defaultMaxActiveWorkers()
{
    const int available = openFileLimit() - ReservedFileDescriptors;
    return qBound(1, available / FileDescriptorsPerWorker, HardMaxActiveWorkers);
}

} // namespace ProcLab::ResourceLimits
