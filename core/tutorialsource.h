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

// The start of the mirror's script: the imports and the tutorial's functions (the counting one
// named count_func, beside sub_func), up to the body of `if __name__ == '__main__':`.
QString mirrorScriptHeader();

} // namespace ProcLab::TutorialSource
