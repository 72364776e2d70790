// The window, measured from outside: each run is a fresh proclab-bench-window process that builds the
// real ProcLab::MainWindow on the offscreen platform and reports what it saw (helperrun.h).

#include "bench.h"
#include "helperrun.h"

#include <cstdio>
#include <map>
#include <set>
#include <vector>

namespace ProcLab::Bench {

namespace {

constexpr int HelperSlackMs = 60000; // start-up, settling and stopping, on a slow day

double mib(double kilobytes)
{
    return kilobytes / 1024.0;
}

// Samples of one key over the rounds, left out where the run failed or lacked it.
class Samples final
{
public:
    void add(const std::string &key, double value) { m_values[key].push_back(value); }
    Summary summary(const std::string &key) const
    {
        const auto found = m_values.find(key);
        return found == m_values.end() ? Summary() : summarize(found->second);
    }

private:
    std::map<std::string, std::vector<double>> m_values;
};

bool checkHelper(Context &context)
{
    if (isExecutable(context.programs.windowHelper))
        return true;
    context.report.skip("not built (" + context.programs.windowHelper
                        + " is missing: does ui/ link?)");
    std::fprintf(stderr, "%s: not built\n", context.report.currentName().c_str());
    return false;
}

void noteFailure(Context &context, const std::string &what, const HelperRun &run)
{
    context.report.note(what + ": helper failed (" + run.error + "), round left out");
}

struct LoadScenario
{
    std::string key;
    std::string label;
    std::vector<std::string> arguments;
    int seconds;
    Goal p99;
    Goal max;
    Goal cpu;
};

} // namespace

void benchWindow(Context &context)
{
    Report &report = context.report;
    report.beginSection("window", "Window under a flood (offscreen, real MainWindow)");
    if (!checkHelper(context))
        return;
    const Scale &scale = context.scale;
    const auto load = [&](const std::string &source, int rate, int seconds) {
        return std::vector<std::string>{"load",
                                        "--source",
                                        source,
                                        "--rate",
                                        std::to_string(rate),
                                        "--seconds",
                                        std::to_string(seconds)};
    };
    const std::vector<LoadScenario> scenarios = {
            {"window_idle",
             "no output (baseline)",
             load("none", 0, scale.windowSeconds),
             scale.windowSeconds,
             {},
             {},
             {}},
            {"window10k",
             "10 000 lines/s",
             load("pacer", 10000, scale.windowSeconds),
             scale.windowSeconds,
             {},
             {},
             {}},
            {"window50k",
             "50 000 lines/s",
             load("pacer", 50000, scale.windowSeconds),
             scale.windowSeconds,
             Goal::atMost(20),
             Goal::atMost(50),
             Goal::atMost(60)},
            {"window_yes",
             "unthrottled yes",
             load("yes", 0, scale.yesSeconds),
             scale.yesSeconds,
             Goal::atMost(33),
             Goal::atMost(100),
             {}},
    };

    Samples samples;
    for (int round = 0; round < scale.windowRounds; ++round) {
        for (const LoadScenario &scenario : scenarios) {
            progress("window: %s, round %d of %d",
                     scenario.label.c_str(),
                     round + 1,
                     scale.windowRounds);
            const HelperRun run = runHelper(context.programs.windowHelper,
                                            scenario.arguments,
                                            scenario.seconds * 1000 + HelperSlackMs);
            if (!run.ok) {
                noteFailure(context, scenario.key, run);
                continue;
            }
            for (const char *key : {"p99_ms", "max_ms", "cpu_percent", "lines_per_second"})
                samples.add(scenario.key + "_" + key, run.value(key));
            samples.add(scenario.key + "_peak_rss_mib", mib(run.value("hwm_kb")));
        }
    }

    for (const LoadScenario &scenario : scenarios) {
        const std::string &key = scenario.key;
        report.add({key + "_p99_ms",
                    scenario.label + ": p99 gap of a 16 ms timer",
                    "ms",
                    samples.summary(key + "_p99_ms"),
                    scenario.p99});
        report.add({key + "_max_ms",
                    scenario.label + ": largest gap",
                    "ms",
                    samples.summary(key + "_max_ms"),
                    scenario.max});
        report.add({key + "_cpu_percent",
                    scenario.label + ": CPU of the window process",
                    "%",
                    samples.summary(key + "_cpu_percent"),
                    scenario.cpu});
        if (key != "window_idle") {
            report.add({key + "_lines_per_second",
                        scenario.label + ": lines taken in",
                        "lines/s",
                        samples.summary(key + "_lines_per_second"),
                        {}});
        }
    }
    report.add({"window_idle_peak_rss_mib",
                "peak RSS, window without output",
                "MiB",
                samples.summary("window_idle_peak_rss_mib"),
                {}});
    report.add({"yes_peak_rss_mib",
                "peak RSS after " + std::to_string(scale.yesSeconds) + " s of yes",
                "MiB",
                samples.summary("window_yes_peak_rss_mib"),
                Goal::atMost(120)});
    report.note("gaps: between ticks of a 16 ms Qt::PreciseTimer in the window's event loop (the "
                "baseline row shows the machine's own jitter); CPU: getrusage of the window "
                "process only, over wall time; rates are written by proclab-bench-pacer in "
                "10 ms bursts of 64-byte lines");
}

void benchIdle(Context &context)
{
    Report &report = context.report;
    report.beginSection("idle", "Idle: the window open, nothing to show");
    if (!checkHelper(context))
        return;
    const Scale &scale = context.scale;
    const std::string seconds = std::to_string(scale.idleSeconds);
    Samples samples;
    std::set<std::string> notes;
    for (int round = 0; round < scale.windowRounds; ++round) {
        for (const int workers : {0, 4}) {
            progress("idle: %d worker(s), round %d of %d", workers, round + 1, scale.windowRounds);
            const HelperRun run
                    = runHelper(context.programs.windowHelper,
                                {"idle", "--seconds", seconds, "--workers", std::to_string(workers)},
                                scale.idleSeconds * 1000 + HelperSlackMs);
            const std::string key = workers == 0 ? "idle" : "idle4";
            if (!run.ok) {
                noteFailure(context, key, run);
                continue;
            }
            const double measured = run.value("seconds", scale.idleSeconds);
            samples.add(key + "_cpu_percent", run.value("cpu_percent"));
            samples.add(key + "_timer_events", run.value("timer_events"));
            samples.add(key + "_timer_events_per_second", run.value("timer_events") / measured);
            samples.add(key + "_wakeups_per_second", run.value("wakeups") / measured);
            for (const std::string &text : run.notes)
                notes.insert((workers == 0 ? "no workers: " : "4 counting workers: ") + text);
        }
    }
    report.add({"idle_cpu_percent",
                "no workers: CPU",
                "%",
                samples.summary("idle_cpu_percent"),
                Goal::atMost(0.05)});
    report.add({"idle_timer_events",
                "no workers: timer events in " + seconds + " s",
                "events",
                samples.summary("idle_timer_events"),
                Goal::atMost(0)});
    report.add({"idle_wakeups_per_second",
                "no workers: event-loop wake-ups",
                "/s",
                samples.summary("idle_wakeups_per_second"),
                {}});
    report.add({"idle4_cpu_percent",
                "4 counting workers: CPU",
                "%",
                samples.summary("idle4_cpu_percent"),
                {}});
    report.add({"idle4_timer_events_per_second",
                "4 counting workers: timer events",
                "/s",
                samples.summary("idle4_timer_events_per_second"),
                {}});
    report.add({"idle4_wakeups_per_second",
                "4 counting workers: event-loop wake-ups",
                "/s",
                samples.summary("idle4_wakeups_per_second"),
                {}});
    for (const std::string &text : notes)
        report.note(text);
    report.note("measured over " + seconds + " s after " + std::to_string(scale.settleMs)
                + " ms of settling; 0.0 % means below 0.05 %");
}

void benchStartup(Context &context)
{
    Report &report = context.report;
    report.beginSection("startup", "Start-up and idle memory: MainWindow vs a bare QWidget window");
    if (!checkHelper(context))
        return;
    const Scale &scale = context.scale;
    // The bare window of the goal, and one with a line of text: the first text any window shows
    // loads fontconfig and a font, which the bare window never does.
    const std::vector<std::string> windows = {"proclab", "bare", "label"};
    Samples samples;
    for (int round = 0; round < scale.startupRounds; ++round) {
        progress("startup: round %d of %d", round + 1, scale.startupRounds);
        std::map<std::string, HelperRun> runs;
        // Rotate the order, so that no window always starts right after another one exited.
        for (std::size_t i = 0; i < windows.size(); ++i) {
            const std::string &which = windows[(i + std::size_t(round)) % windows.size()];
            runs[which] = runHelper(context.programs.windowHelper,
                                    {"startup", which, "--settle-ms", std::to_string(scale.settleMs)},
                                    HelperSlackMs);
        }
        bool ok = true;
        for (const auto &[which, run] : runs) {
            if (!run.ok || run.arrivalMs.count("shown") == 0) {
                noteFailure(context, "startup " + which, run);
                ok = false;
            }
        }
        if (!ok)
            continue;
        const auto shownMs = [&](const std::string &which) {
            return runs[which].arrivalMs["shown"];
        };
        const auto rss = [&](const std::string &which) {
            return mib(runs[which].value("rss_kb"));
        };
        for (const std::string &which : windows) {
            samples.add(which + "_ms", shownMs(which));
            samples.add(which + "_rss", rss(which));
        }
        samples.add("ratio", shownMs("proclab") / shownMs("bare"));
        samples.add("label_ratio", shownMs("proclab") / shownMs("label"));
        samples.add("rss_ratio", rss("proclab") / rss("bare"));
        samples.add("label_rss_ratio", rss("proclab") / rss("label"));
    }
    report.add({"startup_proclab_ms",
                "exec to MainWindow painted",
                "ms",
                samples.summary("proclab_ms"),
                {}});
    report.add(
            {"startup_bare_ms", "exec to bare window painted", "ms", samples.summary("bare_ms"), {}});
    report.add({"startup_label_ms",
                "exec to window with one QLabel painted",
                "ms",
                samples.summary("label_ms"),
                {}});
    report.add({"startup_ratio",
                "MainWindow / bare window",
                "x",
                samples.summary("ratio"),
                Goal::atMost(1.5)});
    report.add({"startup_label_ratio",
                "MainWindow / window with one QLabel",
                "x",
                samples.summary("label_ratio"),
                {}});
    report.add({"idle_rss_proclab_mib",
                "RSS, MainWindow idle",
                "MiB",
                samples.summary("proclab_rss"),
                {}});
    report.add(
            {"idle_rss_bare_mib", "RSS, bare window idle", "MiB", samples.summary("bare_rss"), {}});
    report.add({"idle_rss_label_mib",
                "RSS, window with one QLabel idle",
                "MiB",
                samples.summary("label_rss"),
                {}});
    report.add({"idle_rss_ratio",
                "RSS, MainWindow / bare window",
                "x",
                samples.summary("rss_ratio"),
                Goal::atMost(1.5)});
    report.add({"idle_rss_label_ratio",
                "RSS, MainWindow / window with one QLabel",
                "x",
                samples.summary("label_rss_ratio"),
                {}});
    report.note("all three in the same helper binary (same libraries loaded), 1100x720; painted = "
                "the first paint pass of the window is over (children and flush included); RSS "
                + std::to_string(scale.settleMs)
                + " ms later; the QLabel window pays for "
                  "fontconfig and one font, as any window with text does");
}

} // namespace ProcLab::Bench
