#pragma once

#include <QList>
#include <QtGlobal>

namespace ProcLab {

// One process the user points at: a worker's program itself (a row of the table, a root of the
// Processes tab) or one of the processes it created (a descendant's row, lane or tree item).
//
// What is sent to it depends on the command, not on the target: "terminate this process" signals
// pid alone, as Python's Process.terminate() does; "stop the whole tree" signals the worker's
// process group, as ProcLab's Terminate always has.
struct ProcessTarget
{
    int workerId = -1;
    qint64 pid = 0;
    // The worker's program itself, not one of its descendants.
    bool isWorker = true;

    bool isValid() const { return workerId >= 0 && pid > 0; }
    friend bool operator==(const ProcessTarget &a, const ProcessTarget &b)
    {
        return a.workerId == b.workerId && a.pid == b.pid && a.isWorker == b.isWorker;
    }
};

using ProcessTargets = QList<ProcessTarget>;

} // namespace ProcLab
