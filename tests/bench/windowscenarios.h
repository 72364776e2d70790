#pragma once

#include <string>

namespace ProcLab::Bench {

// The measurements proclab-bench-window makes, each in a process of its own, each reporting
// "key=value" lines on stdout (probes.h). A QApplication exists when they run.

struct LoadOptions
{
    std::string source = "none"; // "none", "pacer" (rate lines/s) or "yes"
    int rate = 0;
    int seconds = 10;
    int settleMs = 1000;
};

// MainWindow shown, one worker producing output: heartbeat gaps, CPU, peak RSS, lines taken in.
int runLoad(const LoadOptions &options);
// MainWindow shown, nothing or a few counting workers: CPU, timer events, wake-ups.
int runIdle(int seconds, int workers, int settleMs);
// MainWindow ("proclab"), a bare QWidget ("bare") or a bare QWidget with one line of text in a
// QLabel ("label": any window with text pays for loading fontconfig and a font) built and shown:
// "shown=1" as soon as it is painted (the bench times the line's arrival), RSS settleMs later.
int runStartup(const std::string &which, int settleMs);

} // namespace ProcLab::Bench
