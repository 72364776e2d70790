#include "workercolors.h"

#include <cmath>

namespace ProcLab {

namespace {

constexpr double GoldenAngle = 137.50776405;
// Dark and saturated enough to read as text on white from the back of a room.
constexpr int Saturation = 170;
constexpr int Lightness = 95;

double workerHue(int workerId)
{
    return std::fmod(20.0 + (workerId - 1) * GoldenAngle, 360.0);
}

} // namespace

QColor workerColor(int workerId)
{
    if (workerId <= 0)
        return QColor(0x70, 0x70, 0x70);
    return QColor::fromHsl(int(workerHue(workerId)), Saturation, Lightness);
}

QColor processColor(int workerId, qint64 pid, qint64 workerPid)
{
    if (pid <= 0 || pid == workerPid || workerId <= 0)
        return workerColor(workerId);
    // The PID's walk starts across the circle from the workers' (20°), so that the first PIDs
    // do not retrace the first workers' hues.
    double hue = std::fmod(200.0 + double(pid) * GoldenAngle, 360.0);
    constexpr double MinimumDistance = 25.0;
    const double parent = workerHue(workerId);
    double distance = std::fabs(hue - parent);
    distance = qMin(distance, 360.0 - distance);
    if (distance < MinimumDistance)
        hue = std::fmod(hue + 2.0 * MinimumDistance, 360.0);
    return QColor::fromHsl(int(hue), Saturation, Lightness);
}

} // namespace ProcLab
