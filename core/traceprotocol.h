#pragma once

// The wire format between `proclab-worker trace` (the tracer) and the core (TraceRecordParser).
// Plain C++17 on purpose, no Qt: the static worker program includes it too.
//
// The tracer writes to a pipe of its own (--events-fd N), never to the program's stdout or stderr.
// One record per line; the fields of a record are separated by one tab; the first field names the
// record. Every line ends in '\n'.
//
//   hello  VERSION TIME TRACERPID         first record; VERSION is the major version below
//   start  TIME PID PPID HOW              a process exists; HOW: root fork vfork clone unknown
//   exec   TIME PID EXE ARGC ARG...       it runs a new program; EXE is /proc/PID/exe, ARGC the
//                                         length of its argv; at most ARGC ARG fields follow,
//                                         fewer when the tracer cut a very long argv short
//   signal TIME PID SIGNO                 a signal reached it (and was delivered as it was sent)
//   stop   TIME PID SIGNO                 it entered a group-stop (SIGSTOP, SIGTSTP…): paused
//   cont   TIME PID                       it left the group-stop (SIGCONT)
//   exit   TIME PID STATUS                it ended; STATUS is the raw wait status (WIFEXITED…)
//   detach TIME PID                       no longer followed: its own descendants are invisible
//   lost   TIME PID                       a detached process ended; how is unknown
//   note   TIME PID CODE TEXT             a message; PID 0 when it concerns no process
//   end    TIME STATUS                    the last record: the tracer exits like the program did
//
// Fields:
// - TIME: wall clock (CLOCK_REALTIME) in microseconds since the epoch, when the tracer saw it, so
//   that it lines up with QDateTime. Decimal, like every number here.
// - PID and PPID are process IDs (thread-group IDs): threads never appear. PPID is the process
//   that created it; the root's PPID is the tracer.
// - STATUS decodes with WIFEXITED/WEXITSTATUS/WIFSIGNALED/WTERMSIG, so that the core can read it
//   the three ways it reads a worker's exit (-N, 128+N, the signal's name).
// - Text fields (EXE, ARG, TEXT, CODE) are binary-safe: '%', every byte below 0x20 and 0x7f are
//   written as %XX (two upper-case hex digits); all other bytes, UTF-8 or not, as they are. So a
//   field never holds a tab or a newline, and an empty field is an empty argument.
// - Note CODEs: approximate (ptrace is refused: the program runs untraced, its descendants are
//   not followed; TEXT is the reason), privileges (PID exec'd a set-user-ID, set-group-ID or
//   file-capability program, which runs without those privileges while traced; TEXT is its path),
//   nested-tracer (PID runs a program that traces its own children, such as strace or gdb: the
//   tracer detached from it; TEXT is its path), error (anything else the tracer wants said).
//
// Compatibility: a reader ignores records of a kind it does not know and fields after the ones it
// knows (after the ARGC arguments of exec). Adding either keeps VERSION; anything else bumps it.
// A reader skips lines it cannot parse and carries on with the next line.

#include <cstddef>
#include <string>

namespace ProcLab::TraceProtocol {

constexpr int Version = 1;

constexpr char FieldSeparator = '\t';
constexpr char RecordEnd = '\n';

// The tracer cuts an exec's argv after this many bytes (NULs included): enough for any command
// a learner types, and a line stays small.
constexpr std::size_t MaxArgumentBytes = 32 * 1024;
// A reader may drop longer lines as garbage: an escaped exec record of the longest argv, its
// executable path and the numbers stay well below this.
constexpr std::size_t MaxRecordLength = 256 * 1024;

namespace Kind {
constexpr const char *Hello = "hello";
constexpr const char *Start = "start";
constexpr const char *Exec = "exec";
constexpr const char *Signal = "signal";
constexpr const char *Stop = "stop";
constexpr const char *Continue = "cont";
constexpr const char *Exit = "exit";
constexpr const char *Detach = "detach";
constexpr const char *Lost = "lost";
constexpr const char *Note = "note";
constexpr const char *End = "end";
} // namespace Kind

namespace How {
constexpr const char *Root = "root";
constexpr const char *Fork = "fork";
constexpr const char *Vfork = "vfork";
constexpr const char *Clone = "clone";
constexpr const char *Unknown = "unknown";
} // namespace How

namespace NoteCode {
constexpr const char *Approximate = "approximate";
constexpr const char *Privileges = "privileges";
constexpr const char *NestedTracer = "nested-tracer";
constexpr const char *Error = "error";
} // namespace NoteCode

inline bool needsEscape(unsigned char byte)
{
    return byte < 0x20 || byte == 0x7f || byte == '%';
}

// Appends size bytes of data to out, escaped as a text field.
inline void appendEscaped(std::string &out, const char *data, std::size_t size)
{
    static const char hex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (needsEscape(byte)) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        } else {
            out += static_cast<char>(byte);
        }
    }
}

inline int hexValue(char digit)
{
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    return -1;
}

} // namespace ProcLab::TraceProtocol
