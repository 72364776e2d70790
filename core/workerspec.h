#pragma once

#include <QString>
#include <QStringList>

namespace ProcLab {

// What to run: everything a worker needs before it starts.
struct WorkerSpec
{
    QString name;             // shown to the user; empty: the program's file name
    QStringList arguments;    // arguments.first() is the program, as the user wrote it
    QString workingDirectory; // empty: the monitor's current folder
    QStringList environment;  // extra NAME=value pairs, over the monitor's own environment
    // Ask the program to write each line as it is printed, so Python streams live through a pipe:
    // a Python worker gets ProcLab's line-buffering hook, any other PYTHONUNBUFFERED=1, unless the
    // user chose otherwise (core/pythonhook.h).
    bool lineBuffered = true;
    // Also run C programs under `stdbuf -oL -eL` (where stdbuf exists): stdio then flushes per line.
    bool useStdbuf = false;
    // Follow every process the program creates, to any depth, exactly (`proclab-worker trace`,
    // ptrace): Worker::descendants(). Meant for the commands a user runs; the lessons' own
    // workers need it not.
    bool followChildren = false;

    // Which part of the tutorial this worker plays, so the Python mirror can write the line of
    // Python that does the same: Process(target=sub_func, args=(lessonText,)).
    enum class LessonRole { None, SubProgram, Counting };
    LessonRole lessonRole = LessonRole::None;
    QString lessonText;
};

} // namespace ProcLab
