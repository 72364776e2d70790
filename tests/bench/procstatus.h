#pragma once

#include <chrono>

namespace ProcLab::Bench {

// This process's own accounting, as the kernel keeps it.

// A "kB" line of /proc/self/status ("VmRSS", "VmHWM"), in KiB; -1 when missing.
long long statusKilobytes(const char *field);
// User plus system CPU time of this process (not of its children), in seconds.
double cpuSeconds();

// Wall time on the monotonic clock, which no clock adjustment can move.
class Stopwatch final
{
public:
    Stopwatch() { restart(); }
    void restart() { m_start = std::chrono::steady_clock::now(); }
    double elapsedMs() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
                .count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// CPU time over wall time between start() and percent(): 100 is one core busy all the time.
class CpuMeter final
{
public:
    void start();
    double percent() const;
    double wallMs() const { return m_wall.elapsedMs(); }

private:
    Stopwatch m_wall;
    double m_cpuAtStart = 0;
};

} // namespace ProcLab::Bench
