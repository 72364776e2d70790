// The Python hook's start-up cost: `python3 -c pass` with ProcLab's hook and channel (the hook
// gives the process its own output pipes over the channel) against the same interpreter without
// the hook, whole wall time from exec to exit, medians of interleaved runs. The goal: at
// most 10 ms more. Also the hook without the channel (line-buffering only, as before issue 12).

#include "bench.h"
#include "pythonchannel.h"
#include "rawprocess.h"

#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

namespace ProcLab::Bench {

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
    std::vector<double> plainMs, hookMs, channelMs, added;
    int failed = 0;
    for (int run = 0; run < runs; ++run) {
        const double plain = timeRun(command, &without);
        const double hooked = timeRun(command, &hookOnly);
        const double connected = timeRun(command, &withChannel);
        // Takes the connection and its pipes, as ProcLab would, so none pile up.
        channel.readPending();
        if (plain < 0 || hooked < 0 || connected < 0) {
            ++failed;
            continue;
        }
        plainMs.push_back(plain);
        hookMs.push_back(hooked);
        channelMs.push_back(connected);
    }
    const Summary plain = summarize(plainMs);
    const Summary connected = summarize(channelMs);
    report.add({"python_start_ms", "python3 -c pass, no hook", "ms", plain, {}});
    report.add({"python_hook_only_start_ms",
                "python3 -c pass, hook without channel",
                "ms",
                summarize(hookMs),
                {}});
    report.add({"python_hook_channel_start_ms",
                "python3 -c pass, hook and channel",
                "ms",
                connected,
                {}});
    Summary difference;
    difference.count = connected.count;
    difference.median = connected.median - plain.median;
    difference.min = connected.min - plain.max;
    difference.max = connected.max - plain.min;
    report.add({"python_hook_start_ms",
                "the hook and channel add to the start (median - median)",
                "ms",
                difference,
                Goal::atMost(10)});
    if (failed > 0)
        report.note(std::to_string(failed) + " rounds where python3 did not exit 0 were left out");
    report.note("python: " + programs.python
                + "; PYTHONUNBUFFERED and PYTHONDONTWRITEBYTECODE unset");
}

} // namespace ProcLab::Bench
