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

} // namespace

void benchRecord(Context &context)
{
    Report &report = context.report;
    report.beginSection("record", "The window's record: the flood with recording on vs off");
    if (!haveHelper(context))
        return;
    const Scale &scale = context.scale;
    const std::string seconds = std::to_string(scale.yesSeconds);
    std::map<std::string, std::vector<double>> samples;
    std::map<std::string, HelperRun> runs;
    const auto measure = [&](const std::string &record) {
        return [&, record](int round) {
            progress("record: yes with recording %s, round %d of %d",
                     record.c_str(),
                     round + 1,
                     scale.windowRounds);
            runs[record]
                    = runHelper(context.programs.windowHelper,
                                {"load", "--source", "yes", "--seconds", seconds, "--record", record},
                                scale.yesSeconds * 1000 + HelperSlackMs);
            if (!runs[record].ok) {
                report.note("recording " + record + ": helper failed (" + runs[record].error
                            + "), round left out");
            }
        };
    };
    // Interleaved, so that a machine slowing down weighs on both alike; a round counts when both
    // of its runs worked.
    for (int round = 0; round < scale.windowRounds; ++round) {
        runs.clear();
        if (round % 2 == 0) {
            measure("on")(round);
            measure("off")(round);
        } else {
            measure("off")(round);
            measure("on")(round);
        }
        const HelperRun &on = runs["on"];
        const HelperRun &off = runs["off"];
        if (!on.ok || !off.ok || cpuPerKiloLine(on) <= 0 || cpuPerKiloLine(off) <= 0)
            continue;
        samples["ratio"].push_back(cpuPerKiloLine(on) / cpuPerKiloLine(off));
        samples["lines_ratio"].push_back(off.value("lines_per_second")
                                         / on.value("lines_per_second"));
        samples["on_cpu"].push_back(cpuPerKiloLine(on));
        samples["off_cpu"].push_back(cpuPerKiloLine(off));
        samples["on_lines"].push_back(on.value("lines_per_second"));
        samples["off_lines"].push_back(off.value("lines_per_second"));
    }
    report.add({"record_ratio",
                "CPU per line taken in, recording / not",
                "x",
                summarize(samples["ratio"]),
                Goal::atMost(1.1)});
    report.add({"record_lines_ratio",
                "lines taken in, not recording / recording",
                "x",
                summarize(samples["lines_ratio"]),
                {}});
    report.add({"record_on_cpu_ms_per_kline",
                "recording: CPU per 1000 lines",
                "ms",
                summarize(samples["on_cpu"]),
                {}});
    report.add({"record_off_cpu_ms_per_kline",
                "not recording: CPU per 1000 lines",
                "ms",
                summarize(samples["off_cpu"]),
                {}});
    report.add({"record_on_lines_per_second",
                "recording: lines taken in",
                "lines/s",
                summarize(samples["on_lines"]),
                {}});
    report.add({"record_off_lines_per_second",
                "not recording: lines taken in",
                "lines/s",
                summarize(samples["off_lines"]),
                {}});
    report.note("unthrottled yes for " + seconds
                + " s into the real MainWindow (offscreen), one fresh window process per run; "
                  "CPU: getrusage of the window process; the records go to a data folder of "
                  "the bench's own, removed at its end");
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
    if (!directory.isValid() || !writeRecord(big, BigRecordLines) || !writeRecord(empty, 0)) {
        report.skip("cannot write the records to open in " + directory.path().toStdString());
        return;
    }
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
