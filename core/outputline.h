#pragma once

#include <QString>
#include <QtGlobal>

namespace ProcLab {

// Where a line of output came from. Monitor lines are ProcLab's own events ("terminating 4260 …").
enum class OutputChannel : quint8 { StdOut, StdErr, Monitor };

// One line of a worker's output, already decoded. Lines are stored in bounded scrollbacks and shared
// (QString is implicitly shared, so the per-worker history and the merged log hold one copy of the text).
struct OutputLine
{
    enum Flag : quint8 {
        NoFlags = 0,
        // Ended by a lone '\r': a progress line that the next line of the same stream overwrites.
        EndsWithCarriageReturn = 0x1,
        // Replaces the previous line of the same stream, which ended with a lone '\r'.
        ReplacesPrevious = 0x2,
        // Broken at the line-length cap; the rest of the same physical line follows.
        Broken = 0x4,
        // The last bytes of a stream that ended without a newline.
        Unterminated = 0x8,
    };

    QString text;
    qint64 timestampMs = 0; // milliseconds since the epoch, when the line was read
    int workerId = 0;       // 0: the monitor itself
    // The process that wrote it, when known apart from the worker's program: a Python worker's
    // child, through ProcLab's Python hook (core/pythonchannel.h). 0: the worker's program, or a
    // process that shares its output pipe.
    qint32 pid = 0;
    OutputChannel channel = OutputChannel::StdOut;
    quint8 flags = NoFlags;

    bool hasFlag(Flag flag) const { return (flags & flag) != 0; }
};

} // namespace ProcLab
