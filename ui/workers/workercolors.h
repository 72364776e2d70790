#pragma once

#include <QColor>

namespace ProcLab {

// A stable colour per worker, the same in the table and in the output: worker ids walk the hue
// circle by the golden angle, so neighbours differ clearly and no two of the first dozen look alike.
// The main process (id 0) is neutral grey.
QColor workerColor(int workerId);

} // namespace ProcLab
