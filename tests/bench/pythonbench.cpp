// Python seen as Python: what seeing inside a Python program costs it. A multiprocessing child
// prints a flood of lines; the program runs as a followed worker (the tracer, and ProcLab's hook
// sending each process's output over a channel of its own) and as an unfollowed one (the hook only
// line-buffers, and everything goes through the worker's pipe). Whole time from spawn to the
// pool's end, every line delivered; the goal is that following costs a flood at most 1.2 times.

#include "bench.h"
#include "poolrun.h"
#include "procstatus.h"
#include "worker.h"
#include "workerpool.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

namespace ProcLab::Bench {

namespace {

constexpr int FloodLines = 400 * 1000;
constexpr int FloodTimeoutMs = 120 * 1000;

// The tutorial's shape: the main program starts one Process, which prints; then join().
const char floodScript[] = R"(import multiprocessing
import sys

def flood(count):
    line = "x" * 63
    for _ in range(count):
        print(line)

if __name__ == '__main__':
    p = multiprocessing.Process(target=flood, args=(int(sys.argv[1]),))
    p.start()
    p.join()
)";

// Milliseconds from spawn to the pool's allFinished, or -1 when not every line arrived (or, when
// following, the lines were not the child's).
double floodMs(const std::string &python, const QString &script, bool follow)
{
    WorkerPool pool;
    WorkerSpec spec;
    spec.arguments = {QString::fromStdString(python), script, QString::number(FloodLines)};
    spec.followChildren = follow;
    qint64 childLines = 0;
    QObject::connect(&pool,
                     &WorkerPool::outputReceived,
                     &pool,
                     [&childLines](Worker *worker, const QList<OutputLine> &lines) {
                         for (const OutputLine &line : lines) {
                             if (line.pid != 0 && line.pid != worker->pid())
                                 ++childLines;
                         }
                     });
    Stopwatch clock;
    const bool finished = runUntilAllFinished(
            pool,
            [&] {
                clock.restart();
                pool.spawn(spec);
            },
            FloodTimeoutMs);
    const double elapsedMs = clock.elapsedMs();
    const Worker *worker = pool.workers().value(0);
    const qint64 lines = worker ? worker->lineCount(OutputChannel::StdOut) : -1;
    if (!finished || lines != FloodLines || (follow && childLines != FloodLines)
        || (!follow && childLines != 0)) {
        std::fprintf(stderr,
                     "python: flood %s: finished %d, lines %lld, the child's %lld\n",
                     follow ? "followed" : "not followed",
                     int(finished),
                     lines,
                     childLines);
        return -1;
    }
    return elapsedMs;
}

} // namespace

void benchPython(Context &context)
{
    Report &report = context.report;
    report.beginSection("python",
                        "Python seen as Python: a multiprocessing child's flood, followed vs not");
    const std::string &python = context.programs.python;
    if (python.empty()) {
        report.skip("python3 not found");
        return;
    }
    QTemporaryDir folder;
    const QString script = folder.filePath(QStringLiteral("flood.py"));
    QFile file(script);
    if (!folder.isValid() || !file.open(QIODevice::WriteOnly)
        || file.write(floodScript) != qint64(sizeof floodScript - 1)) {
        report.skip("cannot write the script");
        return;
    }
    file.close();
    // The core finds the tracer where the program would: tell it where the bench's worker is.
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QByteArray::fromStdString(context.programs.worker));
    // The core finds the hook beside the program; the bench is not there.
    if (qEnvironmentVariableIsEmpty("PROCLAB_PYTHON_HOOK"))
        qputenv("PROCLAB_PYTHON_HOOK", PROCLAB_BENCH_PYTHON_HOOK);
    // As a user's desktop runs Python: line-buffered by ProcLab's hook, not unbuffered.
    qunsetenv("PYTHONUNBUFFERED");

    const int rounds = context.options.quick ? 3 : 2 * context.scale.rounds + 1;
    std::vector<double> plainMs, followedMs, ratios;
    std::vector<double> plain(std::size_t(rounds), -1), followed(std::size_t(rounds), -1);
    interleave(
            rounds,
            [&](int round) {
                progress("python: flood, round %d of %d", round + 1, rounds);
                plain[std::size_t(round)] = floodMs(python, script, false);
            },
            [&](int round) { followed[std::size_t(round)] = floodMs(python, script, true); });
    int failed = 0;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        if (plain[i] < 0 || followed[i] < 0) {
            ++failed;
            continue;
        }
        plainMs.push_back(plain[i]);
        followedMs.push_back(followed[i]);
        ratios.push_back(followed[i] / plain[i]);
    }
    report.add({"python_flood_plain_ms",
                "400 000 lines from a multiprocessing child, not followed",
                "ms",
                summarize(plainMs),
                {}});
    report.add({"python_flood_followed_ms",
                "400 000 lines from a multiprocessing child, followed (each line the child's)",
                "ms",
                summarize(followedMs),
                {}});
    report.add({"python_flood_ratio",
                "a child's flood: followed / not followed",
                "x",
                summarize(ratios),
                Goal::atMost(1.2)});
    if (failed > 0)
        report.note("rounds where a run did not deliver every line were left out");
}

} // namespace ProcLab::Bench
