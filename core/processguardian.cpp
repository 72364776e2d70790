#include "processguardian.h"

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace ProcLab {

namespace {

using namespace std::chrono;

// Reaps the guardians whose ProcessGuardian is gone, on a thread of its own, so that nobody waits
// for one (Qt Creator's ProcessReaper does the same for QProcess). A guardian exits as soon as it
// reads end-of-file, unless it still has groups to stop, which takes up to its grace period; one
// that takes far longer (hung) is killed. At exit the reaper waits for what is left, so ProcLab
// leaves no zombie behind.
class GuardianReaper final
{
public:
    static GuardianReaper &instance()
    {
        static GuardianReaper reaper;
        return reaper;
    }

    ~GuardianReaper()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

    void reap(pid_t pid, milliseconds patience)
    {
        // A guardian someone stopped could not read its end-of-file.
        ::kill(pid, SIGCONT);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.push_back({pid, steady_clock::now() + patience, false});
        if (m_running)
            return;
        // A thread that ran out of work cleared m_running as its last step under the lock.
        if (m_thread.joinable())
            m_thread.join();
        m_running = true;
        m_thread = std::thread(&GuardianReaper::run, this);
    }

private:
    struct Pending
    {
        pid_t pid;
        steady_clock::time_point deadline;
        bool killed;
    };

    // Reaped now, or not our child at all (ECHILD): nothing left to wait for either way.
    static bool reaped(pid_t pid)
    {
        int status = 0;
        pid_t result = 0;
        do {
            result = ::waitpid(pid, &status, WNOHANG);
        } while (result < 0 && errno == EINTR);
        return result != 0;
    }

    void run()
    {
        for (;;) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                const steady_clock::time_point now = steady_clock::now();
                const auto done = [now](Pending &guardian) {
                    if (reaped(guardian.pid))
                        return true;
                    if (!guardian.killed && now >= guardian.deadline) {
                        ::kill(guardian.pid, SIGKILL);
                        guardian.killed = true;
                    }
                    return false;
                };
                m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(), done),
                                m_pending.end());
                if (m_pending.empty()) {
                    m_running = false;
                    return;
                }
            }
            std::this_thread::sleep_for(milliseconds(10));
        }
    }

    std::mutex m_mutex;
    std::vector<Pending> m_pending;
    std::thread m_thread;
    bool m_running = false;
};

} // namespace

ProcessGuardian::~ProcessGuardian()
{
    // End-of-file tells the guardian to stop what is still on its list, then to exit.
    if (m_socket >= 0)
        ::close(m_socket);
    // It needs up to its grace period for that; far longer means it is hung.
    if (m_pid > 0)
        GuardianReaper::instance().reap(m_pid, milliseconds(m_graceMs) + seconds(5));
}

bool ProcessGuardian::start(const QString &program, int graceMs, QString *error)
{
    int sockets[2];
    // SOCK_CLOEXEC: workers must not inherit our end, or the guardian would never see end-of-file.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], STDIN_FILENO);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // A group of its own: a Ctrl+C in the terminal goes to the monitor's group, not to the guardian.
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t noSignals;
    sigemptyset(&noSignals);
    posix_spawnattr_setsigmask(&attributes, &noSignals);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);

    const QByteArray path = QFile::encodeName(program);
    const QByteArray grace = QByteArray::number(qMax(graceMs, 0));
    char mode[] = "guardian";
    char graceOption[] = "--grace-ms";
    char *arguments[] = {const_cast<char *>(path.constData()),
                         mode,
                         graceOption,
                         const_cast<char *>(grace.constData()),
                         nullptr};
    pid_t pid = 0;
    const int result
            = ::posix_spawn(&pid, path.constData(), &actions, &attributes, arguments, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(sockets[1]);

    if (result != 0) {
        ::close(sockets[0]);
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(result));
        return false;
    }
    m_socket = sockets[0];
    m_pid = pid;
    m_graceMs = qMax(graceMs, 0);
    return true;
}

void ProcessGuardian::watch(qint64 processGroupId)
{
    send('+', processGroupId);
}

void ProcessGuardian::unwatch(qint64 processGroupId)
{
    send('-', processGroupId);
}

void ProcessGuardian::send(char operation, qint64 processGroupId)
{
    if (m_socket < 0 || processGroupId <= 1)
        return;
    // One short line in one send(): it is never split, and the guardian sees it before any later
    // fork of the worker can matter. MSG_NOSIGNAL: a dead guardian must not kill us with SIGPIPE.
    const QByteArray line = operation + QByteArray::number(processGroupId) + '\n';
    ssize_t sent = 0;
    do {
        sent = ::send(m_socket, line.constData(), size_t(line.size()), MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        ::close(m_socket);
        m_socket = -1;
    }
}

} // namespace ProcLab
