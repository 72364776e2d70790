#pragma once

#include "outputline.h"
#include "pythoncall.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QSocketNotifier;

namespace ProcLab {

// The core's end of the Python hook's channel, one per Python worker (resources/python/,
// docs/python-hook.md). The hook, in every Python process of the worker's tree, connects to
// address() (handed to it in the environment as PROCLAB_PYTHON_CHANNEL) and sends:
// - its stdout and its stderr, each on a connection of its own, so that every byte is known to
//   come from the process that made the connection (the kernel says which: SO_PEERCRED);
// - the multiprocessing calls it made, on a third connection.
// Connections from a process that fails the peer check (another user's, or not of this worker's
// tree) are closed unread.
//
// Reading is bounded per wake-up (as the worker's pipes are), so that a flood keeps the window
// painting. Nothing is left behind: the address is in Linux's abstract namespace (no file), and
// every connection closes with the channel.
class PythonChannel final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char EnvironmentVariable[] = "PROCLAB_PYTHON_CHANNEL";

    explicit PythonChannel(QObject *parent = nullptr);
    ~PythonChannel() override;

    // Starts listening; false, with errorString(), when it cannot.
    bool listen();
    QString errorString() const { return m_errorString; }
    // The value of PROCLAB_PYTHON_CHANNEL for the worker's environment ("@proclab-…": '@' stands for
    // the abstract namespace's leading NUL).
    QString address() const { return m_address; }

    // Decides whether a connecting process may use the channel (by default: same user as ProcLab).
    // The worker narrows it to its own tree.
    void setPeerCheck(std::function<bool(qint64 pid)> check);

    // Reads what is pending on every connection now, accepting new ones, in the order the
    // connections were made: the worker calls it before it hands on other output, and before it
    // tells the program's end.
    void readPending();
    // Connections still open (output may still come).
    int connectionCount() const;

signals:
    // Raw bytes one process wrote to its stdout or stderr, in order; split into lines by the worker.
    void outputReceived(qint64 pid, ProcLab::OutputChannel channel, const QByteArray &bytes);
    // That process's stream ended (it exited, or closed it): its last unterminated line is complete.
    void outputClosed(qint64 pid, ProcLab::OutputChannel channel);
    // Calls, in the order each process made them.
    void callsReceived(const QList<ProcLab::PythonCall> &calls);

private:
    struct Connection;
    enum class ReadResult { More, Drained, Closed };

    void acceptPending();
    bool isAcceptable(qint64 pid, qint64 uid) const;
    Connection *find(int fd) const;
    void readConnection(int fd);
    // Reads one bounded piece of a connection (at most ReadChunk bytes) and hands it on.
    ReadResult readOnce(Connection &connection);
    ReadResult readHello(Connection &connection);
    void handOnCalls(Connection &connection, const QByteArray &bytes);
    void watch(Connection &connection);
    void close(Connection &connection);
    void removeClosed();

    QString m_address;
    QString m_errorString;
    std::function<bool(qint64)> m_peerCheck;
    int m_listenFd = -1;
    QSocketNotifier *m_listenNotifier = nullptr;
    // In the order the connections were made: readPending() reads them in that order.
    std::vector<std::unique_ptr<Connection>> m_connections;
    bool m_reading = false;
};

} // namespace ProcLab
