// The Python hook's start-up cost: `python3 -c pass` with ProcLab's hook and channel (the hook
// gives the process its own output pipes over the channel) against the same interpreter without
// the hook, whole wall time from exec to exit, medians of interleaved runs. The goal: at
// most 10 ms more. Also the hook without the channel (line-buffering only, as before issue 12).

#include "bench.h"
#include "pythonchannel.h"
#include "rawprocess.h"

#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace ProcLab::Bench {

namespace {

double childrenCpuMs()
{
    rusage usage = {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

} // namespace

void benchPythonHook(Context &context)
{
    Report &report = context.report;
    report.beginSection("pythonhook", "The Python hook: python3 -c pass, with it and without");
    const Programs &programs = context.programs;
    if (programs.python.empty()) {
        report.skip("python3 not found");
        return;
    }
    const std::string hook = PROCLAB_BENCH_PYTHON_HOOK;
    if (access((hook + "/proclab_hook.py").c_str(), R_OK) != 0) {
        report.skip("the hook is not built (" + hook + ")");
        return;
    }
    PythonChannel channel;
    if (!channel.listen()) {
        report.skip("the channel cannot listen: " + channel.errorString().toStdString());
        return;
    }
    // As a user runs Python: buffered, bytecode cached.
    const std::vector<std::string> names = {"PYTHONUNBUFFERED",
                                            "PYTHONDONTWRITEBYTECODE",
                                            "PYTHONPATH",
                                            PythonChannel::EnvironmentVariable};
    const Argv without = Argv::environmentWithout(names);
    std::vector<std::string> words = without.words();
    words.push_back("PYTHONPATH=" + hook);
    const Argv hookOnly(words);
    words.push_back(std::string(PythonChannel::EnvironmentVariable) + "="
                    + channel.address().toStdString());
    const Argv withChannel(words);
    const Argv command({programs.python, "-c", "pass"});

    // The first runs write the hook's bytecode cache; they are not counted.
    timeRun(command, &hookOnly);
    timeRun(command, &withChannel);
    channel.readPending();

    const int runs = context.options.quick ? 5 : 30;
    std::vector<double> plainMs, hookMs, channelMs, addedMs, addedCpuMs;
    int failed = 0;
    for (int run = 0; run < runs; ++run) {
        // Wall time and the CPU time the interpreter used (a loaded machine stretches the first,
        // hardly the second); each round in another order, so that neither start goes first always.
        double wall[3] = {};
        double cpu[3] = {};
        const Argv *environments[3] = {&without, &hookOnly, &withChannel};
        for (int step = 0; step < 3; ++step) {
            const int which = (step + run) % 3;
            const double before = childrenCpuMs();
            wall[which] = timeRun(command, environments[which]);
            cpu[which] = childrenCpuMs() - before;
        }
        // Takes the connection and its pipes, as ProcLab would, so none pile up.
        channel.readPending();
        if (wall[0] < 0 || wall[1] < 0 || wall[2] < 0) {
            ++failed;
            continue;
        }
        plainMs.push_back(wall[0]);
        hookMs.push_back(wall[1]);
        channelMs.push_back(wall[2]);
        addedMs.push_back(wall[2] - wall[0]);
        addedCpuMs.push_back(cpu[2] - cpu[0]);
    }
    report.add({"python_start_ms", "python3 -c pass, no hook", "ms", summarize(plainMs), {}});
    report.add({"python_hook_only_start_ms",
                "python3 -c pass, hook without channel",
                "ms",
                summarize(hookMs),
                {}});
    report.add({"python_hook_channel_start_ms",
                "python3 -c pass, hook and channel",
                "ms",
                summarize(channelMs),
                {}});
    report.add({"python_hook_start_ms",
                "the hook and channel add to the start (same round)",
                "ms",
                summarize(addedMs),
                Goal::atMost(10)});
    report.add({"python_hook_start_cpu_ms",
                "the hook and channel add to its CPU time (same round)",
                "ms",
                summarize(addedCpuMs),
                {}});
    if (failed > 0)
        report.note(std::to_string(failed) + " rounds where python3 did not exit 0 were left out");
    report.note("python: " + programs.python
                + "; PYTHONUNBUFFERED and PYTHONDONTWRITEBYTECODE unset");
}

} // namespace ProcLab::Bench
