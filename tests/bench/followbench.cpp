// Following: what `proclab-worker trace` costs the program it follows. A shell loop of 300 forks,
// run as is and under the tracer, whole wall time from exec to exit; the tracer writes its
// records to the run's stdout, /dev/null, so the figure is the tracer's own cost (ptrace stops,
// /proc reads, its writes), not the core's reading.
//
// Then a flood through the core, as a user's run goes: one worker printing 4 million lines, read
// into the pool, followed and not; about two seconds a run, so that starting the tracer is not
// what is measured. The output never passes through the tracer (the program writes to the
// worker's pipe itself), so the goal is that following costs a flood nothing.

#include "bench.h"
#include "poolrun.h"
#include "procstatus.h"
#include "rawprocess.h"
#include "worker.h"
#include "workerpool.h"

#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace ProcLab::Bench {

namespace {

struct Ratio
{
    std::vector<double> plainMs, followedMs, ratios, cpuRatios;
    int failedRounds = 0;
};

double childrenCpuMs()
{
    rusage usage = {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// Wall time of one run, and the CPU time of everything it ran (every process in it is reaped
// by its parent, so RUSAGE_CHILDREN counts them all, the tracer included).
double timeRunWithCpu(const Argv &argv, double *cpuMs)
{
    const double before = childrenCpuMs();
    const double wallMs = timeRun(argv);
    *cpuMs = childrenCpuMs() - before;
    return wallMs;
}

// The rounds where both runs succeeded (a time of -1: failed), paired into ratios; the CPU
// ratios where CPU times were measured.
Ratio collect(const std::vector<double> &plainMs,
              const std::vector<double> &followedMs,
              const std::vector<double> &plainCpu,
              const std::vector<double> &followedCpu)
{
    Ratio ratio;
    for (std::size_t i = 0; i < plainMs.size(); ++i) {
        if (plainMs[i] < 0 || followedMs[i] < 0) {
            ++ratio.failedRounds;
            continue;
        }
        ratio.plainMs.push_back(plainMs[i]);
        ratio.followedMs.push_back(followedMs[i]);
        ratio.ratios.push_back(followedMs[i] / plainMs[i]);
        if (i < plainCpu.size() && i < followedCpu.size() && plainCpu[i] > 0)
            ratio.cpuRatios.push_back(followedCpu[i] / plainCpu[i]);
    }
    return ratio;
}

Ratio compare(const std::string &worker, const std::string &script, int rounds, const char *what)
{
    const Argv plain({"/bin/sh", "-c", script});
    const Argv followed({worker, "trace", "--events-fd", "1", "--", "/bin/sh", "-c", script});
    std::vector<double> plainMs(std::size_t(rounds), -1), followedMs(std::size_t(rounds), -1);
    std::vector<double> plainCpu(std::size_t(rounds), 0), followedCpu(std::size_t(rounds), 0);
    interleave(
            rounds,
            [&](int round) {
                progress("follow: %s, round %d of %d", what, round + 1, rounds);
                plainMs[std::size_t(round)] = timeRunWithCpu(plain, &plainCpu[std::size_t(round)]);
            },
            [&](int round) {
                followedMs[std::size_t(round)] = timeRunWithCpu(followed,
                                                                &followedCpu[std::size_t(round)]);
            });
    return collect(plainMs, followedMs, plainCpu, followedCpu);
}

constexpr long long FloodLines = 4 * 1000 * 1000;
constexpr int FloodTimeoutMs = 120 * 1000;

// Milliseconds from spawn to the pool's allFinished for one flooding worker, or -1 when it did
// not deliver every line.
double floodMs(const std::string &worker, bool follow)
{
    WorkerPool pool;
    WorkerSpec spec;
    spec.arguments = {QString::fromStdString(worker),
                      QStringLiteral("flood"),
                      QStringLiteral("--lines"),
                      QString::number(FloodLines),
                      QStringLiteral("--length"),
                      QStringLiteral("64")};
    spec.followChildren = follow;
    Stopwatch clock;
    const bool finished = runUntilAllFinished(
            pool,
            [&] {
                clock.restart();
                pool.spawn(spec);
            },
            FloodTimeoutMs);
    const double elapsedMs = clock.elapsedMs();
    const Worker *flood = pool.workers().value(0);
    if (!finished || !flood || flood->lineCount(OutputChannel::StdOut) != FloodLines
        || (follow && !flood->descendants())) {
        std::fprintf(stderr,
                     "follow: flood %s: finished %d, lines %lld, followed %d\n",
                     follow ? "followed" : "not followed",
                     int(finished),
                     flood ? flood->lineCount(OutputChannel::StdOut) : -1LL,
                     flood && flood->descendants() ? 1 : 0);
        return -1;
    }
    return elapsedMs;
}

Ratio compareFloods(const std::string &worker, int rounds)
{
    std::vector<double> plainMs(std::size_t(rounds), -1), followedMs(std::size_t(rounds), -1);
    interleave(
            rounds,
            [&](int round) {
                progress("follow: flood, round %d of %d", round + 1, rounds);
                plainMs[std::size_t(round)] = floodMs(worker, false);
            },
            [&](int round) { followedMs[std::size_t(round)] = floodMs(worker, true); });
    return collect(plainMs, followedMs, {}, {});
}

} // namespace

void benchFollow(Context &context)
{
    Report &report = context.report;
    report.beginSection("follow",
                        "Following every child: a 300-fork shell loop and a flood, traced vs not");
    const std::string &worker = context.programs.worker;
    // More rounds than elsewhere: one run is a few hundred milliseconds, and the ratio is what
    // the goal is about.
    const int rounds = context.options.quick ? 3 : 2 * context.scale.rounds + 1;

    // Forks only: a subshell that exits at once, 300 times.
    const Ratio forks = compare(worker,
                                "i=0; while [ $i -lt 300 ]; do (exit 0); i=$((i + 1)); done",
                                rounds,
                                "300 forks");
    // Fork and exec: /bin/true, 300 times (each exec also costs the tracer an argv read).
    const Ratio execs = compare(worker,
                                "i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i + 1)); done",
                                rounds,
                                "300 fork+exec");

    report.add(
            {"follow_fork_plain_ms", "300 forks, not followed", "ms", summarize(forks.plainMs), {}});
    report.add({"follow_fork_followed_ms",
                "300 forks, followed",
                "ms",
                summarize(forks.followedMs),
                {}});
    report.add({"follow_fork_ratio",
                "300 forks: followed / not followed",
                "x",
                summarize(forks.ratios),
                Goal::atMost(1.3)});
    // On a loaded machine the wall-clock ratio says little (more processes get more of the CPU
    // others compete for); the CPU time of the whole run is the tracer's cost in work.
    report.add({"follow_fork_cpu_ratio",
                "300 forks: CPU time followed / not followed",
                "x",
                summarize(forks.cpuRatios),
                {}});
    report.add({"follow_exec_plain_ms",
                "300 fork+exec, not followed",
                "ms",
                summarize(execs.plainMs),
                {}});
    report.add({"follow_exec_followed_ms",
                "300 fork+exec, followed",
                "ms",
                summarize(execs.followedMs),
                {}});
    report.add({"follow_exec_ratio",
                "300 fork+exec: followed / not followed",
                "x",
                summarize(execs.ratios),
                {}});
    report.add({"follow_exec_cpu_ratio",
                "300 fork+exec: CPU time followed / not followed",
                "x",
                summarize(execs.cpuRatios),
                {}});
    // The core finds the tracer where the program would: tell it where the bench's worker is.
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QByteArray::fromStdString(worker));
    const Ratio floods = compareFloods(worker, rounds);
    report.add({"follow_flood_plain_ms",
                "4 million lines through the core, not followed",
                "ms",
                summarize(floods.plainMs),
                {}});
    report.add({"follow_flood_followed_ms",
                "4 million lines through the core, followed",
                "ms",
                summarize(floods.followedMs),
                {}});
    report.add({"follow_flood_ratio",
                "4 million lines: followed / not followed",
                "x",
                summarize(floods.ratios),
                Goal::atMost(1.05)});

    if (forks.failedRounds + execs.failedRounds + floods.failedRounds > 0)
        report.note("rounds where a run did not exit 0 were left out");
    report.note("the tracer's records go to /dev/null: this is the followed program's slowdown");
}

} // namespace ProcLab::Bench
