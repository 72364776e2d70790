#include "rawprocess.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

namespace ProcLab::Bench {

namespace {

constexpr std::size_t ReadChunk = 64 * 1024;

double nowMs()
{
    timespec now = {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

} // namespace

Argv::Argv(std::vector<std::string> words)
    : m_words(std::move(words))
{
    point();
}

Argv::Argv(const Argv &other)
    : m_words(other.m_words)
{
    point();
}

Argv &Argv::operator=(const Argv &other)
{
    m_words = other.m_words;
    point();
    return *this;
}

void Argv::point()
{
    m_pointers.clear();
    for (std::string &word : m_words)
        m_pointers.push_back(word.data());
    m_pointers.push_back(nullptr);
}

Argv Argv::environmentWithout(const std::vector<std::string> &names)
{
    std::vector<std::string> kept;
    for (char **entry = environ; *entry; ++entry) {
        const std::string assignment = *entry;
        const std::string name = assignment.substr(0, assignment.find('='));
        if (std::find(names.begin(), names.end(), name) == names.end())
            kept.push_back(assignment);
    }
    return Argv(std::move(kept));
}

RawChild spawnRaw(const Argv &argv, ChildOutput output, const Argv *environment, ChildErrors errors)
{
    RawChild child;
    int pipeFds[2] = {-1, -1};
    // O_CLOEXEC: no other child may inherit this pipe, or end of file would never come.
    if (output == ChildOutput::Pipe && pipe2(pipeFds, O_CLOEXEC) != 0)
        return child;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (output == ChildOutput::Pipe)
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    if (errors == ChildErrors::DevNull)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    pid_t pid = -1;
    const int error = posix_spawn(&pid,
                                  argv.words().front().c_str(),
                                  &actions,
                                  nullptr,
                                  argv.data(),
                                  environment ? environment->data() : environ);
    posix_spawn_file_actions_destroy(&actions);
    if (output == ChildOutput::Pipe)
        close(pipeFds[1]);
    if (error != 0) {
        if (output == ChildOutput::Pipe)
            close(pipeFds[0]);
        return child;
    }
    child.pid = pid;
    child.stdoutFd = pipeFds[0];
    return child;
}

int waitRaw(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}

bool exitedWithZero(int waitStatus)
{
    return waitStatus >= 0 && WIFEXITED(waitStatus) && WEXITSTATUS(waitStatus) == 0;
}

long long countNewlines(const char *data, std::size_t size)
{
    long long count = 0;
    const char *end = data + size;
    while (const void *found = std::memchr(data, '\n', std::size_t(end - data))) {
        ++count;
        data = static_cast<const char *>(found) + 1;
    }
    return count;
}

long long drainCounting(int fd, long long *newlines)
{
    std::vector<char> buffer(ReadChunk);
    long long total = 0;
    for (;;) {
        const ssize_t got = read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        total += got;
        if (newlines)
            *newlines += countNewlines(buffer.data(), std::size_t(got));
    }
    return total;
}

double timeRun(const Argv &argv, const Argv *environment)
{
    const double start = nowMs();
    const RawChild child = spawnRaw(argv, ChildOutput::DevNull, environment);
    if (!child.isValid())
        return -1;
    const int status = waitRaw(child.pid);
    const double elapsed = nowMs() - start;
    return exitedWithZero(status) ? elapsed : -1;
}

bool LineReader::readLine(std::string *line, int timeoutMs)
{
    const double deadline = nowMs() + timeoutMs;
    for (;;) {
        const std::size_t newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            *line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return true;
        }
        if (m_atEnd)
            return false;
        const double left = deadline - nowMs();
        if (left <= 0)
            return false;
        pollfd watched = {m_fd, POLLIN, 0};
        if (poll(&watched, 1, int(left) + 1) <= 0)
            continue;
        char chunk[4096];
        const ssize_t got = read(m_fd, chunk, sizeof chunk);
        if (got > 0)
            m_buffer.append(chunk, std::size_t(got));
        else if (got == 0 || errno != EINTR)
            m_atEnd = true;
    }
}

std::string findOnPath(const std::string &program)
{
    const char *path = std::getenv("PATH");
    std::string directories = path ? path : "/usr/bin:/bin";
    std::size_t begin = 0;
    while (begin <= directories.size()) {
        std::size_t end = directories.find(':', begin);
        if (end == std::string::npos)
            end = directories.size();
        const std::string candidate = directories.substr(begin, end - begin) + "/" + program;
        struct stat info = {};
        if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode)
            && access(candidate.c_str(), X_OK) == 0)
            return candidate;
        begin = end + 1;
    }
    return {};
}

std::string captureOutput(const Argv &argv)
{
    const RawChild child = spawnRaw(argv, ChildOutput::Pipe);
    if (!child.isValid())
        return {};
    std::string text;
    LineReader reader(child.stdoutFd);
    std::string line;
    while (reader.readLine(&line, 10000))
        text += (text.empty() ? "" : "\n") + line;
    close(child.stdoutFd);
    return exitedWithZero(waitRaw(child.pid)) ? text : std::string();
}

} // namespace ProcLab::Bench
