#include "tracerwriter.h"

#include "support.h"
#include "traceprotocol.h"

#include <cerrno>
#include <cstdio>
#include <ctime>

namespace ProcLab::WorkerProgram {

namespace {

constexpr std::size_t FlushThreshold = 64 * 1024;

long long wallClockMicroseconds()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<long long>(now.tv_sec) * 1000000LL + now.tv_nsec / 1000;
}

} // namespace

TraceWriter::TraceWriter(int fd)
    : m_fd(fd)
{
    m_buffer.reserve(FlushThreshold + 4096);
}

void TraceWriter::begin(const char *kind)
{
    m_buffer += kind;
    number(wallClockMicroseconds());
}

void TraceWriter::number(long long value)
{
    char digits[24];
    const int length = std::snprintf(digits, sizeof digits, "%lld", value);
    m_buffer += TraceProtocol::FieldSeparator;
    m_buffer.append(digits, static_cast<std::size_t>(length));
}

void TraceWriter::text(const char *data, std::size_t size)
{
    m_buffer += TraceProtocol::FieldSeparator;
    TraceProtocol::appendEscaped(m_buffer, data, size);
}

void TraceWriter::finish()
{
    m_buffer += TraceProtocol::RecordEnd;
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

void TraceWriter::hello(pid_t tracerPid)
{
    // The version comes first, so that a reader can check it before anything else.
    m_buffer += TraceProtocol::Kind::Hello;
    number(TraceProtocol::Version);
    number(wallClockMicroseconds());
    number(tracerPid);
    finish();
}

void TraceWriter::start(pid_t pid, pid_t parentPid, const char *how)
{
    begin(TraceProtocol::Kind::Start);
    number(pid);
    number(parentPid);
    text(how, std::char_traits<char>::length(how));
    finish();
}

void TraceWriter::exec(pid_t pid,
                       const std::string &executable,
                       const std::string &argumentBytes,
                       std::size_t argumentCount)
{
    begin(TraceProtocol::Kind::Exec);
    number(pid);
    text(executable.data(), executable.size());
    number(static_cast<long long>(argumentCount));
    std::size_t written = 0;
    std::size_t position = 0;
    while (written < argumentCount && position < argumentBytes.size()) {
        std::size_t nul = argumentBytes.find('\0', position);
        if (nul == std::string::npos)
            break; // the cut-off end of an argument: leave it out rather than show half of it
        text(argumentBytes.data() + position, nul - position);
        position = nul + 1;
        ++written;
    }
    finish();
}

void TraceWriter::signal(pid_t pid, int signalNumber)
{
    begin(TraceProtocol::Kind::Signal);
    number(pid);
    number(signalNumber);
    finish();
}

void TraceWriter::stop(pid_t pid, int signalNumber)
{
    begin(TraceProtocol::Kind::Stop);
    number(pid);
    number(signalNumber);
    finish();
}

void TraceWriter::resume(pid_t pid)
{
    begin(TraceProtocol::Kind::Continue);
    number(pid);
    finish();
}

void TraceWriter::exit(pid_t pid, int waitStatus)
{
    begin(TraceProtocol::Kind::Exit);
    number(pid);
    number(waitStatus);
    finish();
}

void TraceWriter::detach(pid_t pid)
{
    begin(TraceProtocol::Kind::Detach);
    number(pid);
    finish();
}

void TraceWriter::lost(pid_t pid)
{
    begin(TraceProtocol::Kind::Lost);
    number(pid);
    finish();
}

void TraceWriter::note(pid_t pid, const char *code, const std::string &message)
{
    begin(TraceProtocol::Kind::Note);
    number(pid);
    text(code, std::char_traits<char>::length(code));
    text(message.data(), message.size());
    finish();
}

void TraceWriter::end(int waitStatus)
{
    begin(TraceProtocol::Kind::End);
    number(waitStatus);
    finish();
}

void TraceWriter::flush()
{
    if (m_buffer.empty())
        return;
    if (m_fd >= 0 && !writeAll(m_fd, m_buffer.data(), m_buffer.size())) {
        // The reader is gone (EPIPE) or the descriptor is bad: the program matters more than
        // its record, so it runs on unrecorded.
        std::fprintf(stderr,
                     "proclab-worker trace: events are no longer recorded (%s)\n",
                     errno == EPIPE ? "the reader closed the pipe" : "write failed");
        m_fd = -1;
    }
    m_buffer.clear();
}

} // namespace ProcLab::WorkerProgram
