#pragma once

#include "defaults.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace ProcLab {

// What the user asked for on the command line (`proclab --help` lists it).
struct LaunchOptions
{
    bool headless = false;
    int spawnCount = 0;       // lesson 1 with this many workers; 0: not asked
    int countdownSeconds = 0; // 0: not asked
    QList<QStringList> runCommands;
    std::chrono::milliseconds grace = Defaults::GracePeriod;
    bool graceGiven = false; // --grace was given: it wins over a saved preference
    QString languageCode;    // "ko", "en", or empty for the system locale
    // Commands run under the tracer, so every process they create is seen (--no-follow: not).
    bool followChildren = true;
    // Where to write the record of the run (--record), or empty.
    QString recordPath;
    // What headless output lines start with (--prefix): nothing, "[4251] " or "[python3] ".
    enum class OutputPrefix { None, Pid, Name };
    OutputPrefix outputPrefix = OutputPrefix::None;
    // Records to open instead of running anything: `proclab run.proclab-record` (one: replayed in
    // the window; two: compared side by side), or the record the exports below read.
    QStringList openRecords;
    // Exports (--export-svg, --export-trace, --export-html): of the run just made, or of
    // openRecords.first() when given (then nothing runs). Empty: not asked.
    QString exportSvgPath;
    QString exportTracePath;
    QString exportHtmlPath;

    // Lesson 2 runs when a countdown is asked for without commands to apply it to.
    bool runsCountingLesson() const { return countdownSeconds > 0 && runCommands.isEmpty(); }
    bool runsLesson() const { return spawnCount > 0 || runsCountingLesson(); }
    bool hasWork() const { return runsLesson() || !runCommands.isEmpty(); }
    bool hasExports() const
    {
        return !exportSvgPath.isEmpty() || !exportTracePath.isEmpty() || !exportHtmlPath.isEmpty();
    }
};

} // namespace ProcLab
