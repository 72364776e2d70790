#pragma once

#include <cstddef>
#include <string>
#include <sys/types.h>
#include <vector>

namespace ProcLab::Bench {

// The baselines: processes started the way a C program would, with posix_spawn and waitpid and no
// framework at all, so that ProcLab's figures can be read as "how much more than the minimum".

// An argument or environment vector that owns its strings, built before any clock starts.
class Argv final
{
public:
    Argv() = default;
    explicit Argv(std::vector<std::string> words);
    Argv(const Argv &other);
    Argv &operator=(const Argv &other);

    char *const *data() const { return m_pointers.data(); }
    const std::vector<std::string> &words() const { return m_words; }
    bool isEmpty() const { return m_words.empty(); }

    // This process's environment without the variables named (e.g. PYTHONUNBUFFERED).
    static Argv environmentWithout(const std::vector<std::string> &names);

private:
    void point();

    std::vector<std::string> m_words;
    std::vector<char *> m_pointers;
};

enum class ChildOutput { DevNull, Pipe };

struct RawChild
{
    pid_t pid = -1;
    int stdoutFd = -1; // the read end when ChildOutput::Pipe, else -1
    bool isValid() const { return pid > 0; }
};

enum class ChildErrors { DevNull, Inherit };

// stdin is /dev/null; stdout /dev/null or a pipe; stderr /dev/null unless inherited (a helper's
// warnings should reach the person running the bench). environment nullptr: this one.
RawChild spawnRaw(const Argv &argv,
                  ChildOutput output,
                  const Argv *environment = nullptr,
                  ChildErrors errors = ChildErrors::DevNull);
// waitpid, retried on EINTR; returns the wait status, or -1.
int waitRaw(pid_t pid);
bool exitedWithZero(int waitStatus);
// The newlines in data, found with memchr: the least work a reader can do per line.
long long countNewlines(const char *data, std::size_t size);
// Reads fd until end of file; returns the bytes read and counts the newlines seen.
long long drainCounting(int fd, long long *newlines);

// Starts a program, throws its output away and waits for it; the wall time in milliseconds, or -1
// when it did not exit with status 0.
double timeRun(const Argv &argv, const Argv *environment = nullptr);

// Reads a child's stdout line by line with a deadline, for the helpers that report on stdout.
class LineReader final
{
public:
    explicit LineReader(int fd)
        : m_fd(fd)
    {}
    // false at end of file or when timeoutMs passed without a complete line.
    bool readLine(std::string *line, int timeoutMs);

private:
    int m_fd;
    std::string m_buffer;
    bool m_atEnd = false;
};

// The absolute path of a program found on PATH, or empty.
std::string findOnPath(const std::string &program);
// stdout of a short command, trailing newline removed; empty when it failed.
std::string captureOutput(const Argv &argv);

} // namespace ProcLab::Bench
