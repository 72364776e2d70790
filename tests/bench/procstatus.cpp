#include "procstatus.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>

namespace ProcLab::Bench {

long long statusKilobytes(const char *field)
{
    FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return -1;
    const std::size_t fieldLength = std::strlen(field);
    char line[256];
    long long value = -1;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, field, fieldLength) == 0 && line[fieldLength] == ':') {
            value = std::strtoll(line + fieldLength + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return value;
}

double cpuSeconds()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &time) {
        return double(time.tv_sec) + double(time.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void CpuMeter::start()
{
    m_cpuAtStart = cpuSeconds();
    m_wall.restart();
}

double CpuMeter::percent() const
{
    const double wallMs = m_wall.elapsedMs();
    return wallMs > 0 ? 100.0 * (cpuSeconds() - m_cpuAtStart) * 1000.0 / wallMs : 0;
}

} // namespace ProcLab::Bench
