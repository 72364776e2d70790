// Worker start: how long `proclab-worker say x` takes from posix_spawn to waitpid, against a C
// program that prints one line. The worker is plain C++ without Qt so that it starts like a C
// program; this is where that promise is checked.

#include "bench.h"
#include "rawprocess.h"

#include <vector>

namespace ProcLab::Bench {

namespace {

struct RoundTimes
{
    double workerMs = -1;
    double helloMs = -1;
};

// One round: the two programs started alternately, `runs` times each, so that a burst of load from
// elsewhere hits both; the median of each, which one stalled start cannot move.
RoundTimes measureRound(const Argv &worker, const Argv &hello, int runs, bool workerFirst)
{
    std::vector<double> workerMs, helloMs;
    for (int i = 0; i < runs; ++i) {
        for (const bool isWorker : {workerFirst, !workerFirst}) {
            const double elapsed = timeRun(isWorker ? worker : hello);
            if (elapsed < 0)
                return {};
            (isWorker ? workerMs : helloMs).push_back(elapsed);
        }
    }
    return {summarize(workerMs).median, summarize(helloMs).median};
}

} // namespace

void benchWorkerStart(Context &context)
{
    Report &report = context.report;
    report.beginSection("start",
                        "Worker start: proclab-worker say x vs a C program printing a line");
    const Programs &programs = context.programs;
    if (!isExecutable(programs.hello)) {
        report.skip("the C baseline program is not built (" + programs.hello + ")");
        return;
    }
    const Argv worker({programs.worker, "say", "x"});
    const Argv hello({programs.hello});
    const int runs = context.scale.startRuns;

    std::vector<double> workerSamples, helloSamples, ratios;
    int failedRounds = 0;
    for (int round = 0; round < context.scale.rounds; ++round) {
        progress("start: round %d of %d", round + 1, context.scale.rounds);
        const RoundTimes times = measureRound(worker, hello, runs, round % 2 == 0);
        if (times.workerMs < 0 || times.helloMs < 0) {
            ++failedRounds;
            continue;
        }
        workerSamples.push_back(times.workerMs * 1000);
        helloSamples.push_back(times.helloMs * 1000);
        ratios.push_back(times.workerMs / times.helloMs);
    }
    const std::string linkage = programs.helloIsStatic ? "static" : "dynamic";
    report.add({"worker_start_us",
                "proclab-worker say x, start to exit",
                "us",
                summarize(workerSamples),
                {}});
    report.add({"hello_start_us",
                "C program (" + linkage + "), start to exit",
                "us",
                summarize(helloSamples),
                {}});
    report.add({"worker_start_ratio",
                "worker / C program (" + linkage + ")",
                "x",
                summarize(ratios),
                Goal::atMost(2)});
    if (failedRounds > 0)
        report.note("rounds where a program did not exit 0 were left out");
    report.note("each round: the median of " + std::to_string(runs)
                + " posix_spawn + waitpid of each, alternating, output to /dev/null; the C program "
                  "is linked "
                + linkage + "ally");
}

} // namespace ProcLab::Bench
