// proclab-worker: the child process that ProcLab's demos and tests start.
//
// Each mode reproduces one behaviour a process monitor has to cope with: paced output (the
// Python multiprocessing tutorial ProcLab grew from), floods, endless lines, broken UTF-8,
// progress bars, colours, ignored SIGTERM, crashes, exit codes, children inside and outside the
// process group, CPU and memory load. The guardian and trace modes are not tests at all: ProcLab
// runs the guardian to kill its workers' process groups when ProcLab itself dies, and the tracer
// to follow every process a worker's program creates.
//
// Plain C++17 and POSIX, no Qt: it must start as fast as a C program, since tests start it
// hundreds of times and measure what ProcLab does, not how long a worker takes to load.

#include "arguments.h"
#include "modes.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace ProcLab::WorkerProgram {

namespace {

constexpr std::size_t AnyNumber = std::numeric_limits<std::size_t>::max();

struct Mode
{
    const char *name;
    const char *synopsis; // what follows the name in the usage
    const char *summary;  // one or more lines, each printed indented under the synopsis
    std::vector<OptionSpec> options;
    std::size_t minPositionals;
    std::size_t maxPositionals;
    int (*run)(const Arguments &);
    // A mode that parses its own arguments (trace: the program's must pass untouched).
    int (*runRaw)(int argc, char **argv) = nullptr;
};

const std::vector<Mode> &modes()
{
    static const std::vector<Mode> all = {
            {"say", "TEXT...", "Print \"Process <pid> says: TEXT\".", {}, 1, AnyNumber, runSay},
            {"count",
             "[--to N] [--interval-ms MS] [--label TEXT] [--phase-ms MS]",
             "Print \"Process <pid> says: TEXT\" if --label is given, wait --phase-ms, then print\n"
             "\"<TAB>Number n of N.\" for n = 1 .. N-1, one every MS ms (defaults: N 100000,\n"
             "MS 1000, phase 0), on a monotonic schedule that does not drift.",
             {{"--to", true}, {"--interval-ms", true}, {"--label", true}, {"--phase-ms", true}},
             0,
             0,
             runCount},
            {"flood",
             "[--lines N] [--length L]",
             "Write N lines (default: until killed or the reader goes) of exactly L bytes each,\n"
             "newline included (default 64), as fast as possible.",
             {{"--lines", true}, {"--length", true}},
             0,
             0,
             runFlood},
            {"no-newline",
             "[--bytes N]",
             "Write N bytes of printable ASCII and no newline at all (default 20971520).",
             {{"--bytes", true}},
             0,
             0,
             runNoNewline},
            {"bad-utf8",
             "",
             "Write valid Korean, bytes ff fe 80, a NUL byte, a character split across two\n"
             "writes 50 ms apart, then \"end\".",
             {},
             0,
             0,
             runBadUtf8},
            {"progress",
             "[--steps N] [--interval-ms MS]",
             "Rewrite \"progress  k%\" ending in '\\r' only, N + 1 times (default N 100, every\n"
             "20 ms), then print \"done\".",
             {{"--steps", true}, {"--interval-ms", true}},
             0,
             0,
             runProgress},
            {"ansi",
             "",
             "Print lines coloured with ANSI SGR sequences: red, green, bold, 256-colour, reset.",
             {},
             0,
             0,
             runAnsi},
            {"ignore-term",
             "",
             "Ignore SIGTERM, SIGINT and SIGHUP, print the pid, and sleep until SIGKILL.",
             {},
             0,
             0,
             runIgnoreTerm},
            {"crash",
             "",
             "Print \"crashing\" and die by SIGSEGV, without a core file.",
             {},
             0,
             0,
             runCrash},
            {"exit",
             "N",
             "Print \"exiting with N\" and exit with status N (0..255).",
             {},
             1,
             1,
             runExit},
            {"spawn-children",
             "N [--ignore-term]",
             "Fork N children (1..64) in this process group; each prints its pid and sleeps\n"
             "(ignoring SIGTERM with --ignore-term). The parent prints last, then sleeps.",
             {{"--ignore-term", false}},
             1,
             1,
             runSpawnChildren},
            {"escape",
             "",
             "Fork a child that leaves the process group (setsid), prints \"escaped <pid>\" and\n"
             "lives 30 s; the parent then prints and sleeps.",
             {},
             0,
             0,
             runEscape},
            {"spin",
             "[--seconds S]",
             "Print \"spinning <pid>\" and keep one CPU busy for S seconds (default: until "
             "killed).",
             {{"--seconds", true}},
             0,
             0,
             runSpin},
            {"alloc",
             "MB [--hold-seconds S]",
             "Allocate MB MiB and touch every page, print \"allocated MB MB\", hold it S seconds\n"
             "(default: until killed).",
             {{"--hold-seconds", true}},
             1,
             1,
             runAlloc},
            {"sleep", "MS", "Sleep MS milliseconds, then exit 0.", {}, 1, 1, runSleep},
            {"echo-stderr",
             "TEXT...",
             "Print TEXT on stderr and \"out\" on stdout.",
             {},
             1,
             AnyNumber,
             runEchoStderr},
            {"trace",
             "[--events-fd N] [--] PROGRAM [ARGUMENTS...]",
             "Run PROGRAM and follow every process it creates (ptrace), writing one record per\n"
             "event to descriptor N; exit as PROGRAM did. PROCLAB_TRACE_REFUSE=1 acts as if\n"
             "ptrace were refused (the program then runs untraced).",
             {},
             0,
             0,
             nullptr,
             runTrace},
            {"guardian",
             "[--grace-ms MS]",
             "For ProcLab itself: read \"+<pgid>\" and \"-<pgid>\" lines on stdin; at end\n"
             "of file, send SIGTERM to the groups still watched and SIGKILL to those left\n"
             "after MS (default 1000). Prints nothing on stdout.",
             {{"--grace-ms", true}},
             0,
             0,
             runGuardian},
    };
    return all;
}

const Mode *findMode(const char *name)
{
    for (const Mode &mode : modes()) {
        if (std::strcmp(mode.name, name) == 0)
            return &mode;
    }
    return nullptr;
}

// lead: "  " in the list of modes, "Usage: proclab-worker " for one mode's --help.
void printMode(std::FILE *stream, const Mode &mode, const char *lead)
{
    std::fprintf(stream, "%s%s%s%s\n", lead, mode.name, *mode.synopsis ? " " : "", mode.synopsis);
    for (const char *line = mode.summary; *line;) {
        const char *end = std::strchr(line, '\n');
        const std::size_t length = end ? static_cast<std::size_t>(end - line) : std::strlen(line);
        std::fprintf(stream, "      %.*s\n", static_cast<int>(length), line);
        line += end ? length + 1 : length;
    }
}

void printUsage(std::FILE *stream)
{
    std::fprintf(stream,
                 "Usage: proclab-worker MODE [options]\n"
                 "\n"
                 "The helper program that ProcLab's demos and tests run as child processes.\n"
                 "\n"
                 "Modes:\n");
    for (const Mode &mode : modes())
        printMode(stream, mode, "  ");
    std::fprintf(stream,
                 "\n"
                 "Options are written \"--name VALUE\" or \"--name=VALUE\"; \"--\" ends them.\n"
                 "\"proclab-worker MODE --help\" describes one mode. Exit status 2: a usage "
                 "error.\n");
}

int runMode(const Mode &mode, int argc, char **argv)
{
    const Arguments arguments(std::vector<std::string>(argv + 2, argv + argc), mode.options);
    if (arguments.helpRequested()) {
        printMode(stdout, mode, "Usage: proclab-worker ");
        return 0;
    }
    const std::size_t count = arguments.positionals().size();
    if (count < mode.minPositionals) {
        throw UsageError(std::string(mode.name) + ": missing argument (usage: proclab-worker "
                         + mode.name + " " + mode.synopsis + ")");
    }
    if (count > mode.maxPositionals) {
        throw UsageError(std::string(mode.name) + ": unexpected argument '"
                         + arguments.positionals()[mode.maxPositionals] + "'");
    }
    return mode.run(arguments);
}

} // namespace

} // namespace ProcLab::WorkerProgram

int main(int argc, char **argv)
{
    using namespace ProcLab::WorkerProgram;

    // Line-buffered even into a pipe: each line must reach ProcLab the moment it is printed,
    // which is the whole point of watching a worker live.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::setvbuf(stderr, nullptr, _IONBF, 0);

    if (argc < 2) {
        printUsage(stderr);
        return 2;
    }
    if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        printUsage(stdout);
        return 0;
    }
    const Mode *mode = findMode(argv[1]);
    if (!mode) {
        std::fprintf(stderr, "proclab-worker: unknown mode '%s'\n", argv[1]);
        printUsage(stderr);
        return 2;
    }
    if (mode->runRaw)
        return mode->runRaw(argc - 2, argv + 2);
    try {
        return runMode(*mode, argc, argv);
    } catch (const UsageError &error) {
        std::fprintf(stderr, "proclab-worker: %s\n", error.what());
        return 2;
    }
}
