// Spawn: how long until the PIDs of N workers are known, and until all N have ended, through the
// core (Lessons::startSpawnLesson → WorkerPool::spawnBatch → Worker → QProcess) against
// posix_spawn + waitpid of the same program with the same arguments.

#include "bench.h"
#include "lessons.h"
#include "poolrun.h"
#include "processguardian.h"
#include "procstatus.h"
#include "rawprocess.h"
#include "worker.h"
#include "workerpool.h"

#include <unistd.h>
#include <vector>

namespace ProcLab::Bench {

namespace {

constexpr int SpawnTimeoutMs = 120000;

struct SpawnTimes
{
    double pidsKnownMs = -1; // the last of the N workers has a PID and has exec'd
    double allFinishedMs = -1;
    bool ok = false;
};

// What the core does for lesson 1, with a guardian as the application runs it. "PIDs known" is the
// moment the last worker reported started(pid): its exec went through, which is also when
// posix_spawn returns in the baseline (glibc waits for the exec with CLONE_VFORK).
SpawnTimes coreSpawn(const QString &workerProgram, int count, ProcessGuardian *guardian)
{
    WorkerPool pool;
    pool.setGuardian(guardian);
    SpawnTimes times;
    Stopwatch clock;
    int started = 0;
    int failed = 0;
    QObject::connect(&pool, &WorkerPool::eventOccurred, &pool, [&](const WorkerEvent &event) {
        if (event.kind == WorkerEvent::Kind::Started && ++started == count)
            times.pidsKnownMs = clock.elapsedMs();
        else if (event.kind == WorkerEvent::Kind::FailedToStart)
            ++failed;
    });
    int refused = 0;
    QObject::connect(&pool, &WorkerPool::spawnRefused, &pool, [&] { ++refused; });
    const bool finished = runUntilAllFinished(
            pool,
            [&] {
                clock.restart();
                Lessons::startSpawnLesson(pool, workerProgram, count, DemoLanguage::Korean);
            },
            SpawnTimeoutMs);
    times.allFinishedMs = clock.elapsedMs();

    bool allExitedWithZero = pool.count() == count;
    for (const Worker *worker : pool.workers()) {
        allExitedWithZero = allExitedWithZero
                            && worker->exitInfo().reason == ExitInfo::Reason::Exited
                            && worker->exitInfo().exitCode == 0;
    }
    times.ok = finished && started == count && failed == 0 && refused == 0 && allExitedWithZero;
    return times;
}

// The same programs with posix_spawn, stdout on a pipe as the core has it, read to the end and
// reaped.
SpawnTimes rawSpawn(const std::vector<Argv> &commands)
{
    SpawnTimes times;
    std::vector<RawChild> children;
    children.reserve(commands.size());
    Stopwatch clock;
    for (const Argv &command : commands)
        children.push_back(spawnRaw(command, ChildOutput::Pipe));
    times.pidsKnownMs = clock.elapsedMs();
    times.ok = true;
    for (const RawChild &child : children) {
        if (!child.isValid()) {
            times.ok = false;
            continue;
        }
        drainCounting(child.stdoutFd, nullptr);
        close(child.stdoutFd);
        times.ok = exitedWithZero(waitRaw(child.pid)) && times.ok;
    }
    times.allFinishedMs = clock.elapsedMs();
    return times;
}

std::vector<Argv> lessonCommands(const QString &workerProgram, int count)
{
    std::vector<Argv> commands;
    for (int i = 0; i < count; ++i) {
        std::vector<std::string> words;
        for (const QString &word :
             Lessons::sayWorker(workerProgram, i, DemoLanguage::Korean).arguments)
            words.push_back(word.toStdString());
        commands.emplace_back(std::move(words));
    }
    return commands;
}

// The mean of `repeats` runs: one batch of 4 takes a few milliseconds, too short to stand alone on a
// noisy machine.
template<typename Run>
SpawnTimes meanOf(int repeats, Run &&run)
{
    SpawnTimes mean;
    mean.pidsKnownMs = mean.allFinishedMs = 0;
    mean.ok = true;
    for (int i = 0; i < repeats; ++i) {
        const SpawnTimes times = run();
        mean.pidsKnownMs += times.pidsKnownMs / repeats;
        mean.allFinishedMs += times.allFinishedMs / repeats;
        mean.ok = mean.ok && times.ok;
    }
    return mean;
}

// One entry per round, core and baseline measured back to back in that round.
struct SizeSamples
{
    std::vector<double> corePids, coreFinished, rawPids, rawFinished;

