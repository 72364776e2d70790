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
    // The window's own record of its session (the preference "Keep a record of each session").
    bool record = true;
};

// MainWindow shown, one worker producing output: heartbeat gaps, CPU, peak RSS, lines taken in.
int runLoad(const LoadOptions &options);
// MainWindow shown, nothing or a few counting workers: CPU, timer events, wake-ups.
int runIdle(int seconds, int workers, int settleMs);
// MainWindow ("proclab"), a bare QWidget ("bare") or a bare QWidget with one line of text in a
// QLabel ("label": any window with text pays for loading fontconfig and a font) built and shown:
// "shown=1" as soon as it is painted (the bench times the line's arrival), RSS settleMs later.
int runStartup(const std::string &which, int settleMs);

// A record opened as `proclab FILE` opens it (the replay window): "shown=1" as soon as the window
// is painted, "indexed=1" when the whole file is indexed, then quits settleMs later. Built without
// the replay window, it says "no_replay_window=1" and exits with NoReplayWindow.
constexpr int NoReplayWindow = 5;
int runOpen(const std::string &path, int settleMs);

} // namespace ProcLab::Bench
