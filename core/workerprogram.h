#pragma once

#include <QString>

namespace ProcLab {

// Where proclab-worker, the small program the lessons and the guardian run, is: $PROCLAB_WORKER if
// set, else beside the running program (the build tree), else in ../libexec/proclab (an install).
// Empty when it cannot be found.
QString workerProgramPath();

} // namespace ProcLab
