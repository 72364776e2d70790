// Ingest: lines per second through the core (QProcess read, UTF-8 decode, split into lines, store in
// the worker's scrollback and the pool's merged log) against a plain poll + read loop that only
// counts newlines, reading the same flooding workers.

#include "bench.h"
#include "poolrun.h"
#include "procstatus.h"
#include "rawprocess.h"
#include "worker.h"
#include "workerpool.h"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <unistd.h>
#include <vector>

namespace ProcLab::Bench {

namespace {

constexpr int IngestTimeoutMs = 600000;
constexpr int LineLength = 64;

struct IngestRun
{
    double linesPerSecond = -1;
    long long lines = 0;
};

QStringList floodArguments(const std::string &workerProgram, long long lines)
{
    return {QString::fromStdString(workerProgram),
            QStringLiteral("flood"),
            QStringLiteral("--lines"),
            QString::number(lines),
            QStringLiteral("--length"),
            QString::number(LineLength)};
}

IngestRun coreIngest(const std::string &workerProgram, int workers, long long linesEach)
{
    WorkerPool pool;
    QList<WorkerSpec> specs;
    for (int i = 0; i < workers; ++i) {
        WorkerSpec spec;
        spec.arguments = floodArguments(workerProgram, linesEach);
        specs.append(spec);
    }
    Stopwatch clock;
    const bool finished = runUntilAllFinished(
            pool,
            [&] {
                clock.restart();
                pool.spawnBatch(specs);
            },
            IngestTimeoutMs);
    const double elapsedMs = clock.elapsedMs();
    IngestRun run;
    for (const Worker *worker : pool.workers())
        run.lines += worker->lineCount(OutputChannel::StdOut);
    if (finished && run.lines == workers * linesEach)
        run.linesPerSecond = double(run.lines) * 1000.0 / elapsedMs;
    return run;
}

// The least a monitor can do: poll every pipe, read 64 KiB at a time, count '\n' with memchr.
IngestRun rawIngest(const std::string &workerProgram, int workers, long long linesEach)
{
    std::vector<std::string> words;
    for (const QString &word : floodArguments(workerProgram, linesEach))
        words.push_back(word.toStdString());
    const Argv command(words);

    Stopwatch clock;
    std::vector<RawChild> children;
    std::vector<pollfd> open;
    for (int i = 0; i < workers; ++i) {
        const RawChild child = spawnRaw(command, ChildOutput::Pipe);
        if (!child.isValid())
            return {};
        children.push_back(child);
        open.push_back({child.stdoutFd, POLLIN, 0});
    }
    IngestRun run;
    std::vector<char> buffer(64 * 1024);
    while (!open.empty()) {
        if (poll(open.data(), nfds_t(open.size()), -1) < 0 && errno != EINTR)
            return {};
        for (std::size_t i = 0; i < open.size();) {
            if (open[i].revents == 0) {
                ++i;
                continue;
            }
            const ssize_t got = read(open[i].fd, buffer.data(), buffer.size());
            if (got > 0) {
                run.lines += countNewlines(buffer.data(), std::size_t(got));
                ++i;
            } else if (got < 0 && errno == EINTR) {
                ++i;
            } else {
                close(open[i].fd);
                open.erase(open.begin() + std::ptrdiff_t(i));
            }
        }
    }
    bool ok = true;
    for (const RawChild &child : children)
        ok = exitedWithZero(waitRaw(child.pid)) && ok;
    const double elapsedMs = clock.elapsedMs();
    if (ok && run.lines == workers * linesEach)
        run.linesPerSecond = double(run.lines) * 1000.0 / elapsedMs;
    return run;
}

} // namespace

void benchIngest(Context &context)
{
    Report &report = context.report;
    report.beginSection(
            "ingest", "Ingest: flood --length 64 through the core vs a poll + read + memchr loop");
    const long long totalLines = context.scale.ingestLines;
    for (const int workers : {1, 8, 64}) {
        const long long linesEach = totalLines / workers;
        std::vector<double> core(std::size_t(context.scale.rounds), -1);
        std::vector<double> raw(std::size_t(context.scale.rounds), -1);
        interleave(
                context.scale.rounds,
                [&](int round) {
                    progress("ingest: %d worker(s), round %d of %d",
                             workers,
                             round + 1,
                             context.scale.rounds);
                    core[std::size_t(round)]
                            = coreIngest(context.programs.worker, workers, linesEach).linesPerSecond;
                },
                [&](int round) {
                    raw[std::size_t(round)] = rawIngest(context.programs.worker, workers, linesEach)
                                                      .linesPerSecond;
                });
        std::vector<double> coreSamples, rawSamples, ratios;
        for (std::size_t i = 0; i < core.size(); ++i) {
            if (core[i] <= 0 || raw[i] <= 0)
                continue;
            coreSamples.push_back(core[i]);
            rawSamples.push_back(raw[i]);
            ratios.push_back(raw[i] / core[i]);
        }
        const std::string n = std::to_string(workers);
        const bool one = workers == 1;
        report.add({"ingest_lines_per_second_" + n,
                    n + " worker(s), core",
                    "lines/s",
                    summarize(coreSamples),
                    one ? Goal::atLeast(3e6) : Goal::none()});
        report.add({"ingest_raw_lines_per_second_" + n,
                    n + " worker(s), poll + read",
                    "lines/s",
                    summarize(rawSamples),
                    {}});
        report.add({one ? std::string("ingest_ratio") : "ingest_ratio_" + n,
                    n + " worker(s), poll + read / core",
                    "x",
                    summarize(ratios),
                    one ? Goal::atMost(10) : Goal::none()});
        if (ratios.size() < core.size())
            report.note(n + " worker(s): rounds with lost lines or a failed worker were left out");
    }
    report.note(std::to_string(totalLines)
                + " lines of 64 bytes per run, shared among the workers; the time includes "
                  "starting and reaping them");
}

} // namespace ProcLab::Bench
