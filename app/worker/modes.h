#pragma once

namespace ProcLab::WorkerProgram {

class Arguments;

// One function per mode. Each returns the exit status; the ones that wait to be killed never
// return. main() has already checked the options and the number of positionals.

// outputmodes.cpp: what a worker prints and how.
int runSay(const Arguments &arguments);
int runCount(const Arguments &arguments);
int runFlood(const Arguments &arguments);
int runNoNewline(const Arguments &arguments);
int runBadUtf8(const Arguments &arguments);
int runProgress(const Arguments &arguments);
int runAnsi(const Arguments &arguments);
int runEchoStderr(const Arguments &arguments);

// processmodes.cpp: how a worker lives and dies.
int runIgnoreTerm(const Arguments &arguments);
int runCrash(const Arguments &arguments);
int runExit(const Arguments &arguments);
int runSpawnChildren(const Arguments &arguments);
int runEscape(const Arguments &arguments);
int runSpin(const Arguments &arguments);
int runAlloc(const Arguments &arguments);
int runSleep(const Arguments &arguments);

// tracer.cpp: follows every descendant of a program (it parses its own arguments).
int runTrace(int argc, char **argv);

// guardian.cpp: kills the monitor's process groups when the monitor dies.
int runGuardian(const Arguments &arguments);

} // namespace ProcLab::WorkerProgram
