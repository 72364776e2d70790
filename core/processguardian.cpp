#include "processguardian.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace ProcLab {

ProcessGuardian::~ProcessGuardian()
{
    if (m_socket >= 0)
        ::close(m_socket);
    if (m_pid > 0) {
        // With nothing left on its list the guardian exits as soon as it reads end-of-file.
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
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
