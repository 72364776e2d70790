// What the window's record of its session costs, and what opening a big record costs: each a
// ratio of two fresh proclab-bench-window processes of the same run (helperrun.h).
//
// record_ratio: the unthrottled flood of the window section (`yes`), with the window's record on
// and off (the preference "Keep a record of each session", which the helper sets in its in-memory
// settings). The window takes in as many lines as it can in both, so the cost is the CPU time the
// window process spends per line taken in, recording over not recording.
//
// record_open_ratio: a record of 1 M output lines opened in the replay window (`proclab FILE`),
// from the helper's exec to the window's first paint, over the same for an empty record.

#include "bench.h"
#include "helperrun.h"
#include "procstatus.h"
#include "recordkeeper.h"
#include "recordwriter.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>
#include <map>
#include <vector>

namespace ProcLab::Bench {

namespace {

constexpr int HelperSlackMs = 60000;
constexpr long long BigRecordLines = 1000000;

bool haveHelper(Context &context)
{
    if (isExecutable(context.programs.windowHelper))
        return true;
    context.report.skip("not built (" + context.programs.windowHelper
                        + " is missing: does ui/ link?)");
    return false;
}

// CPU milliseconds of the window process per 1000 lines taken in.
double cpuPerKiloLine(const HelperRun &run)
{
    const double linesPerSecond = run.value("lines_per_second");
    return linesPerSecond > 0 ? run.value("cpu_percent") * 10.0 / linesPerSecond * 1000.0 : -1;
}

// A record as a window writes it: four workers, each started, printing its share of lines of
// 40-odd characters, 10 µs apart, and ending. With RecordWriter itself, so the file is what a
// window would have kept.
bool writeRecord(const QString &path, long long lines)
{
    const qint64 startUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    RecordWriter writer;
    if (!writer.open(path, startUs, {{QStringLiteral("command"), QStringLiteral("proclab-bench")}}))
        return false;
    constexpr int Workers = 4;
    for (int worker = 0; worker < Workers; ++worker) {
        writer.writeProcessStart(startUs + worker,
                                 4000 + worker,
                                 1,
                                 {QStringLiteral("proclab-worker"), QStringLiteral("count")},
                                 worker + 1);
    }
    const QString prefix = QStringLiteral("line of a counting worker, number ");
    for (long long line = 0; line < lines; ++line) {
        writer.writeOutput(startUs + 10 + line * 10,
                           4000 + line % Workers,
                           QLatin1String("stdout"),
                           prefix + QString::number(line));
    }
    for (int worker = 0; worker < Workers; ++worker)
        writer.writeProcessExit(startUs + 20 + lines * 10, 4000 + worker, 0);
    writer.close(startUs + 30 + lines * 10);
    return writer.errorString().isEmpty();
}

void record(std::map<std::string, std::vector<double>> &samples,
            const std::string &key,
            const HelperRun &on,
            const HelperRun &off)
{
    samples[key + "_ratio"].push_back(cpuPerKiloLine(on) / cpuPerKiloLine(off));
    samples[key + "_on"].push_back(cpuPerKiloLine(on));
    samples[key + "_off"].push_back(cpuPerKiloLine(off));
    samples[key + "_lines_ratio"].push_back(off.value("lines_per_second")
                                            / on.value("lines_per_second"));
    samples[key + "_mib"].push_back(on.value("record_bytes") / (1024.0 * 1024.0));
}

} // namespace

void benchRecord(Context &context)
{
    Report &report = context.report;
    report.beginSection("record", "The window's record: floods with recording on vs off");
    if (!haveHelper(context))
        return;
    const Scale &scale = context.scale;
    struct Flood
    {
        std::string key;
        std::string label;
        std::vector<std::string> arguments;
        int seconds;
        Goal goal;
    };
    const std::vector<Flood> floods = {
            {"record",
             "50 000 lines/s of 64 bytes",
             {"--source",
              "pacer",
              "--rate",
              "50000",
              "--seconds",
              std::to_string(scale.windowSeconds)},
             scale.windowSeconds,
             Goal::atMost(1.1)},
            {"record_yes",
             "unthrottled yes (1-byte lines)",
             {"--source", "yes", "--seconds", std::to_string(scale.yesSeconds)},
             scale.yesSeconds,
             {}},
    };
    std::map<std::string, std::vector<double>> samples;
    for (const Flood &flood : floods) {
        // --quick is what CTest's smoke test runs: one flood is enough to see it works.
        if (context.options.quick && flood.key != "record")
            continue;
        std::map<std::string, HelperRun> runs;
        const auto measure = [&](const std::string &record, int round) {
            progress("record: %s, recording %s, round %d of %d",
                     flood.label.c_str(),
                     record.c_str(),
                     round + 1,
                     scale.windowRounds);
            std::vector<std::string> arguments = {"load"};
            arguments.insert(arguments.end(), flood.arguments.begin(), flood.arguments.end());
            arguments.insert(arguments.end(), {"--record", record});
            runs[record] = runHelper(context.programs.windowHelper,
                                     arguments,
                                     flood.seconds * 1000 + HelperSlackMs);
            if (!runs[record].ok) {
                report.note(flood.key + ", recording " + record + ": helper failed ("
                            + runs[record].error + "), round left out");
            }
        };
        // Interleaved, so that a machine slowing down weighs on both alike; a round counts when
        // both of its runs worked.
        for (int round = 0; round < scale.windowRounds; ++round) {
            runs.clear();
            for (const char *record : round % 2 == 0 ? std::vector<const char *>{"on", "off"}
                                                     : std::vector<const char *>{"off", "on"})
                measure(record, round);
            const HelperRun &on = runs["on"];
            const HelperRun &off = runs["off"];
            if (on.ok && off.ok && cpuPerKiloLine(on) > 0 && cpuPerKiloLine(off) > 0)
                record(samples, flood.key, on, off);
        }
    }
    for (const Flood &flood : floods) {
        const std::string &key = flood.key;
        if (samples.count(key + "_ratio") == 0 && context.options.quick)
            continue;
        report.add({key + "_ratio",
                    flood.label + ": CPU per line, recording / not",
                    "x",
                    summarize(samples[key + "_ratio"]),
                    flood.goal});
        report.add({key + "_on_cpu_ms_per_kline",
                    flood.label + ": recording, CPU per 1000 lines",
                    "ms",
                    summarize(samples[key + "_on"]),
                    {}});
        report.add({key + "_off_cpu_ms_per_kline",
                    flood.label + ": not recording, CPU per 1000 lines",
                    "ms",
                    summarize(samples[key + "_off"]),
                    {}});
        report.add({key + "_lines_ratio",
                    flood.label + ": lines taken in, not recording / recording",
                    "x",
                    summarize(samples[key + "_lines_ratio"]),
                    {}});
        report.add({key + "_mib",
                    flood.label + ": recorded",
                    "MiB",
                    summarize(samples[key + "_mib"]),
                    {}});
    }
    report.note("the real MainWindow (offscreen) with its record on and off, one fresh window "
                "process per run; CPU: getrusage of the window process over the lines it took "
                "in; yes writes 2-byte lines, each a record line of about 60 bytes (30 times "
                "the output), so a record reaches its cap of "
                + std::to_string(RecordKeeper::SizeLimit / (1024 * 1024))
                + " MiB within seconds and is not written after; the records go to a data folder "
                  "of the bench's own, removed at "
                  "its end");
}

void benchRecordOpen(Context &context)
{
    Report &report = context.report;
    report.beginSection("recordopen",
                        "Opening a record: 1 M lines vs an empty record, to the window painted");
    if (!haveHelper(context))
        return;
    QTemporaryDir directory;
    const QString big = directory.filePath(QStringLiteral("big.proclab-record"));
    const QString empty = directory.filePath(QStringLiteral("empty.proclab-record"));
    progress("recordopen: writing a record of %lld lines", BigRecordLines);
    const Stopwatch writing;
    if (!directory.isValid() || !writeRecord(big, BigRecordLines) || !writeRecord(empty, 0)) {
        report.skip("cannot write the records to open in " + directory.path().toStdString());
        return;
    }
    progress("recordopen: written in %.0f ms", writing.elapsedMs());
    const Scale &scale = context.scale;
    std::vector<double> ratios, bigMs, emptyMs, indexedMs;
    for (int round = 0; round < scale.startupRounds; ++round) {
        progress("recordopen: round %d of %d", round + 1, scale.startupRounds);
        std::map<std::string, HelperRun> runs;
        const std::vector<std::pair<std::string, QString>> files = {{"big", big}, {"empty", empty}};
        // Alternate which goes first, as the start-up section does.
        for (std::size_t i = 0; i < files.size(); ++i) {
            const auto &[which, path] = files[(i + std::size_t(round)) % files.size()];
            runs[which] = runHelper(context.programs.windowHelper,
                                    {"open",
                                     path.toStdString(),
                                     "--settle-ms",
                                     std::to_string(scale.settleMs)},
                                    HelperSlackMs);
        }
        const HelperRun &first = runs["big"];
        if (first.value("no_replay_window", 0) > 0
            || runs["empty"].value("no_replay_window", 0) > 0) {
            report.skip("cannot measure: proclab-bench-window was built without the replay window "
                        "(ui/replay/recordopener.h, `proclab FILE.proclab-record`); the 1 M-line "
                        "record was written");
            return;
        }
        bool ok = true;
        for (const auto &[which, run] : runs) {
            if (!run.ok || run.arrivalMs.count("shown") == 0) {
                report.note("open " + which + ": helper failed (" + run.error + "), round left out");
                ok = false;
            }
        }
        if (!ok)
            continue;
        bigMs.push_back(runs["big"].arrivalMs["shown"]);
        emptyMs.push_back(runs["empty"].arrivalMs["shown"]);
        ratios.push_back(bigMs.back() / emptyMs.back());
        if (runs["big"].arrivalMs.count("indexed") > 0)
            indexedMs.push_back(runs["big"].arrivalMs["indexed"]);
    }
    report.add({"record_open_ratio",
                "1 M-line record / empty record, exec to window painted",
                "x",
                summarize(ratios),
                {}});
    report.add({"record_open_big_ms",
                "1 M-line record: exec to window painted",
                "ms",
                summarize(bigMs),
                Goal::atMost(1000)});
    report.add({"record_open_empty_ms",
                "empty record: exec to window painted",
                "ms",
                summarize(emptyMs),
                {}});
    report.add({"record_open_indexed_ms",
                "1 M-line record: exec to the whole file indexed",
                "ms",
                summarize(indexedMs),
                {}});
    report.note("the records are written with RecordWriter (4 workers, 1 M lines of ~40 "
                "characters, "
                + std::to_string(BigRecordLines / 1000000) + " M lines in "
                + std::to_string(QFileInfo(big).size() / (1024 * 1024))
                + " MiB); each opened by a fresh proclab-bench-window as `proclab FILE` opens it "
                  "(RecordOpener), painted = the first paint pass of the window is over");
}

} // namespace ProcLab::Bench
