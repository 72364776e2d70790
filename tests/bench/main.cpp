// proclab-bench (`make bench`): ProcLab's speed and memory figures, each a ratio against a baseline
// measured in the same run (or, for the window, against the goals of the issue "Benchmarks, and the
// speed and memory goals"), each the median of several rounds, with min and max. The machines this
// runs on are shared and noisy: absolute times drift 2x within an hour, ratios of interleaved rounds
// do not.

#include "bench.h"
#include "rawprocess.h"
#include "resourcelimits.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <sys/utsname.h>
#include <unistd.h>

namespace ProcLab::Bench {

void progress(const char *format, ...)
{
    std::va_list arguments;
    va_start(arguments, format);
    std::fputs("proclab-bench: ", stderr);
    std::vfprintf(stderr, format, arguments);
    std::fputc('\n', stderr);
    va_end(arguments);
}

bool isExecutable(const std::string &path)
{
    return !path.empty() && access(path.c_str(), X_OK) == 0;
}

namespace {

struct Machine
{
    long cores = 0;
    std::string cpu;
    std::string qt;
    std::string kernel;
    std::string buildType;
    std::string loadAtStart; // other programs' load: on a shared machine it explains a noisy run

    std::string text() const
    {
        return std::to_string(cores) + " cores (nproc), " + cpu + ", Qt " + qt + ", Linux " + kernel
               + ", " + buildType + " build, load average " + loadAtStart;
    }
};

// The 1, 5 and 15 minute load averages.
std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

Machine describeMachine()
{
    Machine machine;
    machine.cores = sysconf(_SC_NPROCESSORS_ONLN);
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            machine.cpu = line.substr(line.find(':') + 2);
            break;
        }
    }
    machine.qt = qVersion();
    utsname names = {};
    if (uname(&names) == 0)
        machine.kernel = names.release;
    machine.buildType = PROCLAB_BENCH_BUILD_TYPE;
    machine.loadAtStart = loadAverage();
    return machine;
}

// pyenv and similar put a shell script called python3 first on PATH; timing that would time the shim.
std::string realPython()
{
    const std::string onPath = findOnPath("python3");
    if (onPath.empty())
        return {};
    return captureOutput(Argv({onPath, "-c", "import sys; print(sys.executable)"}));
}

Programs findPrograms()
{
    Programs programs;
    programs.worker = PROCLAB_BENCH_WORKER;
    programs.proclab = PROCLAB_BENCH_PROCLAB;
    programs.windowHelper = PROCLAB_BENCH_WINDOW;
    programs.hello = PROCLAB_BENCH_HELLO;
    programs.helloIsStatic = PROCLAB_BENCH_HELLO_STATIC != 0;
    programs.python = realPython();
    return programs;
}

std::string jsonHeader(const Context &context, const Machine &machine)
{
    return "\"bench\": \"proclab-bench\", \"quick\": "
           + std::string(context.options.quick ? "true" : "false") + ", \"rounds\": "
           + std::to_string(context.scale.rounds) + ",\n \"machine\": {" + "\"cores\": "
           + std::to_string(machine.cores) + ", \"cpu\": \"" + jsonEscape(machine.cpu)
           + "\", \"qt\": \"" + jsonEscape(machine.qt) + "\", \"kernel\": \""
           + jsonEscape(machine.kernel) + "\", \"build\": \"" + jsonEscape(machine.buildType)
           + "\", \"load_at_start\": \"" + jsonEscape(machine.loadAtStart)
           + "\", \"load_at_end\": \"" + jsonEscape(loadAverage()) + "\"}";
}

} // namespace

} // namespace ProcLab::Bench

int main(int argc, char **argv)
{
    using namespace ProcLab::Bench;
    // A worker's pipe closing early must fail a write, not kill the bench.
    std::signal(SIGPIPE, SIG_IGN);
    // Set before anything starts, so the window helper and every child inherit it.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    Context context;
    std::string error;
    if (!parseOptions(argc, argv, &context.options, &error)) {
        std::fprintf(stderr, "proclab-bench: %s\n%s", error.c_str(), usage().c_str());
        return 2;
    }
    if (context.options.help) {
        std::fputs(usage().c_str(), stdout);
        return 0;
    }
    context.scale = Scale::forOptions(context.options);
    // As proclab itself does, so that 500 workers at once fit in the open-file limit.
    ProcLab::ResourceLimits::raiseOpenFileLimit();
    QCoreApplication application(argc, argv);
    // Every window the bench opens keeps a record of its session in the data folder: in one of
    // the bench's own, removed at its end, not in the user's (a flood makes records of hundreds
    // of megabytes).
    QTemporaryDir dataHome;
    if (dataHome.isValid())
        qputenv("XDG_DATA_HOME", QFile::encodeName(dataHome.path()));
    context.programs = findPrograms();
    if (!isExecutable(context.programs.worker)) {
        std::fprintf(stderr, "proclab-bench: %s is missing\n", context.programs.worker.c_str());
        return 1;
    }
    const Machine machine = describeMachine();
    progress("%s", machine.text().c_str());

    const std::pair<const char *, void (*)(Context &)> sections[] = {
            {"spawn", benchSpawn},
            {"start", benchWorkerStart},
            {"ingest", benchIngest},
            {"window", benchWindow},
            {"idle", benchIdle},
            {"startup", benchStartup},
            {"tutorial", benchTutorial},
            {"follow", benchFollow},
            {"python", benchPython},
            {"pythonhook", benchPythonHook},
            {"record", benchRecord},
            {"recordopen", benchRecordOpen},
    };
    for (const auto &[name, run] : sections) {
        if (context.options.wants(name))
            run(context);
    }

    std::FILE *tableOut = context.options.json ? stderr : stdout;
    std::fprintf(tableOut,
                 "\nproclab-bench%s: %s\n",
                 context.options.quick ? " --quick" : "",
                 machine.text().c_str());
    context.report.printTable(tableOut);
    if (context.options.json)
        context.report.printJson(stdout, jsonHeader(context, machine));
    return 0;
}
