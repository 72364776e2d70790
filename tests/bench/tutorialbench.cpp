// The tutorial: `proclab --headless --spawn N`, the real application, against the Python program of
// the tutorial ProcLab grew from (example 1: the main program prints its line and starts processes
// that print theirs), whole process wall time, from exec to exit.

#include "bench.h"
#include "rawprocess.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace ProcLab::Bench {

namespace {

// Example 1 of the tutorial, as it is printed there, with the number of processes as a parameter.
const char *const TutorialScript = R"(import multiprocessing
import os

def sub_func(thing):
    main_func(thing)

def main_func(thing):
    print("Process {} says: {}".format(os.getpid(), thing))

if __name__ == '__main__':
    main_func("메인 프로그램")
    for i in range(%d):
        p = multiprocessing.Process(target=sub_func, args=("서브 프로그램 {}".format(i),))
        p.start()
)";

// Writes the script for `count` processes into directory; returns its path, or empty.
std::string writeScript(const std::string &directory, int count)
{
    const std::string path = directory + "/study" + std::to_string(count) + ".py";
    std::FILE *file = std::fopen(path.c_str(), "w");
    if (!file)
        return {};
    std::fprintf(file, TutorialScript, count);
    return std::fclose(file) == 0 ? path : std::string();
}

double meanRunMs(const Argv &command, const Argv &environment, int runs)
{
    double total = 0;
    for (int i = 0; i < runs; ++i) {
        const double elapsed = timeRun(command, &environment);
        if (elapsed < 0)
            return -1;
        total += elapsed;
    }
    return total / runs;
}

struct Comparison
{
    std::vector<double> proclabMs, pythonMs, speedups;
    int failedRounds = 0;
};

Comparison compare(
        const Argv &proclab, const Argv &python, const Argv &environment, int rounds, int runs)
{
    std::vector<double> proclabMs(std::size_t(rounds), -1), pythonMs(std::size_t(rounds), -1);
    interleave(
            rounds,
            [&](int round) {
                progress("tutorial: %s, round %d of %d",
                         proclab.words().back().c_str(),
                         round + 1,
                         rounds);
                proclabMs[std::size_t(round)] = meanRunMs(proclab, environment, runs);
            },
            [&](int round) { pythonMs[std::size_t(round)] = meanRunMs(python, environment, runs); });
    Comparison comparison;
    for (std::size_t i = 0; i < proclabMs.size(); ++i) {
        if (proclabMs[i] < 0 || pythonMs[i] < 0) {
            ++comparison.failedRounds;
            continue;
        }
        comparison.proclabMs.push_back(proclabMs[i]);
        comparison.pythonMs.push_back(pythonMs[i]);
        comparison.speedups.push_back(pythonMs[i] / proclabMs[i]);
    }
    return comparison;
}

} // namespace

void benchTutorial(Context &context)
{
    Report &report = context.report;
    report.beginSection("tutorial",
                        "The tutorial: proclab --headless --spawn N vs the tutorial's Python");
    const Programs &programs = context.programs;
    if (!isExecutable(programs.proclab)) {
        report.skip("proclab is not built (" + programs.proclab + ")");
        return;
    }
    if (programs.python.empty()) {
        report.skip("python3 not found");
        return;
    }
    char directoryTemplate[] = "/tmp/proclab-bench-XXXXXX";
    const char *directory = mkdtemp(directoryTemplate);
    if (!directory) {
        report.skip("cannot create a temporary folder");
        return;
    }
    const int large = context.scale.tutorialLarge;
    const std::string small = writeScript(directory, 4);
    const std::string big = writeScript(directory, large);
    // The tutorial runs Python as a terminal would: buffered, whatever the developer's shell says.
    const Argv environment = Argv::environmentWithout({"PYTHONUNBUFFERED"});

    const Comparison four = compare(Argv({programs.proclab, "--headless", "--spawn", "4"}),
                                    Argv({programs.python, small}),
                                    environment,
                                    context.scale.rounds,
                                    context.scale.tutorialSmallRepeats);
    const std::string n = std::to_string(large);
    const Comparison many = compare(Argv({programs.proclab, "--headless", "--spawn", n}),
                                    Argv({programs.python, big}),
                                    environment,
                                    context.scale.tutorialLargeRounds,
                                    1);
    std::remove(small.c_str());
    std::remove(big.c_str());
    rmdir(directory);

    report.add({"tutorial_proclab_ms",
                "proclab --headless --spawn 4",
                "ms",
                summarize(four.proclabMs),
                {}});
    report.add({"tutorial_python_ms",
                "python3 study.py (4 processes)",
                "ms",
                summarize(four.pythonMs),
                {}});
    report.add({"tutorial_ratio",
                "4: Python / proclab (times faster)",
                "x",
                summarize(four.speedups),
                Goal::atLeast(10)});
    report.add({"tutorial" + n + "_proclab_ms",
                "proclab --headless --spawn " + n,
                "ms",
                summarize(many.proclabMs),
                {}});
    report.add({"tutorial" + n + "_python_ms",
                "python3, multiprocessing, " + n + " processes",
                "ms",
                summarize(many.pythonMs),
                {}});
    report.add({"tutorial300_ratio",
                n + ": Python / proclab (times faster)",
                "x",
                summarize(many.speedups),
                Goal::atLeast(5)});
    if (four.failedRounds + many.failedRounds > 0)
        report.note("rounds where a program did not exit 0 were left out");
    report.note("python: " + programs.python
                + " (the interpreter itself, not a shim); "
                  "PYTHONUNBUFFERED unset; output to /dev/null for both");
}

} // namespace ProcLab::Bench
