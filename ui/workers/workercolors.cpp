#include "workercolors.h"

#include <cmath>

namespace ProcLab {

QColor workerColor(int workerId)
{
    if (workerId <= 0)
        return QColor(0x70, 0x70, 0x70);
    constexpr double GoldenAngle = 137.50776405;
    const double hue = std::fmod(20.0 + (workerId - 1) * GoldenAngle, 360.0);
    // Dark and saturated enough to read as text on white from the back of a room.
    return QColor::fromHsl(int(hue), 170, 95);
}

} // namespace ProcLab
