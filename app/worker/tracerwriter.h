#pragma once

#include <cstddef>
#include <string>
#include <sys/types.h>

namespace ProcLab::WorkerProgram {

// Writes the tracer's records (core/traceprotocol.h) to the events descriptor.
//
// Records collect in a buffer that the tracer flushes whenever it has no event left to handle, and
// at 64 KiB: a burst of forks costs one write, not one per record, while a lone event still
// reaches the core at once. A full pipe blocks the write, and with it the traced processes: slow
// but exact, where dropping records would not be. Without a descriptor, or once the reader is gone
// (EPIPE), records are dropped and the program runs on.
class TraceWriter final
{
public:
    explicit TraceWriter(int fd);

    bool isOpen() const { return m_fd >= 0; }

    void hello(pid_t tracerPid);
    void start(pid_t pid, pid_t parentPid, const char *how);
    // argumentBytes: argv as /proc/PID/cmdline has it (each argument followed by a NUL), possibly
    // cut short; argumentCount: how many arguments there really are.
    void exec(pid_t pid,
              const std::string &executable,
              const std::string &argumentBytes,
              std::size_t argumentCount);
    void signal(pid_t pid, int signalNumber);
    void stop(pid_t pid, int signalNumber);
    void resume(pid_t pid);
    void exit(pid_t pid, int waitStatus);
    void detach(pid_t pid);
    void lost(pid_t pid);
    void note(pid_t pid, const char *code, const std::string &text);
    void end(int waitStatus);

    void flush();

private:
    void begin(const char *kind);
    void number(long long value);
    void text(const char *data, std::size_t size);
    void finish();

    int m_fd;
    std::string m_buffer;
};

} // namespace ProcLab::WorkerProgram
