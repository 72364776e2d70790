#pragma once

#include <QColor>

namespace ProcLab {

// A stable colour per worker, the same in the table and in the output: worker ids walk the hue
// circle by the golden angle, so neighbours differ clearly and no two of the first dozen look alike.
// The main process (id 0) is neutral grey.
QColor workerColor(int workerId);

// The colour of one process of a worker's tree, the same wherever it is drawn: its lines in the
// output, its lane in the timeline, its PID in the table, its swatch in the Processes tab. The
// worker's program itself (pid 0, or pid == the worker's own PID) has the worker's colour. Any
// other process's hue depends on its PID alone, walking the circle by the golden angle, so that
// siblings (usually consecutive PIDs) differ clearly and a process keeps its colour from one view
// and one moment to the next; a hue too close to its worker's is moved away from it, so that a
// child never passes for its parent.
QColor processColor(int workerId, qint64 pid, qint64 workerPid = 0);

} // namespace ProcLab
