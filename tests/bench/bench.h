#pragma once

#include "options.h"
#include "report.h"

#include <string>

namespace ProcLab::Bench {

// The programs a run needs. Paths come from the build (compile definitions); a program that is not
// there (the window helper, when ui/ was not built) skips its sections instead of failing.
struct Programs
{
    std::string worker;       // proclab-worker
    std::string proclab;      // the real application, for --headless --spawn
    std::string windowHelper; // proclab-bench-window: the window, idle and startup probes
    std::string hello;        // a C program that prints one line
    bool helloIsStatic = false;
    std::string python; // the real python3 interpreter, not a pyenv shim; may be empty
};

struct Context
{
    Options options;
    Scale scale;
    Programs programs;
    Report report;
};

// Each section adds its figures to context.report; one file per measured area.
void benchSpawn(Context &context);       // spawnbench.cpp
void benchWorkerStart(Context &context); // workerstartbench.cpp
void benchIngest(Context &context);      // ingestbench.cpp
void benchWindow(Context &context);      // windowbench.cpp
void benchIdle(Context &context);        // windowbench.cpp
void benchStartup(Context &context);     // windowbench.cpp
void benchTutorial(Context &context);    // tutorialbench.cpp
void benchFollow(Context &context);      // followbench.cpp
void benchPython(Context &context);      // pythonbench.cpp
void benchPythonHook(Context &context);  // pythonhookbench.cpp
void benchRecord(Context &context);      // recordbench.cpp
void benchRecordOpen(Context &context);  // recordbench.cpp

// One line on stderr, so a long run shows where it is, also with --json.
void progress(const char *format, ...) __attribute__((format(printf, 1, 2)));

bool isExecutable(const std::string &path);

// Runs a and b once per round and alternates which goes first, so that a machine getting slower or
// faster during the run (this one drifts 2x within an hour) weighs on both alike.
template<typename A, typename B>
void interleave(int rounds, A &&a, B &&b)
{
    for (int round = 0; round < rounds; ++round) {
        if (round % 2 == 0) {
            a(round);
            b(round);
        } else {
            b(round);
            a(round);
        }
    }
}

} // namespace ProcLab::Bench
