#pragma once

#include <QString>

#include <sys/types.h>

namespace ProcLab {

// Makes sure nothing survives the monitor, even when it is SIGKILLed or crashes.
//
// PR_SET_PDEATHSIG reaches only a worker itself, not the children it forks. So the monitor starts one
// small guardian process (`proclab-worker guardian`) and tells it, over a socket, which process groups
// it is responsible for. When the monitor dies, for any reason, the kernel closes the socket; the
// guardian reads end-of-file and terminates, then kills, every group still on its list.
//
// Destroying it closes the socket, which ends the guardian in the same way, and never waits for
// it: a thread of this file reaps it (see GuardianReaper in the .cpp), so no zombie is left.
class ProcessGuardian final
{
public:
    ProcessGuardian() = default;
    ~ProcessGuardian();

    ProcessGuardian(const ProcessGuardian &) = delete;
    ProcessGuardian &operator=(const ProcessGuardian &) = delete;

    // Starts `program guardian --grace-ms N`. Returns false, with a reason in error, when it cannot.
    bool start(const QString &program, int graceMs, QString *error = nullptr);
    qint64 pid() const { return m_pid; }

    void watch(qint64 processGroupId);
    void unwatch(qint64 processGroupId);

private:
    void send(char operation, qint64 processGroupId);

    int m_socket = -1;
    pid_t m_pid = 0;
    int m_graceMs = 0;
};

} // namespace ProcLab