    std::vector<double> ratio(const std::vector<double> &core, const std::vector<double> &raw) const
    {
        std::vector<double> ratios;
        for (std::size_t i = 0; i < core.size() && i < raw.size(); ++i)
            ratios.push_back(core[i] / raw[i]);
        return ratios;
    }
};

std::vector<double> perProcessUs(const std::vector<double> &totalsMs, int count)
{
    std::vector<double> perProcess;
    for (const double total : totalsMs)
        perProcess.push_back(total * 1000.0 / count);
    return perProcess;
}

std::vector<double> scaling(const std::vector<double> &largeMs,
                            int largeCount,
                            const std::vector<double> &smallMs,
                            int smallCount)
{
    std::vector<double> ratios;
    for (std::size_t i = 0; i < largeMs.size() && i < smallMs.size(); ++i)
        ratios.push_back((largeMs[i] / largeCount) / (smallMs[i] / smallCount));
    return ratios;
}

} // namespace

void benchSpawn(Context &context)
{
    Report &report = context.report;
    report.beginSection(
            "spawn", "Spawn: lesson 1 through the core vs posix_spawn + waitpid of the same worker");
    const QString workerProgram = QString::fromStdString(context.programs.worker);
    ProcessGuardian guardian;
    QString guardianError;
    if (!guardian.start(workerProgram, 1000, &guardianError))
        report.note("no guardian (" + guardianError.toStdString() + "): measured without it");

    const int small = 4;
    const int large = context.scale.spawnLarge;
    const std::vector<int> sizes = {small, 100, large};
    std::vector<SizeSamples> samples(sizes.size());
    std::vector<std::vector<Argv>> commands;
    for (const int size : sizes)
        commands.push_back(lessonCommands(workerProgram, size));

    int failedRounds = 0;
    for (int round = 0; round < context.scale.rounds; ++round) {
        progress("spawn: round %d of %d", round + 1, context.scale.rounds);
        std::vector<SpawnTimes> core(sizes.size()), raw(sizes.size());
        bool ok = true;
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            const int repeats = sizes[i] == small ? context.scale.spawnSmallRepeats : 1;
            const auto runCore = [&] {
                core[i] = meanOf(repeats,
                                 [&] { return coreSpawn(workerProgram, sizes[i], &guardian); });
            };
            const auto runRaw = [&] {
                raw[i] = meanOf(repeats, [&] { return rawSpawn(commands[i]); });
            };
            // Alternate the order by round, so that neither always runs on a warmer cache.
            if (round % 2 == 0) {
                runCore();
                runRaw();
            } else {
                runRaw();
                runCore();
            }
            ok = ok && core[i].ok && raw[i].ok;
        }
        // A round counts whole or not at all: the scaling figure pairs sizes of the same round.
        if (!ok) {
            ++failedRounds;
            continue;
        }
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            samples[i].corePids.push_back(core[i].pidsKnownMs);
            samples[i].coreFinished.push_back(core[i].allFinishedMs);
            samples[i].rawPids.push_back(raw[i].pidsKnownMs);
            samples[i].rawFinished.push_back(raw[i].allFinishedMs);
        }
    }

    const SizeSamples &four = samples[0];
    report.add({"spawn4_core_pids_ms", "4 PIDs known, core", "ms", summarize(four.corePids), {}});
    report.add(
            {"spawn4_raw_pids_ms", "4 PIDs known, posix_spawn", "ms", summarize(four.rawPids), {}});
    report.add({"spawn4_ratio",
                "4 PIDs known, core / posix_spawn",
                "x",
                summarize(four.ratio(four.corePids, four.rawPids)),
                Goal::atMost(1.5)});
    report.add(
            {"spawn4_core_finished_ms", "4 finished, core", "ms", summarize(four.coreFinished), {}});
    report.add({"spawn4_raw_finished_ms",
                "4 finished, posix_spawn + waitpid",
                "ms",
                summarize(four.rawFinished),
                {}});
    report.add({"spawn4_finished_ratio",
                "4 finished, core / posix_spawn",
                "x",
                summarize(four.ratio(four.coreFinished, four.rawFinished)),
                {}});
    for (std::size_t i = 1; i < sizes.size(); ++i) {
        const SizeSamples &size = samples[i];
        const std::string n = std::to_string(sizes[i]);
        report.add({"spawn" + n + "_core_pids_us",
                    n + " PIDs known, core, per process",
                    "us",
                    summarize(perProcessUs(size.corePids, sizes[i])),
                    {}});
        report.add({"spawn" + n + "_raw_pids_us",
                    n + " PIDs known, posix_spawn, per process",
                    "us",
                    summarize(perProcessUs(size.rawPids, sizes[i])),
                    {}});
        report.add({"spawn" + n + "_ratio",
                    n + " PIDs known, core / posix_spawn",
                    "x",
                    summarize(size.ratio(size.corePids, size.rawPids)),
                    {}});
        report.add({"spawn" + n + "_core_finished_us",
                    n + " finished, core, per process",
                    "us",
                    summarize(perProcessUs(size.coreFinished, sizes[i])),
                    {}});
        report.add({"spawn" + n + "_raw_finished_us",
                    n + " finished, posix_spawn, per process",
                    "us",
                    summarize(perProcessUs(size.rawFinished, sizes[i])),
                    {}});
        report.add({"spawn" + n + "_finished_ratio",
                    n + " finished, core / posix_spawn",
                    "x",
                    summarize(size.ratio(size.coreFinished, size.rawFinished)),
                    {}});
    }
    const SizeSamples &most = samples.back();
    const std::string n = std::to_string(large);
    report.add({"spawn_scaling",
                "core per-process cost (finished), " + n + " / 4",
                "x",
                summarize(scaling(most.coreFinished, large, four.coreFinished, small)),
                Goal::atMost(1.2)});
    report.add({"spawn_raw_scaling",
                "posix_spawn per-process cost (finished), " + n + " / 4",
                "x",
                summarize(scaling(most.rawFinished, large, four.rawFinished, small)),
                {}});
    report.add({"spawn_pids_scaling",
                "core per-process cost (PIDs known), " + n + " / 4",
                "x",
                summarize(scaling(most.corePids, large, four.corePids, small)),
                {}});
    if (failedRounds > 0) {
        report.note(std::to_string(failedRounds)
                    + " round(s) left out: a worker failed, was refused or did not exit 0");
    }
    report.note("PIDs known = the last worker's exec went through (Worker::started; posix_spawn "
                "returns at the same point). Finished = every worker reaped and, in the core, "
                "WorkerPool::allFinished. Core runs with a guardian, as the application does.");
}

} // namespace ProcLab::Bench
