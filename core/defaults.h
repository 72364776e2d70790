#pragma once

#include <QtGlobal>

#include <chrono>

// Every default and limit a user can meet, defined once. The command line, the settings, the
// Preferences dialog, the window's spin box and the engine all read them from here, so that
// `--help`, the dialog and the behaviour cannot disagree.
namespace ProcLab::Defaults {

// How long a terminate waits after SIGTERM before it sends SIGKILL (--grace, Preferences).
constexpr std::chrono::milliseconds GracePeriod{2000};
constexpr std::chrono::milliseconds MaxGracePeriod{10 * 60 * 1000};

// Lesson 1: the tutorial's main program starts four processes.
constexpr int LessonWorkers = 4;
// --spawn N: 1 to this many.
constexpr int MaxSpawnCount = 1000;

// Lesson 2: the tutorial's time.sleep(5) before p.terminate().
constexpr int CountdownSeconds = 5;
constexpr int MinCountdownSeconds = 1;
// The window's seconds box and Preferences: an hour is longer than any lesson.
constexpr int MaxCountdownSeconds = 60 * 60;
// --countdown S: a script may want to bound a command by a day.
constexpr int MaxCommandLineCountdownSeconds = 24 * 60 * 60;

// The merged log of every worker (Preferences → Scrollback). Bounded by characters too, in the same
// proportion as the lines, so that a flood of 64 KiB lines stays near 100 MB (two bytes a character).
constexpr int ScrollbackLines = 100000;
constexpr int MinScrollbackLines = 1000;
constexpr int MaxScrollbackLines = 1000000;
constexpr qsizetype ScrollbackCharacters = 24 * 1024 * 1024;
constexpr qsizetype scrollbackCharacters(qsizetype lines)
{
    return lines * ScrollbackCharacters / ScrollbackLines;
}

// Each worker's own history (its timeline ticks, its lines kept after they left the merged log).
// Smaller than the log: a thousand workers each keeping the whole log would not fit in memory.
constexpr qsizetype WorkerHistoryLines = 5000;
constexpr qsizetype WorkerHistoryCharacters = 1024 * 1024;

// The window's text size (View → Zoom, Preferences), in points: readable from the back of a
// classroom at the top, and no smaller than a tooltip at the bottom.
constexpr int MinFontPointSize = 7;
constexpr int MaxFontPointSize = 48;

// A Python worker's multiprocessing calls kept for the timeline and the Python panel (the oldest
// go first): a program that starts processes in a loop must not grow them without end.
constexpr int MaxPythonCalls = 10000;

// The Run command… dialog remembers this many command lines.
constexpr int MaxRecentCommands = 20;

} // namespace ProcLab::Defaults
