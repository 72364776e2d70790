#pragma once

#include <QString>

// The Python of the tutorial ProcLab grew from, written once: the Tutorial dialog shows its two
// programs and what they printed, and the Python mirror's script defines the same functions, so that
// a learner reads one main_func everywhere.
namespace ProcLab::TutorialSource {

// Example 1: the main program says its PID, then starts four processes that say theirs.
QString spawnExample();
// What example 1 printed when the tutorial ran it.
QString spawnExampleOutput();
// Example 2: a counting process, terminate()d by the main program after five seconds.
QString countdownExample();
QString countdownExampleOutput();

// The tutorial's functions for the mirror's script, in the tutorial's order: each example's
// sub_func under the name given (none when empty), then main_func. Both examples call theirs
// sub_func; a script that holds both lessons needs two names, and says why above the second.
QString mirrorFunctions(const QString &subProgramFunction, const QString &countingFunction);

} // namespace ProcLab::TutorialSource
