// The modes that exercise how ProcLab reads output: paced lines, floods, endless lines, broken
// UTF-8, progress bars and colours.

#include "arguments.h"
#include "modes.h"
#include "support.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace ProcLab::WorkerProgram {

namespace {

constexpr long long MaxFloodLineLength = 16 * 1024 * 1024;

// Collects small pieces and hands them to write(2) 64 KiB at a time: one system call per
// thousand lines is what lets flood outrun any reader.
class BufferedWriter final
{
public:
    static constexpr std::size_t Capacity = 64 * 1024;

    explicit BufferedWriter(int fd)
        : m_fd(fd)
        , m_buffer(Capacity)
    {}

    bool append(const char *data, std::size_t size)
    {
        while (size > 0) {
            const std::size_t chunk = std::min(size, Capacity - m_used);
            std::memcpy(m_buffer.data() + m_used, data, chunk);
            m_used += chunk;
            data += chunk;
            size -= chunk;
            if (m_used == Capacity && !flush())
                return false;
        }
        return true;
    }

    bool flush()
    {
        const bool written = writeAll(m_fd, m_buffer.data(), m_used);
        m_used = 0;
        return written;
    }

private:
    int m_fd;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
};

// A reader that goes away is how an endless flood normally ends, so EPIPE is a success.
int endOfOutput(const char *mode)
{
    return errno == EPIPE ? 0 : failWithErrno(std::string(mode) + ": write failed");
}

} // namespace

int runSay(const Arguments &arguments)
{
    // The line of the Python multiprocessing tutorial this project started from:
    // print("Process {} says: {}".format(os.getpid(), thing))
    std::printf("Process %ld says: %s\n",
                static_cast<long>(getpid()),
                arguments.joinedPositionals().c_str());
    return 0;
}

int runCount(const Arguments &arguments)
{
    const long long stop = arguments.number("--to", 100000, 0, LLONG_MAX);
    const long long intervalMs = arguments.number("--interval-ms", 1000, 0, MaxMilliseconds);
    const long long phaseMs = arguments.number("--phase-ms", 0, 0, MaxMilliseconds);
    const timespec start = monotonicNow();

    if (arguments.hasOption("--label")) {
        std::printf("Process %ld says: %s\n",
                    static_cast<long>(getpid()),
                    arguments.text("--label").c_str());
    }

    // Deadlines advance by whole intervals from the start, so number k is printed at
    // start + phase + (k - 1) * interval however long each print took: workers started together
    // stay in step for hours. The sleep after the last number mirrors Python's loop body.
    timespec due = addMilliseconds(start, phaseMs);
    sleepUntil(due);
    for (long long number = 1; number < stop; ++number) {
        std::printf("\tNumber %lld of %lld.\n", number, stop);
        due = addMilliseconds(due, intervalMs);
        sleepUntil(due);
    }
    return 0;
}

int runFlood(const Arguments &arguments)
{
    const bool unlimited = !arguments.hasOption("--lines");
    const long long lines = arguments.number("--lines", 0, 0, LLONG_MAX);
    const auto length = static_cast<std::size_t>(
            arguments.number("--length", 64, 1, MaxFloodLineLength));

    std::signal(SIGPIPE, SIG_IGN);
    std::string filler(length, 'x');
    filler.back() = '\n';
    BufferedWriter output(STDOUT_FILENO);
    char prefix[32];
    for (long long number = 1; unlimited || number <= lines; ++number) {
        const int printed = std::snprintf(prefix, sizeof prefix, "flood %09lld ", number);
        // A line shorter than its prefix keeps what fits: every line is exactly `length` bytes.
        const std::size_t kept = std::min(static_cast<std::size_t>(printed), length - 1);
        if (!output.append(prefix, kept) || !output.append(filler.data() + kept, length - kept))
            return endOfOutput("flood");
    }
    return output.flush() ? 0 : endOfOutput("flood");
}

int runNoNewline(const Arguments &arguments)
{
    const long long total = arguments.number("--bytes", 20 * 1024 * 1024, 0, LLONG_MAX);

    std::signal(SIGPIPE, SIG_IGN);
    // The 94 printable characters '!'..'~' repeated 697 times: each chunk ends where the next
    // begins, so byte i of the output is always '!' + i % 94, whatever the write sizes.
    constexpr int Printable = '~' - '!' + 1;
    std::string chunk(Printable * 697, ' ');
    for (std::size_t i = 0; i < chunk.size(); ++i)
        chunk[i] = static_cast<char>('!' + i % Printable);

    for (long long left = total; left > 0;) {
        const std::size_t size = std::min(static_cast<std::size_t>(left), chunk.size());
        if (!writeAll(STDOUT_FILENO, chunk.data(), size))
            return endOfOutput("no-newline");
        left -= static_cast<long long>(size);
    }
    return 0;
}

int runBadUtf8(const Arguments &)
{
    // Every piece is its own write(2). "한" is ED 95 9C; it is cut after two bytes and finished
    // 50 ms later, so the reader gets it in two reads and its decoder must carry the state over.
    static const char nulLine[] = {'a', '\0', 'b', '\n'};
    const bool written = writeAll(STDOUT_FILENO, "valid: 한국어\n")
                         && writeAll(STDOUT_FILENO, "invalid: \xff\xfe\x80\n")
                         && writeAll(STDOUT_FILENO, nulLine, sizeof nulLine)
                         && writeAll(STDOUT_FILENO, "\xed\x95");
    if (!written)
        return endOfOutput("bad-utf8");
    sleepMilliseconds(50);
    const bool finished = writeAll(STDOUT_FILENO, "\x9c") && writeAll(STDOUT_FILENO, "\n")
                          && writeAll(STDOUT_FILENO, "end\n");
    return finished ? 0 : endOfOutput("bad-utf8");
}

int runProgress(const Arguments &arguments)
{
    const long long steps = arguments.number("--steps", 100, 1, 1000000);
    const long long intervalMs = arguments.number("--interval-ms", 20, 0, MaxMilliseconds);

    timespec due = monotonicNow();
    for (long long step = 0; step <= steps; ++step) {
        if (step > 0) {
            due = addMilliseconds(due, intervalMs);
            sleepUntil(due);
        }
        std::printf("progress %3lld%%\r", step * 100 / steps);
        // Line buffering flushes at '\n' only, and a progress update has none.
        std::fflush(stdout);
    }
    std::printf("done\n");
    return 0;
}

int runAnsi(const Arguments &)
{
    std::printf("\033[31mred\033[0m\n");
    std::printf("\033[32mgreen\033[0m\n");
    std::printf("\033[1mbold\033[0m\n");
    std::printf("\033[38;5;208m256-colour 208\033[0m\n");
    std::printf("\033[1;34mbold blue\033[0m then reset to plain\n");
    return 0;
}

int runEchoStderr(const Arguments &arguments)
{
    std::fprintf(stderr, "%s\n", arguments.joinedPositionals().c_str());
    std::printf("out\n");
    return 0;
}

} // namespace ProcLab::WorkerProgram
