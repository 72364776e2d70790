#pragma once

#include <set>
#include <string>

namespace ProcLab::Bench {

// The command line: `proclab-bench [--quick] [--rounds N] [--only NAME[,NAME]] [--json]`.
struct Options
{
    bool quick = false;
    bool json = false;
    bool help = false;
    int rounds = 0; // 0: the default of the mode
    std::set<std::string> only;

    bool wants(const std::string &section) const { return only.empty() || only.count(section) > 0; }
};

// The sections, in the order they run; --only takes these names.
const std::set<std::string> &sectionNames();
std::string usage();
// false, with a message in error, for a command line that cannot be run.
bool parseOptions(int argc, char **argv, Options *options, std::string *error);

// How much work each section does. --quick keeps the whole run under half a minute (it is what the
// CTest smoke test runs); the full run is what docs/performance.md reports.
struct Scale
{
    int rounds = 5;
    int spawnSmallRepeats = 10; // batches of 4 per round: one batch is only a few milliseconds
    int spawnLarge = 500;
    int startRuns = 100;             // sequential starts per program per round
    long long ingestLines = 2000000; // lines per run, shared among the flooding workers
    int windowSeconds = 10;
    int yesSeconds = 10;
    int windowRounds = 3;
    int idleSeconds = 10;
    int settleMs = 1000; // after the window is shown, before a window measurement starts
    int startupRounds = 7;
    int tutorialSmallRepeats = 5;
    int tutorialLarge = 300;
    int tutorialLargeRounds = 5;

    static Scale forOptions(const Options &options);
};

} // namespace ProcLab::Bench
